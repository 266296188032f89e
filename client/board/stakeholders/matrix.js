// The matrix card (2B): post-its placed by influence and interest, dragged from the tray of
// those not placed yet (or moved within the matrix).

import { h, setText, toggle, attr, reconcile } from '../../dom.js';
import { t } from '../../i18n.js';
import { draggable } from '../../drag.js';
import { sectionCard } from '../shell.js';
import { QUADRANTS, splitLabel, capitalise } from './model.js';

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
  const trayCount = h('span.sh-count');
  const trayEmpty = h('p.sh-tray-empty', t('trayEmpty'));
  const tray = projector ? null : h('aside.sh-tray',
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
    setText(chip.querySelector('.sh-chip-text'), s.category);
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
          const size = sh.itemSize('matrix');
          const r = matrixSurface.getBoundingClientRect();
          const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
          toggle(matrixSurface, 'drop-target', inside);
          ghost.hidden = inside;
          ghost.style.left = `${e.clientX - size.w / 2}px`;
          ghost.style.top = `${e.clientY - size.h / 2}px`;
          if (inside) {
            const p = sh.fractionsAt('matrix', e.clientX - size.w / 2, e.clientY - size.h / 2);
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

  function renderMatrix() {
    const vis = all().filter(shown);
    const onMatrix = vis.filter((s) => sh.posOf('matrix', s));
    reconcile(matrixLayer, onMatrix, (s) => s.id, createMatrixItem, updateMatrixItem);
    if (tray) {
      const unplaced = vis.filter((s) => s.influence === null || s.influence === undefined);
      reconcile(trayList, unplaced, (s) => s.id, createTrayItem, updateTrayItem);
      trayEmpty.hidden = unplaced.length > 0;
      setText(trayCount, unplaced.length ? String(unplaced.length) : '');
    }
  }
  sh.renderMatrix = renderMatrix;

  function update() {
    const onMatrix = !!matrixStep && app.state.step === matrixStep;
    card.setCurrent(onMatrix);
    if (projector) card.el.hidden = !onMatrix;
    renderMatrix();
  }
  return { el: card.el, update };
}
