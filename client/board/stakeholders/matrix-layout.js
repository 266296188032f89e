// Where the chips of the matrix show: no chip covers another or a quadrant's title. A chip goes
// where its place (interest, influence) puts it, kept inside its quadrant; a chip whose spot is
// taken goes to the nearest free spot in the same quadrant, beside the others. Only the screen
// changes: the log keeps the places as they were dropped. Pure functions of sizes in px.

const GAP = 4; // px between two chips, and between a chip and its quadrant's edge

const hits = (a, b, gap) => a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
const overlapArea = (a, b) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x))
  * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));

/** The quadrant's rectangle, less the gap along its edges. */
function region(W, H, highInterest, highInfluence) {
  const half = (size, high) => (high ? { at: size / 2 + GAP, len: size / 2 - 2 * GAP } : { at: GAP, len: size / 2 - 2 * GAP });
  const x = half(W, highInterest);
  const y = half(H, !highInfluence); // high influence is the top half
  return { x: x.at, y: y.at, w: x.len, h: y.len };
}

/** Where the top-left corner of a w × h chip at fractions (x = interest, y = influence) goes, in px. */
export function spotOf(W, H, w, h, x, y) {
  return { x: x * Math.max(0, W - w), y: (1 - y) * Math.max(0, H - h) };
}

/** The fractions of a w × h chip whose top-left corner is at (left, top) px: the inverse of spotOf. */
export function fractionsOf(W, H, w, h, left, top) {
  return { x: W > w ? clamp(left / (W - w), 0, 1) : 0.5, y: H > h ? clamp(1 - top / (H - h), 0, 1) : 0.5 };
}

/**
 * The spot for a w × h chip nearest to `want` inside `reg` that keeps clear of `obstacles`; when
 * there is none, the one covering the least of them. Candidates: the wanted spot, the edges of the
 * region and the sides of every obstacle (the nearest free spot is always among them).
 */
export function nearestFree(want, w, h, reg, obstacles) {
  const maxX = Math.max(reg.x, reg.x + reg.w - w);
  const maxY = Math.max(reg.y, reg.y + reg.h - h);
  const xs = [want.x, reg.x, maxX];
  const ys = [want.y, reg.y, maxY];
  for (const o of obstacles) {
    xs.push(o.x + o.w + GAP, o.x - GAP - w);
    ys.push(o.y + o.h + GAP, o.y - GAP - h);
  }
  let free = null;
  let freeD = Infinity;
  let least = null;
  let leastScore = [Infinity, Infinity];
  for (const x0 of xs) {
    const x = clamp(x0, reg.x, maxX);
    for (const y0 of ys) {
      const y = clamp(y0, reg.y, maxY);
      const d = (x - want.x) ** 2 + (y - want.y) ** 2;
      if (d >= freeD) continue;
      const r = { x, y, w, h };
      if (!obstacles.some((o) => hits(r, o, GAP - 0.5))) {
        free = r;
        freeD = d;
      } else if (!free) {
        const area = obstacles.reduce((sum, o) => sum + overlapArea(r, o), 0);
        if (area < leastScore[0] - 0.5 || (Math.abs(area - leastScore[0]) <= 0.5 && d < leastScore[1])) {
          least = r;
          leastScore = [area, d];
        }
      }
    }
  }
  return free || least || { x: clamp(want.x, reg.x, maxX), y: clamp(want.y, reg.y, maxY), w, h };
}

const quadKey = (c) => `${c.y >= 0.5 ? 'h' : 'l'}${c.x >= 0.5 ? 'h' : 'l'}`; // influence, interest

/** The part of a quadrant its title takes (the whole width, at its top or bottom), in px. */
function titleBand(reg, titles, top) {
  const mine = titles.filter((t) => hits(t, reg, 0));
  if (!mine.length) return 0;
  return top
    ? Math.max(...mine.map((t) => t.y + t.h)) + GAP - reg.y
    : reg.y + reg.h - Math.min(...mine.map((t) => t.y)) + GAP;
}

