// The radar's numbers: per pillar the median ring and the spread, the reading, the weakest and the
// disputed pillars. The same rules as boards/kinds/radar_reading.py (the thresholds and why are
// there); both run the golden cases of tests/golden/kinds/radar.json. Ring 1 is the core ("sterk").

export const STRONG = 2.5;
export const WEAK = 3.5;
const WEAKEST_FROM = 3;
const DISPUTED_FROM = 2;

export function median(rings) {
  const o = [...rings].sort((a, b) => a - b);
  const mid = Math.floor(o.length / 2);
  return o.length % 2 ? o[mid] : (o[mid - 1] + o[mid]) / 2;
}

/** `pillars`: ids in order; `dots`: pillar -> [[ring, group], ...]. */
export function readRadar(pillars, dots) {
  const stats = {};
  for (const p of pillars) {
    const rings = (dots[p] || []).map((d) => d[0]);
    if (rings.length) stats[p] = { n: rings.length, median: median(rings), spread: Math.max(...rings) - Math.min(...rings) };
  }
  const all = Object.values(stats);
  let reading = null;
  if (all.length && all.length === pillars.length) {
    const weak = all.filter((s) => s.median >= WEAK).length;
    const strong = all.filter((s) => s.median <= STRONG).length;
    if (weak === all.length) reading = 'all_low';
    else if (strong * 2 > all.length && weak === 0) reading = 'most_strong';
    else reading = 'moderate';
  }
  return { stats, reading, weakest: standingOut(stats, 'median', WEAKEST_FROM), disputed: standingOut(stats, 'spread', DISPUTED_FROM) };
}

/** The pillars with the highest `key`, if it is at least `least` and fewer than half share it. */
function standingOut(stats, key, least) {
  const ids = Object.keys(stats);
  const top = Math.max(0, ...ids.map((p) => stats[p][key]));
  const tied = ids.filter((p) => stats[p][key] === top);
  return top >= least && tied.length * 2 < ids.length ? tied : [];
}
