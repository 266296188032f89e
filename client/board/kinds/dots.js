// The dot-vote kind: its component, and on the projector, after the vote, the groups compared.

import { h } from '../../dom.js';
import { L } from '../../i18n.js';
import { dotsSection } from '../dots.js';
import { differView } from '../differ-view.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = {
  type: 'dots',
  component: dotsSection,
  /** On the projector, shown instead of the cards after the vote: the groups side by side, agree
   * and differ marked. */
  projectorAlt(app, boardId, section) {
    const differ = differView(app, boardId, section);
    const el = h('section.sec.proj-differ', { 'data-testid': `projector-differ-${app.tid(boardId, section.id)}`, hidden: true },
      h('header.sec-head', h('h2.sec-title', L(section.title))), differ.el);
    return { el, component: differ };
  },
  scene(app, part, { about }) {
    if (!about) return { show: false };
    const vote = app.state.boards[part.board].dots[part.section.id];
    const locked = (app.state.boards[part.board].locked || []).includes(part.section.id);
    const anyDots = Object.keys(vote?.counts || {}).length > 0;
    return { show: true, alt: locked && !vote.hidden && anyDots };
  },
};
