// The map card (2A): the toolbar (add, undo, counters), the coverage of the kinds of knowledge,
// the add form, and the surface with the ambition in the middle and the post-its around it.

import { h, setText, toggle, reconcile } from '../../dom.js';
import { t, L } from '../../i18n.js';
import { sectionShell } from '../shell.js';
import { splitLabel } from './model.js';
import { createCoverage } from './coverage.js';
import { createAddForm } from './add-form.js';
import { createPostIts } from './post-its.js';
import { ambitionText, ambitionEditor } from './ambition.js';

/** {el, update(items, vis)}; adds `sh.mapSurface` and `sh.mapLayer`. */
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
    add.update(items);
  }
  return { el: mapShell.el, update };
}
