// The radar kind's block of the summary page (index.js: loaded by the summary page only).

import { h } from '../../dom.js';
import { t, L } from '../../i18n.js';
import { radarSvg } from './radar-svg.js';
import { svgElement, words, fmt } from './radar-parts.js';
import { useKindStyles } from './ballot-tools.js';

/** The summary page's radar: drawn from the summary's data, as vector (sharp in print). */
function radarSummary(section, groups) {
  useKindStyles();
  const dots = Object.fromEntries(section.pillars.map((p) => [p.id, p.dots]));
  const stats = Object.fromEntries(section.pillars.filter((p) => p.n).map((p) => [p.id, { median: p.median, spread: p.spread, n: p.n }]));
  const any = section.pillars.some((p) => p.n);
  return h('section.sum-section.sum-radar', { 'data-testid': `sum-radar-${section.id}` },
    h('h2', L(section.title)),
    section.withheld ? h('p.sum-muted', t('sumWithheld'))
      : !any ? h('p.sum-muted', t('sumRadarNone'))
        : h('div.radar-layout',
          h('div.radar-figure', h('div.radar-chart', svgElement(radarSvg({
            pillars: section.pillars.map((p) => ({ id: p.id, label: L(p.label) })), rings: section.rings, dots, groups, stats,
            weakest: section.pillars.filter((p) => p.weakest).map((p) => p.id),
            disputed: section.pillars.filter((p) => p.disputed).map((p) => p.id), words: words(),
          }))), h('p.radar-legend', t('radarLegend'))),
          h('div.radar-side',
            h('p.radar-reading', { 'data-testid': `sum-radar-reading-${section.id}` },
              section.reading ? t(`radarReading_${section.reading}`) : t('radarReadingNone')),
            h('ul.radar-rows', section.pillars.map((p) => h('li.radar-row', { class: [p.weakest ? 'weakest' : '', p.disputed ? 'disputed' : ''].join(' ') },
              h('span.radar-row-name', h('strong', L(p.label)), h('span.radar-row-hint', L(p.hint))),
              h('span.radar-row-stats', p.n ? t('radarStats', { median: fmt(p.median), spread: p.spread }) : '–')))))));
}

export const summary = (section, { groups }) => radarSummary(section, groups);
