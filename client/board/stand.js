// Where do you stand ("Wie staat waar?"): the actieleercirkel (or a scale) with a segment per
// phase; each participant taps the phase they feel most at home in, and every screen shows how
// many stand on each segment (never who). The circle is drawn in SVG; the taps are buttons.

import { h, setText } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';

const NS = 'http://www.w3.org/2000/svg';
const COLOURS = ['#dbeafe', '#dcfce7', '#fef3c7', '#fce7f3', '#ede9fe', '#e0f2fe', '#fee2e2', '#f1f5f9'];

function svg(tag, attrs = {}, text = null) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== null) el.textContent = text;
  return el;
}

/** The wedge of segment i of n on a circle of radius r around (0, 0), starting at the top. */
function wedge(i, n, r) {
  const a0 = (2 * Math.PI * i) / n - Math.PI / 2;
  const a1 = (2 * Math.PI * (i + 1)) / n - Math.PI / 2;
  const p = (a) => `${(r * Math.cos(a)).toFixed(2)} ${(r * Math.sin(a)).toFixed(2)}`;
  return `M 0 0 L ${p(a0)} A ${r} ${r} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${p(a1)} Z`;
}

export function standSection(app, boardId, section) {
  const { tid, isPart, send } = app;
  const key = tid(boardId, section.id);
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt))]);
  const n = section.segments.length;
  const circle = section.shape === 'circle';
  const figure = svg('svg', circle ? { viewBox: '-110 -110 220 220', class: 'stand-circle', role: 'img' }
    : { viewBox: `0 0 ${n * 100} 70`, class: 'stand-scale', role: 'img' });
  figure.setAttribute('aria-label', L(section.title));
  const counts = {};
  section.segments.forEach((seg, i) => {
    const count = svg('text', { class: 'stand-count', 'text-anchor': 'middle', 'data-testid': `stand-count-${key}-${seg.id}` }, '0');
    if (circle) {
      const mid = (2 * Math.PI * (i + 0.5)) / n - Math.PI / 2;
      figure.append(svg('path', { d: wedge(i, n, 100), fill: COLOURS[i % COLOURS.length], stroke: '#fff', 'stroke-width': 2 }));
      count.setAttribute('x', (62 * Math.cos(mid)).toFixed(1));
      count.setAttribute('y', (62 * Math.sin(mid) + 8).toFixed(1));
    } else {
      figure.append(svg('rect', { x: i * 100 + 2, y: 2, width: 96, height: 66, rx: 8, fill: COLOURS[i % COLOURS.length] }));
      count.setAttribute('x', i * 100 + 50);
      count.setAttribute('y', 46);
    }
    figure.append(count);
    counts[seg.id] = count;
  });
  const items = section.segments.map((seg, i) => {
    const n = h('span.stand-n');
    const inner = [h('span.stand-swatch', { style: { background: COLOURS[i % COLOURS.length] }, 'aria-hidden': 'true' }), h('span.stand-label', L(seg.label)), n];
    const el = isPart()
      ? h('button.stand-choice', {
        type: 'button', 'aria-pressed': 'false', 'data-testid': `stand-${key}-${seg.id}`,
        on: {
          click: () => {
            const mine = app.you?.[boardId]?.[section.id] || '';
            send({ type: 'take_stand', board: boardId, section: section.id, segment: mine === seg.id ? null : seg.id }).catch(() => {});
          },
        },
      }, inner)
      : h('div.stand-choice', inner);
    return { seg, el, n };
  });
  shell.el.appendChild(h('div.stand', figure, h('div.stand-list', items.map((x) => x.el))));

  function update() {
    shell.updateCurrent();
    const data = app.state.boards[boardId].stands?.[section.id] || { counts: {} };
    const mine = app.you?.[boardId]?.[section.id] || '';
    const why = shell.blocked();
    for (const x of items) {
      const c = data.counts[x.seg.id] || 0;
      setText(counts[x.seg.id], String(c));
      setText(x.n, t('standCount', { n: c }));
      if (isPart()) {
        x.el.setAttribute('aria-pressed', String(mine === x.seg.id));
        x.el.disabled = !!why;
      }
    }
  }
  return { el: shell.el, update };
}
