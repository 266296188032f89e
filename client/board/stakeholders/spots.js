// Where a post-it goes that nobody put anywhere yet: a new one (the add form), or one added
// without a place (by another client, or over the protocol: the server keeps it at 0.5, 0.5, under
// the ambition). On the map that is a spot around the ambition that is free on a phone and on a
// laptop alike, reckoned from the map's content alone (texts and places, never this screen's
// size), so every screen shows such a post-it at the same place. In the matrix it is a free spot
// of a quadrant (matrix.js).

import { ambitionText } from './ambition.js';

// The map as style.css lays it out on a phone (360 px wide) and on a laptop (1280 px): the
// surface, a post-it (its least and most width, its height in the place's reckoning, its padding),
// the fonts of its category and names (px, the share a long word is fitted at, line height),
// the tags' row and the ambition in the middle. Text widths are reckoned per character,
// generously (a wide font's average), so a post-it is never wider than it was reckoned.
const SCREENS = [
  {
    W: 304, H: 406, ph: 40, pw: 88, pwMax: 122, padX: 12, padY: 10, tags: 16,
    cat: { px: 11.5, min: 0.85, line: 13.5 }, names: { px: 10, min: 0.85, line: 12, lines: 3 }, minis: false,
    amb: { w: (W) => 0.4 * W, padX: 22, padY: 34, px: 11.5, line: 15.6, lines: 8 },
  },
  {
    W: 876, H: 547, ph: 64, pw: 150, pwMax: 210, padX: 22, padY: 18, tags: 22,
    cat: { px: 14, min: 0.85, line: 17 }, names: { px: 13, min: 0.85, line: 17, lines: 3 }, minis: true,
    amb: { w: (W) => Math.min(0.32 * W, 320), padX: 34, padY: 62, px: 15, line: 20.3, lines: 6 },
  },
];
const BOLD_EM = 0.7; // the width of a character of the bold category, in em
const TEXT_EM = 0.62; // of the names and the ambition
const GAP = 4; // px kept between two post-its (and 1 px from the ambition)
const MINI_H = 40; // px an attached note takes under a post-it (laptop), at most MINI_NOTES of them
const MINI_NOTES = 4;
const STEPS = 20; // candidate places: every 1/20 of the map across and down

const words = (text) => String(text || '').split(/\s+/).filter(Boolean);

/** How many lines `text` takes when `perLine` characters fit on one (breaking between words). */
function lineCount(text, perLine) {
  let lines = 0;
  let used = Infinity;
  for (const w of words(text)) {
    if (used + 1 + w.length > perLine) {
      lines += 1;
      used = w.length;
    } else {
      used += 1 + w.length;
    }
  }
  return lines;
}

/** A post-it's width and height (px) on screen `S`, reckoned from its texts. */
function sizeOn(S, item) {
  const widest = (text, em, font) => Math.max(0, ...words(text).map((w) => w.length)) * em * font.px * font.min;
  const need = Math.max(widest(item.category, BOLD_EM, S.cat), widest(item.names, TEXT_EM, S.names)) + S.padX;
  const w = Math.min(S.pwMax, Math.max(S.pw, need));
  const inner = w - S.padX;
  const catLines = Math.max(1, lineCount(item.category, Math.max(1, Math.floor(inner / (BOLD_EM * S.cat.px * S.cat.min)))));
  const nameLines = Math.min(S.names.lines, lineCount(item.names, Math.max(1, Math.floor(inner / (TEXT_EM * S.names.px * S.names.min)))));
  const minis = S.minis ? Math.min(item.notes || 0, MINI_NOTES + 1) * MINI_H : 0;
  return { w, h: S.padY + catLines * S.cat.line + nameLines * S.names.line + S.tags + minis };
}

/** The rectangle (px) of a post-it of `size` at place `p` on screen `S`: as `.sh-item` in style.css. */
function rectOn(S, p, size) {
  return { x: p.x * (S.W - size.w), y: p.y * (S.H - S.ph), w: size.w, h: size.h };
}

/** The ambition's rectangle (px) on screen `S`, with room for the facilitator's edit button. */
function ambitionOn(S, text) {
  const w = S.amb.w(S.W);
  const lines = Math.min(S.amb.lines, Math.max(1, lineCount(text, Math.floor((w - S.amb.padX) / (TEXT_EM * S.amb.px)))));
  const h = S.amb.padY + lines * S.amb.line;
  return { x: (S.W - w) / 2, y: (S.H - h) / 2, w, h };
}

const hits = (a, b, gap) => a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
const overlap = (a, b) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x))
  * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/**
 * The place for `item` ({category, names, notes}) among `taken` ([{p: {x, y}, item}]) around an
 * ambition of `ambition` text: the candidate nearest a ring around the ambition that is free on
 * every screen in SCREENS; else one free on the laptop that covers the least on a phone; else the
 * one that covers the least in all.
 */
