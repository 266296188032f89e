// The frame every section shares: a card with a title, a "now" badge while its step is on, and
// the step it belongs to.

import { h, toggle } from '../dom.js';
import { t, L } from '../i18n.js';

/** "Stap 2" for a step labelled "2 Drijfveren"; the label itself when it has no number. */
export function stepShort(step) {
  const num = L(step.label).match(/^\d+/);
  return num ? `${t('step')} ${num[0]}` : L(step.label);
}

/** A section card; `setCurrent(on)` marks it as the current step's. */
export function sectionCard(app, { cls, id, testid, title, step, extraHead = [] }) {
  const nowBadge = h('span.now-badge', { hidden: true }, t('sectionCurrent'));
  const head = h('header.sec-head',
    h('div.sec-title-row',
      h('h2.sec-title', title),
      nowBadge,
      step && !app.projector ? h('span.sec-step', stepShort(step)) : null),
    ...extraHead);
  const el = h('section.sec', { class: cls, id, 'data-testid': testid, 'aria-label': title }, head);
  function setCurrent(on) {
    toggle(el, 'current', on);
    nowBadge.hidden = !on;
  }
  return { el, head, setCurrent };
}

/** The card of a template's section; `updateCurrent()` follows the session's step. */
export function sectionShell(app, boardId, section, extraHead = []) {
  const card = sectionCard(app, {
    cls: `sec-${section.type} sec-id-${section.id}`,
    id: `sec-${boardId}-${section.id}`,
    testid: `section-${app.tid(boardId, section.id)}`,
    title: L(section.title),
    step: app.allSteps().find((s) => s.id === section.step),
    extraHead,
  });
  const updateCurrent = () => card.setCurrent(!!section.step && app.state.step === section.step);
  return { ...card, updateCurrent };
}
