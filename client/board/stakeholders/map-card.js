// The map card (2A): the toolbar (add, undo, counters), the coverage of the kinds of knowledge,
// the add form, and the surface with the ambition in the middle and the post-its around it.

import { h, setText, toggle, attr, reconcile } from '../../dom.js';
import { t, L } from '../../i18n.js';
import { sectionShell } from '../shell.js';
import { splitLabel } from './model.js';
import { createCoverage } from './coverage.js';
import { createAddForm } from './add-form.js';
import { createPostIts } from './post-its.js';
import { ambitionText, ambitionEditor } from './ambition.js';
import { layoutPostIts } from './map-layout.js';
import { clamp01 } from '../../drag.js';

/** {el, update(items, vis)}; adds `sh.mapSurface`, `sh.mapLayer`, `sh.layoutMap()`, `sh.mapShownAt(id)`. */
export function mapCard(sh) {
  const { app, boardId, section, member, projector, mapSteps } = sh;
  const add = createAddForm(sh);
  const counters = createCoverage(sh);
  const postIts = createPostIts(sh);
  const undoBtn = member() ? h('button.btn.btn-small.sh-undo', {
    type: 'button', 'data-testid': 'undo', title: t('undoHint'), on: { click: () => sh.undo() },
    'aria-label': t('undo'),
  }, h('span.undo-icon', { 'aria-hidden': 'true' }, '↶'), h('span.undo-text', t('undo'))) : null;

  const mapLayer = h('div.sh-layer');
  const ambText = h('p.sh-amb-text', { 'data-testid': 'map-ambition' });
  const ambCard = h('div.sh-ambition', h('div.sh-amb-label', t('ambition')), ambText);
  const mapEmpty = h('p.sh-map-empty', { hidden: true }, member() ? t('mapEmpty') : t('mapEmptyView'));
  const mapSurface = h('div.sh-map', { 'data-testid': 'map-surface' },
    h('div.sh-rings', { 'aria-hidden': 'true' }, h('span'), h('span')), ambCard, mapEmpty, mapLayer);
  if (app.isFac() && !projector) ambCard.appendChild(ambitionEditor(sh, ambCard));

  const legend = h('div.sh-legend', { 'aria-hidden': 'true' },
    h('span.sh-legend-item', h('span.sh-legend-sw.sw-stakeholder'), t('legendStakeholder')),
    section.note_kinds.map((k, i) => h('span.sh-legend-item', h('span.sh-legend-sw', { class: `sw-note${i}` }), splitLabel(k.label)[0])));

  const mapShell = sectionShell(app, boardId, section, [
    h('p.sec-prompt', L(section.prompt)),
    h('div.sh-toolbar', add.button, undoBtn, h('div.sh-stats', counters.stats)),
    counters.coverage,
  ]);
  mapShell.el.classList.add('sec-shmap');
  mapShell.el.append(...counters.warnings, add.form,
    h('div.sh-map-wrap', mapSurface),
    h('div.sh-map-foot', legend, member() ? h('p.sh-hint', t('mapHint')) : null));
  Object.assign(sh, { mapSurface, mapLayer });

  // --- where the post-its show: none covers another or the ambition (map-layout.js) -----------

  /** `el`'s rectangle in px of the surface (as the post-its' left and top count; the projector
   * scales its stage, so the screen's px are turned into the surface's). */
  function rectIn(el) {
    const s = mapSurface.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const k = s.width ? mapSurface.offsetWidth / s.width : 1;
    return { x: (r.left - s.left) * k - mapSurface.clientLeft, y: (r.top - s.top) * k - mapSurface.clientTop, w: r.width * k, h: r.height * k };
  }

  let laid = { sig: '', at: new Map() };
  let ambRect = null;
  /** Put every post-it where the layout says. One held (dragged here or by someone else, or moved
   * by arrow keys) follows the hand, unnudged; the others keep clear of its logged place meanwhile,
   * so nothing jumps while it moves. A drop on its way is laid out where it was dropped. */
  function layoutMap() {
    const W = mapSurface.clientWidth;
    const H = mapSurface.clientHeight;
    if (!W || !H || !mapLayer._keyed) return;
    if (!ambRect || !ambCard.classList.contains('editing')) ambRect = rectIn(ambCard); // not the open editor
    const items = [];
    const held = new Set();
    for (const s of sh.all().filter(sh.shown)) {
      const itemEl = mapLayer._keyed.get(s.id);
      if (!itemEl) continue;
      const ov = sh.live.map.get(s.id);
      if ((sh.dragging?.surface === 'map' && sh.dragging.id === s.id) || (ov && (!ov.local || ov.keys))) held.add(s.id);
      const at = held.has(s.id) || !ov ? sh.mapPlace(s) : ov;
      items.push({ id: s.id, x: at.x, y: at.y, w: itemEl.offsetWidth, h: itemEl.offsetHeight });
    }
    const ph = sh.itemSize('map').h;
    const sig = JSON.stringify([W, H, ph, ambRect, items]);
    if (sig !== laid.sig) laid = { sig, at: layoutPostIts(W, H, ph, items, [ambRect]) };
    for (const c of items) {
      const itemEl = mapLayer._keyed.get(c.id);
      const spot = !held.has(c.id) && laid.at.get(c.id);
      itemEl.style.left = spot ? `${spot.x.toFixed(1)}px` : ''; // held: where --x, --y put it (moves.js)
      itemEl.style.top = spot ? `${spot.y.toFixed(1)}px` : '';
      attr(itemEl, 'data-moved', spot && spot.moved ? 'true' : null);
    }
  }
  /** Where post-it `id` shows, as a place (fractions), when that is not its own place: arrow keys
   * move it on from there. */
  function shownAt(id) {
    const itemEl = mapLayer._keyed?.get(id);
    const spot = laid.at.get(id);
    if (!itemEl || !spot?.moved) return null;
    const room = { x: mapSurface.clientWidth - itemEl.offsetWidth, y: mapSurface.clientHeight - sh.itemSize('map').h };
    return { x: room.x > 0 ? clamp01(spot.x / room.x) : 0.5, y: room.y > 0 ? clamp01(spot.y / room.y) : 0.5 };
  }
  Object.assign(sh, { layoutMap, mapShownAt: shownAt });
  // a new size of the map or the ambition (a turned phone, a wider window, a longer text) lays them out again
  if (typeof ResizeObserver === 'function') {
    const ro = new ResizeObserver(() => layoutMap());
    ro.observe(mapSurface);
    ro.observe(ambCard);
  }

  function update(items, vis) {
    const step = app.state.step;
    mapShell.setCurrent(mapSteps.has(step));
    mapShell.updateLock(); // the facilitator's lock button had no text (axe: button-name) and no state
    if (projector) mapShell.el.hidden = !!sh.matrixStep && step === sh.matrixStep;
    counters.update(vis);
    const ambition = ambitionText(sh);
    setText(ambText, ambition || t('empty'));
    toggle(ambText, 'is-empty', !ambition);
    reconcile(mapLayer, vis, (s) => s.id, postIts.createMapItem, postIts.updateMapItem);
    mapEmpty.hidden = vis.length > 0;
    sh.fitPending();
    layoutMap();
    add.update(items);
  }
  return { el: mapShell.el, update };
}
