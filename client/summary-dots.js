// A dot vote in the summary (and its print): a bar pair per option, both groups side by side, by
// share; the options most agreed and most differed on.

import { h } from './dom.js';
import { t, L } from './i18n.js';
import { svg, pct, legend } from './summary-parts.js';


function dotChart(section, groups) {
  const byId = Object.fromEntries(section.options.map((o) => [o.id, o]));
  const max = Math.max(0.01, ...section.options.flatMap((o) => groups.map((g) => o.shares[g.id] || 0)));
  const rows = section.options.map((o) => {
    const bars = svg('svg', { class: 'sum-bars', width: '100%', height: groups.length * 22, role: 'img',
      'aria-label': groups.map((g) => `${L(g.label)}: ${o.counts[g.id]} (${pct(o.shares[g.id])})`).join(', ') });
    groups.forEach((g, i) => {
      const y = i * 22 + 2;
      const w = (o.shares[g.id] / max) * 68;
      const m = svg('g', { transform: `translate(0 ${y})` });
      m.appendChild(i % 2 === 0
        ? svg('circle', { cx: 9, cy: 9, r: 8.5, fill: g.colour })
        : svg('rect', { x: 1, y: 1, width: 16, height: 16, rx: 2, fill: g.colour }));
      m.appendChild(svg('text', { x: 9, y: 13, 'text-anchor': 'middle', 'font-size': 10.5, 'font-weight': 700, fill: '#fff' }, g.letter));
      bars.appendChild(m);
      bars.appendChild(svg('rect', { x: 24, y: y + 3, width: `${Math.max(w, 0.4)}%`, height: 12, rx: 3,
        fill: g.colour, 'fill-opacity': o.counts[g.id] ? 1 : 0.25 }));
      // the value just after its bar: a share of the width, plus the marker's 24 px and a gap
      bars.appendChild(svg('text', { x: `${w + 1}%`, dx: 30, y: y + 13, 'font-size': 12, fill: '#334155' },
        `${o.counts[g.id]} · ${pct(o.shares[g.id])}`));
    });
    const mark = o.mark === 'agree' ? h('span.sum-badge.agree', t('sumAgree'))
      : o.mark === 'differ' ? h('span.sum-badge.differ', t('sumDiffer')) : null;
    return h('div.sum-chart-row', { 'data-testid': `sum-option-${section.id}-${o.id}`, class: o.mark ? `mark-${o.mark}` : '' },
      h('div.sum-chart-label', h('span.sum-option', L(o.label)), mark),
      bars);
  });
  const top = (ids, n = 3) => ids.slice(0, n).map((id) => byId[id]).filter(Boolean);
  const agreeList = top(section.agree);
  const differList = top(section.differ);
  const gapText = (o) => groups.map((g) => `${g.letter} ${pct(o.shares[g.id])}`).join(' · ');
  return h('div.sum-dots',
    h('figure.sum-chart', { 'data-testid': `sum-chart-${section.id}` },
      h('figcaption.sum-muted', t('sumChartCaption', { n: section.per_person })),
      rows),
    h('div.sum-compare',
      h('div.sum-compare-col', h('h3', t('sumMostAgree')),
        agreeList.length ? h('ol', agreeList.map((o) => h('li', h('strong', L(o.label)), h('span.sum-muted', ` — ${gapText(o)}`))))
          : h('p.sum-muted', t('sumNothing'))),
      h('div.sum-compare-col', h('h3', t('sumMostDiffer')),
        differList.length ? h('ol', differList.map((o) => h('li', h('strong', L(o.label)), h('span.sum-muted', ` — ${gapText(o)}`))))
          : h('p.sum-muted', t('sumNothing')))));
}

/** The dot section's block: `ctx.groups` are the session's groups. */
export function dotsSummary(section, { groups }) {
  const placed = Object.values(section.totals || {}).some((n) => n > 0);
  const body = section.withheld
    ? h('p.sum-muted', { 'data-testid': `sum-withheld-${section.id}` }, t('sumWithheld'))
    : placed ? dotChart(section, groups) : h('p.sum-muted', { 'data-testid': `sum-nodots-${section.id}` }, t('sumNoDots'));
  const total = groups.map((g) => `${L(g.label)}: ${section.totals[g.id] ?? 0}`).join(' · ');
  return h('section.sum-section', { 'data-testid': `sum-dots-${section.id}`, class: placed ? '' : 'sum-empty' },
    h('h2', L(section.title)),
    h('p.sum-prompt', L(section.prompt)),
    placed ? h('p.sum-muted', t('sumDotsTotal', { total })) : null,
    placed ? legend(groups) : null,
    body);
}

// --- texts, notes, actions --------------------------------------------------------------------
