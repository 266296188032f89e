// Dragging with pointer events (mouse, pen and touch alike), and a throttle for the live frames.
//
// A press that moves less than a few pixels is a click (open, select); more is a drag. The
// element captures the pointer, so the drag keeps going when the finger leaves it. Elements that
// are dragged need `touch-action: none` in CSS, or a touch scrolls the page instead.
//
// The click is the browser's own `click` event, not the `pointerup`: a touch's click comes after
// its pointerup, hit-tested where the finger was, so opening something on pointerup (an editor
// sliding up under the finger) handed the same tap's click to whatever opened there ("ghost click").

const THRESHOLD_PX = 5;

/**
 * Make `el` draggable.
 * @param {HTMLElement} el
 * @param {object} opts
 * @param {(e: PointerEvent) => boolean} [opts.canStart] return false to ignore this press
 * @param {(down: PointerEvent, e: PointerEvent) => void} [opts.onStart] the press became a drag
 * @param {(e: PointerEvent) => void} [opts.onMove] the pointer moved during a drag
 * @param {(e: PointerEvent, cancelled: boolean) => void} [opts.onEnd] released (or cancelled)
 * @param {(e: MouseEvent) => void} [opts.onClick] the click of a press that did not drag
 * @returns {() => boolean} whether a drag is going on
 */
export function draggable(el, { canStart, onStart, onMove, onEnd, onClick } = {}) {
  let active = null; // {id, down, dragging}
  let clickable = false; // the last press on `el` ended without a drag: its click is a click

  el.addEventListener('pointerdown', (e) => {
    if (active) return;
    clickable = false;
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if (canStart && !canStart(e)) return;
    active = { id: e.pointerId, down: e, dragging: false };
    try { el.setPointerCapture(e.pointerId); } catch { /* the pointer is already gone */ }
    if (e.pointerType === 'mouse') e.preventDefault(); // no text selection while dragging
  });

  el.addEventListener('pointermove', (e) => {
    if (!active || e.pointerId !== active.id) return;
    if (!active.dragging) {
      const { down } = active;
      if (Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < THRESHOLD_PX) return;
      active.dragging = true;
      onStart?.(down, e);
    }
    e.preventDefault();
    onMove?.(e);
  });

  const finish = (e, cancelled) => {
    if (!active || e.pointerId !== active.id) return;
    const was = active;
    active = null;
    try { if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId); } catch { /* gone */ }
    if (was.dragging) onEnd?.(e, cancelled);
    else clickable = !cancelled;
  };
  el.addEventListener('pointerup', (e) => finish(e, false));
  el.addEventListener('pointercancel', (e) => finish(e, true));
  el.addEventListener('lostpointercapture', (e) => finish(e, true));
  // a drag's release can be followed by a click too (mouse down and up on `el`): not a click
  el.addEventListener('click', (e) => {
    if (!clickable) return;
    clickable = false;
    onClick?.(e);
  });

  return () => !!active?.dragging;
}

/**
 * At most one call per `ms`: the first at once, then the latest arguments at the end of each
 * interval. `.cancel()` drops what is waiting; `.flush()` runs it now.
 */
export function throttle(fn, ms) {
  let last = -Infinity;
  let timer = null;
  let args = null;
  const run = () => {
    timer = null;
    last = performance.now();
    const a = args;
    args = null;
    if (a) fn(...a);
  };
  const throttled = (...a) => {
    args = a;
    const wait = ms - (performance.now() - last);
    if (wait <= 0) {
      clearTimeout(timer);
      run();
    } else if (!timer) {
      timer = setTimeout(run, wait);
    }
  };
  throttled.cancel = () => { clearTimeout(timer); timer = null; args = null; };
  throttled.flush = () => { if (timer) { clearTimeout(timer); run(); } };
  return throttled;
}

export const clamp01 = (v) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
