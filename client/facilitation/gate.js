// What the session's script lets people do right now: the client's copy of boards/gate.py, the
// same checks in the same order (tests/golden/gate.json runs both). The server decides; the board
// uses this only to grey out and explain what would be refused. Pure and without imports, so Node
// runs it too.

/** What kind of action each participant command is, in a step's `allows` terms. */
export const PERMISSION = {
  place_dot: 'dots', remove_dot: 'dots',
  add_note: 'notes', edit_note: 'notes', remove_note: 'notes',
  set_check: 'checklist',
  mark_review: 'review',
  check_out: 'checkout',
  add_stakeholder: 'map', edit_stakeholder: 'map', move_stakeholder: 'map', place_in_matrix: 'map',
  set_relevant: 'map', remove_stakeholder: 'map', restore_stakeholder: 'map', add_attached_note: 'map',
  edit_attached_note: 'map', remove_attached_note: 'map', undo: 'map',
  answer_tree: 'tree', place_radar_dot: 'radar', remove_radar_dot: 'radar',
  add_role_person: 'roles', move_role_person: 'roles', remove_role_person: 'roles',
  set_condition: 'conditions', mark_word: 'words', add_wall_item: 'wall', wall_dot: 'wall',
  // the kick-off's live questions
  add_word: 'answer', remove_word: 'answer', recognise_word: 'answer', add_answer: 'answer',
  answer_statement: 'answer', take_stand: 'answer',
  // weighting the themes, the contract of agreements
  propose_theme: 'propose', weigh_theme: 'weigh', add_agreement: 'agree', confirm_agreement: 'agree',
};

/**
 * The session as the gate sees it, from a session view (docs/protocol.md §2) and its templates:
 * {closed, hold, locked: {board: [section]}, step: {id, board, allows, sections} | null,
 *  mapSection: {board: the stakeholder section}}.
 */
export function gateView(state, templateOf) {
  const boards = Object.keys(state.boards || {});
  let step = null;
  if (state.step) {
    const board = state.step_board && state.boards[state.step_board]
      ? state.step_board
      : boards.find((b) => templateOf(b).steps.some((s) => s.id === state.step));
    const found = board ? templateOf(board).steps.find((s) => s.id === state.step) : null;
    if (found) step = { id: found.id, board, allows: found.allows, sections: found.sections };
  }
  const locked = {};
  const mapSection = {};
  for (const b of boards) {
    locked[b] = state.boards[b].locked || [];
    mapSection[b] = templateOf(b).sections.find((s) => s.type === 'stakeholders')?.id ?? null;
  }
  return { closed: state.closed_at != null, hold: !!state.hold, locked, step, mapSection };
}

/** Why `role` may not send `command` now (an error code), or null if the script lets it through. */
export function refusal(view, role, command) {
  if (view.closed && role !== 'system') return 'session_closed';
  const permission = PERMISSION[command.type];
  if (!permission) return null;
  if (role !== 'participant' && command.proxy == null) return null; // the facilitator acting for themself
  const board = command.board ?? null;
  let section = command.section ?? null;
  if (section === null && board !== null) section = view.mapSection[board] ?? null; // undo
  return actionRefusal(view, board, section, permission);
}

/** The step, hold and lock rules for one participant action (also what the board greys out). */
export function actionRefusal(view, board, section, permission) {
  if (view.closed) return 'session_closed';
  if ((view.locked[board] || []).includes(section)) return 'section_locked';
  const step = view.step;
  if (!step) return view.hold ? 'not_started' : null; // before step 1 participants look (hold off: open)
  if (!step.allows.includes(permission)) return 'not_in_step';
  if (view.hold && permission !== 'checkout' && (board !== step.board || !step.sections.includes(section))) {
    return 'not_in_step';
  }
  return null;
}
