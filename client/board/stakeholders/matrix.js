// The matrix card (2B): post-its placed by influence and interest, dragged from the tray of
// those not placed yet (or moved within the matrix). Chips show their whole category and are laid
// out so that none covers another (matrix-layout.js).

import { h, setText, toggle, attr, reconcile } from '../../dom.js';
import { t } from '../../i18n.js';
import { draggable } from '../../drag.js';
import { sectionCard } from '../shell.js';
import { fitWords, fitGeneration } from '../fit.js';
import { QUADRANTS, splitLabel, capitalise } from './model.js';
import { layoutChips, freeInQuadrant, heightNeeded, titleHeights, spotOf, fractionsOf } from './matrix-layout.js';
import { trayMore } from './tray-more.js';

const CHIP_MIN_FONT = 0.75; // a long word in a chip's label shrinks to this share of its font, then the chip is as wide as it needs

/** {el, update(vis)}; adds `sh.matrixSurface`, `sh.matrixLayer`, `sh.trayList`, `sh.renderMatrix()`. */
export function matrixCard(sh) {
  const { app, boardId, section, tpl, member, projector, matrixStep, live, all, shown, find } = sh;
  const matrixLayer = h('div.sh-layer');
  const quads = QUADRANTS.map(([code, idx]) => {
    const [sub, title] = splitLabel(section.quadrants[idx]);
    return h('div.sh-quad', { class: `q-${code}`, 'data-testid': `quadrant-${code}` },
      h('strong.sh-quad-title', capitalise(title || sub)), title ? h('span.sh-quad-sub', sub) : null);
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
  const trayCount = h('span.sh-count', { 'data-testid': 'matrix-tray-count' });
  const trayEmpty = h('p.sh-tray-empty', t('trayEmpty'));
  // the projector shows the tray too (the room sees who is still to be placed), while it has any
  const tray = h('aside.sh-tray', { 'data-testid': 'matrix-tray-panel' },
    h('h3.sh-tray-title', t('trayTitle'), trayCount),
    member() ? h('p.sh-hint', t('trayHint')) : null,
    trayList, trayEmpty);
  const card = sectionCard(app, {
    cls: 'sec-shmatrix',
    id: `sec-${boardId}-${section.id}-matrix`,
    testid: 'section-matrix',
    title: t('matrixTitle'),
    step: tpl.steps.find((s) => s.id === matrixStep),
    extraHead: [h('p.sec-prompt', t('matrixPrompt'))],
  });
  card.el.appendChild(h('div.sh-matrix-layout', matrixFrame, tray));
  const fitTray = projector ? trayMore(tray, trayList) : null;
  Object.assign(sh, { matrixSurface, matrixLayer, trayList });

  function createMatrixItem(s) {
    const id = s.id;
    const chip = h('div.sh-chip', {
      'data-testid': `matrix-item-${id}`, 'data-id': id, tabindex: member() ? '0' : null, role: member() ? 'button' : null,
    }, h('span.sh-chip-text'), h('span.sh-by', { hidden: true }));
    if (member()) {
      sh.movable('matrix', chip, id);
      sh.openOnEnter(chip, id);
    }
    return chip;
  }

  function updateMatrixItem(chip, s) {
    if (chip._label !== s.category) { // set here, fitted (long words a little smaller) in layoutMatrix
      chip._label = s.category;
      chip.querySelector('.sh-chip-text').textContent = s.category;
      chip._fitKey = null;
    }
    attr(chip, 'title', s.names ? `${s.category}: ${s.names}` : s.category);
    toggle(chip, 'assumed', !!s.assumption);
    toggle(chip, 'selected', sh.drawer?.id === s.id);
    const ov = live.matrix.get(s.id);
    toggle(chip, 'unplaced', !!ov && (s.influence === null || s.influence === undefined));
    toggle(chip, 'dragging', !!sh.dragging && sh.dragging.id === s.id && sh.dragging.surface === 'matrix');
    sh.positionEl('matrix', chip, s);
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
          sh.dragging = { surface: 'matrix', id, el: null };
          ghost = chip.cloneNode(true);
          ghost.removeAttribute('data-testid');
          ghost.classList.add('sh-ghost');
          document.body.appendChild(ghost);
          chip.classList.add('lifted');
        },
        onMove: (e) => {
          const size = chipSize(id, find(id)?.category || '');
          const r = matrixSurface.getBoundingClientRect();
          const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
          toggle(matrixSurface, 'drop-target', inside);
          ghost.hidden = inside;
          ghost.style.left = `${e.clientX - size.w / 2}px`;
          ghost.style.top = `${e.clientY - size.h / 2}px`;
          if (inside) {
            const p = sh.fractionsAt('matrix', e.clientX - size.w / 2, e.clientY - size.h / 2, size);
            live.matrix.set(id, { ...p, local: true });
            sh.sendDrag('matrix', id, p);
          } else {
            if (live.matrix.has(id)) sh.postDragEnd('matrix', id); // off the matrix: the others drop their copy
            live.matrix.delete(id);
            sh.sendDrag.cancel();
          }
          renderMatrix();
        },
        onEnd: (e, cancelled) => {
          ghost?.remove();
          ghost = null;
          chip.classList.remove('lifted');
          matrixSurface.classList.remove('drop-target');
          sh.dragging = null;
          sh.sendDrag.cancel();
          const p = live.matrix.get(id);
          if (cancelled || !p || !shown(find(id))) {
            live.matrix.delete(id);
            renderMatrix();
            sh.postDragEnd('matrix', id);
            return;
          }
          sh.commit('matrix', id, { x: p.x, y: p.y });
        },
        onClick: () => sh.openDrawer(id),
      });
      sh.openOnEnter(chip, id);
    }
    return chip;
  }

  function updateTrayItem(chip, s) {
    setText(chip.querySelector('.sh-chip-text'), s.category);
    attr(chip, 'title', s.names ? `${s.category}: ${s.names}` : s.category);
    toggle(chip, 'selected', sh.drawer?.id === s.id);
    toggle(chip, 'pending', live.matrix.has(s.id));
  }

  // --- where the chips show -------------------------------------------------------------------

  /** The quadrants' titles, in px of the surface: chips keep clear of them. The projector scales
   * its stage, so the screen's px are turned into the surface's (else, on a matrix as tall as the
   * stage, the titles' bands and the height they need grow without end). */
  function titleRects() {
    const r0 = matrixSurface.getBoundingClientRect();
    const k = r0.width ? matrixSurface.offsetWidth / r0.width : 1;
    const out = [];
    for (const el of matrixSurface.querySelectorAll('.sh-quad-title, .sh-quad-sub')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height) {
        out.push({ x: (r.left - r0.left) * k - matrixSurface.clientLeft, y: (r.top - r0.top) * k - matrixSurface.clientTop, w: r.width * k, h: r.height * k });
      }
    }
    return out;
  }

  /** A chip's label whole: long words shrink a little; a label of several words wraps between them. */
  function fitChip(chip, text) {
    const key = `${fitGeneration()}:${matrixSurface.clientWidth}`; // a chip is at most half the matrix wide
    if (chip._fitKey === key) return;
    if (fitWords(chip.querySelector('.sh-chip-text'), text, CHIP_MIN_FONT)) chip._fitKey = key;
  }

  /** The size (px) of item `id`'s chip on the matrix; measured on a stand-in while it has none there. */
  function chipSize(id, text) {
    let chip = matrixLayer._keyed?.get(id);
    let standIn = null;
    if (!chip) {
      standIn = h('div.sh-chip', { 'aria-hidden': 'true', style: { visibility: 'hidden' } }, h('span.sh-chip-text'));
      matrixLayer.appendChild(standIn);
      chip = standIn;
    }
    fitChip(chip, text);
    const size = { w: chip.offsetWidth, h: chip.offsetHeight };
    standIn?.remove();
    return size.w && size.h ? size : sh.itemSize('matrix');
  }

  let laid = { sig: '', at: new Map(), rects: [], titles: [], need: -1 };
  /** Put every chip on the matrix where the layout says; chips being dragged follow the pointer. A
   * crowded quadrant makes the matrix taller, so that its chips fit beside and below each other. */
  function layoutMatrix(onMatrix) {
    const W = matrixSurface.clientWidth;
    let H = matrixSurface.clientHeight;
    if (!W || !H) return;
    const chips = [];
    const floating = [];
    for (const s of onMatrix) {
      const chip = matrixLayer._keyed.get(s.id);
      fitChip(chip, s.category);
      const ov = live.matrix.get(s.id);
      const held = (sh.dragging?.surface === 'matrix' && sh.dragging.id === s.id) || (!!ov && !ov.local);
      const logged = s.influence === null || s.influence === undefined ? null : { x: s.interest, y: s.influence };
      const at = held ? logged : (ov || logged); // a drop on its way is where it goes; a held chip keeps its place
      const w = chip.offsetWidth;
      const hgt = chip.offsetHeight;
      if (at) chips.push({ id: s.id, x: at.x, y: at.y, w, h: hgt });
      if (held) floating.push({ chip, p: ov || logged, w, h: hgt });
    }
    let titles = titleRects();
    const need = Math.ceil(heightNeeded(W, chips, titleHeights(W, H, titles)));
    if (need !== laid.need) {
      laid.need = need;
      matrixSurface.style.setProperty('--need', `${need}px`);
      H = matrixSurface.clientHeight;
      titles = titleRects();
    }
    const sig = JSON.stringify([W, H, chips, titles]);
    if (sig !== laid.sig) {
      const at = layoutChips(W, H, chips, titles);
      laid = { sig, at, titles, rects: chips.map((c) => ({ id: c.id, ...at.get(c.id), w: c.w, h: c.h })) };
    }
    const put = (chip, x, y) => {
      chip.style.left = `${x.toFixed(1)}px`;
      chip.style.top = `${y.toFixed(1)}px`;
    };
    for (const c of chips) {
      const chip = matrixLayer._keyed.get(c.id);
      const spot = laid.at.get(c.id);
      put(chip, spot.x, spot.y);
      attr(chip, 'data-moved', spot.moved ? 'true' : null);
    }
    for (const f of floating) {
      const spot = spotOf(W, H, f.w, f.h, f.p.x, f.p.y);
      put(f.chip, spot.x, spot.y);
    }
  }

  /** A free spot for item `id` in a quadrant, beside the chips there (the editor's quadrant buttons). */
  function freeMatrixSpot(highInfluence, highInterest, id) {
    const W = matrixSurface.clientWidth;
    const H = matrixSurface.clientHeight;
    const s = find(id);
    if (!W || !H || !s) return null;
    const size = chipSize(id, s.category);
    const r = freeInQuadrant(W, H, size.w, size.h, highInfluence, highInterest, laid.rects.filter((c) => c.id !== id), laid.titles);
    return fractionsOf(W, H, size.w, size.h, r.x, r.y);
  }
  sh.freeMatrixSpot = freeMatrixSpot;

  function renderMatrix() {
    const vis = all().filter(shown);
    const onMatrix = vis.filter((s) => sh.posOf('matrix', s));
    reconcile(matrixLayer, onMatrix, (s) => s.id, createMatrixItem, updateMatrixItem);
    layoutMatrix(onMatrix);
    const unplaced = vis.filter((s) => s.influence === null || s.influence === undefined);
    reconcile(trayList, unplaced, (s) => s.id, createTrayItem, updateTrayItem);
    trayEmpty.hidden = unplaced.length > 0;
    setText(trayCount, unplaced.length ? String(unplaced.length) : '');
    if (projector) tray.hidden = unplaced.length === 0;
    fitTray?.();
  }
  sh.renderMatrix = renderMatrix;
  // a new size of the matrix (a turned phone, a wider window, the tab shown) lays the chips out again
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => renderMatrix()).observe(matrixSurface);

  function update() {
    const onMatrix = !!matrixStep && app.state.step === matrixStep;
    card.setCurrent(onMatrix);
    if (projector) card.el.hidden = !onMatrix;
    renderMatrix();
  }
  return { el: card.el, update };
}
