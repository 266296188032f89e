// Where a new post-it goes: a free-ish spot around the ambition on the map, or inside a quadrant
// of the matrix, away from the post-its already there.

/**
 * The candidate (fraction pair) farthest from the taken ones; `aspect` weighs x against y,
 * `prefer(c)` breaks ties (higher is better).
 */
function freeSpot(candidates, taken, aspect, prefer) {
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const c of candidates) {
    let near = 0.35;
    for (const p of taken) near = Math.min(near, Math.hypot((c.x - p.x) * aspect, c.y - p.y));
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
  function mapAspect() {
    const w = sh.mapSurface.clientWidth;
    const hgt = sh.mapSurface.clientHeight;
    return w && hgt ? w / hgt : 1.6;
  }

  /** A free-ish spot around the ambition, away from the post-its already there. */
  function spotOnMap() {
    const candidates = [];
    for (let i = 0; i <= 8; i++) {
      for (let j = 0; j <= 8; j++) {
        const c = { x: i / 8, y: j / 8 };
        if (Math.abs(c.x - 0.5) < 0.2 && Math.abs(c.y - 0.5) < 0.24) continue; // the ambition
        candidates.push(c);
      }
    }
    const taken = all().filter(shown).map((s) => sh.posOf('map', s));
    const aspect = mapAspect();
    return freeSpot(candidates, taken, aspect, (c) => -Math.abs(Math.hypot((c.x - 0.5) * aspect, c.y - 0.5) - 0.55));
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
    return freeSpot(candidates, taken, 1, (c) => -Math.hypot(c.x - mid.x, c.y - mid.y));
  }
  Object.assign(sh, { spotOnMap, spotInQuadrant });
}
