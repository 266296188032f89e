// The stakeholder map of instruction card 2 (docs/protocol.md, section types `stakeholders` and
// `checklist`): 2A the map around the ambition with the kinds of knowledge, 2B the influence–
// interest matrix, belangen and behoeften attached to each stakeholder, "not relevant" and removed
// ones (which can always come back), undo, and the shared assumption checklist.
//
// Places are fractions of a surface. On the map, (x, y) puts the post-it's top-left corner in the
// room the surface leaves for it: left = x · (surface width − post-it width), so 0…1 always keeps
// it inside and 0.5 is the middle. The matrix does the same with (interest, 1 − influence).
// While someone drags, `drag` frames show the post-it moving on every screen; the drop is the
// logged command, and what the log says is where it settles.

import { h, setText, toggle, attr, reconcile, toast, removeButton } from './dom.js';
import { t, L } from './i18n.js';
import { draggable, throttle, clamp01 } from './drag.js';

const DRAG_FRAME_MS = 100; // at most 10 drag frames a second
const REMOTE_TTL_MS = 1500; // a live drag nobody continues falls back to the logged place
const STALE_DRAG_MS = 300; // drag frames just after a logged drop are older than the drop
const KEY_MOVE_MS = 600;
const HOLD_MS = 500; // while a post-it is held still, its place is repeated this often // arrow keys: the move is logged once the keys rest this long
const MINI_NOTES = 4; // attached notes shown under a post-it on the map

const KNOWLEDGE_COLOURS = ['#9c36b5', '#1971c2', '#2b8a3e', '#e8590c', '#0c8599'];

// The matrix's quadrants: [code, index in the template's `quadrants`, high influence, high interest].
// On screen (rows top to bottom): high influence, then low; (columns) low interest, then high.
const QUADRANTS = [['hl', 1, true, false], ['hh', 0, true, true], ['ll', 3, false, false], ['lh', 2, false, true]];

// --- Ctrl/Cmd+Z: undo on the stakeholder board that is on screen, unless someone is typing ----

const undoHandlers = new Set();
document.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
  const a = document.activeElement;
  const typing = a && (a.isContentEditable || a.tagName === 'TEXTAREA' || a.tagName === 'SELECT'
    || (a.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(a.type)));
  if (typing) return;
  for (const handler of [...undoHandlers]) {
    if (!handler.el.isConnected) { undoHandlers.delete(handler); continue; }
    if (handler.el.offsetParent !== null) {
      e.preventDefault();
      handler.run();
      return;
    }
  }
});

// Long Dutch words ("Ervaringsdeskundigen") must not break mid-word on a small post-it: shrink the
// text a little until the longest word fits, and only break as a last resort. Done again after a
// resize (the post-its are smaller on a phone).
let resizeGen = 0;
window.addEventListener('resize', () => { resizeGen += 1; });

/**
 * Shrink `el`'s font (down to minRatio) until no word of `text` overflows; a word that is still
 * too long gets soft hyphens where it must break. False if `el` is not laid out yet.
 */
function fitWords(el, text, minRatio) {
  el.style.fontSize = '';
  if (el.textContent !== text) el.textContent = text;
  if (!el.clientWidth) return !text;
  let size = parseFloat(getComputedStyle(el).fontSize);
  const min = size * minRatio;
  while (el.scrollWidth > el.clientWidth + 0.5 && size > min) {
    size -= 0.5;
    el.style.fontSize = `${size}px`;
  }
  if (el.scrollWidth > el.clientWidth + 0.5) el.textContent = hyphenate(el, text);
  return true;
}

let measure = null;
function hyphenate(el, text) {
  const cs = getComputedStyle(el);
  measure = measure || document.createElement('canvas').getContext('2d');
  measure.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  const width = (w) => measure.measureText(w).width;
  const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - width('-') - 1;
  return text.split(/(\s+)/).map((word) => {
    let out = '';
    let rest = word;
    while (!/^\s*$/.test(rest) && width(rest) > room && rest.length > 4) {
      let n = rest.length - 2;
      while (n > 2 && width(rest.slice(0, n)) > room) n -= 1;
      out += `${rest.slice(0, n)}\u00AD`;
      rest = rest.slice(n);
    }
    return out + rest;
  }).join('');
}

const norm = (s) => String(s || '').trim().toLocaleLowerCase('nl');
const sameList = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

/** "Belang: wat willen zij bereiken?" -> ["Belang", "wat willen zij bereiken?"] */
function splitLabel(label) {
  const s = L(label);
  const i = s.indexOf(':');
  return i < 0 ? [s, ''] : [s.slice(0, i).trim(), s.slice(i + 1).trim()];
}

function capitalise(s) {
  return s ? s[0].toLocaleUpperCase('nl') + s.slice(1) : s;
}

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

/**
 * ctx: {app, conn, send(frame, quiet) -> Promise, projector, isFac(), isPart(), myId(), personName(id),
 *       template(boardId), sectionShell(boardId, section, extra), stepShort(step), stepOf(id)}
 */
