// A drawn sketch (strokes on a 0..1000 square) as an SVG element: on the wall, enlarged, in the summary.

import { COLOURS, SCALE } from './strokes.js';

const NS = 'http://www.w3.org/2000/svg';

export function sketchSvg(strokes, label = '') {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${SCALE} ${SCALE}`);
  svg.setAttribute('class', 'sketch-svg');
  svg.setAttribute('role', 'img');
  if (label) svg.setAttribute('aria-label', label);
  for (const stroke of strokes || []) {
    const [colour, ...xy] = stroke;
    const colourOf = COLOURS[colour] || COLOURS[0];
    if (xy.length === 2) { // a dot
      const c = document.createElementNS(NS, 'circle');
      c.setAttribute('cx', xy[0]); c.setAttribute('cy', xy[1]); c.setAttribute('r', '9'); c.setAttribute('fill', colourOf);
      svg.appendChild(c);
      continue;
    }
    const p = document.createElementNS(NS, 'polyline');
    p.setAttribute('points', xy.join(' '));
    p.setAttribute('fill', 'none');
    p.setAttribute('stroke', colourOf);
    p.setAttribute('stroke-width', '12');
    p.setAttribute('stroke-linecap', 'round');
    p.setAttribute('stroke-linejoin', 'round');
    svg.appendChild(p);
  }
  return svg;
}
