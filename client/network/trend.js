// The pillars over time as small multiples: one small SVG chart per pillar, one line per group,
// one point per session. The numbers come from the server (view.trend, boards/network/trend.py);
// this only draws them. Samenspel's pillars are shares (0–100 %); card 3's radar is each pillar's
// median ring, 1 at the core (sterk) to 0 on the outer ring (zwak): its axis says so.

import { h } from '../dom.js';
import { nt } from './strings.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = { leernetwerk: '#1f77b4', management: '#e8590c' };
const SPARE = ['#2f9e44', '#7048e8', '#c2255c', '#495057'];

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children) if (c) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export function groupColour(group, index) {
  return COLOURS[group] || SPARE[index % SPARE.length];
}

/** "communicatie" -> "Communicatie" (readings carry option ids; Samenspel's are Dutch words). */
export function optionLabel(id) {
  const words = id.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const RADAR_RINGS = 5; // card 3's radar (boards/templates/juiste_weg.py)

function tick(v, mode) {
  if (mode !== 'radar') return `${v * 100}%`;
  return nt(v === 1 ? 'ringStrong' : v === 0 ? 'ringWeak' : 'ringMiddle');
}

function spoken(v, mode) {
  if (v === null) return '–';
  return mode === 'radar' ? nt('ringN', { n: Math.round((RADAR_RINGS - v * (RADAR_RINGS - 1)) * 10) / 10 }) : `${Math.round(v * 100)}%`;
}

function chart(option, series, groups, n, sessionLabels, mode) {
  const W = 220, H = 120, L = mode === 'radar' ? 42 : 32, R = 8, T = 10, B = 22;
  const x = (i) => (n <= 1 ? L + (W - L - R) / 2 : L + (i * (W - L - R)) / (n - 1));
  const y = (v) => T + (1 - v) * (H - T - B);
  const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'net-chart', role: 'img',
    'aria-label': `${optionLabel(option)}: ${groups.map((g) => `${g} ${series[g].map((v) => spoken(v, mode)).join(', ')}`).join('; ')}` });
  for (const v of [0, 0.5, 1]) {
    s.appendChild(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'net-grid' }));
    s.appendChild(svg('text', { x: L - 4, y: y(v) + 3, 'text-anchor': 'end', class: 'net-axis' }, tick(v, mode)));
  }
  sessionLabels.forEach((label, i) => {
    s.appendChild(svg('text', { x: x(i), y: H - 6, 'text-anchor': 'middle', class: 'net-axis' }, label));
  });
  groups.forEach((g, gi) => {
    const colour = groupColour(g, gi);
    const pts = series[g].map((v, i) => (v === null ? null : [x(i), y(v)]));
    let d = '';
    pts.forEach((p, i) => { if (p) d += `${d && pts[i - 1] ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`; });
    if (d) s.appendChild(svg('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': gi % 2 ? '5 3' : null }));
    pts.forEach((p) => {
      if (!p) return;
      s.appendChild(gi % 2 === 0
        ? svg('circle', { cx: p[0], cy: p[1], r: 3.5, fill: colour })
        : svg('rect', { x: p[0] - 3.5, y: p[1] - 3.5, width: 7, height: 7, fill: colour }));
    });
  });
  return h('figure.net-multiple', { 'data-testid': 'net-multiple' }, h('figcaption', optionLabel(option)), s);
}

/** The small multiples of one trend ({sessions, groups, series}), or null when there are no readings;
 * ``mode`` 'radar': medians of card 3's radar. */
export function smallMultiples(trend, mode = 'shares') {
  if (!trend || !trend.sessions.length) return null;
  const n = trend.sessions.length;
  const labels = trend.sessions.map((_, i) => `${i + 1}`);
  const legend = h('ul.sum-legend', ...trend.groups.map((g, gi) => h('li',
    h('span.net-swatch', { style: { background: groupColour(g, gi) }, 'aria-hidden': 'true' }), optionLabel(g))));
  return h('div', legend, h('div.net-multiples', ...Object.entries(trend.series).map(([option, series]) =>
    chart(option, series, trend.groups, n, labels, mode))));
}
