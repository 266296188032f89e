// Card 1, step 2 "Samenvoegen": the wall. Its items are the sketches of steps 0 and 1 (drawn: SVG
// from the strokes; photos: their thumbnail; tap one to enlarge) and lines of text anyone adds;
// everyone puts up to five dots on them — several on one is fine; the most-dotted are marked. The
// facilitator may hide the dots until the reveal and take an item off the wall.

import { h, setText, toggle, reconcile, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';
import { sketchMedia, enlarge, promptLabel } from './sketch-view.js';
import { fitWall } from './wall-fit.js';
import { proxyPicker, actingFor } from './proxy-picker.js';
import { clearSent } from './forms.js';

export function wallSection(app, boardId, section) {
  const { projector, send, tid } = app;
  // The facilitator places the dots of people in the room without a device (add_proxy).
  const picker = app.isFac() && !projector ? proxyPicker(app, boardId, section, () => update()) : null;
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt)), picker?.el]);
  const wall = () => app.state.boards[boardId].walls?.[section.id] || { items: [], counts: {}, hidden: false };
  const who = () => actingFor(app, boardId, section, picker);
  const member = () => !projector && (app.isFac() || app.isPart()) && !shell.blocked() && !app.closed();

  const left = h('p.wall-left', { 'data-testid': `wall-left-${tid(boardId, section.id)}`, role: 'status' });
  const hideDots = h('button.btn.btn-small', { type: 'button', 'data-testid': 'wall-hide-dots',
    on: { click: () => send({ type: 'set_wall_hidden', board: boardId, section: section.id, hidden: !wall().hidden }).catch(() => {}) } });
  const input = h('input.input', { type: 'text', maxlength: String(section.max_len), 'aria-label': t('wallItem'), placeholder: t('wallItemPh'), 'data-testid': 'wall-input' });
  const add = h('button.btn.btn-primary', { type: 'submit', 'data-testid': 'wall-add' }, t('add'));
  const form = h('form.wall-add', input, add);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!input.value.trim()) return;
    const typed = input.value;
    try { await send({ type: 'add_wall_item', board: boardId, section: section.id, text: typed }); clearSent(input, typed); } catch { /* toast shown */ }
  });
  const grid = h('ul.wall-grid', { 'data-testid': `wall-${tid(boardId, section.id)}` });
  shell.el.append(h('div.wall-top', left, hideDots), form, grid);
  if (projector) window.addEventListener('resize', () => fitWall(grid));

  const dot = (item, addIt) => {
    const proxy = who()?.proxy;
    send({ type: 'wall_dot', board: boardId, section: section.id, item, add: addIt, ...(proxy ? { proxy } : {}) }).catch(() => {});
  };

  function card(item) {
    const text = h('p.wall-text');
    const count = h('span.wall-count');
    const plus = h('button.btn.btn-small.wall-plus', { type: 'button', 'data-testid': `wall-dot-${item.id}`, on: { click: () => dot(item.id, true) } }, '+');
    const minus = h('button.btn.btn-small.wall-minus', { type: 'button', 'data-testid': `wall-undot-${item.id}`, on: { click: () => dot(item.id, false) } }, '−');
    const mineEl = h('span.wall-mine');
    const hide = h('button.btn.btn-ghost.btn-tiny', { type: 'button', 'data-testid': `wall-hide-${item.id}`,
      on: { click: (e) => send({ type: 'hide_wall_item', board: boardId, section: section.id, item: item.id, hidden: !e.currentTarget.closest('li')._item.hidden }).catch(() => {}) } });
    const most = h('span.wall-most', t('wallMost'));
    const media = sketchMedia(app, boardId, item);
    const look = media ? h('button.wall-media', { type: 'button', 'data-testid': `wall-enlarge-${item.id}`,
      'aria-label': t('sketchEnlarge'), on: { click: () => enlarge(app, boardId, item) } }, media) : null;
    return h('li.wall-card', { 'data-testid': `wall-item-${item.id}`, class: media ? 'sketch' : '' },
      h('div.wall-head', most, look), text, h('div.wall-dots', count, mineEl, minus, plus), hide);
  }

  function update() {
    shell.updateCurrent();
    picker?.update();
    const w = wall();
    const acting = who();
    const my = acting?.dots || [];
    const canDot = member() && !!acting && !(acting.proxy && app.blocked(boardId, section.id, 'wall'));
    const shown = w.items.filter((i) => app.isFac() || !i.hidden);
    const counts = w.counts || {};
    const top = Math.max(0, ...w.items.filter((i) => !i.hidden).map((i) => counts[i.id] || 0));
    form.hidden = !member();
    hideDots.hidden = projector || !app.isFac() || app.closed();
    setText(hideDots, w.hidden ? t('wallReveal') : t('wallHideDots'));
    left.hidden = !acting;
    const leftN = Math.max(0, section.per_person - my.length);
    setText(left, acting?.proxy ? t('proxyLeft', { name: acting.name, n: leftN, max: section.per_person })
      : t('wallLeft', { n: leftN, max: section.per_person }));
    reconcile(grid, shown, (i) => i.id, card, (li, item) => {
      li._item = item;
      const [head, text, dots, hide] = li.children;
      const most = head.firstChild;
      const name = item.text || promptLabel(app, boardId, item.prompt);
      const [count, mineEl, minus, plus] = dots.children;
      const n = counts[item.id] || 0;
      const mineN = my.filter((x) => x === item.id).length;
      setText(text, name);
      setText(count, w.hidden && !app.isFac() ? t('wallHidden') : t('wallDots', { n }));
      setText(mineEl, !mineN ? '' : acting?.proxy ? t('proxyMine', { n: mineN, name: acting.name }) : t('wallMine', { n: mineN }));
      attr(count, 'data-count', String(n));
      const isTop = !w.hidden && top > 0 && n === top && !item.hidden;
      most.hidden = !isTop;
      toggle(li, 'most', isTop);
      toggle(li, 'off', item.hidden);
      plus.hidden = minus.hidden = !canDot;
      plus.disabled = item.hidden || my.length >= section.per_person;
      minus.disabled = !mineN;
      attr(plus, 'aria-label', t('wallDotOn', { text: name }));
      attr(minus, 'aria-label', t('wallDotOff', { text: name }));
      hide.hidden = projector || !app.isFac();
      setText(hide, item.hidden ? t('wallShow') : t('wallTakeOff'));
    });
    if (projector) requestAnimationFrame(() => fitWall(grid));
  }
  return { el: shell.el, update };
}
