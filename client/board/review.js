// The actions under review (kind actions_review): a learning network's open actions, each marked
// by the group, live: klaar (done), open (still open), vervallen (dropped). Anyone in the room
// may mark during the step; the projector shows the marks.

import { h, setText, toggle, attr, reconcile } from '../dom.js';
import { L, getLang } from '../i18n.js';
import { sectionShell } from './shell.js';

const MARKS = ['klaar', 'open', 'vervallen'];
const WORDS = {
  nl: { klaar: 'Klaar', open: 'Nog open', vervallen: 'Vervallen', none: 'Geen open acties uit het netwerk.' },
  en: { klaar: 'Done', open: 'Still open', vervallen: 'Dropped', none: 'No open actions from the network.' },
};
const word = (key) => (WORDS[getLang()] || WORDS.nl)[key];

export function reviewSection(app, boardId, section) {
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt))]);
  const list = h('ul.review-list', { 'data-testid': `review-${section.id}` });
  const empty = h('p.sec-prompt', { hidden: true });
  shell.el.append(empty, list);
  const member = () => !app.projector && (app.isFac() || app.isPart());

  function row(item) {
    const buttons = MARKS.map((mark) => h('button.btn.btn-small.review-mark', {
      type: 'button', 'data-mark': mark, 'data-testid': `review-${item.id}-${mark}`,
      on: {
        click: () => {
          const now = current(item.id);
          app.send({ type: 'mark_review', board: boardId, section: section.id, item: item.id,
            mark: now && now.mark === mark ? '' : mark }).catch(() => {});
        },
      },
    }));
    const text = h('span.review-text');
    const owner = h('span.review-owner');
    const badge = h('span.review-badge', { 'data-testid': `review-${item.id}-badge` });
    return h('li.review-item', { 'data-testid': 'review-item' }, h('div.review-what', text, owner, badge),
      h('div.review-marks', { role: 'group', 'aria-label': item.text }, ...buttons));
  }

  const current = (id) => (app.state.boards[boardId].reviews?.[section.id] || []).find((i) => i.id === id);

  function update() {
    shell.updateCurrent();
    const items = app.state.boards[boardId].reviews?.[section.id] || [];
    empty.hidden = items.length > 0;
    setText(empty, word('none'));
    const can = member() && !shell.blocked() && !app.closed();
    reconcile(list, items, (i) => i.id, row, (li, item) => {
      setText(li.querySelector('.review-text'), item.text);
      setText(li.querySelector('.review-owner'), item.owner ? ` — ${item.owner}` : '');
      const badge = li.querySelector('.review-badge');
      setText(badge, item.mark ? word(item.mark) : '');
      attr(li, 'data-mark', item.mark || '');
      for (const b of li.querySelectorAll('.review-mark')) {
        setText(b, word(b.dataset.mark));
        attr(b, 'aria-pressed', String(item.mark === b.dataset.mark));
        b.disabled = !can;
        b.hidden = app.projector;
      }
      toggle(li, 'marked', !!item.mark);
    });
  }
  return { el: shell.el, update };
}
