// The stakeholder map in the summary (and its print): coverage, the map as it was left, the
// matrix, the stakeholders with their notes, the open assumptions and the map's checklists.

import { h } from './dom.js';
import { t, L } from './i18n.js';
import { mapPlaces } from './board/stakeholders/spots.js';
import { layoutPostIts } from './board/stakeholders/map-layout.js';
import { fitWords, widestWord } from './board/fit.js';
import { checklist } from './summary-notes.js';


const CAT_MIN = 0.78; // the least share of its font a long word of a stakeholder's category shrinks to (the board's: 0.72)
const NAMES_MIN = 0.85; // of the names
const GROW = 1.12; // the map grows by this much in height while its post-its cannot all lie clear of each other

/** A post-it's texts whole: as wide as its longest word needs at its own font (up to the map's
 * --pw-max), a word longer than that a little smaller, broken between words; a word too long even
 * then gets soft hyphens, as on the board (fit.js). */
function fitItem(el, most) {
  el.style.width = '';
  const base = el.offsetWidth;
  const cat = el.querySelector('.sum-map-cat');
  const names = el.querySelector('.sum-map-names');
  const cs = getComputedStyle(el);
  const pad = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth);
  const need = Math.ceil(pad + 1 + Math.max(widestWord(cat, cat._text, 1), names ? widestWord(names, names._text, 1) : 0));
  if (need > base) el.style.width = `${Math.max(base, Math.min(need, most || base))}px`;
  fitWords(cat, cat._text, CAT_MIN);
  if (names) fitWords(names, names._text, NAMES_MIN);
}

const clear = (a, b) => a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5 || a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5;

/** Put the post-its of a summary's map where none covers another or the ambition, as the board
 * does (map-layout.js): each at its place (--x, --y), or the nearest free spot to it; when there
 * is no free spot left (a phone, many long names) the map grows taller until there is. Places are
 * kept as shares of the map, so a wider map (the printed page) keeps them clear of each other. */
function layOutMap(mapEl) {
  if (!mapEl.isConnected) return;
  mapEl.style.removeProperty('height');
  mapEl.style.removeProperty('aspect-ratio');
  const W = mapEl.clientWidth;
  if (!W || !mapEl.clientHeight) return;
  const cs = getComputedStyle(mapEl);
  const ph = parseFloat(cs.getPropertyValue('--ph')) || 0;
  const most = parseFloat(cs.getPropertyValue('--pw-max')) || 0;
  const els = [...mapEl.querySelectorAll('.sum-map-item')];
  els.forEach((el) => fitItem(el, most));
  const items = els.map((el, i) => ({
    id: i, x: Number(el.style.getPropertyValue('--x')), y: Number(el.style.getPropertyValue('--y')), w: el.offsetWidth, h: el.offsetHeight,
  }));
  const a = mapEl.querySelector('.sum-map-ambition');
  const frame = mapEl.offsetHeight - mapEl.clientHeight;
  let H = mapEl.clientHeight;
  let at = null;
  for (let tries = 0; tries < 16; tries++) {
    // the ambition in the middle of a map this tall (its size follows the map's width)
    const amb = { x: (W - a.offsetWidth) / 2, y: (H - a.offsetHeight) / 2, w: a.offsetWidth, h: a.offsetHeight };
    at = layoutPostIts(W, H, ph, items, [amb]);
    const rects = items.map((c) => ({ ...at.get(c.id), w: c.w, h: c.h }));
    const ok = rects.every((r, i) => r.y + r.h <= H + 0.5 && clear(r, amb) && rects.every((o, j) => j <= i || clear(r, o)));
    if (ok) break;
    H = Math.ceil(H * GROW);
  }
  if (H > mapEl.clientHeight) {
    // taller, as wide (a min-height would widen it too, through its aspect ratio)
    mapEl.style.setProperty('aspect-ratio', 'auto');
    mapEl.style.setProperty('height', `${H + frame}px`);
  }
  els.forEach((el, i) => {
    const spot = at.get(i);
    el.style.left = `${((spot.x / W) * 100).toFixed(3)}%`;
    el.style.top = `${((spot.y / H) * 100).toFixed(3)}%`;
    if (spot.moved) el.dataset.moved = 'true';
    else delete el.dataset.moved;
  });
  mapEl.dataset.laidOut = `${W}x${mapEl.clientHeight}`; // the size it was laid out for (tests wait for it)
}
const layOutMaps = () => document.querySelectorAll('.sum-map').forEach(layOutMap);
// the page printed: laid out for the paper (A4 is narrower than most screens, wider than a phone;
// .sum-map-paper gives the map the printed page's size while the browser prepares the print)
window.addEventListener('beforeprint', () => {
  document.querySelectorAll('.sum-map').forEach((m) => m.classList.add('sum-map-paper'));
  layOutMaps();
});
window.addEventListener('afterprint', () => {
  document.querySelectorAll('.sum-map').forEach((m) => m.classList.remove('sum-map-paper'));
  layOutMaps();
});
window.matchMedia?.('print').addEventListener?.('change', layOutMaps);

