// The timer card is pinned (sticky, style.css) only while the time counts: running, paused with
// time left, or up. A timer not started stays in its place in the page, so that it covers nothing
// while it has nothing to say. Where it is pinned above the board (one column, a phone), the
// sections scrolled to land below it (--timer-h, its height), and whenever it comes to cover more
// of the page — just pinned while the page is scrolled, or pushed down by the time-up banner — it
// pushes the page down by as much instead of covering what was there.

import { toggle } from '../dom.js';

const QUIET_MS = 200; // a scroll (a jump to a step) is over when no scroll event came this long

/** pin(on) for the timer card `el`; `check()` on each tick. */
export function timerPinning(el) {
  let pinned = false;
  let lastTop = null; // the pinned card's sticky top (px) at the last check
  let scrolling = false;
  let quiet = null;
  window.addEventListener('scroll', () => {
    scrolling = true;
    clearTimeout(quiet);
    quiet = setTimeout(() => { scrolling = false; }, QUIET_MS);
  }, { passive: true });

  const aboveBoard = () => getComputedStyle(el.parentElement || el).display === 'contents'; // .side on one column
  const stickyTop = () => parseFloat(getComputedStyle(el).top) || 0;
  const setHeight = () => document.documentElement.style.setProperty('--timer-h', `${el.offsetHeight}px`);
  if (typeof ResizeObserver === 'function') new ResizeObserver(setHeight).observe(el);

  /** Push the page down by what the card newly covers: `by` px, or (just pinned) as far as it
   * moved over the page from its place. Once a scroll going on is over. */
  function makeRoom(by) {
    if (scrolling) {
      setTimeout(() => makeRoom(by), QUIET_MS / 2);
      return;
    }
    if (!pinned || !el.isConnected || !aboveBoard()) return;
    let shift = by;
    if (shift === undefined) {
      el.classList.remove('pinned');
      const inPlace = el.getBoundingClientRect().top;
      el.classList.add('pinned');
      shift = Math.min(el.getBoundingClientRect().top - inPlace, el.offsetHeight);
    } else if (Math.abs(el.getBoundingClientRect().top - stickyTop()) > 1) {
      return; // not stuck under the top: in its place, it covers nothing
    }
    if (shift > 0.5) window.scrollBy({ top: -shift, behavior: 'instant' });
  }

  function pin(on) {
    if (on === pinned) return;
    pinned = on;
    toggle(el, 'pinned', on);
    toggle(document.body, 'timer-pinned', on);
    setHeight();
    lastTop = on ? stickyTop() : null;
    if (on) makeRoom();
  }

  function check() {
    if (!pinned || !aboveBoard()) return;
    const top = stickyTop();
    if (lastTop !== null && top > lastTop + 0.5) makeRoom(top - lastTop);
    lastTop = top;
  }
  return { pin, check };
}
