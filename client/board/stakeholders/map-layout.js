// Where the post-its of the map show on this screen: none covers another or the ambition. A
// post-it goes where its place (x, y) puts it; one whose spot is taken (a place chosen on a laptop
// can be crowded on a phone, where post-its are relatively bigger) goes to the nearest free spot,
// first come first served in the map's order, so the same map gives the same picture. Only the
// screen changes: the log keeps the places as dropped. Pure functions of sizes in px.

import { nearestFree } from './matrix-layout.js';

/**
 * Lay out the post-its of a W × H map. `items`: [{id, x, y, w, h}] (x, y the place, w × h the
 * post-it's size in px), in the map's order; `ph`: the height a place is reckoned with (the map's
 * --ph: top = y · (H − ph), as in style.css); `keep`: rectangles (px) post-its keep clear of (the
 * ambition). Returns Map id -> {x, y, moved} (px, top-left corner; moved: not at its own spot).
 * A post-it stays inside the map; when no spot is free, it goes where it covers the least.
 */
export function layoutPostIts(W, H, ph, items, keep = []) {
  const placed = new Map();
  const taken = [...keep];
  const region = { x: 0, y: 0, w: W, h: H };
  for (const c of items) {
    const own = { x: c.x * Math.max(0, W - c.w), y: c.y * Math.max(0, H - ph) };
    const r = nearestFree(own, c.w, c.h, region, taken);
    taken.push(r);
    placed.set(c.id, { x: r.x, y: r.y, moved: Math.abs(r.x - own.x) > 0.5 || Math.abs(r.y - own.y) > 0.5 });
  }
  return placed;
}
