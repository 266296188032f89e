// The projector's wall: as many columns as make every item fit the screen at the largest size
// (a sketch is 4:3, plus its caption and dots as the cards measure them), whatever the beamer.

const RATIO = 3 / 4;
const GAP = 10;

/** For `n` items in a `width` x `height` area: the column count giving the largest sketches that
 * all fit, and the sketches' height; `extra` is a card's height besides its sketch. */
export function wallColumns(n, width, height, gap = GAP, extra = 64) {
  let best = { columns: 1, media: 0 };
  for (let c = 1; c <= Math.max(1, n); c++) {
    const rows = Math.ceil(n / c);
    const w = (width - gap * (c - 1)) / c;
    const media = Math.min(w * RATIO, (height - gap * (rows - 1)) / rows - extra);
    if (media > best.media) best = { columns: c, media };
  }
  return { columns: best.columns, media: Math.max(24, Math.floor(best.media)) };
}

/** A card's height besides its sketch (the tallest of the cards, as laid out now). */
function extraOf(grid) {
  let extra = 0;
  for (const card of grid.children) {
    const media = card.querySelector('.wall-media');
    extra = Math.max(extra, card.offsetHeight - (media ? media.offsetHeight : 0));
  }
  return extra;
}

/** Set the projector grid's columns and its sketches' height for the items it shows. */
export function fitWall(grid) {
  const n = grid.children.length;
  if (!n || !grid.clientWidth) return;
  // twice: the columns change how captions wrap, so measure again once they are set
  for (let i = 0; i < 2; i++) {
    const { columns, media } = wallColumns(n, grid.clientWidth, grid.clientHeight, GAP, extraOf(grid) + 2);
    grid.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
    grid.style.setProperty('--wall-media-h', `${media}px`);
  }
}
