// The weighting and the contract of agreements in the summary (and its PDF, printed from it): the
// themes by their dots with the top marked (nothing while withheld), the values with how many
// agreed and which are agreements. Text only, never markup. Asked of the kinds' registry
// (client/board/kinds/contract.js), in the template's order.

import { h } from './dom.js';
import { t, L } from './i18n.js';

export function weightingSummary(section) {
  return h('section.sum-section', { 'data-testid': `sum-weighting-${section.id}` },
    h('h2', L(section.title)),
    section.withheld ? h('p.sum-muted', t('wtHiddenNotice')) : h('ol.sum-notes', section.items.filter((i) => !i.merged_into).map((i) => h('li.sum-note',
      i.top ? h('span.sum-count', `${t('wtTop', { n: section.top })} · `) : null,
      h('span.sum-note-text', i.text),
      h('span.sum-owner', ` ${t('wtDots', { n: i.dots })}`)))));
}

export function agreementsSummary(section) {
  return h('section.sum-section', { 'data-testid': `sum-agreements-${section.id}` },
    h('h2', L(section.title)),
    h('p.sum-muted', L(section.prompt)),
    h('ul.sum-notes', section.items.filter((i) => !i.hidden).map((i) => h('li.sum-note',
      i.agreed ? h('span.sum-count', `${t('agAgreed')} `) : null,
      h('span.sum-note-text', i.label ? L(i.label) : i.text),
      h('span.sum-owner', ` ${t('agCount', { n: i.confirmed, total: section.people })}`)))));
}
