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
  const top = Math.max(0, ...all.map((s) => s.median));
  const wide = Math.max(0, ...all.map((s) => s.spread));
  const ids = Object.keys(stats);
  return {
    stats,
    reading,
    weakest: ids.filter((p) => top >= WEAKEST_FROM && stats[p].median === top),
    disputed: ids.filter((p) => wide >= DISPUTED_FROM && stats[p].spread === wide),
  };
}
