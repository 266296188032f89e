// The radar as SVG markup, for the board (live), the projector and the summary page (printed
// sharp: vector, presentation attributes only, no inline style, so the page's CSP allows it).
// Ring 1 is the core ("sterk"), the outer ring "zwak". No DOM here: it returns a string.

export const R = 125; // radius of the outer ring, in SVG units
const VIEW = '-240 -168 480 336'; // room for the pillars' names around
// A phone: numbers around instead of names, in badges on the outer ring's edge, so the radar is
// nearly as wide as the screen.
const BADGE = 12; // a compact radar's number badge (radius)
const BADGE_AT = R + 6; // its centre: mostly outside the outer ring, clear of the dots on it
const COMPACT_VIEW = `${-(BADGE_AT + BADGE + 2)} ${-(BADGE_AT + BADGE + 2)} ${2 * (BADGE_AT + BADGE + 2)} ${2 * (BADGE_AT + BADGE + 2)}`;

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const f = (n) => Math.round(n * 10) / 10;

export function angleOf(index, count) {
  return -Math.PI / 2 + (2 * Math.PI * index) / count;
}

/** Distance from the centre of a dot on `ring` (the middle of its band). */
export function ringRadius(ring, rings = 5) {
  return ((ring - 0.5) / rings) * R;
}

/** Which pillar (index) and ring a point (SVG units) is on: the nearest spoke, the band it is in. */
export function pointToPlace(x, y, count, rings = 5) {
  let a = Math.atan2(y, x) + Math.PI / 2;
  if (a < 0) a += 2 * Math.PI;
  const index = Math.round(a / ((2 * Math.PI) / count)) % count;
  const ring = Math.min(rings, Math.max(1, Math.ceil((Math.hypot(x, y) / R) * rings)));
  return { index, ring };
}

function at(index, count, radius, along = 0) {
  const a = angleOf(index, count);
  return [radius * Math.cos(a) - along * Math.sin(a), radius * Math.sin(a) + along * Math.cos(a)];
}

function mark(x, y, size, colour, shape, cls = '') {
  const c = cls ? ` class="${cls}"` : '';
  return shape === 1
    ? `<rect${c} x="${f(x - size)}" y="${f(y - size)}" width="${f(size * 2)}" height="${f(size * 2)}" rx="1.5" fill="${colour}" stroke="#fff" stroke-width="1.2"/>`
    : `<circle${c} cx="${f(x)}" cy="${f(y)}" r="${f(size)}" fill="${colour}" stroke="#fff" stroke-width="1.2"/>`;
}

/**
 * pillars: [{id, label}] (labels as text); rings: count; dots: pillar -> [[ring, group], ...] (all
 * dots, shown when `revealed`); groups: [{id, colour}] (index 0 round, 1 square); stats: pillar ->
 * {median, spread, n}; own: pillar -> ring (the viewer's own dots); weakest, disputed: pillar ids;
 * words: {weakest, disputed, title}. compact: a phone's radar, numbered 1.. around instead of named
 * (the list under it names them, numbered alike), so that the rings fill the screen's width.
 */