/** A post-it's text, kept whole beside what fitting it puts in (soft hyphens, at worst). */
function label(tag, text) {
  const el = h(tag, text);
  el._text = text;
  return el;
}

/** The map as it was left: each stakeholder where the group put it, around the ambition (one
 * added without a place where the board shows it, on a free spot; one whose spot is taken on this
 * screen beside the others, as on the board). */
function stakeholderMap(section, ambition) {
  const places = mapPlaces(section.items.map((s) => ({
    x: s.x, y: s.y, category: s.category, names: s.names || '',
    notes: Object.values(s.notes || {}).reduce((n, texts) => n + texts.length, 0),
  })), ambition);
  const el = h('div.sum-map', { 'data-testid': `sum-map-${section.id}`, role: 'img',
    'aria-label': `${t('sumMap')}: ${section.items.map((s) => s.category).join(', ')}` },
  h('div.sum-map-ambition', { 'aria-hidden': 'true' }, h('strong', t('sumAmbition')), ambition ? h('span', ambition) : null),
  section.items.map((s, i) => h('div.sum-map-item', { style: { '--x': String(places[i].x), '--y': String(places[i].y) }, 'aria-hidden': 'true' },
    label('span.sum-map-cat', s.category), s.names ? label('span.sum-map-names', s.names) : null)));
  // laid out once it is on the page, and again at each new size of it
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => layOutMap(el)).observe(el);
  return el;
}

/** The map's block; the ambition in its middle is the board's text field "ambitie" (`ctx.board`). */
export function stakeholdersSummary(section, { board }) {
  const ambition = (board.texts || []).flatMap((x) => x.fields).find((f) => f.id === 'ambitie')?.text || '';
  const kind = (id) => L(section.knowledge.find((k) => k.id === id)?.label) || id;
  const quadrants = section.quadrants.map((label, q) => h('div.sum-quadrant', { class: `q${q}` },
    h('h4', L(label)),
    h('ul', section.items.filter((s) => s.quadrant === q).map((s) => h('li', s.category)))));
  const unplaced = section.items.filter((s) => s.quadrant === null);
  const noteKinds = section.note_kinds;
  return h('section.sum-section', { 'data-testid': `sum-stakeholders-${section.id}` },
    h('h2', L(section.title)),
    h('p.sum-muted', t('sumCategories', { n: section.categories })),
    h('h3', t('sumCoverage')),
    h('ul.sum-coverage', { 'data-testid': `sum-coverage-${section.id}` }, section.coverage.map((c) => h('li', { class: c.covered ? 'covered' : 'missing' },
      h('span.sum-check', { 'aria-hidden': 'true' }, c.covered ? '✓' : '!'),
      h('span', L(c.label), h('span.sum-muted', ` · ${c.covered ? t('sumCovered', { n: c.count }) : t('sumMissing')}`))))),
    h('h3', t('sumMap')),
    stakeholderMap(section, ambition),
    h('h3', t('sumMatrix')),
    h('div.sum-matrix', { role: 'group', 'aria-label': t('sumMatrix') },
      h('div.sum-axis.sum-axis-y', t('sumInfluence')),
      h('div.sum-quadrants', quadrants),
      h('div.sum-axis.sum-axis-x', t('sumInterest'))),
    unplaced.length ? h('p.sum-muted', `${t('sumNotPlaced')}: ${unplaced.map((s) => s.category).join(', ')}`) : null,
    h('h3', t('sumStakeholders')),
    section.items.length ? h('div.sum-sh-list', section.items.map((s) => h('article.sum-sh',
      h('h4', s.category, s.assumption ? h('span.sum-badge.assumption', t('sumAssumption')) : null),
      s.names ? h('p', s.names) : null,
      s.knowledge.length ? h('p.sum-muted', s.knowledge.map(kind).join(', ')) : null,
      noteKinds.map((k) => (s.notes[k.id] || []).length
        ? h('div.sum-sh-notes', h('h5', shortLabel(k.label)), h('ul', s.notes[k.id].map((text) => h('li', text))))
        : null)))) : h('p.sum-muted', t('sumNothing')),
    h('h3', t('sumOpenAssumptions')),
    section.open_assumptions.length
      ? h('ul.sum-plain', section.open_assumptions.map((c) => h('li', c)))
      : h('p.sum-muted', t('sumNoAssumptions')),
    section.checklists.map(checklist),
    section.set_aside.length ? [h('h3', t('sumSetAside')),
      h('ul.sum-plain', section.set_aside.map((s) => h('li', s.category)))] : null);
}

/** "Belang: wat willen zij bereiken?" -> "Belang": the kind's name, without the card's question. */
function shortLabel(label) {
  return L(label).split(':')[0];
}
