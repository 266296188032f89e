// The live questions in the summary (and its PDF, printed from it): the word cloud as its words
// with their counts, the open question's shown answers (pinned first). Text only, never markup.
// Each is its kind's `summary` in the registry (client/board/kinds/live.js).

import { h } from './dom.js';
import { t, L } from './i18n.js';

export function wordcloudSummary(section) {
  return h('section.sum-section', { 'data-testid': `sum-wordcloud-${section.id}` },
    h('h2', L(section.title)),
    h('p.sum-muted', L(section.prompt)),
    section.words.length
      ? h('ol.sum-words', section.words.map((w) => h('li',
        (section.most_recognised || []).includes(w.word) ? h('span.sum-count', { 'aria-label': t('rcMost') }, '★ ') : null,
        h('span.sum-word', w.word), h('span.sum-count', ` ${w.count}×`),
        w.recognised !== undefined ? h('span.sum-count', ` · ${t('rcCount', { n: w.recognised })}`) : null)))
      : h('p.sum-muted', t('wcEmpty')));
}

export function openSummary(section) {
  return h('section.sum-section', { 'data-testid': `sum-open-${section.id}` },
    h('h2', L(section.title)),
    h('p.sum-muted', L(section.prompt)),
    section.answers.length
      ? h('ul.sum-notes', section.answers.map((a) => h('li.sum-note',
        h('span.sum-note-text', a.text),
        a.merged ? h('span.sum-owner', ` ${t('oqMerged', { n: a.merged })}`) : null,
        a.pinned ? h('span.sum-owner', ` · ${t('sumPinned')}`) : null)))
      : h('p.sum-muted', t('oqEmpty')));
}

export function statementsSummary(section) {
  const scale = section.scale === 'yesno' ? [['1', t('stYes')], ['0', t('stNo')]] : ['1', '2', '3', '4', '5'].map((v) => [v, '★'.repeat(+v)]);
  return h('section.sum-section', { 'data-testid': `sum-statements-${section.id}` },
    h('h2', L(section.title)),
    section.withheld ? h('p.sum-muted', t('stHiddenNotice')) : h('ul.sum-notes', section.statements.map((st) => h('li.sum-note',
      h('span.sum-note-text', L(st.label)),
      h('span.sum-owner', ` ${scale.map(([v, name]) => `${name} ${st.counts[v] || 0}`).join(' · ')}`)))));
}

export function standSummary(section) {
  return h('section.sum-section', { 'data-testid': `sum-stand-${section.id}` },
    h('h2', L(section.title)),
    h('p.sum-muted', L(section.prompt)),
    h('ul.sum-notes', section.segments.map((seg) => h('li.sum-note',
      h('span.sum-note-text', L(seg.label)), h('span.sum-owner', ` ${t('standCount', { n: seg.count })}`)))));
}
