// The tree kind's block of the summary page (index.js: loaded by the summary page only).

import { h } from '../../dom.js';
import { t, L } from '../../i18n.js';
import { useKindStyles } from './ballot-tools.js';

const word = (a) => (a === 'ja' ? t('treeYes') : t('treeNo'));

/** The summary page's tree: the questions with the split and the group's answer, the path, the outcome. */
export function summary(section) {
  useKindStyles();
  const outcome = section.outcome;
  return h('section.sum-section.sum-tree', { 'data-testid': `sum-tree-${section.id}` },
    h('h2', L(section.title)),
    section.withheld ? h('p.sum-muted', t('sumWithheld')) : null,
    h('ol.tree-list.sum-tree-list', section.questions.map((q, i) => h('li.tree-q', {
      class: q.on_path && q.group ? 'on-path' : q.on_path ? 'open' : 'off-path', 'data-answer': q.on_path ? q.group || '' : '',
    },
    h('span.tree-num', String(i + 1)),
    h('div.tree-body',
      h('p.tree-label', L(q.label)),
      h('p.tree-exits', section.withheld ? null : h('span', t('treeSplit', q.split)),
        q.group ? h('strong', ` · ${t('treeGroup')}: ${word(q.group)}`) : null))))),
    h('div.tree-outcome', { class: outcome ? `reached${outcome.fits ? ' fits' : ''}` : '', 'data-testid': `sum-tree-outcome-${section.id}` },
      h('span.tree-outcome-kicker', t('sumTreeOutcome')),
      h('p.tree-outcome-text', outcome ? L(outcome.label) : t('sumTreeNoOutcome'))));
}