export function stakeholderSection(ctx, boardId, section) {
  const { app, projector } = ctx;
  const tpl = ctx.template(boardId);
  const board = () => app.state.boards[boardId];
  const all = () => board().stakeholders?.[section.id] || [];
  const find = (id) => all().find((s) => s.id === id);
  const shown = (s) => !!s && s.relevant && !s.removed;
  const member = () => !projector && (ctx.isFac() || ctx.isPart());
  const me = () => ctx.myId();
  const canRemove = (s) => member() && (ctx.isFac() || s.author === me());
  const canRestore = (s) => member() && (ctx.isFac() || (!!s.hidden_by && s.hidden_by === me()));
  const canChangeNote = (n) => member() && (ctx.isFac() || n.author === me());
  const where = { board: boardId, section: section.id };
  const kinds = section.knowledge;
  const kindColour = (id) => KNOWLEDGE_COLOURS[Math.max(0, kinds.findIndex((k) => k.id === id)) % KNOWLEDGE_COLOURS.length];
  const kindLetter = (k) => L(k.label).trim().charAt(0).toLocaleUpperCase('nl');
  const noteKind = (id) => section.note_kinds.find((k) => k.id === id);
  const noteKindIndex = (id) => Math.max(0, section.note_kinds.findIndex((k) => k.id === id));

  // which steps show the map and which the matrix (the others have sections of their own)
  const claimed = new Set(tpl.sections.map((s) => s.step).filter(Boolean));
  const stepIds = tpl.steps.map((s) => s.id);
  const matrixStep = stepIds.includes('matrix') ? 'matrix' : null;
  const mapSteps = new Set([section.step, ...stepIds.filter((id) => !claimed.has(id) && id !== matrixStep)].filter(Boolean));
  // the ambition is in the middle of the map: its step is the map's too (unless another board has it)
  const ambitionStep = tpl.sections.find((s) => s.type === 'text')?.step;
  if (ambitionStep && ctx.boardOfStep(ambitionStep) === boardId) mapSteps.add(ambitionStep);

  // positions not (yet) in the log: {x, y, local, by, until}; on the matrix x = interest, y = influence
  const live = { map: new Map(), matrix: new Map() };
  const settled = new Map(); // item -> when its place was last logged
  const keyTimers = new Map();
  let dragging = null; // {surface, id, el, dx, dy}
  let drawer = null;

  const send = (frame, quiet) => ctx.send(frame, quiet);
  let lastDrag = null;
  const postDrag = throttle((surface, id, p) => {
    lastDrag = { surface, id, p, at: performance.now() };
    ctx.conn.post({ type: 'drag', ...where, item: id, surface, x: p.x, y: p.y });
  }, DRAG_FRAME_MS);
  // a drag that stops without a drop: the others show the post-it where the log has it, at once
  const postDragEnd = (surface, id) => {
    ctx.conn.post({ type: 'drag', ...where, item: id, surface, x: 0, y: 0, end: true });
  };
  // a post-it held still keeps its place on the other screens: repeat the last frame now and then
  let holdTimer = null;
  const sendDrag = Object.assign((surface, id, p) => {
    postDrag(surface, id, p);
    if (!holdTimer) {
      holdTimer = setInterval(() => {
        if (lastDrag && performance.now() - lastDrag.at > HOLD_MS) postDrag(lastDrag.surface, lastDrag.id, lastDrag.p);
      }, HOLD_MS);
    }
  }, {
    cancel() {
      postDrag.cancel();
      clearInterval(holdTimer);
      holdTimer = null;
      lastDrag = null;
    },
  });

  // --- the map card (2A) ------------------------------------------------------------------

  const addBtn = member() ? h('button.btn.btn-primary.btn-small', {
    type: 'button', 'data-testid': 'add-stakeholder', 'aria-expanded': 'false', on: { click: () => openAdd() },
  }, t('shAdd')) : null;
  const undoBtn = member() ? h('button.btn.btn-small.sh-undo', {
    type: 'button', 'data-testid': 'undo', title: t('undoHint'), on: { click: () => doUndo() },
    'aria-label': t('undo'),
  }, h('span.undo-icon', { 'aria-hidden': 'true' }, '↶'), h('span.undo-text', t('undo'))) : null;
  const catN = h('span.sh-stat-n');
  const catAim = h('span.sh-stat-aim');
  const catStat = h('span.sh-stat', { 'data-testid': 'category-count' }, catN, catAim);
  const assumeStat = h('span.sh-stat.sh-stat-assume', { 'data-testid': 'open-assumptions-badge' });
  const kChips = kinds.map((k) => {
    const n = h('span.k-n');
    const mark = h('span.k-mark', { 'aria-hidden': 'true' });
    const chip = h('span.k-chip', { 'data-testid': `knowledge-${k.id}`, style: { '--k': kindColour(k.id) }, title: L(k.hint) },
      mark, h('span.k-label', L(k.label)), n);
    return { k, chip, n, mark };
  });
  const coverage = h('div.sh-coverage', { 'data-testid': 'knowledge-coverage' },
    h('span.sh-coverage-label', t('knowledgeLabel')), kChips.map((c) => c.chip));
  const missing = h('div.warning.sh-warning', { 'data-testid': 'knowledge-missing', role: 'status', hidden: true });
  const catWarn = h('div.warning.sh-warning', { 'data-testid': 'category-warning', role: 'status', hidden: true });

  const addCat = h('input.input', {
    type: 'text', maxlength: String(section.max_category_len), placeholder: t('shCategoryPh'),
    'data-testid': 'sh-category', autocomplete: 'off',
  });
  const addNames = h('input.input', {
    type: 'text', maxlength: String(section.max_names_len), placeholder: t('shNamesPh'),
    'data-testid': 'sh-names', autocomplete: 'off',
  });
  const addSubmit = h('button.btn.btn-primary', { type: 'submit', 'data-testid': 'sh-add-submit' }, t('add'));
  const addForm = h('form.sh-add-form', { hidden: true, 'data-testid': 'add-form', novalidate: true },
    h('label.field.sh-add-cat', h('span.field-label', t('shCategory')), addCat),
    h('label.field.sh-add-names', h('span.field-label', t('shNames')), addNames),
    h('div.sh-add-actions',
      h('button.btn', { type: 'button', on: { click: () => closeAdd() } }, t('close')),
      addSubmit));
  addForm.addEventListener('submit', (e) => { e.preventDefault(); submitAdd(); });
  addForm.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeAdd(); });

  const mapLayer = h('div.sh-layer');
  const ambText = h('p.sh-amb-text', { 'data-testid': 'map-ambition' });
  const ambCard = h('div.sh-ambition', h('div.sh-amb-label', t('ambition')), ambText);
  const mapEmpty = h('p.sh-map-empty', { hidden: true }, member() ? t('mapEmpty') : t('mapEmptyView'));
  const mapSurface = h('div.sh-map', { 'data-testid': 'map-surface' },
    h('div.sh-rings', { 'aria-hidden': 'true' }, h('span'), h('span')), ambCard, mapEmpty, mapLayer);
  if (ctx.isFac() && !projector) ambCard.appendChild(ambitionEditor());

  const legend = h('div.sh-legend', { 'aria-hidden': 'true' },
    h('span.sh-legend-item', h('span.sh-legend-sw.sw-stakeholder'), t('legendStakeholder')),
    section.note_kinds.map((k, i) => h('span.sh-legend-item', h('span.sh-legend-sw', { class: `sw-note${i}` }), splitLabel(k.label)[0])));

  const mapShell = ctx.sectionShell(boardId, section, [
    h('p.sec-prompt', L(section.prompt)),
    h('div.sh-toolbar', addBtn, undoBtn, h('div.sh-stats', catStat, assumeStat)),
    coverage,
  ]);
  mapShell.el.classList.add('sec-shmap');
  mapShell.el.append(missing, catWarn, addForm,
    h('div.sh-map-wrap', mapSurface),
    h('div.sh-map-foot', legend, member() ? h('p.sh-hint', t('mapHint')) : null));

  // --- the matrix card (2B) ---------------------------------------------------------------

  const matrixLayer = h('div.sh-layer');
  const quadEls = {};
  const quads = QUADRANTS.map(([code, idx]) => {
    const [sub, title] = splitLabel(section.quadrants[idx]);
    const el = h('div.sh-quad', { class: `q-${code}`, 'data-testid': `quadrant-${code}` },
      h('strong.sh-quad-title', capitalise(title || sub)), title ? h('span.sh-quad-sub', sub) : null);
    quadEls[code] = el;
    return el;
  });
  const matrixSurface = h('div.sh-matrix', { 'data-testid': 'matrix-surface' }, h('div.sh-quads', quads), matrixLayer);
  const matrixFrame = h('div.sh-matrix-frame',
    // read from the bottom up (rotated), so "laag" comes first
    h('div.sh-axis-y', { 'aria-hidden': 'true' },
      h('span.sh-axis-end', t('low')), h('span.sh-axis-name', `${t('axisInfluence')} →`), h('span.sh-axis-end', t('high'))),
    matrixSurface,
    h('div.sh-axis-x', { 'aria-hidden': 'true' },
      h('span.sh-axis-end', t('low')), h('span.sh-axis-name', `${t('axisInterest')} →`), h('span.sh-axis-end', t('high'))));
  const trayList = h('div.sh-tray-list', { 'data-testid': 'matrix-tray' });
  const trayCount = h('span.sh-count');
  const trayEmpty = h('p.sh-tray-empty', t('trayEmpty'));
  const tray = projector ? null : h('aside.sh-tray',
    h('h3.sh-tray-title', t('trayTitle'), trayCount),
    member() ? h('p.sh-hint', t('trayHint')) : null,
    trayList, trayEmpty);
  const matrixNow = h('span.now-badge', { hidden: true }, t('sectionCurrent'));
  const matrixStepDef = tpl.steps.find((s) => s.id === matrixStep);
  const matrixCard = h('section.sec.sec-shmatrix', {
    id: `sec-${boardId}-${section.id}-matrix`, 'data-testid': 'section-matrix', 'aria-label': t('matrixTitle'),
  },
  h('header.sec-head',
    h('div.sec-title-row', h('h2.sec-title', t('matrixTitle')), matrixNow,
      matrixStepDef && !projector ? h('span.sec-step', ctx.stepShort(matrixStepDef)) : null),
    h('p.sec-prompt', t('matrixPrompt'))),
  h('div.sh-matrix-layout', matrixFrame, tray));

  // --- not relevant / removed -------------------------------------------------------------

  const hiddenList = h('ul.sh-hidden-list', { 'data-testid': 'hidden-list' });
  const hiddenCount = h('span.sh-count', { 'data-testid': 'hidden-count' });
  const hiddenEmpty = h('p.lane-empty', t('hiddenEmpty'));
  const hiddenCard = projector ? null : h('section.sec.sec-shhidden', { 'data-testid': 'section-hidden', 'aria-label': t('hiddenTitle') },
    h('header.sec-head',
      h('div.sec-title-row', h('h2.sec-title', t('hiddenTitle')), hiddenCount),
      h('p.sec-prompt', t('hiddenPrompt'))),
    hiddenList, hiddenEmpty);

  const el = h('div.sh-board', { 'data-testid': `stakeholder-board-${boardId}` }, mapShell.el, matrixCard, hiddenCard);

  // anchors for the steps panel: "3 Invloed-belangmatrix" scrolls to the matrix
  app.anchors = app.anchors || {};
  for (const id of mapSteps) if (id !== section.step) app.anchors[id] = mapShell.el;
  if (matrixStep) app.anchors[matrixStep] = matrixCard;
  app.shOpen = app.shOpen || {};
  app.shOpen[boardId] = (id) => openDrawer(id);
  if (member()) undoHandlers.add({ el, run: () => doUndo() });

  // --- adding -----------------------------------------------------------------------------

  function openAdd() {
    addForm.hidden = false;
    attr(addBtn, 'aria-expanded', 'true');
    addCat.focus();
  }
  function closeAdd() {
    addForm.hidden = true;
    attr(addBtn, 'aria-expanded', 'false');
    addBtn?.focus();
  }

  function mapAspect() {
    const w = mapSurface.clientWidth;
    const hgt = mapSurface.clientHeight;
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
    const taken = all().filter(shown).map((s) => posOf('map', s));
    const aspect = mapAspect();
    return freeSpot(candidates, taken, aspect, (c) => -Math.abs(Math.hypot((c.x - 0.5) * aspect, c.y - 0.5) - 0.55));
  }

  /** A free-ish spot inside one quadrant of the matrix. */
  function spotInQuadrant(highInfluence, highInterest, except) {
    const candidates = [];
    for (let i = 0; i <= 4; i++) {
      for (let j = 0; j <= 4; j++) {
        candidates.push({ x: (highInterest ? 0.58 : 0.04) + i * 0.095, y: (highInfluence ? 0.58 : 0.04) + j * 0.095 });
      }
    }
    const taken = all().filter((s) => shown(s) && s.id !== except).map((s) => posOf('matrix', s)).filter(Boolean);
    const mid = { x: highInterest ? 0.77 : 0.23, y: highInfluence ? 0.77 : 0.23 };
    return freeSpot(candidates, taken, 1, (c) => -Math.hypot(c.x - mid.x, c.y - mid.y));
  }

  async function submitAdd() {
    const category = addCat.value.trim();
    if (!category) { addCat.focus(); return; }
    if (all().filter((s) => !s.removed).length >= section.max_items) {
      toast(t('shLimit', { max: section.max_items }));
      return;
    }
    const spot = spotOnMap();
    addSubmit.disabled = true;
    try {
      await send({ type: 'add_stakeholder', ...where, category, names: addNames.value.trim(), x: spot.x, y: spot.y });
      addCat.value = '';
      addNames.value = '';
      addCat.focus();
    } catch { /* the toast says why; the text stays */ }
    addSubmit.disabled = false;
  }

  // --- undo -------------------------------------------------------------------------------

  async function doUndo() {
    if (!member()) return;
    try {
      await send({ type: 'undo', board: boardId }, ['not_found', 'edit_conflict']);
      toast(t('undoDone'), 'ok', 2500);
    } catch (err) {
      if (err.code === 'not_found') toast(t('undoNothing'), 'info');
      else if (err.code === 'edit_conflict') toast(t('undoConflict'));
    }
  }

  // --- positions --------------------------------------------------------------------------

  function posOf(surface, s) {
    const ov = live[surface].get(s.id);
    if (ov) return ov;
    if (surface === 'map') return { x: s.x, y: s.y };
    return s.influence === null || s.influence === undefined || s.interest === null || s.interest === undefined
      ? null : { x: s.interest, y: s.influence };
  }

  function cssPx(surface, name, fallback) {
    const v = parseFloat(getComputedStyle(surface).getPropertyValue(name));
    return Number.isFinite(v) && v > 0 ? v : fallback;
  }
  /** The size a surface reserves for one item (post-it or chip), in px. */
  function itemSize(surface) {
    return surface === 'map'
      ? { w: cssPx(mapSurface, '--pw', 150), h: cssPx(mapSurface, '--ph', 64) }
      : { w: cssPx(matrixSurface, '--cw', 128), h: cssPx(matrixSurface, '--ch', 30) };
  }

  /** The fractions for an item whose top-left corner is at (left, top) px of the viewport. */
  function fractionsAt(surface, left, top) {
    const surf = surface === 'map' ? mapSurface : matrixSurface;
    const r = surf.getBoundingClientRect();
    const size = itemSize(surface);
    const roomX = surf.clientWidth - size.w;
    const roomY = surf.clientHeight - size.h;
    const fx = clamp01(roomX > 0 ? (left - r.left - surf.clientLeft) / roomX : 0.5);
    const fy = clamp01(roomY > 0 ? (top - r.top - surf.clientTop) / roomY : 0.5);
    return surface === 'map' ? { x: fx, y: fy } : { x: fx, y: 1 - fy };
  }

  function positionEl(surface, itemEl, s) {
    const p = posOf(surface, s);
    if (!p) return;
    const ov = live[surface].get(s.id);
    itemEl.style.setProperty('--x', p.x.toFixed(4));
    itemEl.style.setProperty('--y', (surface === 'map' ? p.y : 1 - p.y).toFixed(4));
    attr(itemEl, 'data-x', p.x.toFixed(4));
    attr(itemEl, 'data-y', p.y.toFixed(4));
    attr(itemEl, 'data-settled', ov ? 'false' : 'true');
    const remote = !!ov && !ov.local;
    toggle(itemEl, 'remote-drag', remote);
    attr(itemEl, 'data-live', remote ? 'drag' : null);
    const by = itemEl.querySelector('.sh-by');
    if (by) {
      by.hidden = !remote;
      if (remote) setText(by, t('dragging', { name: ctx.personName(ov.by) }));
    }
  }

  /** Re-place one item after a live change, without redrawing the rest. */
  function place(surface, id) {
    const s = find(id);
    if (surface === 'matrix') {
      renderMatrix();
      return;
    }
    const itemEl = mapLayer._keyed?.get(id);
    if (itemEl && s) positionEl('map', itemEl, s);
  }

  // --- dragging ---------------------------------------------------------------------------

  function beginDrag(surface, id, itemEl, down) {
    const r = itemEl.getBoundingClientRect();
    dragging = { surface, id, el: itemEl, dx: down.clientX - r.left, dy: down.clientY - r.top };
    itemEl.classList.add('dragging');
    clearTimeout(keyTimers.get(id));
  }

  function moveDrag(e) {
    const d = dragging;
    if (!d || !d.el) return;
    const p = fractionsAt(d.surface, e.clientX - d.dx, e.clientY - d.dy);
    live[d.surface].set(d.id, { ...p, local: true });
    place(d.surface, d.id);
    sendDrag(d.surface, d.id, p);
  }

  function endDrag(e, cancelled) {
    const d = dragging;
    dragging = null;
    if (!d) return;
    d.el?.classList.remove('dragging');
    sendDrag.cancel();
    const p = live[d.surface].get(d.id);
    if (cancelled || !p || !shown(find(d.id))) {
      live[d.surface].delete(d.id);
      place(d.surface, d.id);
      postDragEnd(d.surface, d.id);
      return;
    }
    commit(d.surface, d.id, { x: p.x, y: p.y });
  }

  /** Log a place (map: move; matrix: place_in_matrix); show it at once, settle on the reply. */
  async function commit(surface, id, p) {
    const mine = { x: p.x, y: p.y, local: true };
    live[surface].set(id, mine);
    place(surface, id);
    const frame = surface === 'map'
      ? { type: 'move_stakeholder', ...where, item: id, x: p.x, y: p.y }
      : { type: 'place_in_matrix', ...where, item: id, interest: p.x, influence: p.y };
    try {
      await send(frame);
    } catch { /* the toast says why; it goes back to the logged place */ }
    if (live[surface].get(id) === mine) live[surface].delete(id);
    settled.set(id, performance.now());
    update();
  }

  function keyMove(e, id) {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openDrawer(id);
      return;
    }
    const step = e.shiftKey ? 0.1 : 0.02;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    const s = find(id);
    if (!delta || !s) return;
    e.preventDefault();
    const p0 = posOf('map', s);
    const p = { x: clamp01(p0.x + delta[0]), y: clamp01(p0.y + delta[1]) };
    live.map.set(id, { ...p, local: true });
    place('map', id);
    sendDrag('map', id, p);
    clearTimeout(keyTimers.get(id));
    keyTimers.set(id, setTimeout(() => {
      keyTimers.delete(id);
      sendDrag.cancel();
      commit('map', id, p);
    }, KEY_MOVE_MS));
  }

  /** A `drag` frame: someone moves a post-it right now. */
  function onDrag(msg) {
    if (msg.board !== boardId || msg.section !== section.id) return;
    const surface = msg.surface === 'matrix' ? 'matrix' : 'map';
    if (dragging && dragging.id === msg.item) return; // mine, or I hold it: my hand wins on my screen
    const cur = live[surface].get(msg.item);
    if (cur && cur.local) return; // my drop is on its way
    if (performance.now() - (settled.get(msg.item) ?? -Infinity) < STALE_DRAG_MS) return; // older than the drop
    if (msg.end) { // stopped without a drop: back to the logged place
      if (cur && !cur.local) { live[surface].delete(msg.item); place(surface, msg.item); }
      return;
    }
    if (!shown(find(msg.item))) return;
    live[surface].set(msg.item, { x: clamp01(msg.x), y: clamp01(msg.y), by: msg.by, local: false, until: performance.now() + REMOTE_TTL_MS });
    place(surface, msg.item);
  }

  /** A logged event: a logged place replaces live drags of that post-it. */
  function onEvent(hint) {
    if (hint.kind !== 'stakeholders' || hint.board !== boardId || hint.section !== section.id) return;
    if (!['move', 'matrix', 'undo', 'relevance', 'remove', 'restore'].includes(hint.change)) return;
    settled.set(hint.item, performance.now());
    for (const surface of ['map', 'matrix']) {
      const ov = live[surface].get(hint.item);
      if (ov && !ov.local) live[surface].delete(hint.item);
    }
  }

  function tick() {
    fitPending();
    const now = performance.now();
    for (const surface of ['map', 'matrix']) {
      for (const [id, ov] of live[surface]) {
        if (!ov.local && ov.until < now) {
          live[surface].delete(id);
          place(surface, id);
        }
      }
    }
  }

  // --- map items --------------------------------------------------------------------------

  function createMapItem(s) {
    const id = s.id;
    const itemEl = h('div.sh-item', {
      'data-testid': `stakeholder-${id}`, 'data-id': id,
      tabindex: member() ? '0' : null, role: member() ? 'button' : null,
    },
    h('div.sh-card', h('strong.sh-cat'), h('span.sh-names'), h('span.sh-tags')),
    h('div.sh-minis'),
    h('span.sh-by', { hidden: true }));
    if (member()) {
      draggable(itemEl, {
        onStart: (down) => beginDrag('map', id, itemEl, down),
        onMove: moveDrag,
        onEnd: endDrag,
        onClick: () => openDrawer(id),
      });
      itemEl.addEventListener('keydown', (e) => keyMove(e, id));
    }
    return itemEl;
  }

  function tagsOf(s) {
    const out = kinds.filter((k) => s.knowledge.includes(k.id)).map((k) => h('span.k-badge', {
      style: { '--k': kindColour(k.id) }, title: L(k.label), 'data-kind': k.id,
    }, kindLetter(k)));
    if (s.assumption) out.push(h('span.sh-assume', { title: t('assumption'), 'data-testid': 'assumption-flag' }, '?'));
    // on a phone the attached notes do not fit under the post-it: a count per kind instead
    const notes = Object.values(s.notes || {});
    section.note_kinds.forEach((k, i) => {
      const n = notes.filter((x) => x.kind === k.id).length;
      if (n) out.push(h('span.sh-note-count', { class: `note-k${i}`, title: splitLabel(k.label)[0] }, String(n)));
    });
    return out;
  }

  /** Fit the words of post-its whose text or screen size changed (once they are on screen). */
  function fitPending() {
    for (const itemEl of mapLayer._keyed?.values() || []) {
      if (itemEl._fitGen === resizeGen) continue;
      const ok = fitWords(itemEl.querySelector('.sh-cat'), itemEl._cat, 0.72)
        && fitWords(itemEl.querySelector('.sh-names'), itemEl._names, 0.85);
      if (ok) itemEl._fitGen = resizeGen;
    }
  }

  function updateMapItem(itemEl, s) {
    if (itemEl._fitText !== `${s.category}\n${s.names}`) {
      // set here, fitted (smaller, soft hyphens) in fitPending
      itemEl._fitText = `${s.category}\n${s.names}`;
      itemEl._cat = s.category;
      itemEl._names = s.names || '';
      itemEl.querySelector('.sh-cat').textContent = s.category;
      const namesEl = itemEl.querySelector('.sh-names');
      namesEl.textContent = s.names || '';
      namesEl.hidden = !s.names;
      itemEl._fitGen = -1;
    }
    const sig = JSON.stringify([s.knowledge, s.assumption, Object.values(s.notes || {}).map((n) => n.kind), getLangKey()]);
    if (itemEl._tags !== sig) {
      itemEl._tags = sig;
      itemEl.querySelector('.sh-tags').replaceChildren(...tagsOf(s));
    }
    const notes = Object.values(s.notes || {});
    const minis = itemEl.querySelector('.sh-minis');
    const nsig = JSON.stringify(notes.map((n) => [n.id, n.version, n.kind]));
    if (minis._sig !== nsig) {
      minis._sig = nsig;
      const shownNotes = notes.slice(0, MINI_NOTES).map((n) => h('span.sh-mini', {
        class: `note-k${noteKindIndex(n.kind)}`, title: `${splitLabel(noteKind(n.kind)?.label)[0]}: ${n.text}`,
      }, n.text));
      if (notes.length > MINI_NOTES) shownNotes.push(h('span.sh-mini.more', `+${notes.length - MINI_NOTES}`));
      minis.replaceChildren(...shownNotes);
    }
    minis.hidden = !notes.length;
    attr(itemEl, 'aria-label', `${s.category}${s.names ? `: ${s.names}` : ''}`);
    toggle(itemEl, 'selected', drawer?.id === s.id);
    toggle(itemEl, 'mine', member() && s.author === me());
    toggle(itemEl, 'assumed', !!s.assumption);
    positionEl('map', itemEl, s);
  }

  // --- matrix items and tray ----------------------------------------------------------------

  function createMatrixItem(s) {
    const id = s.id;
    const chip = h('div.sh-chip', {
      'data-testid': `matrix-item-${id}`, 'data-id': id, tabindex: member() ? '0' : null, role: member() ? 'button' : null,
    }, h('span.sh-chip-text'), h('span.sh-by', { hidden: true }));
    if (member()) {
      draggable(chip, {
        onStart: (down) => beginDrag('matrix', id, chip, down),
        onMove: moveDrag,
        onEnd: endDrag,
        onClick: () => openDrawer(id),
      });
      chip.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openDrawer(id); }
      });
    }
    return chip;
  }

  function updateMatrixItem(chip, s) {
    setText(chip.querySelector('.sh-chip-text'), s.category);
    attr(chip, 'title', s.names ? `${s.category}: ${s.names}` : s.category);
    toggle(chip, 'assumed', !!s.assumption);
    toggle(chip, 'selected', drawer?.id === s.id);
    const ov = live.matrix.get(s.id);
    toggle(chip, 'unplaced', !!ov && (s.influence === null || s.influence === undefined));
    toggle(chip, 'dragging', !!dragging && dragging.id === s.id && dragging.surface === 'matrix');
    positionEl('matrix', chip, s);
  }

  function createTrayItem(s) {
    const id = s.id;
    const chip = h('div.sh-chip.sh-tray-chip', {
      'data-testid': `tray-item-${id}`, 'data-id': id, tabindex: member() ? '0' : null, role: member() ? 'button' : null,
    }, h('span.sh-chip-text'));
    if (member()) {
      let ghost = null;
      draggable(chip, {
        onStart: () => {
          dragging = { surface: 'matrix', id, el: null };
          ghost = chip.cloneNode(true);
          ghost.removeAttribute('data-testid');
          ghost.classList.add('sh-ghost');
          document.body.appendChild(ghost);
          chip.classList.add('lifted');
        },
        onMove: (e) => {
          const size = itemSize('matrix');
          const r = matrixSurface.getBoundingClientRect();
          const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
          toggle(matrixSurface, 'drop-target', inside);
          ghost.hidden = inside;
          ghost.style.left = `${e.clientX - size.w / 2}px`;
          ghost.style.top = `${e.clientY - size.h / 2}px`;
          if (inside) {
            const p = fractionsAt('matrix', e.clientX - size.w / 2, e.clientY - size.h / 2);
            live.matrix.set(id, { ...p, local: true });
            sendDrag('matrix', id, p);
          } else {
            if (live.matrix.has(id)) postDragEnd('matrix', id); // off the matrix: the others drop their copy
            live.matrix.delete(id);
            sendDrag.cancel();
          }
          renderMatrix();
        },
        onEnd: (e, cancelled) => {
          ghost?.remove();
          ghost = null;
          chip.classList.remove('lifted');
          matrixSurface.classList.remove('drop-target');
          dragging = null;
          sendDrag.cancel();
          const p = live.matrix.get(id);
          if (cancelled || !p || !shown(find(id))) {
            live.matrix.delete(id);
            renderMatrix();
            postDragEnd('matrix', id);
            return;
          }
          commit('matrix', id, { x: p.x, y: p.y });
        },
        onClick: () => openDrawer(id),
      });
      chip.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openDrawer(id); }
      });
    }
    return chip;
  }

  function updateTrayItem(chip, s) {
    setText(chip.querySelector('.sh-chip-text'), s.category);
    attr(chip, 'title', s.names ? `${s.category}: ${s.names}` : s.category);
    toggle(chip, 'selected', drawer?.id === s.id);
    toggle(chip, 'pending', live.matrix.has(s.id));
  }

  function renderMatrix() {
    const vis = all().filter(shown);
    const onMatrix = vis.filter((s) => posOf('matrix', s));
    reconcile(matrixLayer, onMatrix, (s) => s.id, createMatrixItem, updateMatrixItem);
    if (tray) {
      const unplaced = vis.filter((s) => s.influence === null || s.influence === undefined);
      reconcile(trayList, unplaced, (s) => s.id, createTrayItem, updateTrayItem);
      trayEmpty.hidden = unplaced.length > 0;
      setText(trayCount, unplaced.length ? String(unplaced.length) : '');
    }
  }

  // --- not relevant / removed list ---------------------------------------------------------

  function createHidden(s) {
    const id = s.id;
    const restore = h('button.btn.btn-small', {
      type: 'button', 'data-testid': `restore-${id}`, on: { click: () => restoreItem(id, restore) },
    }, t('restore'));
    const li = h('li.sh-hidden', { 'data-testid': `hidden-item-${id}` },
      h('div.sh-hidden-text', h('strong.sh-cat'), h('span.sh-names')),
      h('span.sh-hidden-status'),
      restore);
    li._restore = restore;
    return li;
  }

  function updateHidden(li, s) {
    setText(li.querySelector('.sh-cat'), s.category);
    setText(li.querySelector('.sh-names'), s.names);
    const who = s.hidden_by ? ctx.personName(s.hidden_by) : '–';
    setText(li.querySelector('.sh-hidden-status'), s.removed ? t('removedBy', { name: who }) : t('notRelevantBy', { name: who }));
    toggle(li, 'removed', !!s.removed);
    li._restore.hidden = !canRestore(s);
  }

  async function restoreItem(id, btn) {
    const s = find(id);
    if (!s) return;
    btn.disabled = true;
    try {
      if (s.removed) await send({ type: 'restore_stakeholder', ...where, item: id }, ['forbidden']);
      const now = find(id);
      if (now && !now.removed && !now.relevant && canRestore(now)) {
        await send({ type: 'set_relevant', ...where, item: id, relevant: true }, ['forbidden']);
      }
    } catch (err) {
      if (err.code === 'forbidden') toast(t('forbiddenRestore'));
    }
    btn.disabled = false;
  }

  // --- the editor (a drawer beside the map; a sheet from below on a phone) -----------------

  function openDrawer(id) {
    if (!member()) return;
    const s = find(id);
    if (!s) return;
    if (drawer?.id === id) {
      drawer.title.focus();
      return;
    }
    closeDrawer(false);
    drawer = buildDrawer(s);
    el.appendChild(drawer.el);
    update();
    drawer.title.focus();
  }

  function closeDrawer(refocus = true) {
    if (!drawer) return;
    const id = drawer.id;
    drawer.el.remove();
    drawer = null;
    update();
    if (refocus) (mapLayer._keyed?.get(id) || trayList._keyed?.get(id) || matrixLayer._keyed?.get(id))?.focus();
  }

  const snapshot = (s) => ({
    category: s.category,
    names: s.names || '',
    knowledge: kinds.filter((k) => s.knowledge.includes(k.id)).map((k) => k.id),
    assumption: !!s.assumption,
    version: s.version,
  });
  const FIELDS = ['category', 'names', 'knowledge', 'assumption'];
  const eqField = (f, a, b) => (f === 'knowledge' ? sameList(a, b) : f === 'assumption' ? a === b : String(a).trim() === String(b).trim());

  function buildDrawer(s) {
    const d = { id: s.id, base: snapshot(s), noteEdits: new Map() };
    d.title = h('h2.sh-drawer-title', { tabindex: '-1', 'data-testid': 'sh-editor-title' });
    const closeBtn = h('button.btn.btn-ghost.sh-close', {
      type: 'button', 'data-testid': 'sh-close', 'aria-label': t('close'), title: t('close'), on: { click: () => closeDrawer() },
    }, '×');
    d.meta = h('p.sh-meta');
    d.status = h('div.sh-status', { 'data-testid': 'sh-status', hidden: true });
    d.conflict = h('div.conflict', { 'data-testid': 'edit-conflict', role: 'alert', hidden: true });
    d.cat = h('input.input', { type: 'text', maxlength: String(section.max_category_len), 'data-testid': 'sh-edit-category', id: `sh-cat-${s.id}` });
    d.names = h('textarea.input', { rows: 2, maxlength: String(section.max_names_len), 'data-testid': 'sh-edit-names', id: `sh-names-${s.id}` });
    d.kBoxes = kinds.map((k) => {
      const box = h('input', { type: 'checkbox', 'data-testid': `sh-knowledge-${k.id}` });
      const label = h('label.k-toggle', { style: { '--k': kindColour(k.id) } }, box,
        h('span.k-toggle-mark', { 'aria-hidden': 'true' }, kindLetter(k)),
        h('span.k-toggle-text', h('strong', L(k.label)), h('span', L(k.hint))));
      return { k, box, label };
    });
    d.assume = h('input', { type: 'checkbox', 'data-testid': 'sh-assumption' });
    d.save = h('button.btn.btn-primary.btn-small', { type: 'submit', 'data-testid': 'sh-save' }, t('save'));
    d.saved = h('span.sh-saved', { hidden: true, 'data-testid': 'sh-saved' }, t('saved'));
    const form = h('form.sh-edit-form', { novalidate: true },
      h('label.field', { for: d.cat.id }, h('span.field-label', t('shCategory')), d.cat),
      h('label.field', { for: d.names.id }, h('span.field-label', t('shNames')), d.names),
      h('fieldset.field.sh-kinds', h('legend.field-label', t('knowledgeQ')), h('div.k-toggles', d.kBoxes.map((b) => b.label))),
      h('label.sh-assume-row', d.assume, h('span', h('strong', t('assumption')), h('span.field-hint', t('assumptionHint')))),
      h('div.editor-actions', d.saved, d.save));
    const values = () => ({
      category: d.cat.value,
      names: d.names.value,
      knowledge: d.kBoxes.filter((b) => b.box.checked).map((b) => b.k.id),
      assumption: d.assume.checked,
    });
    const setField = (f, v) => {
      if (f === 'category') d.cat.value = v;
      else if (f === 'names') d.names.value = v;
      else if (f === 'knowledge') for (const b of d.kBoxes) b.box.checked = v.includes(b.k.id);
      else if (f === 'assumption') d.assume.checked = v;
    };
    d.values = values;
    d.dirty = () => FIELDS.some((f) => !eqField(f, values()[f], d.base[f]));
    for (const f of FIELDS) setField(f, d.base[f]);
    const onInput = () => { d.saved.hidden = true; refreshDrawerButtons(); };
    form.addEventListener('input', onInput);
    form.addEventListener('change', onInput);
    form.addEventListener('submit', (e) => { e.preventDefault(); saveDrawer(); });
    d.names.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit(); });

    /** Someone else saved this stakeholder: take their fields I have not touched; show the rest. */
    d.rebase = (now) => {
      const theirs = snapshot(now);
      const mine = values();
      const clash = [];
      for (const f of FIELDS) {
        if (eqField(f, mine[f], d.base[f])) setField(f, theirs[f]);
        else if (!eqField(f, mine[f], theirs[f])) clash.push(f);
      }
      d.base = theirs;
      if (clash.length) showConflict(theirs);
      else if (!d.dirty()) d.conflict.hidden = true;
    };

    function showConflict(theirs) {
      const kindsText = theirs.knowledge.map((id) => L(kinds.find((k) => k.id === id)?.label)).join(', ');
      d.conflict.replaceChildren(
        h('strong', t('shConflict')),
        h('div.conflict-other',
          h('span.conflict-label', t('conflictOther')),
          h('span.conflict-text', { 'data-testid': 'conflict-other' }, theirs.names ? `${theirs.category} — ${theirs.names}` : theirs.category),
          h('span.conflict-owner', `${t('knowledgeLabel')}: ${kindsText || '–'}${theirs.assumption ? ` · ${t('assumption')}` : ''}`)),
        h('p.conflict-hint', t('shConflictHint')));
      d.conflict.hidden = false;
    }
    d.showConflict = showConflict;

    // 2B: place on the matrix without dragging (phones, keyboards)
    d.placeBtns = QUADRANTS.map(([code, idx, hiInf, hiInt]) => {
      const [, title] = splitLabel(section.quadrants[idx]);
      return {
        code,
        btn: h('button.btn.btn-small.sh-place', {
          type: 'button', 'data-testid': `sh-place-${code}`, class: `q-${code}`, 'aria-pressed': 'false',
          on: { click: () => { const cur = find(d.id); if (shown(cur)) commit('matrix', d.id, spotInQuadrant(hiInf, hiInt, d.id)); } },
        }, capitalise(title)),
      };
    });
    d.unplace = h('button.btn.btn-ghost.btn-small', {
      type: 'button', 'data-testid': 'sh-unplace',
      on: { click: () => send({ type: 'place_in_matrix', ...where, item: d.id, influence: null, interest: null }).catch(() => {}) },
    }, t('removeFromMatrix'));

    // belangen and behoeften
    d.noteBlocks = section.note_kinds.map((kind, i) => {
      const [name, hint] = splitLabel(kind.label);
      const list = h('ul.sh-anotes', { 'data-testid': `sh-notes-${kind.id}` });
      const ta = h('textarea.input', {
        rows: 2, maxlength: String(section.max_note_len), placeholder: hint ? capitalise(hint) : '',
        'data-testid': `sh-note-text-${kind.id}`, 'aria-label': name,
      });
      const add = h('button.btn.btn-small', { type: 'submit', 'data-testid': `sh-note-add-${kind.id}` }, t('add'));
      const addForm2 = h('form.sh-anote-add', { novalidate: true }, ta, add);
      addForm2.addEventListener('submit', async (e) => {
        e.preventDefault();
        const text = ta.value.trim();
        if (!text) { ta.focus(); return; }
        add.disabled = true;
        try {
          await send({ type: 'add_attached_note', ...where, item: d.id, kind: kind.id, text });
          ta.value = '';
        } catch { /* toast shown; text kept */ }
        add.disabled = false;
      });
      ta.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) addForm2.requestSubmit(); });
      const block = h('div.sh-anote-block', { class: `note-k${i}` },
        h('h3.sh-block-title', h('span.sh-kind-sw', { 'aria-hidden': 'true' }), name, hint ? h('span.sh-kind-hint', hint) : null),
        list, addForm2);
      return { kind, list, block };
    });

    d.notRelevant = h('button.btn.btn-small', {
      type: 'button', 'data-testid': 'sh-not-relevant',
      on: {
        click: async () => {
          try {
            await send({ type: 'set_relevant', ...where, item: d.id, relevant: false });
            closeDrawer(false);
          } catch { /* toast */ }
        },
      },
    }, t('notRelevant'));
    d.relevantAgain = h('button.btn.btn-small', {
      type: 'button', 'data-testid': 'sh-relevant',
      on: { click: () => send({ type: 'set_relevant', ...where, item: d.id, relevant: true }, ['forbidden']).catch((err) => { if (err.code === 'forbidden') toast(t('forbiddenRestore')); }) },
    }, t('makeRelevant'));
    d.remove = h('button.btn.btn-small.danger', {
      type: 'button', 'data-testid': 'sh-remove',
      on: {
        click: async (e) => {
          const b = e.currentTarget;
          if (!b.classList.contains('confirm')) {
            b.classList.add('confirm');
            b.textContent = t('confirmRemoveShort');
            clearTimeout(b._reset);
            b._reset = setTimeout(() => { b.classList.remove('confirm'); b.textContent = t('remove'); }, 4000);
            return;
          }
          clearTimeout(b._reset);
          b.disabled = true;
          try {
            await send({ type: 'remove_stakeholder', ...where, item: d.id }, ['forbidden']);
            closeDrawer(false);
          } catch (err) {
            if (err.code === 'forbidden') toast(t('forbiddenAuthor'));
            b.disabled = false;
            b.classList.remove('confirm');
            b.textContent = t('remove');
          }
        },
      },
    }, t('remove'));

    d.el = h('aside.sh-drawer', { 'data-testid': 'stakeholder-editor', role: 'dialog', 'aria-label': t('editorTitle') },
      h('header.sh-drawer-head', h('div.sh-drawer-heading', h('span.sh-drawer-kicker', t('editorTitle')), d.title), closeBtn),
      h('div.sh-drawer-body',
        d.meta, d.status, d.conflict, form,
        h('section.sh-block',
          h('h3.sh-block-title', t('placeInMatrix')),
          h('div.sh-place-grid', d.placeBtns.map((p) => p.btn)),
          d.unplace),
        d.noteBlocks.map((b) => b.block),
        h('section.sh-block.sh-block-actions', d.notRelevant, d.relevantAgain, d.remove)));
    d.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) { e.preventDefault(); closeDrawer(); }
    });
    return d;
  }

  function refreshDrawerButtons() {
    if (!drawer) return;
    const s = find(drawer.id);
    drawer.save.disabled = !s || s.removed || !drawer.dirty() || drawer.saving;
  }

  async function saveDrawer() {
    const d = drawer;
    if (!d) return;
    const v = d.values();
    if (!v.category.trim()) { d.cat.focus(); return; }
    d.saving = true;
    refreshDrawerButtons();
    try {
      await send({
        type: 'edit_stakeholder', ...where, item: d.id, base_version: d.base.version,
        category: v.category.trim(), names: v.names.trim(), knowledge: v.knowledge, assumption: v.assumption,
      }, ['edit_conflict']);
      if (drawer === d) {
        d.conflict.hidden = true;
        d.saved.hidden = false;
      }
    } catch (err) {
      const now = find(d.id);
      if (err.code === 'edit_conflict' && now && drawer === d) {
        // keep what I typed; show theirs; the next save goes on top of their version
        d.base = snapshot(now);
        d.showConflict(d.base);
      }
    }
    d.saving = false;
    refreshDrawerButtons();
  }

  // attached notes in the drawer ------------------------------------------------------------

  function createANote(n) {
    const li = h('li.sh-anote', { 'data-testid': `anote-${n.id}` });
    li._view = h('div.sh-anote-view', h('p.sh-anote-text'), h('div.sh-anote-meta', h('span.sh-anote-by'), h('span.sh-anote-actions')));
    li.appendChild(li._view);
    return li;
  }

  function startNoteEdit(li, n) {
    const d = drawer;
    if (!d || d.noteEdits.has(n.id)) return;
    const ta = h('textarea.input', { rows: 2, maxlength: String(section.max_note_len), 'data-testid': 'anote-edit-text' });
    ta.value = n.text;
    const conflict = h('div.conflict', { 'data-testid': 'anote-conflict', role: 'alert', hidden: true });
    const save = h('button.btn.btn-primary.btn-small', { type: 'submit', 'data-testid': 'anote-save' }, t('save'));
    const cancel = h('button.btn.btn-small', { type: 'button', on: { click: () => stopNoteEdit(li, n.id) } }, t('cancel'));
    const form = h('form.sh-anote-edit', { novalidate: true }, conflict, ta, h('div.editor-actions', cancel, save));
    const ed = { base: n.version, baseText: n.text, ta, conflict, kind: n.kind, gone: false };
    ed.show = (text) => {
      conflict.replaceChildren(h('strong', t('shConflict')),
        h('div.conflict-other', h('span.conflict-label', t('conflictOther')), h('span.conflict-text', text)),
        h('p.conflict-hint', t('conflictHint')));
      conflict.hidden = false;
    };
    ed.showGone = () => {
      conflict.replaceChildren(h('strong', t('noteGone')), h('p.conflict-hint', t('noteGoneHint')));
      conflict.hidden = false;
      setText(save, t('addAgain'));
    };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = ta.value.trim();
      if (!text) { ta.focus(); return; }
      save.disabled = true;
      try {
        if (ed.gone) await send({ type: 'add_attached_note', ...where, item: d.id, kind: ed.kind, text });
        else await send({ type: 'edit_attached_note', ...where, item: d.id, note: n.id, base_version: ed.base, text }, ['edit_conflict', 'not_found']);
        stopNoteEdit(li, n.id);
      } catch (err) {
        const now = find(d.id)?.notes?.[n.id];
        if (err.code === 'edit_conflict' && now) {
          ed.base = now.version;
          ed.baseText = now.text;
          ed.show(now.text);
        } else if (err.code === 'not_found') {
          ed.gone = true;
          ed.showGone();
        }
      }
      save.disabled = false;
    });
    ta.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); stopNoteEdit(li, n.id); }
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
    });
    d.noteEdits.set(n.id, ed);
    li._editor = form;
    li._view.hidden = true;
    li.classList.add('editing');
    li.appendChild(form);
    ta.focus();
  }

  function stopNoteEdit(li, id) {
    drawer?.noteEdits.delete(id);
    li._editor?.remove();
    li._editor = null;
    li._view.hidden = false;
    li.classList.remove('editing');
    update();
  }

  function updateANote(li, n) {
    const ed = drawer?.noteEdits.get(n.id);
    if (ed) {
      if (n.gone && !ed.gone) {
        ed.gone = true;
        ed.showGone();
      } else if (!n.gone && n.version !== ed.base) {
        // someone else saved this note while I edit it: untouched text follows, typed text stays
        if (ed.ta.value.trim() === ed.baseText.trim()) ed.ta.value = n.text;
        else ed.show(n.text);
        ed.base = n.version;
        ed.baseText = n.text;
      }
      return;
    }
    if (n.gone) return;
    setText(li.querySelector('.sh-anote-text'), n.text);
    setText(li.querySelector('.sh-anote-by'), t('by', { name: ctx.personName(n.author) }));
    const actions = li.querySelector('.sh-anote-actions');
    const may = canChangeNote(n);
    if (may && !actions.childElementCount) {
      actions.append(
        h('button.btn.btn-ghost.btn-tiny', {
          type: 'button', 'data-testid': 'anote-edit',
          on: { click: () => { const cur = find(drawer?.id)?.notes?.[n.id]; if (cur) startNoteEdit(li, cur); } },
        }, t('edit')),
        removeButton('anote-remove', () => send({ type: 'remove_attached_note', ...where, item: drawer.id, note: n.id })));
    } else if (!may && actions.childElementCount) {
      actions.replaceChildren();
    }
  }

  function updateDrawer() {
    const d = drawer;
    if (!d) return;
    const s = find(d.id);
    if (!s) {
      closeDrawer(false);
      return;
    }
    setText(d.title, s.category);
    setText(d.meta, t('addedBy', { name: ctx.personName(s.author) }));
    if (s.version !== d.base.version) d.rebase(s);
    let status = null;
    if (s.removed) status = t('shRemovedNow');
    else if (!s.relevant) status = t('shNotRelevantNow');
    d.status.hidden = !status;
    if (status) setText(d.status, status);
    refreshDrawerButtons();
    const placed = s.influence !== null && s.influence !== undefined;
    for (const { code, btn } of d.placeBtns) {
      const [, , hiInf, hiInt] = QUADRANTS.find((q) => q[0] === code);
      const here = placed && (s.influence >= 0.5) === hiInf && (s.interest >= 0.5) === hiInt;
      attr(btn, 'aria-pressed', String(here));
      btn.disabled = !shown(s);
    }
    d.unplace.hidden = !placed;
    d.unplace.disabled = !shown(s);
    const notes = Object.values(s.notes || {});
    for (const { kind, list } of d.noteBlocks) {
      const mine = notes.filter((n) => n.kind === kind.id);
      // a note I am editing that someone removed stays, so my text is not lost
      for (const [id, ed] of d.noteEdits) {
        if (ed.kind === kind.id && !s.notes?.[id]) mine.push({ id, kind: kind.id, text: '', author: '', version: -1, gone: true });
      }
      reconcile(list, mine, (n) => n.id, createANote, updateANote);
    }
    for (const b of d.noteBlocks) for (const x of b.block.querySelectorAll('.sh-anote-add textarea, .sh-anote-add button')) x.disabled = s.removed;
    d.notRelevant.hidden = !shown(s);
    d.relevantAgain.hidden = s.relevant || s.removed || !canRestore(s);
    d.remove.hidden = s.removed || !canRemove(s);
  }

  // --- ambition (the facilitator may edit it here) -------------------------------------------

  function ambitionSection() {
    const ts = tpl.sections.find((x) => x.type === 'text');
    return ts ? { section: ts, field: ts.fields[0] } : null;
  }
  function ambition() {
    const a = ambitionSection();
    return a ? board().texts?.[a.section.id]?.[a.field.id] || '' : '';
  }
  function ambitionEditor() {
    const wrap = h('div.sh-amb-edit');
    const a = ambitionSection();
    if (!a) return wrap;
    const btn = h('button.btn.btn-ghost.btn-tiny', { type: 'button', 'data-testid': 'edit-map-ambition' }, t('edit'));
    wrap.appendChild(btn);
    btn.addEventListener('click', () => {
      const ta = h('textarea.input', { rows: 4, maxlength: String(a.field.max_len), 'aria-label': L(a.field.label), 'data-testid': 'map-ambition-editor' });
      ta.value = ambition();
      const save = h('button.btn.btn-primary.btn-tiny', { type: 'button' }, t('save'));
      const cancel = h('button.btn.btn-tiny', { type: 'button' }, t('cancel'));
      const box = h('div.sh-amb-editor', ta, h('div.editor-actions', cancel, save));
      const close = () => { box.remove(); btn.hidden = false; ambCard.classList.remove('editing'); btn.focus(); };
      cancel.addEventListener('click', close);
      save.addEventListener('click', async () => {
        save.disabled = true;
        try {
          await send({ type: 'set_text', board: boardId, section: a.section.id, field: a.field.id, text: ta.value.trim() });
          close();
        } catch { save.disabled = false; }
      });
      ta.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') close();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save.click();
      });
      btn.hidden = true;
      ambCard.classList.add('editing');
      wrap.appendChild(box);
      ta.focus();
    });
    return wrap;
  }

  // --- update -------------------------------------------------------------------------------

  function update() {
    const step = app.state.step;
    mapShell.updateCurrent();
    toggle(mapShell.el, 'current', mapSteps.has(step));
    mapShell.el.querySelector('.now-badge').hidden = !mapSteps.has(step);
    toggle(matrixCard, 'current', !!matrixStep && step === matrixStep);
    matrixNow.hidden = !(matrixStep && step === matrixStep);
    if (projector) {
      const onMatrix = !!matrixStep && step === matrixStep;
      mapShell.el.hidden = onMatrix;
      matrixCard.hidden = !onMatrix;
    }

    const items = all();
    const vis = items.filter(shown);

    // categories, kinds of knowledge, open assumptions
    const cats = new Set(vis.map((s) => norm(s.category)).filter(Boolean));
    const max = section.recommended_max_categories;
    setText(catN, cats.size === 1 ? t('categories1') : t('categories', { n: cats.size }));
    setText(catAim, `· ${t('categoriesAim', { max })}`);
    attr(catStat, 'title', t('categoriesAim', { max }));
    attr(catStat, 'data-count', String(cats.size));
    toggle(catStat, 'warn', cats.size > max);
    catWarn.hidden = cats.size <= max;
    if (cats.size > max) setText(catWarn, t('categoriesOver', { n: cats.size, max }));
    const open = vis.filter((s) => s.assumption).length;
    setText(assumeStat, open === 0 ? t('openAssumptions0') : open === 1 ? t('openAssumptions1') : t('openAssumptions', { n: open }));
    attr(assumeStat, 'data-count', String(open));
    toggle(assumeStat, 'open', open > 0);
    const absent = [];
    for (const { k, chip, n, mark } of kChips) {
      const count = vis.filter((s) => s.knowledge.includes(k.id)).length;
      setText(n, String(count));
      toggle(chip, 'covered', count > 0);
      toggle(chip, 'missing', count === 0);
      attr(chip, 'data-covered', count > 0 ? 'true' : 'false');
      setText(mark, count > 0 ? '✓' : '!');
      if (!count) absent.push(k);
    }
    missing.hidden = !absent.length || !vis.length;
    toggle(coverage, 'none-yet', !vis.length); // an empty map is not yet missing anything
    if (absent.length) {
      setText(missing, t('knowledgeMissing', {
        kinds: absent.map((k) => `${L(k.label).toLocaleLowerCase('nl')} (${L(k.hint)})`).join(', '),
      }));
    }

    // map
    setText(ambText, ambition() || t('empty'));
    toggle(ambText, 'is-empty', !ambition());
    reconcile(mapLayer, vis, (s) => s.id, createMapItem, updateMapItem);
    mapEmpty.hidden = vis.length > 0;
    fitPending();
    if (addBtn) addBtn.disabled = items.filter((s) => !s.removed).length >= section.max_items;

    // matrix and tray
    renderMatrix();

    // not relevant / removed
    if (hiddenCard) {
      const gone = items.filter((s) => !shown(s));
      reconcile(hiddenList, gone, (s) => s.id, createHidden, updateHidden);
      hiddenEmpty.hidden = gone.length > 0;
      setText(hiddenCount, gone.length ? String(gone.length) : '');
    }

    updateDrawer();
  }

  return { el, update, tick, onDrag, onEvent };
}

