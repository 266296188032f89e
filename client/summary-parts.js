// What the summary's blocks share (the summary page and each kind's block of it): SVG, a group's
// marker and the legend of the groups.

import { h } from './dom.js';
import { t, L } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children) if (c) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export const pct = (share) => `${Math.round(share * 100)}%`;

/** A group's marker: its colour, a shape (circle for the first group, square for the second) and its letter. */
export function marker(group, index, size = 18) {
  const s = svg('svg', { width: size, height: size, viewBox: '0 0 20 20', class: 'sum-marker', 'aria-hidden': 'true' });
  s.appendChild(index % 2 === 0
    ? svg('circle', { cx: 10, cy: 10, r: 9, fill: group.colour })
    : svg('rect', { x: 1.5, y: 1.5, width: 17, height: 17, rx: 2, fill: group.colour }));
  s.appendChild(svg('text', { x: 10, y: 14.2, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 700, fill: '#fff' }, group.letter));
  return s;
}

export function legend(groups) {
  return h('ul.sum-legend', groups.map((g, i) => h('li', marker(g, i), h('span', L(g.label)),
    h('span.sum-muted', ` · ${t('sumPeople', { n: g.participants })}`))));
}

