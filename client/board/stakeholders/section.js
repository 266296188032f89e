// The stakeholder map of instruction card 2 (docs/protocol.md, section type `stakeholders`): 2A
// the map around the ambition with the kinds of knowledge, 2B the influence–interest matrix,
// belangen and behoeften attached to each stakeholder, "not relevant" and removed ones (which can
// always come back), and undo. One component; its parts share `sh` (model.js).

import { h } from '../../dom.js';
import { createModel } from './model.js';
import { createMoves } from './moves.js';
import { createSpots } from './spots.js';
import { createUndo } from './undo.js';
import { mapCard } from './map-card.js';
import { matrixCard } from './matrix.js';
import { hiddenCard } from './hidden.js';
import { createEditor } from './editor.js';

export function stakeholderSection(app, boardId, section) {
  const sh = createModel(app, boardId, section);
  const moves = createMoves(sh);
  createSpots(sh);
  const map = mapCard(sh);
  const matrix = matrixCard(sh);
  const hidden = hiddenCard(sh);
  const editor = createEditor(sh);
  const el = h('div.sh-board', { 'data-testid': `stakeholder-board-${boardId}` }, map.el, matrix.el, hidden?.el);
  sh.el = el;

  // anchors for the steps panel: "3 Invloed-belangmatrix" scrolls to the matrix
  for (const id of sh.mapSteps) if (id !== section.step) app.anchors[id] = map.el;
  if (sh.matrixStep) app.anchors[sh.matrixStep] = matrix.el;
  app.shOpen[boardId] = (id) => sh.openDrawer(id);
  createUndo(sh, el);

  function update() {
    const items = sh.all();
    const vis = items.filter(sh.shown);
    map.update(items, vis);
    matrix.update();
    hidden?.update(items);
    editor.update();
  }
  sh.update = update;

  return { el, update, ...moves };
}
