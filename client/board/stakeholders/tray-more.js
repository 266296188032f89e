// The projector's "not placed yet" tray holds what fits; the rest is counted on one "+N" chip
// (the title's count says how many in all), so no chip is cut off at the tray's edge.

import { h, setText } from '../../dom.js';

/** Adds the "+N" chip after `list` in `tray`; returns fit(), to call after the list changed or moved. */
export function trayMore(tray, list) {
  const more = h('div.sh-chip.sh-tray-chip.sh-tray-more', { 'data-testid': 'matrix-tray-more', 'data-off': '' });
  list.after(more);
  const over = () => tray.scrollHeight > tray.clientHeight + 1;
  return function fit() {
    const chips = [...list.children];
    // data attributes, not `hidden`: the projector's pager refits on `hidden`, and this runs on a refit
    for (const c of chips) c.removeAttribute('data-off');
    more.setAttribute('data-off', '');
    if (!tray.clientHeight || !over()) return;
    more.removeAttribute('data-off');
    let out = 0;
    for (let i = chips.length - 1; i > 0 && (out === 0 || over()); i--) {
      chips[i].setAttribute('data-off', '');
      out += 1;
      setText(more, `+${out}`);
    }
  };
}
