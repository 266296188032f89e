// What every part of one stakeholder map shares (`sh`): the section's post-its and who may do
// what with them, its kinds of knowledge and notes, which steps show the map or the matrix, and
// the live state that is not in the log (drags, the open editor). The parts (map card, matrix,
// editor, moves, ...) add their elements and functions to `sh` as they are built; a part calls
// another's through `sh`, so the order of building does not matter.

import { L } from '../../i18n.js';

export const KNOWLEDGE_COLOURS = ['#9c36b5', '#1971c2', '#2b8a3e', '#e8590c', '#0c8599'];

// The matrix's quadrants: [code, index in the template's `quadrants`, high influence, high interest].
// On screen (rows top to bottom): high influence, then low; (columns) low interest, then high.
export const QUADRANTS = [['hl', 1, true, false], ['hh', 0, true, true], ['ll', 3, false, false], ['lh', 2, false, true]];

export const norm = (s) => String(s || '').trim().toLocaleLowerCase('nl');
export const sameList = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

/** "Belang: wat willen zij bereiken?" -> ["Belang", "wat willen zij bereiken?"] */
export function splitLabel(label) {
  const s = L(label);
  const i = s.indexOf(':');
  return i < 0 ? [s, ''] : [s.slice(0, i).trim(), s.slice(i + 1).trim()];
}

export function capitalise(s) {
  return s ? s[0].toLocaleUpperCase('nl') + s.slice(1) : s;
}

export function createModel(app, boardId, section) {
  const { projector } = app;
  const tpl = app.tplOf(boardId);
  const board = () => app.state.boards[boardId];
  const all = () => board().stakeholders?.[section.id] || [];
  const shown = (s) => !!s && s.relevant && !s.removed;
  const member = () => !projector && !app.closed() && (app.isFac() || app.isPart());
  const me = () => app.myId();
  const kinds = section.knowledge;

  // which steps show the map and which the matrix (the others have sections of their own)
  const claimed = new Set(tpl.sections.map((s) => s.step).filter(Boolean));
  const stepIds = tpl.steps.map((s) => s.id);
  const matrixStep = stepIds.includes('matrix') ? 'matrix' : null;
  const mapSteps = new Set([section.step, ...stepIds.filter((id) => !claimed.has(id) && id !== matrixStep)].filter(Boolean));
  // the ambition is in the middle of the map: its step is the map's too (unless another board has it)
  const ambitionStep = tpl.sections.find((s) => s.type === 'text')?.step;
  if (ambitionStep && app.boardOfStep(ambitionStep) === boardId) mapSteps.add(ambitionStep);

  return {
    app,
    projector,
    boardId,
    section,
    tpl,
    board,
    all,
    find: (id) => all().find((s) => s.id === id),
    shown,
    member,
    me,
    canRemove: (s) => member() && (app.isFac() || s.author === me()),
    canRestore: (s) => member() && (app.isFac() || (!!s.hidden_by && s.hidden_by === me())),
    canChangeNote: (n) => member() && (app.isFac() || n.author === me()),
    where: { board: boardId, section: section.id },
    send: (frame, quiet) => app.send(frame, quiet),
    kinds,
    kindColour: (id) => KNOWLEDGE_COLOURS[Math.max(0, kinds.findIndex((k) => k.id === id)) % KNOWLEDGE_COLOURS.length],
    kindLetter: (k) => L(k.label).trim().charAt(0).toLocaleUpperCase('nl'),
    noteKind: (id) => section.note_kinds.find((k) => k.id === id),
    noteKindIndex: (id) => Math.max(0, section.note_kinds.findIndex((k) => k.id === id)),
    matrixStep,
    mapSteps,
    // positions not (yet) in the log: {x, y, local, by, until}; on the matrix x = interest, y = influence
    live: { map: new Map(), matrix: new Map() },
    settled: new Map(), // item -> when its place was last logged
    dragging: null, // {surface, id, el, dx, dy}
    drawer: null, // the open editor
  };
}
