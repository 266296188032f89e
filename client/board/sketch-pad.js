// The drawing pad of card 1's sketches: finger, mouse or pen (pointer events), a few colours,
// undo and clear. A line becomes a small stroke as it is lifted (client/board/strokes.js); a line
// that would take the sketch over its bounds is not kept (`onFull` is told).

import { h, toggle, attr } from '../dom.js';
import { t } from '../i18n.js';
import { COLOURS, SCALE, fits, toStroke } from './strokes.js';

const COLOUR_KEYS = ['colourInk', 'colourRed', 'colourBlue', 'colourGreen', 'colourOrange'];

export function sketchPad({ testid, label, onChange = () => {}, onFull = () => {} }) {
  let strokes = [];
  let colour = 0;
  let current = null; // {id, points}
  const canvas = h('canvas.pad-canvas', { 'data-testid': `${testid}-canvas`, role: 'img', 'aria-label': label,
    width: String(SCALE), height: String(SCALE) });
  const ctx = canvas.getContext('2d');

  const line = (c) => {
    ctx.strokeStyle = COLOURS[c] || COLOURS[0];
    ctx.fillStyle = ctx.strokeStyle;
    ctx.lineWidth = 12;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
  };
  function draw(stroke) {
    const [c, ...xy] = stroke;
    line(c);
    ctx.beginPath();
    if (xy.length === 2) { ctx.arc(xy[0], xy[1], 9, 0, Math.PI * 2); ctx.fill(); return; }
    ctx.moveTo(xy[0], xy[1]);
    for (let i = 2; i < xy.length; i += 2) ctx.lineTo(xy[i], xy[i + 1]);
    ctx.stroke();
  }
  function redraw() {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, SCALE, SCALE);
    for (const s of strokes) draw(s);
  }
  const at = (ev) => {
    const r = canvas.getBoundingClientRect();
    return [((ev.clientX - r.left) / r.width) * SCALE, ((ev.clientY - r.top) / r.height) * SCALE];
  };

  canvas.addEventListener('pointerdown', (ev) => {
    if (current || (ev.pointerType === 'mouse' && ev.button !== 0)) return;
    ev.preventDefault();
    // a touch is captured by its target already; capturing it again kept the next tap's click from a button
    if (ev.pointerType !== 'touch') canvas.setPointerCapture?.(ev.pointerId);
    current = { id: ev.pointerId, points: [at(ev)] };
  });
  canvas.addEventListener('pointermove', (ev) => {
    if (!current || ev.pointerId !== current.id) return;
    ev.preventDefault();
    const events = ev.getCoalescedEvents?.() || [ev];
    for (const e of events) {
      const p = at(e);
      const last = current.points[current.points.length - 1];
      if (Math.hypot(p[0] - last[0], p[1] - last[1]) < 1.5) continue;
      line(colour);
      ctx.beginPath();
      ctx.moveTo(last[0], last[1]);
      ctx.lineTo(p[0], p[1]);
      ctx.stroke();
      current.points.push(p);
    }
  });
  const end = (ev) => {
    if (!current || ev.pointerId !== current.id) return;
    const stroke = toStroke(colour, current.points);
    current = null;
    if (fits(strokes, stroke)) strokes.push(stroke);
    else onFull();
    redraw();
    update();
    onChange(strokes);
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  const swatches = COLOURS.map((c, i) => h('button.pad-colour', { type: 'button', style: { '--c': c },
    'data-testid': `${testid}-colour-${i}`, 'aria-label': t(COLOUR_KEYS[i]),
    on: { click: () => { colour = i; update(); } } }));
  const undo = h('button.btn.btn-small', { type: 'button', 'data-testid': `${testid}-undo`,
    on: { click: () => { strokes.pop(); redraw(); update(); onChange(strokes); } } }, t('sketchUndo'));
  const clear = h('button.btn.btn-small.btn-ghost', { type: 'button', 'data-testid': `${testid}-clear`,
    on: { click: () => { strokes = []; redraw(); update(); onChange(strokes); } } }, t('sketchClear'));
  const tools = h('div.pad-tools', h('div.pad-colours', { role: 'group', 'aria-label': t('sketchColours') }, swatches), undo, clear);
  const el = h('div.pad', canvas, tools);

  function update() {
    swatches.forEach((b, i) => { toggle(b, 'on', i === colour); attr(b, 'aria-pressed', String(i === colour)); });
    undo.disabled = clear.disabled = !strokes.length;
    attr(canvas, 'data-strokes', String(strokes.length));
  }
  redraw();
  update();
  return {
    el,
    strokes: () => strokes,
    reset() { strokes = []; redraw(); update(); onChange(strokes); },
  };
}