/** Rows of chips, left to right, wrapping at `width`: [{chips, h}]. */
function rows(chips, width) {
  const out = [];
  let row = null;
  for (const c of chips) {
    if (!row || row.w + GAP + c.w > width) {
      row = { chips: [], w: -GAP, h: 0 };
      out.push(row);
    }
    row.chips.push(c);
    row.w += GAP + c.w;
    row.h = Math.max(row.h, c.h);
  }
  return out;
}

// Higher influence first, then lower interest: how the chips of a full quadrant are read.
const reading = (a, b) => b.y - a.y || a.x - b.x;

/**
 * The height a W-wide matrix needs so that the chips of its fullest quadrant fit in rows below
 * (or above) its title: the matrix grows when a quadrant is crowded (a phone has room for a few).
 */
export function heightNeeded(W, chips, titleHeights = {}) {
  const width = W / 2 - 2 * GAP;
  let most = 0;
  for (const key of ['hl', 'hh', 'll', 'lh']) {
    const mine = chips.filter((c) => quadKey(c) === key).sort(reading);
    if (!mine.length) continue;
    const rs = rows(mine, width);
    const need = (titleHeights[key] || 0) + rs.reduce((sum, r) => sum + r.h, 0) + (rs.length - 1) * GAP;
    most = Math.max(most, need);
  }
  return most ? 2 * (most + 2 * GAP) : 0;
}

/** The heights of the quadrants' title bands of a W × H matrix, by quadrant. */
export function titleHeights(W, H, titles) {
  const out = {};
  for (const [key, hiInf, hiInt] of [['hl', true, false], ['hh', true, true], ['ll', false, false], ['lh', false, true]]) {
    out[key] = titleBand(region(W, H, hiInt, hiInf), titles, hiInf);
  }
  return out;
}

/**
 * Lay out the chips of a W × H matrix. `chips`: [{id, x, y, w, h}] (x interest, y influence, as
 * logged), first come first served; `titles`: rectangles (px) chips keep clear of. Returns
 * Map id -> {x, y, moved} (px, top-left corner; moved: not at its own spot). A quadrant where a
 * chip finds no free spot is laid out in rows instead, in reading order.
 */
export function layoutChips(W, H, chips, titles = []) {
  const placed = new Map();
  const inQuad = new Map(); // quadrant -> rectangles taken in it
  const full = new Set();
  for (const c of chips) {
    const key = quadKey(c);
    const reg = region(W, H, c.x >= 0.5, c.y >= 0.5);
    if (!inQuad.has(key)) inQuad.set(key, titles.filter((t) => hits(t, reg, 0)));
    const taken = inQuad.get(key);
    const own = spotOf(W, H, c.w, c.h, c.x, c.y);
    const want = { x: clamp(own.x, reg.x, Math.max(reg.x, reg.x + reg.w - c.w)), y: clamp(own.y, reg.y, Math.max(reg.y, reg.y + reg.h - c.h)) };
    const r = nearestFree(want, c.w, c.h, reg, taken);
    if (taken.some((o) => hits(r, o, GAP - 0.5))) full.add(key);
    taken.push(r);
    placed.set(c.id, { x: r.x, y: r.y, moved: Math.abs(r.x - own.x) > 0.5 || Math.abs(r.y - own.y) > 0.5 });
  }
  for (const key of full) {
    const hiInf = key[0] === 'h';
    const reg = region(W, H, key[1] === 'h', hiInf);
    const band = titleBand(reg, titles, hiInf);
    let y = reg.y + (hiInf ? band : 0);
    for (const row of rows(chips.filter((c) => quadKey(c) === key).sort(reading), reg.w)) {
      let x = reg.x;
      for (const c of row.chips) {
        placed.set(c.id, { x, y, moved: true });
        x += c.w + GAP;
      }
      y += row.h + GAP;
    }
  }
  return placed;
}

/** A free spot for a w × h chip in one quadrant, nearest its middle, beside the chips laid out there. */
export function freeInQuadrant(W, H, w, h, highInfluence, highInterest, rects, titles = []) {
  const reg = region(W, H, highInterest, highInfluence);
  const want = { x: reg.x + (reg.w - w) / 2, y: reg.y + (reg.h - h) / 2 };
  const taken = [...titles, ...rects].filter((t) => hits(t, reg, 0));
  return nearestFree(want, w, h, reg, taken);
}
