// When a scene holds more post-its than the projector can show even zoomed out (fitBoard), it
// pages: page n shows the n-th run of post-its of every lane (so the 2x2 of actions stays a
// 2x2), and the pages turn by themselves; "Pagina 1/2" in the corner says there is more.
// Nothing is cut off silently.

import { h, setText } from '../dom.js';
import { t } from '../i18n.js';
import { fitBoard, fitsAt } from './fit.js';

const MIN_ZOOM = 0.6; // below this a post-it is no longer readable from the back of a room
const TURN_MS = 10_000;

export function boardPager(board) {
  const indicator = h('div.proj-page', { 'data-testid': 'projector-page', role: 'status', hidden: true });
  let perLane = Infinity; // post-its per lane on a page
  let count = 1;
  let at = 0;
  let timer = null;
  let queued = false;

  // the lanes the scene shows, each with its post-its in board order
  const lanes = () => [...board.querySelectorAll('.proj-board > :not([hidden]) .lane:not([hidden])')]
    .map((lane) => ({ lane, notes: [...lane.querySelectorAll('.note')] }));

  /** Show the page-th run of `per` post-its of every lane; a notes section with none on it steps aside. */
  function show(page, per) {
    for (const { lane, notes } of lanes()) {
      const from = per === Infinity ? 0 : page * per; // (0 × Infinity is NaN)
      notes.forEach((n, i) => n.toggleAttribute('data-paged-out', i < from || i >= from + per));
      lane.toggleAttribute('data-page-empty', per !== Infinity && !notes.some((n) => !n.hasAttribute('data-paged-out')));
    }
    for (const sec of board.querySelectorAll(':scope > .sec-notes')) {
      const all = [...sec.querySelectorAll('.lane:not([hidden])')];
      sec.toggleAttribute('data-paged-out', page > 0 && all.length > 0 && all.every((l) => l.hasAttribute('data-page-empty')));
    }
  }

  function layout() {
    queued = false;
    const longest = Math.max(0, ...lanes().map((l) => l.notes.length));
    show(0, Infinity);
    let per = Infinity;
    if (!fitBoard(board, MIN_ZOOM)) {
      // the most post-its per lane that fit at the smallest zoom (at least one)
      let lo = 1;
      let hi = longest;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        show(0, mid);
        if (fitsAt(board, MIN_ZOOM)) lo = mid; else hi = mid - 1;
      }
      per = lo;
    }
    const pages = per === Infinity ? 1 : Math.ceil(longest / per);
    const same = per === perLane && pages === count;
    perLane = per;
    count = pages;
    turnTo(same ? Math.min(at, count - 1) : 0, !same);
    board.classList.remove('fitting');
  }

  function turnTo(page, restart = true) {
    at = page;
    show(at, perLane);
    fitBoard(board, MIN_ZOOM);
    indicator.hidden = count < 2;
    setText(indicator, t('projectorPage', { n: at + 1, of: count }));
    board.dataset.page = String(at + 1);
    if (!restart && timer) return; // the same pages: keep turning at the same pace
    clearTimeout(timer);
    timer = count > 1 ? setTimeout(() => { timer = null; turnTo((at + 1) % count); }, TURN_MS) : null;
  }

  /** Lay the board out again once this turn's changes are in (and fonts are loaded). */
  function refit() {
    if (queued) return;
    queued = true;
    board.classList.add('fitting');
    requestAnimationFrame(() => document.fonts.ready.then(layout));
  }

  // what can change the fit: the board's size (screen, time-up strip), its content, the scene
  if (typeof ResizeObserver === 'function') new ResizeObserver(refit).observe(board);
  new MutationObserver(refit).observe(board, { childList: true, subtree: true, characterData: true, attributeFilter: ['hidden'] });
  return { indicator, refit };
}
