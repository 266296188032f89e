// The weighting's two rules a screen applies itself, the same as boards/kinds/weighting.py (order,
// top); tests/unit/boards/test_weighting.py runs both on the same cases. No DOM here.

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/** The order `participant` sees the themes in when the section shuffles: by a hash of the person
 * and the theme, so a reload keeps it and a new theme takes its own place. */
export function themeOrder(participant, ids) {
  const key = new Map(ids.map((id) => [id, fnv1a(`${participant}/${id}`)]));
  return [...ids].sort((a, b) => (key.get(a) - key.get(b)) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The `n` shown themes with the most dots (more when tied at the last place; none without dots),
 * in theme order. */
export function topThemes(content, n) {
  const counts = content.counts || {};
  const shown = (content.items || []).filter((t) => !t.hidden);
  const ranked = shown.map((t) => counts[t.id] || 0).filter((k) => k > 0).sort((a, b) => b - a);
  if (!ranked.length || n <= 0) return [];
  const least = ranked[Math.min(n, ranked.length) - 1];
  return shown.filter((t) => (counts[t.id] || 0) >= least).map((t) => t.id);
}
