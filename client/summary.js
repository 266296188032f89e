// The summary page (/s/{session}): the result to send round after the session, printable as A4.
//
// The facilitator comes with the secret (in the fragment #f=…, or kept in this browser from the
// board); the group with the read-only link's token (#k=…). Either is sent as an Authorization
// header, never in the address. Everything typed by people is put in as text (textContent), so
// markup in a post-it shows as the characters it is.

import { liveSummaries } from './summary-live.js';
import { contractSummaries } from './summary-contract.js';
import { h, langSwitch, toast, copyText } from './dom.js';
import { t, L, getLang, onLangChange, errorText } from './i18n.js';
import { store } from './store.js';
import { mapPlaces } from './board/stakeholders/spots.js';
import { layoutPostIts } from './board/stakeholders/map-layout.js';
import { treeSummary } from './board/kinds/tree.js';
import { radarSummary } from './board/kinds/radar.js';
import { fitWords, widestWord } from './board/fit.js';
import { rolesSummary, conditionsSummary, draftSummary, wallSummary } from './summary-cards.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children) if (c) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

class HttpError extends Error {
  constructor(status, code) { super(code); this.status = status; this.code = code; }
}

async function request(method, path, token) {
  let response;
  try {
    response = await fetch(path, { method, headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    throw new HttpError(0, 'network');
  }
  if (!response.ok) {
    let code = 'unknown';
    try { code = (await response.json()).error.code; } catch { /* not JSON */ }
    throw new HttpError(response.status, code);
  }
  return response;
}

const pct = (share) => `${Math.round(share * 100)}%`;

function dateText(ms, withTime = false) {
  if (!ms) return '';
  const opts = { day: 'numeric', month: 'long', year: 'numeric' };
  if (withTime) Object.assign(opts, { hour: '2-digit', minute: '2-digit' });
  return new Date(ms).toLocaleString(getLang() === 'nl' ? 'nl-NL' : 'en-GB', opts);
}

/** A group's marker: its colour, a shape (circle for the first group, square for the second) and its letter. */
function marker(group, index, size = 18) {
  const s = svg('svg', { width: size, height: size, viewBox: '0 0 20 20', class: 'sum-marker', 'aria-hidden': 'true' });
  s.appendChild(index % 2 === 0
    ? svg('circle', { cx: 10, cy: 10, r: 9, fill: group.colour })
    : svg('rect', { x: 1.5, y: 1.5, width: 17, height: 17, rx: 2, fill: group.colour }));
  s.appendChild(svg('text', { x: 10, y: 14.2, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 700, fill: '#fff' }, group.letter));
  return s;
}

function legend(groups) {
  return h('ul.sum-legend', groups.map((g, i) => h('li', marker(g, i), h('span', L(g.label)),
    h('span.sum-muted', ` · ${t('sumPeople', { n: g.participants })}`))));
}

// --- dot sections: a bar pair per option, both groups side by side, by share ------------------

function dotChart(section, groups) {
  const byId = Object.fromEntries(section.options.map((o) => [o.id, o]));
  const max = Math.max(0.01, ...section.options.flatMap((o) => groups.map((g) => o.shares[g.id] || 0)));
  const rows = section.options.map((o) => {
    const bars = svg('svg', { class: 'sum-bars', width: '100%', height: groups.length * 22, role: 'img',
      'aria-label': groups.map((g) => `${L(g.label)}: ${o.counts[g.id]} (${pct(o.shares[g.id])})`).join(', ') });
    groups.forEach((g, i) => {
      const y = i * 22 + 2;
      const w = (o.shares[g.id] / max) * 68;
      const m = svg('g', { transform: `translate(0 ${y})` });
      m.appendChild(i % 2 === 0
        ? svg('circle', { cx: 9, cy: 9, r: 8.5, fill: g.colour })
        : svg('rect', { x: 1, y: 1, width: 16, height: 16, rx: 2, fill: g.colour }));
      m.appendChild(svg('text', { x: 9, y: 13, 'text-anchor': 'middle', 'font-size': 10.5, 'font-weight': 700, fill: '#fff' }, g.letter));
      bars.appendChild(m);
      bars.appendChild(svg('rect', { x: 24, y: y + 3, width: `${Math.max(w, 0.4)}%`, height: 12, rx: 3,
        fill: g.colour, 'fill-opacity': o.counts[g.id] ? 1 : 0.25 }));
      // the value just after its bar: a share of the width, plus the marker's 24 px and a gap
      bars.appendChild(svg('text', { x: `${w + 1}%`, dx: 30, y: y + 13, 'font-size': 12, fill: '#334155' },
        `${o.counts[g.id]} · ${pct(o.shares[g.id])}`));
    });
    const mark = o.mark === 'agree' ? h('span.sum-badge.agree', t('sumAgree'))
      : o.mark === 'differ' ? h('span.sum-badge.differ', t('sumDiffer')) : null;
    return h('div.sum-chart-row', { 'data-testid': `sum-option-${section.id}-${o.id}`, class: o.mark ? `mark-${o.mark}` : '' },
      h('div.sum-chart-label', h('span.sum-option', L(o.label)), mark),
      bars);
  });
  const top = (ids, n = 3) => ids.slice(0, n).map((id) => byId[id]).filter(Boolean);
  const agreeList = top(section.agree);
  const differList = top(section.differ);
  const gapText = (o) => groups.map((g) => `${g.letter} ${pct(o.shares[g.id])}`).join(' · ');
  return h('div.sum-dots',
    h('figure.sum-chart', { 'data-testid': `sum-chart-${section.id}` },
      h('figcaption.sum-muted', t('sumChartCaption', { n: section.per_person })),
      rows),
    h('div.sum-compare',
      h('div.sum-compare-col', h('h3', t('sumMostAgree')),
        agreeList.length ? h('ol', agreeList.map((o) => h('li', h('strong', L(o.label)), h('span.sum-muted', ` — ${gapText(o)}`))))
          : h('p.sum-muted', t('sumNothing'))),
      h('div.sum-compare-col', h('h3', t('sumMostDiffer')),
        differList.length ? h('ol', differList.map((o) => h('li', h('strong', L(o.label)), h('span.sum-muted', ` — ${gapText(o)}`))))
          : h('p.sum-muted', t('sumNothing')))));
}

function dotSection(section, groups) {
  const placed = Object.values(section.totals || {}).some((n) => n > 0);
  const body = section.withheld
    ? h('p.sum-muted', { 'data-testid': `sum-withheld-${section.id}` }, t('sumWithheld'))
    : placed ? dotChart(section, groups) : h('p.sum-muted', { 'data-testid': `sum-nodots-${section.id}` }, t('sumNoDots'));
  const total = groups.map((g) => `${L(g.label)}: ${section.totals[g.id] ?? 0}`).join(' · ');
  return h('section.sum-section', { 'data-testid': `sum-dots-${section.id}`, class: placed ? '' : 'sum-empty' },
    h('h2', L(section.title)),
    h('p.sum-prompt', L(section.prompt)),
    placed ? h('p.sum-muted', t('sumDotsTotal', { total })) : null,
    placed ? legend(groups) : null,
    body);
}

// --- texts, notes, actions --------------------------------------------------------------------

function textSection(section) {
  return h('section.sum-section.sum-ambition', { 'data-testid': `sum-text-${section.id}` },
    h('h2', L(section.title)),
    h('dl.sum-fields', section.fields.map((f) => [h('dt', L(f.label)), h('dd', f.text || t('empty'))])));
}

function noteItems(items, withOwner) {
  if (!items.length) return h('p.sum-muted', t('noNotes'));
  return h('ul.sum-notes', items.map((n) => h('li.sum-note',
    h('span.sum-note-text', n.text),
    withOwner ? h('span.sum-owner', `${t('ownerLabel')}: `, h('strong', n.owner || '—')) : null)));
}

function insightsSection(section) {
  return h('section.sum-section', { 'data-testid': `sum-insights-${section.id}` },
    h('h2', L(section.title)),
    h('div.sum-lanes', section.lanes.map((lane) => h('div.sum-lane', h('h3', L(lane.label)), noteItems(lane.items, false)))));
}

function actionsSection(section, groups) {
  const sides = groups.map((g, i) => {
    const lanes = section.lanes.filter((l) => l.side === g.id);
    if (!lanes.length) return null;
    return h('div.sum-side', { style: { '--c': g.colour } },
      h('h3.sum-side-title', marker(g, i, 22), h('span', L(g.label))),
      lanes.map((lane) => h('div.sum-lane', h('h4', L(lane.label)), noteItems(lane.items, true))));
  });
  const other = section.lanes.filter((l) => !groups.some((g) => g.id === l.side));
  return h('section.sum-section', { 'data-testid': `sum-actions-${section.id}` },
    h('h2', L(section.title)),
    h('p.sum-prompt', L(section.prompt)),
    h('div.sum-sides', sides),
    other.map((lane) => h('div.sum-lane', h('h4', L(lane.label)), noteItems(lane.items, true))));
}

// --- the stakeholder map ------------------------------------------------------------------------

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

function stakeholderSection(section, ambition = '') {
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

function checklist(list) {
  return h('div.sum-checklist', h('h3', L(list.title)),
    h('ul.sum-coverage.sum-checks', list.items.map((i) => {
      // a "yes" that means work left (open_mark) reads as an open item, not a tick
      const open = i.checked && i.open_mark;
      return h('li', { class: open ? 'open-item' : i.checked ? 'checked' : 'unchecked', 'data-testid': `sum-check-${i.id}` },
        h('span.sum-check', { 'aria-hidden': 'true' }, open ? '!' : i.checked ? '✓' : '–'), h('span', L(i.label)),
        open ? h('span.sum-open-mark', L(i.open_mark)) : null);
    })));
}

// --- check-out and the run sheet ---------------------------------------------------------------

function checkoutSection(checkout) {
  const max = Math.max(1, ...Object.values(checkout.ratings));
  const chart = svg('svg', { class: 'sum-ratings', width: '100%', height: 5 * 22, role: 'img',
    'aria-label': [5, 4, 3, 2, 1].map((r) => `${r}: ${checkout.ratings[r]}`).join(', ') });
  [5, 4, 3, 2, 1].forEach((r, i) => {
    const y = i * 22;
    const n = checkout.ratings[r] || 0;
    chart.appendChild(svg('text', { x: 0, y: y + 14, 'font-size': 13, fill: '#334155' }, '★'.repeat(r)));
    chart.appendChild(svg('rect', { x: 80, y: y + 3, width: `${Math.max(0.4, (n / max) * 60)}%`, height: 13, rx: 3, fill: '#475569', 'fill-opacity': n ? 1 : 0.2 }));
    const label = svg('text', { x: `${(n / max) * 60 + 2}%`, dx: 80, y: y + 14, 'font-size': 12, fill: '#334155' }, String(n));
    chart.appendChild(label);
  });
  return h('section.sum-section', { 'data-testid': 'sum-checkout' },
    h('h2', t('sumCheckout')),
    checkout.count
      ? [h('p', t('sumCheckoutCount', { n: checkout.count, avg: checkout.average.toLocaleString(getLang()) })),
        chart,
        checkout.texts.length ? h('ul.sum-quotes', checkout.texts.map((a) => h('li',
          h('span.sum-stars', { 'aria-label': `${a.rating}/5` }, '★'.repeat(a.rating)), h('q', a.text)))) : null]
      : h('p.sum-muted', t('sumNoCheckout')));
}

function minutesText(ms) {
  if (ms === null || ms === undefined) return '—';
  return ms < 60000 ? t('sumUnderMinute') : t('sumMinutes', { n: Math.round(ms / 60000) });
}

function runSheet(steps) {
  if (!steps.length) return null;
  return h('section.sum-section.sum-run', { 'data-testid': 'sum-steps' },
    h('h2', t('sumSteps')),
    h('table.sum-table', h('tbody', steps.map((s) => h('tr',
      h('td', L(s.label)), h('td.sum-muted', dateText(s.at, true)), h('td.num', minutesText(s.ms)))))));
}

// --- the facilitator's tools: print, export, share, delete --------------------------------------

async function download(path, token) {
  const response = await request('GET', path, token);
  const blob = await response.blob();
  const cd = response.headers.get('content-disposition') || '';
  const name = (cd.match(/filename="([^"]+)"/) || [])[1] || 'samenspel-export';
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function toolbar(ctx) {
  const { summary, token, role } = ctx;
  const bar = h('div.sum-toolbar.no-print', { 'data-testid': 'summary-toolbar' });
  bar.appendChild(h('button.btn.btn-primary.btn-small', { type: 'button', 'data-testid': 'summary-print',
    on: { click: () => window.print() } }, t('sumPrint')));
  if (role !== 'facilitator') return bar;
  const sid = summary.session;
  const fail = (err) => toast(errorText(err.code || 'unknown'));
  bar.appendChild(h('button.btn.btn-small', { type: 'button', 'data-testid': 'export-csv',
    on: { click: () => download(`/api/sessions/${sid}/export.zip?lang=${getLang()}`, token).catch(fail) } }, t('sumExportCsv')));
  bar.appendChild(h('button.btn.btn-small', { type: 'button', 'data-testid': 'export-json',
    on: { click: () => download(`/api/sessions/${sid}/export.json`, token).catch(fail) } }, t('sumExportJson')));
  bar.appendChild(h('a.btn.btn-small.btn-ghost', { href: `/b/${sid}`, 'data-testid': 'summary-to-board' }, t('sumToBoard')));
  return bar;
}

function sharePanel(ctx) {
  const { summary, token } = ctx;
  const sid = summary.session;
  const panel = h('section.sum-panel.no-print', { 'data-testid': 'share-panel' });
  const render = () => {
    const on = ctx.summary.shared;
    panel.replaceChildren(...[
      h('h2', t('sumShareTitle')),
      h('p.sum-muted', t('sumShareLead')),
      h('p', { 'data-testid': 'share-state' }, on ? t('sumShareOn') : t('sumShareOff')),
      ctx.shareUrl ? h('div.sum-share-url',
        h('input', { type: 'text', readonly: true, value: ctx.shareUrl, 'data-testid': 'share-url', 'aria-label': t('sumShareTitle') }),
        h('button.btn.btn-small', { type: 'button', on: { click: () => copyText(ctx.shareUrl).then(() => toast(t('copied'), 'ok')) } }, t('copy'))) : null,
      h('div.sum-actions',
        h('button.btn.btn-small', { type: 'button', 'data-testid': 'share-create', on: { click: create } },
          on ? t('sumShareNew') : t('sumShareCreate')),
        on ? h('button.btn.btn-small', { type: 'button', 'data-testid': 'share-off', on: { click: off } }, t('sumShareStop')) : null),
    ].filter(Boolean));
  };
  async function create() {
    try {
      const res = await (await request('POST', `/api/sessions/${sid}/share`, token)).json();
      ctx.shareUrl = res.share_url;
      ctx.summary.shared = true;
      render();
    } catch (err) { toast(errorText(err.code || 'unknown')); }
  }
  async function off() {
    try {
      await request('DELETE', `/api/sessions/${sid}/share`, token);
      ctx.shareUrl = null;
      ctx.summary.shared = false;
      render();
    } catch (err) { toast(errorText(err.code || 'unknown')); }
  }
  render();
  return panel;
}

function deletePanel(ctx, onDeleted) {
  const sid = ctx.summary.session;
  const panel = h('section.sum-panel.sum-danger.no-print', { 'data-testid': 'delete-panel' });
  let confirming = false;
  const render = () => {
    panel.replaceChildren(
      h('h2', t('sumDeleteTitle')),
      h('p.sum-muted', t('sumDeleteLead')),
      confirming
        ? h('div.sum-confirm', { role: 'alertdialog', 'aria-labelledby': 'sum-confirm-q' },
          h('p#sum-confirm-q', h('strong', t('sumDeleteConfirm'))),
          h('div.sum-actions',
            h('button.btn.btn-small.danger.confirm', { type: 'button', 'data-testid': 'delete-confirm', on: { click: remove } }, t('sumDeleteYes')),
            h('button.btn.btn-small', { type: 'button', 'data-testid': 'delete-cancel', on: { click: () => { confirming = false; render(); } } }, t('cancel'))))
        : h('button.btn.btn-small.danger', { type: 'button', 'data-testid': 'delete-session', on: { click: () => { confirming = true; render(); } } }, t('sumDelete')));
  };
  async function remove() {
    try {
      await request('DELETE', `/api/sessions/${sid}`, ctx.token);
      store.forgetFacilitator(sid);
      onDeleted();
    } catch (err) { toast(errorText(err.code || 'unknown')); }
  }
  render();
  return panel;
}

// --- the page ---------------------------------------------------------------------------------

function header() {
  return h('header.site-head.no-print',
    h('a.brand', { href: '/' },
      h('span.brand-mark', { 'aria-hidden': 'true' }, h('span.bm1'), h('span.bm2')),
      h('span.brand-name', t('app'))),
    h('span.site-tagline', t('sumTitle')),
    langSwitch());
}

function documentView(summary) {
  const groups = summary.groups;
  const cover = h('section.sum-cover', { 'data-testid': 'summary-cover' },
    h('p.sum-kicker', t('sumKicker')),
    h('h1', { 'data-testid': 'summary-title' }, summary.title || t('app')),
    h('p.sum-date', dateText(summary.created_at)),
    h('p.sum-muted', summary.closed_at ? t('sumClosedAt', { at: dateText(summary.closed_at, true) }) : t('sumNotClosed')),
    h('p.sum-muted', t('sumParticipants', { n: summary.participants })),
    groups.length > 1 ? legend(groups) : null,
    expiryNote(summary));
  const parts = [cover];
  for (const board of summary.boards) {
    if (summary.boards.length > 1) parts.push(h('h2.sum-board-title', L(board.title)));
    for (const s of board.texts) parts.push(textSection(s));
    for (const s of board.dots) parts.push(dotSection(s, groups));
    for (const s of board.trees || []) parts.push(treeSummary(s));
    for (const s of board.radars || []) parts.push(radarSummary(s, groups));
    for (const s of board.notes.filter((n) => n.kind === 'insights')) parts.push(insightsSection(s));
    for (const s of board.notes.filter((n) => n.kind === 'actions')) parts.push(actionsSection(s, groups));
    const ambition = board.texts.flatMap((x) => x.fields).find((f) => f.id === 'ambitie')?.text || '';
    for (const s of board.stakeholders) parts.push(stakeholderSection(s, ambition));
    for (const c of board.checklists) parts.push(h('section.sum-section', checklist(c)));
    for (const s of board.walls || []) parts.push(wallSummary(s));
    for (const s of board.drafts || []) parts.push(draftSummary(s));
    for (const s of board.roles || []) parts.push(rolesSummary(s));
    for (const s of board.conditions || []) parts.push(conditionsSummary(s));
    parts.push(...liveSummaries(board));
    parts.push(...contractSummaries(board));
  }
  parts.push(checkoutSection(summary.checkout));
  parts.push(runSheet(summary.steps));
  return h('article.summary', { 'data-testid': 'summary' }, parts);
}

function expiryNote(summary) {
  return summary.expires_at
    ? h('p.sum-expiry', { 'data-testid': 'summary-expiry' }, t('sumExpires', { at: dateText(summary.expires_at) }))
    : null;
}

/** A CSS string holding `text` as it is (the session's name is typed by the facilitator). */
function cssString(text) {
  return `"${String(text).replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/** The printed pages' margins: the session's name on top, "pagina N van M" below (@page in summary.css).
 * A constructed style sheet: the page's Content-Security-Policy (style-src 'self') refuses a <style>. */
const marks = typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in document ? new CSSStyleSheet() : null;
function pageMarks(title) {
  if (!marks) return;
  if (!document.adoptedStyleSheets.includes(marks)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, marks];
  // 'pagina {n} van {m}' -> "pagina " counter(page) " van " counter(pages)
  const number = t('sumPageOf').split(/(\{n\}|\{m\})/).filter(Boolean)
    .map((part) => (part === '{n}' ? 'counter(page)' : part === '{m}' ? 'counter(pages)' : cssString(part))).join(' ');
  marks.replaceSync(`@page { @top-left { content: ${cssString(title)}; } @bottom-right { content: ${number}; } }`);
}

function message(root, key) {
  root.replaceChildren(h('div.site.summary-page', header(), h('main.site-main.narrow',
    h('div.notice-card', { 'data-testid': 'summary-message' }, h('h1', t(key)),
      h('a.btn.btn-primary', { href: '/' }, t('toStart'))))));
}

export function mountSummary(root, session, fragment) {
  const secret = fragment.get('f');
  if (secret) {
    store.setFacilitator(session, secret);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const share = fragment.get('k');
  const token = share || store.facilitator(session);
  const ctx = { summary: null, token, role: null, shareUrl: null, gone: null };
  const render = () => {
    if (ctx.gone) { message(root, ctx.gone); return; }
    if (!ctx.summary) return;
    const s = ctx.summary;
    document.title = `${s.title || t('app')} · ${t('sumTitle')}`;
    pageMarks(s.title || t('app'));
    const tools = ctx.role === 'facilitator'
      ? h('div.sum-tools.no-print', sharePanel(ctx), deletePanel(ctx, () => { ctx.gone = 'sumDeleted'; render(); }))
      : null;
    root.replaceChildren(h('div.site.summary-page', header(),
      h('main.sum-main', toolbar(ctx), documentView(s), tools)));
  };
  onLangChange(render);
  if (!token) { ctx.gone = 'sumNoAccess'; render(); return; }
  root.replaceChildren(h('div.site.summary-page', header(), h('main.site-main', h('p.loading', t('loading')))));
  request('GET', `/api/sessions/${encodeURIComponent(session)}/summary`, token)
    .then((r) => r.json())
    .then((summary) => { ctx.summary = summary; ctx.role = summary.role; render(); })
    .catch((err) => {
      if (err.status === 404) ctx.gone = 'sumGone';
      else if (err.code === 'bad_token' && share) ctx.gone = 'sumShareRevoked';
      else if (err.code === 'bad_token' || err.code === 'forbidden') { store.forgetFacilitator(session); ctx.gone = 'badFacLink'; }
      else if (err.code === 'rate_limited') ctx.gone = 'sumRateLimited';
      else ctx.gone = 'sumUnavailable';
      render();
    });
}
