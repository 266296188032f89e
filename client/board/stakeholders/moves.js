// Where post-its are, and moving them: by pointer (map and matrix), by arrow keys (map), and as
// others drag them. While someone drags, `drag` frames show the post-it moving on every screen;
// the drop is the logged command, and what the log says is where it settles.
//
// Places are fractions of a surface. On the map, (x, y) puts the post-it's top-left corner in the
// room the surface leaves for it: left = x · (surface width − post-it width), so 0…1 always keeps
// it inside and 0.5 is the middle. The matrix does the same with (interest, 1 − influence).

import { setText, toggle, attr } from '../../dom.js';
import { t } from '../../i18n.js';
import { draggable, throttle, clamp01 } from '../../drag.js';

const DRAG_FRAME_MS = 100; // at most 10 drag frames a second
const REMOTE_TTL_MS = 1500; // a live drag nobody continues falls back to the logged place
const STALE_DRAG_MS = 300; // drag frames just after a logged drop are older than the drop
const KEY_MOVE_MS = 600; // arrow keys: the move is logged once the keys rest this long
const HOLD_MS = 500; // while a post-it is held still, its place is repeated this often

/** Adds to `sh`: posOf, itemSize, sizeOf, fractionsAt, positionEl, place, movable, commit, keyMove,
 * sendDrag, postDragEnd, openOnEnter; returns the component hooks {tick, onDrag, onEvent}. */
