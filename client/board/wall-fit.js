// The projector's wall: as many columns as make every item fit the screen at the largest size
// (a drawing is square, a photo 4:3; plus each card's caption and dots as the cards measure
// them), whatever the beamer. A card wide enough has its caption and its count on one line
// (.one-line): fewer lines per card leave more of the wall to the sketches.

const GAP = 10;
const ONE_LINE = 200; // px of a card's inside from which caption and count share a line

/**
 * For `n` items in a `width` x `height` area: the column count giving the largest sketches that
 * all fit, and the sketches' height. `card` is what a card needs besides its sketch: `side` (its
 * padding and border, across), `two` and `one` (its height with caption and count on two lines or
 * on one). A sketch's box is at most square: taller would show no more of a drawing or a photo.
 */
export function wallColumns(n, width, height, gap = GAP, card = { side: 18, two: 72, one: 44 }) {
  let best = { columns: 1, media: 0, oneLine: false };
  for (let c = 1; c <= Math.max(1, n); c++) {
    const rows = Math.ceil(n / c);
    const inner = (width - gap * (c - 1)) / c - card.side;
    const oneLine = inner >= ONE_LINE;
    const media = Math.min(inner, (height - gap * (rows - 1)) / rows - (oneLine ? card.one : card.two));
    if (media > best.media + 0.5) best = { columns: c, media, oneLine };
  }
  return { columns: best.columns, media: Math.max(24, Math.floor(best.media)), oneLine: best.oneLine };
}

/** What a card needs besides its sketch, as the cards are laid out now (the tallest of them). */
function cardOf(grid) {
  const oneLine = grid.classList.contains('one-line');
  let extra = 0;
  let line = 0;
  let side = 0;
  for (const card of grid.children) {
    const media = card.querySelector('.wall-media');
    extra = Math.max(extra, card.offsetHeight - (media ? media.offsetHeight : 0));
    line = Math.max(line, (card.querySelector('.wall-text')?.offsetHeight || 0) + 4); // the caption and the card's gap
    if (media) side = Math.max(side, card.offsetWidth - media.offsetWidth);
  }
  return oneLine ? { side, one: extra, two: extra + line } : { side, two: extra, one: extra - line };
}

/** Set the projector grid's columns and its sketches' height for the items it shows. */
export function fitWall(grid) {
  const n = grid.children.length;
  if (!n || !grid.clientWidth) return;
  // twice: the columns change how captions wrap, so measure again once they are set
  for (let i = 0; i < 2; i++) {
    const card = cardOf(grid);
    const { columns, media, oneLine } = wallColumns(n, grid.clientWidth, grid.clientHeight, GAP,
      { side: card.side, two: card.two + 2, one: card.one + 2 });
    grid.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
    grid.style.setProperty('--wall-media-h', `${media}px`);
    grid.classList.toggle('one-line', oneLine);
  }
}