// A key that changes with the language, so tags (letters) are redrawn after a switch.
function getLangKey() {
  return document.documentElement.lang;
}

/** The shared checklist (card 2: "Aanname checklist"), with the open assumptions of the board. */
export function checklistSection(ctx, boardId, section) {
  const { app, projector } = ctx;
  const member = () => !projector && (ctx.isFac() || ctx.isPart());
  const tpl = ctx.template(boardId);
  const shSection = tpl.sections.find((s) => s.type === 'stakeholders');
  const shell = ctx.sectionShell(boardId, section, [h('p.sec-prompt', L(section.prompt))]);
  const pending = new Set();
  const rows = section.items.map((item) => {
    const box = h('input', { type: 'checkbox', 'data-testid': `check-${item.id}`, disabled: !member() });
    box.addEventListener('change', async () => {
      pending.add(item.id);
      try {
        await ctx.send({ type: 'set_check', board: boardId, section: section.id, item: item.id, checked: box.checked });
      } catch { /* toast shown */ }
      pending.delete(item.id);
      update();
    });
    const row = h('label.check-item', box, h('span.check-box', { 'aria-hidden': 'true' }), h('span.check-text', L(item.label)));
    return { item, box, row };
  });
  const open = h('p.sh-open', { 'data-testid': 'open-assumptions' });
  const openList = h('div.sh-open-list', { 'data-testid': 'open-assumption-list' });
  shell.el.append(h('div.checklist', rows.map((r) => r.row)), h('div.sh-open-wrap', open, openList));

  function update() {
    shell.updateCurrent();
    const checks = app.state.boards[boardId].checks?.[section.id] || {};
    for (const { item, box, row } of rows) {
      if (!pending.has(item.id)) box.checked = !!checks[item.id];
      toggle(row, 'checked', box.checked);
    }
    const items = shSection ? (app.state.boards[boardId].stakeholders?.[shSection.id] || []) : [];
    const assumed = items.filter((s) => s.relevant && !s.removed && s.assumption);
    const n = assumed.length;
    setText(open, n === 0 ? t('openAssumptions0') : n === 1 ? t('openAssumptions1') : t('openAssumptions', { n }));
    attr(open, 'data-count', String(n));
    toggle(open, 'open', n > 0);
    reconcile(openList, assumed, (s) => s.id,
      (s) => (member()
        ? h('button.sh-open-chip', { type: 'button', on: { click: () => app.shOpen?.[boardId]?.(s.id) } })
        : h('span.sh-open-chip')),
      (chip, s) => setText(chip, s.category));
  }
  return { el: shell.el, update };
}

