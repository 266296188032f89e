// The projector's wall: as many columns as make every item fit the screen at the largest size
// (a sketch is 4:3 plus a caption line and its dots), whatever the beamer's resolution.

const RATIO = 3 / 4;

/** For `n` items in a `width` x `height` area: the column count giving the largest sketches that
 * all fit, and the sketches' height. */
export function wallColumns(n, width, height, gap = 10, extra = 64) {
  let best = { columns: 1, media: 0 };
  for (let c = 1; c <= Math.max(1, n); c++) {
    const rows = Math.ceil(n / c);
    const w = (width - gap * (c - 1)) / c;
    const media = Math.min(w * RATIO, (height - gap * (rows - 1)) / rows - extra);
    if (media > best.media) best = { columns: c, media };
  }
  return { columns: best.columns, media: Math.max(40, Math.floor(best.media)) };
}

/** Set the projector grid's columns and its sketches' height for the items it shows. */
export function fitWall(grid) {
  const n = grid.children.length;
  if (!n || !grid.clientWidth) return;
  const extra = Math.max(52, Math.min(110, window.innerHeight * 0.065));
  const { columns, media } = wallColumns(n, grid.clientWidth, grid.clientHeight, 10, extra);
  grid.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
  grid.style.setProperty('--wall-media-h', `${media}px`);
}