export function radarSvg({ pillars, rings = 5, dots = {}, groups = [], stats = {}, own = {}, weakest = [], disputed = [],
  words = {}, ownColour = '#334155', focus = null, compact = false }) {
  const n = pillars.length;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${compact ? COMPACT_VIEW : VIEW}" class="radar-svg${compact ? ' compact' : ''}" role="img" aria-label="${esc(words.title || '')}">`];
  // bands, core darkest: near the core the pillar stands
  for (let r = rings; r >= 1; r--) {
    const shade = ['#dbe7f5', '#e4edf7', '#ecf2f9', '#f3f7fb', '#f9fbfd'][Math.min(4, r - 1)];
    out.push(`<circle cx="0" cy="0" r="${f((r / rings) * R)}" fill="${shade}" stroke="#94a3b8" stroke-width="0.8"/>`);
  }
  pillars.forEach((p, i) => {
    const [x, y] = at(i, n, R);
    out.push(`<line x1="0" y1="0" x2="${f(x)}" y2="${f(y)}" stroke="#94a3b8" stroke-width="0.8"/>`);
  });
  // per pillar: the spread (nearest to farthest ring) and the median
  pillars.forEach((p, i) => {
    const s = stats[p.id];
    if (!s) return;
    const list = (dots[p.id] || []).map((d) => d[0]);
    if (list.length > 1) {
      const [x1, y1] = at(i, n, ringRadius(Math.min(...list), rings));
      const [x2, y2] = at(i, n, ringRadius(Math.max(...list), rings));
      out.push(`<line class="radar-spread" x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${disputed.includes(p.id) ? '#f59e0b' : '#94a3b8'}" stroke-opacity="0.55" stroke-width="12" stroke-linecap="round"/>`);
    }
  });
  // the dots, side by side across the spoke where they share a ring
  pillars.forEach((p, i) => {
    const perRing = {};
    for (const [ring, group] of dots[p.id] || []) (perRing[ring] || (perRing[ring] = [])).push(group);
    for (const [ring, list] of Object.entries(perRing)) {
      list.forEach((group, j) => {
        const gi = Math.max(0, groups.findIndex((g) => g.id === group));
        const [x, y] = at(i, n, ringRadius(Number(ring), rings), (j - (list.length - 1) / 2) * 9.5);
        out.push(mark(x, y, 4.3, groups[gi]?.colour || '#475569', groups.length > 1 ? gi % 2 : 0, 'radar-dot'));
      });
    }
  });
  pillars.forEach((p, i) => {
    const s = stats[p.id];
    if (!s) return;
    const [x1, y1] = at(i, n, ringRadius(s.median, rings), -9);
    const [x2, y2] = at(i, n, ringRadius(s.median, rings), 9);
    out.push(`<line class="radar-median" x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="#0f172a" stroke-width="3" stroke-linecap="round"/>`);
  });
  // the viewer's own dots, on top and larger
  pillars.forEach((p, i) => {
    if (!own[p.id]) return;
    const [x, y] = at(i, n, ringRadius(own[p.id], rings));
    out.push(`<circle class="radar-own" cx="${f(x)}" cy="${f(y)}" r="7.5" fill="${ownColour}" stroke="#fff" stroke-width="2.2"/>`);
  });
  if (focus) {
    const [x, y] = at(focus.index, n, ringRadius(focus.ring, rings));
    out.push(`<circle class="radar-ghost" cx="${f(x)}" cy="${f(y)}" r="9" fill="none" stroke="${ownColour}" stroke-width="2" stroke-dasharray="3 2"/>`);
  }
  if (compact) {
    // each spoke's number in a badge at its end, marked like its row when weakest or disputed
    pillars.forEach((p, i) => {
      const [x, y] = at(i, n, BADGE_AT);
      const fill = weakest.includes(p.id) ? '#9a3412' : '#0f172a';
      const stroke = disputed.includes(p.id) ? ' stroke="#f59e0b" stroke-width="3"' : ' stroke="#fff" stroke-width="1.5"';
      out.push(`<circle class="radar-badge" cx="${f(x)}" cy="${f(y)}" r="${BADGE}" fill="${fill}"${stroke}/>`);
      out.push(`<text class="radar-num" x="${f(x)}" y="${f(y + 5)}" text-anchor="middle" font-size="14" font-weight="700" fill="#fff" font-family="system-ui, sans-serif">${i + 1}</text>`);
    });
    out.push('</svg>');
    return out.join('');
  }
  // the pillar names around, with what the numbers say of them
  pillars.forEach((p, i) => {
    const a = angleOf(i, n);
    const [x, y] = at(i, n, R + 12);
    const c = Math.cos(a);
    const anchor = c > 0.3 ? 'start' : c < -0.3 ? 'end' : 'middle';
    const dy = Math.sin(a) < -0.7 ? -10 : Math.sin(a) > 0.7 ? 14 : 4;
    const tags = [weakest.includes(p.id) ? words.weakest : null, disputed.includes(p.id) ? words.disputed : null].filter(Boolean);
    out.push(`<text x="${f(x)}" y="${f(y + dy)}" text-anchor="${anchor}" font-size="14" font-weight="700" fill="#0f172a" font-family="system-ui, sans-serif">${esc(p.label)}</text>`);
    if (tags.length) {
      out.push(`<text class="radar-tag" x="${f(x)}" y="${f(y + dy + 14)}" text-anchor="${anchor}" font-size="11.5" font-weight="700" fill="#9a3412" font-family="system-ui, sans-serif">${esc(tags.join(' · '))}</text>`);
    }
  });
  out.push('</svg>');
  return out.join('');
}