export function freeSpotOnMap(item, taken, ambition) {
  const screens = SCREENS.map((S) => ({
    S,
    size: sizeOn(S, item),
    amb: ambitionOn(S, ambition),
    others: taken.map((t) => rectOn(S, t.p, sizeOn(S, t.item))),
  }));
  // around the ambition (as on paper), not in a corner: nearest an ellipse between it and the edge
  const ring = (c) => Math.abs(Math.hypot((c.x - 0.5) / 0.5, (c.y - 0.5) / 0.5) - 0.8);
  let best = null;
  let bestKey = null;
  for (let j = 0; j <= STEPS; j++) {
    for (let i = 0; i <= STEPS; i++) {
      const c = { x: i / STEPS, y: j / STEPS };
      // per screen: is it free, and how much does it cover (a share of the map)
      const cover = screens.map(({ S, size, amb, others }) => {
        const r = rectOn(S, c, size);
        const out = Math.max(0, r.y + r.h - S.H) * r.w; // hanging below the map
        const free = !out && !hits(r, amb, 1) && !others.some((o) => hits(r, o, GAP));
        const area = out + overlap(r, amb) + others.reduce((sum, o) => sum + overlap(r, o), 0);
        return { free, share: area / (S.W * S.H) };
      });
      const key = [
        cover.every((x) => x.free) ? 0 : 1,
        cover[cover.length - 1].free ? 0 : 1, // the laptop
        cover.reduce((sum, x) => sum + x.share, 0),
        ring(c),
      ];
      if (!bestKey || less(key, bestKey)) {
        best = c;
        bestKey = key;
      }
    }
  }
  return best;
}

function less(a, b) {
  for (let k = 0; k < a.length; k++) {
    if (Math.abs(a[k] - b[k]) > 1e-9) return a[k] < b[k];
  }
  return false;
}

/** A place nobody chose: what the server keeps for a post-it added without x, y. */
export const unplaced = (s) => s.x === 0.5 && s.y === 0.5;

/**
 * Where each of `items` ([{x, y, category, names, notes: count}], the map's post-its in its order)
 * shows: its place, or for one without a place a free spot among the others (in the same order on
 * every screen, so every screen finds the same). An array of {x, y}.
 */
export function mapPlaces(items, ambition) {
  const taken = items.filter((s) => !unplaced(s)).map((s) => ({ p: { x: s.x, y: s.y }, item: s }));
  return items.map((s) => {
    if (!unplaced(s)) return { x: s.x, y: s.y };
    const p = freeSpotOnMap(s, taken, ambition);
    taken.push({ p, item: s });
    return p;
  });
}

function freeSpot(candidates, taken, prefer) {
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const c of candidates) {
    let near = 0.35;
    for (const p of taken) near = Math.min(near, Math.hypot(c.x - p.x, c.y - p.y));
    const score = near + 0.05 * prefer(c);
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

export function createSpots(sh) {
  const { all, shown } = sh;
  const textOf = (s) => ({ category: s.category, names: s.names || '', notes: Object.keys(s.notes || {}).length });

  // the places of the post-its added without one, worked out once per content of the map
  let auto = { sig: null, spots: new Map() };
  function autoSpots() {
    const vis = all().filter(shown);
    const ambition = ambitionText(sh);
    const sig = JSON.stringify([ambition, vis.map((s) => [s.id, s.x, s.y, s.category, s.names, Object.keys(s.notes || {}).length])]);
    if (sig === auto.sig) return auto.spots;
    const places = mapPlaces(vis.map((s) => ({ x: s.x, y: s.y, ...textOf(s) })), ambition);
    const spots = new Map(vis.map((s, i) => [s.id, places[i]]));
    auto = { sig, spots };
    return spots;
  }

  /** Where a post-it shows on the map, as the log has it: its place, or one found for it. */
  function mapPlace(s) {
    return (unplaced(s) && autoSpots().get(s.id)) || { x: s.x, y: s.y };
  }

  /** A free spot around the ambition for a new post-it with these texts. */
  function spotOnMap(category = '', names = '') {
    const taken = all().filter(shown).map((s) => ({ p: mapPlace(s), item: textOf(s) }));
    return freeSpotOnMap({ category, names, notes: 0 }, taken, ambitionText(sh));
  }

  /** A free spot inside one quadrant of the matrix: beside the chips there as this screen shows
   * them, or (the matrix not laid out) a free-ish one by the places alone. */
  function spotInQuadrant(highInfluence, highInterest, except) {
    const free = sh.freeMatrixSpot?.(highInfluence, highInterest, except);
    if (free) return free;
    const candidates = [];
    for (let i = 0; i <= 4; i++) {
      for (let j = 0; j <= 4; j++) {
        candidates.push({ x: (highInterest ? 0.58 : 0.04) + i * 0.095, y: (highInfluence ? 0.58 : 0.04) + j * 0.095 });
      }
    }
    const taken = all().filter((s) => shown(s) && s.id !== except).map((s) => sh.posOf('matrix', s)).filter(Boolean);
    const mid = { x: highInterest ? 0.77 : 0.23, y: highInfluence ? 0.77 : 0.23 };
    return freeSpot(candidates, taken, (c) => -Math.hypot(c.x - mid.x, c.y - mid.y));
  }
  Object.assign(sh, { spotOnMap, spotInQuadrant, mapPlace });
}
