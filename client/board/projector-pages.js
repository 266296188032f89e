// When a scene holds more post-its than the projector can show even zoomed out (fitBoard), it
// pages: each page shows as many whole post-its as fit, in board order, and the pages turn by
// themselves; "1/2" in the corner says there is more. Nothing is cut off silently.

import { h, setText } from '../dom.js';
import { t } from '../i18n.js';
import { fitBoard } from './fit.js';

const MIN_ZOOM = 0.6; // below this a post-it is no longer readable from the back of a room
const TURN_MS = 10_000;

export function boardPager(board) {
  const indicator = h('div.proj-page', { 'data-testid': 'projector-page', role: 'status', hidden: true });
  let pages = [[]];
  let at = 0;
  let timer = null;
  let queued = false;

  const notes = () => [...board.querySelectorAll('.note')].filter((n) => n.closest('.proj-board > *:not([hidden])') && !n.closest('[hidden]:not([data-paged-out])'));
  const show = (page, all) => {
    const on = new Set(page);
    for (const n of all) {
      if (on.has(n)) n.removeAttribute('data-paged-out');
      else n.setAttribute('data-paged-out', '');
    }
  };

  function layout() {
    queued = false;
    for (const n of board.querySelectorAll('[data-paged-out]')) n.removeAttribute('data-paged-out');
    const all = notes();
    pages = [all];
    if (!fitBoard(board, MIN_ZOOM)) {
      // split: each page the longest run of the post-its left that fits, at least one
      pages = [];
      let rest = all;
      while (rest.length) {
        let n = 1;
        while (n < rest.length) {
          show(rest.slice(0, n + 1), all);
          if (!fitBoard(board, MIN_ZOOM)) break;
          n += 1;
        }
        pages.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
    }
    at = Math.min(at, pages.length - 1);
    turnTo(at);
    board.classList.remove('fitting');
  }

  function turnTo(i) {
    at = i;
    if (pages.length > 1) {
      show(pages[at], pages.flat());
      fitBoard(board, MIN_ZOOM);
    }
    indicator.hidden = pages.length < 2;
    setText(indicator, t('projectorPage', { n: at + 1, of: pages.length }));
    board.dataset.page = String(at + 1);
    clearTimeout(timer);
    if (pages.length > 1) timer = setTimeout(() => turnTo((at + 1) % pages.length), TURN_MS);
  }

  /** Lay the board out again once this turn's changes are in (and fonts are loaded). */
  function refit() {
    if (queued) return;
    queued = true;
    board.classList.add('fitting');
    requestAnimationFrame(() => document.fonts.ready.then(layout));
  }
  return { indicator, refit };
}