export function createMoves(sh) {
  const { app, where, find, shown, send, live, settled, section, boardId } = sh;
  const keyTimers = new Map();
  let lastDrag = null;
  const postDrag = throttle((surface, id, p) => {
    lastDrag = { surface, id, p, at: performance.now() };
    app.conn.post({ type: 'drag', ...where, item: id, surface, x: p.x, y: p.y });
  }, DRAG_FRAME_MS);
  // a drag that stops without a drop: the others show the post-it where the log has it, at once
  const postDragEnd = (surface, id) => {
    app.conn.post({ type: 'drag', ...where, item: id, surface, x: 0, y: 0, end: true });
  };
  // a post-it held still keeps its place on the other screens: repeat the last frame now and then
  let holdTimer = null;
  const sendDrag = Object.assign((surface, id, p) => {
    postDrag(surface, id, p);
    if (!holdTimer) {
      holdTimer = setInterval(() => {
        if (lastDrag && performance.now() - lastDrag.at > HOLD_MS) postDrag(lastDrag.surface, lastDrag.id, lastDrag.p);
      }, HOLD_MS);
    }
  }, {
    cancel() {
      postDrag.cancel();
      clearInterval(holdTimer);
      holdTimer = null;
      lastDrag = null;
    },
  });

  // --- positions --------------------------------------------------------------------------

  function posOf(surface, s) {
    const ov = live[surface].get(s.id);
    if (ov) return ov;
    if (surface === 'map') return sh.mapPlace(s);
    return s.influence === null || s.influence === undefined || s.interest === null || s.interest === undefined
      ? null : { x: s.interest, y: s.influence };
  }

  function cssPx(surface, name, fallback) {
    const v = parseFloat(getComputedStyle(surface).getPropertyValue(name));
    return Number.isFinite(v) && v > 0 ? v : fallback;
  }
  /** The size a surface reserves for one item (post-it or chip), in px. */
  function itemSize(surface) {
    return surface === 'map'
      ? { w: cssPx(sh.mapSurface, '--pw', 150), h: cssPx(sh.mapSurface, '--ph', 64) }
      : { w: cssPx(sh.matrixSurface, '--cw', 128), h: cssPx(sh.matrixSurface, '--ch', 30) };
  }

  /** The size an item's place is reckoned with: on the map its width (a post-it with a long word
   * is wider) and the surface's post-it height; on the matrix the chip's own size. */
  function sizeOf(surface, itemEl) {
    const size = itemSize(surface);
    if (!itemEl?.offsetWidth) return size;
    return surface === 'map' ? { w: itemEl.offsetWidth, h: size.h } : { w: itemEl.offsetWidth, h: itemEl.offsetHeight };
  }

  /** The fractions for an item (of `size`) whose top-left corner is at (left, top) px of the viewport. */
  function fractionsAt(surface, left, top, size = itemSize(surface)) {
    const surf = surface === 'map' ? sh.mapSurface : sh.matrixSurface;
    const r = surf.getBoundingClientRect();
    const roomX = surf.clientWidth - size.w;
    const roomY = surf.clientHeight - size.h;
    const fx = clamp01(roomX > 0 ? (left - r.left - surf.clientLeft) / roomX : 0.5);
    const fy = clamp01(roomY > 0 ? (top - r.top - surf.clientTop) / roomY : 0.5);
    return surface === 'map' ? { x: fx, y: fy } : { x: fx, y: 1 - fy };
  }

  function positionEl(surface, itemEl, s) {
    const p = posOf(surface, s);
    if (!p) return;
    const ov = live[surface].get(s.id);
    itemEl.style.setProperty('--x', p.x.toFixed(4));
    itemEl.style.setProperty('--y', (surface === 'map' ? p.y : 1 - p.y).toFixed(4));
    attr(itemEl, 'data-x', p.x.toFixed(4));
    attr(itemEl, 'data-y', p.y.toFixed(4));
    attr(itemEl, 'data-settled', ov ? 'false' : 'true');
    const remote = !!ov && !ov.local;
    toggle(itemEl, 'remote-drag', remote);
    attr(itemEl, 'data-live', remote ? 'drag' : null);
    const by = itemEl.querySelector('.sh-by');
    if (by) {
      by.hidden = !remote;
      if (remote) setText(by, t('dragging', { name: app.personName(ov.by) }));
    }
  }

  /** Re-place one item after a live change, without redrawing the rest. */
  function place(surface, id) {
    const s = find(id);
    if (surface === 'matrix') {
      sh.renderMatrix();
      return;
    }
    const itemEl = sh.mapLayer._keyed?.get(id);
    if (itemEl && s) positionEl('map', itemEl, s);
    sh.layoutMap?.(); // held, it follows the hand; dropped, it goes to the nearest free spot
  }

  // --- dragging ---------------------------------------------------------------------------

  function beginDrag(surface, id, itemEl, down) {
    const r = itemEl.getBoundingClientRect();
    sh.dragging = { surface, id, el: itemEl, dx: down.clientX - r.left, dy: down.clientY - r.top };
    itemEl.classList.add('dragging');
    clearTimeout(keyTimers.get(id));
  }

  function moveDrag(e) {
    const d = sh.dragging;
    if (!d || !d.el) return;
    const p = fractionsAt(d.surface, e.clientX - d.dx, e.clientY - d.dy, sizeOf(d.surface, d.el));
    live[d.surface].set(d.id, { ...p, local: true });
    place(d.surface, d.id);
    sendDrag(d.surface, d.id, p);
  }

  function endDrag(e, cancelled) {
    const d = sh.dragging;
    sh.dragging = null;
    if (!d) return;
    d.el?.classList.remove('dragging');
    sendDrag.cancel();
    const p = live[d.surface].get(d.id);
    if (cancelled || !p || !shown(find(d.id))) {
      live[d.surface].delete(d.id);
      place(d.surface, d.id);
      postDragEnd(d.surface, d.id);
      return;
    }
    commit(d.surface, d.id, { x: p.x, y: p.y });
  }

  /** Log a place (map: move; matrix: place_in_matrix); show it at once, settle on the reply. */
  async function commit(surface, id, p) {
    const mine = { x: p.x, y: p.y, local: true };
    live[surface].set(id, mine);
    place(surface, id);
    const frame = surface === 'map'
      ? { type: 'move_stakeholder', ...where, item: id, x: p.x, y: p.y }
      : { type: 'place_in_matrix', ...where, item: id, interest: p.x, influence: p.y };
    try {
      await send(frame);
    } catch { /* the toast says why; it goes back to the logged place */ }
    if (live[surface].get(id) === mine) live[surface].delete(id);
    settled.set(id, performance.now());
    sh.update();
  }

  /** Enter or space on a chip opens its editor (keyboards; the map's post-its also move by arrows). */
  function openOnEnter(itemEl, id) {
    itemEl.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sh.openDrawer(id); }
    });
  }

  function keyMove(e, id) {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      sh.openDrawer(id);
      return;
    }
    const step = e.shiftKey ? 0.1 : 0.02;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    const s = find(id);
    if (!delta || !s) return;
    e.preventDefault();
    const p0 = (!live.map.has(id) && sh.mapShownAt?.(id)) || posOf('map', s); // from where it shows
    const p = { x: clamp01(p0.x + delta[0]), y: clamp01(p0.y + delta[1]) };
    live.map.set(id, { ...p, local: true, keys: true }); // moving: shown where the keys put it, not nudged (map-card.js)
    place('map', id);
    sendDrag('map', id, p);
    clearTimeout(keyTimers.get(id));
    keyTimers.set(id, setTimeout(() => {
      keyTimers.delete(id);
      sendDrag.cancel();
      commit('map', id, p);
    }, KEY_MOVE_MS));
  }

  /** A `drag` frame: someone moves a post-it right now. */
  function onDrag(msg) {
    if (msg.board !== boardId || msg.section !== section.id) return;
    const surface = msg.surface === 'matrix' ? 'matrix' : 'map';
    if (sh.dragging && sh.dragging.id === msg.item) return; // mine, or I hold it: my hand wins on my screen
    const cur = live[surface].get(msg.item);
    if (cur && cur.local) return; // my drop is on its way
    if (performance.now() - (settled.get(msg.item) ?? -Infinity) < STALE_DRAG_MS) return; // older than the drop
    if (msg.end) { // stopped without a drop: back to the logged place
      if (cur && !cur.local) { live[surface].delete(msg.item); place(surface, msg.item); }
      return;
    }
    if (!shown(find(msg.item))) return;
    live[surface].set(msg.item, { x: clamp01(msg.x), y: clamp01(msg.y), by: msg.by, local: false, until: performance.now() + REMOTE_TTL_MS });
    place(surface, msg.item);
  }

  /** A logged event: a logged place replaces live drags of that post-it. */
  function onEvent(hint) {
    if (hint.kind !== 'stakeholders' || hint.board !== boardId || hint.section !== section.id) return;
    if (!['move', 'matrix', 'undo', 'relevance', 'remove', 'restore'].includes(hint.change)) return;
    settled.set(hint.item, performance.now());
    for (const surface of ['map', 'matrix']) {
      const ov = live[surface].get(hint.item);
      if (ov && !ov.local) live[surface].delete(hint.item);
    }
  }

  function tick() {
    if (sh.fitPending()) sh.layoutMap?.();
    const now = performance.now();
    for (const surface of ['map', 'matrix']) {
      for (const [id, ov] of live[surface]) {
        if (!ov.local && ov.until < now) {
          live[surface].delete(id);
          place(surface, id);
        }
      }
    }
  }
  /** Make a post-it (map) or chip (matrix) of item `id` draggable on `surface`; a click opens its editor. */
  function movable(surface, itemEl, id) {
    draggable(itemEl, {
      onStart: (down) => beginDrag(surface, id, itemEl, down),
      onMove: moveDrag,
      onEnd: endDrag,
      onClick: () => sh.openDrawer(id),
    });
  }

  Object.assign(sh, { posOf, itemSize, sizeOf, fractionsAt, positionEl, place, movable, openOnEnter, commit, keyMove, sendDrag, postDragEnd });
  return { tick, onDrag, onEvent };
}
