// What the session's script lets people do right now: the client's copy of boards/gate.py, the
// same checks in the same order (tests/golden/gate.json runs both). The server decides; the board
// uses this only to grey out and explain what would be refused. Pure, importing only the generated
// permissions.js, so Node runs it too.

import { COMMAND_PERMISSION } from './permissions.js';

/** What kind of action each participant command is, in a step's `allows` terms: the server's
 * table, written into permissions.js by `python -m boards.gate_js` (no copy kept by hand). */
export const PERMISSION = COMMAND_PERMISSION;

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
