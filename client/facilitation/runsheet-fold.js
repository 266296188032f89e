// How the run sheet's block events fold into the session view (docs/protocol.md, "The run
// sheet"): the board's template (state.templates[board.template]) gains, changes, moves or loses
// a step, and a new block's sections get their empty content (the frame's `contents`). No DOM:
// the golden test runs it in Node against boards/runsheet.py.

const TYPES = new Set(['block_added', 'block_edited', 'block_moved', 'block_removed']);

export function isBlockEvent(type) {
  return TYPES.has(type);
}

/** Fold one block event; returns the hint for the page ({kind: 'step'}), or null if not one. */
export function foldBlock(state, ev) {
  if (!TYPES.has(ev.type)) return null;
  const board = state.boards?.[ev.board];
  const tpl = board && state.templates?.[board.template];
  if (!tpl) return { kind: 'all' };
  const at = tpl.steps.findIndex((s) => s.id === ev.step?.id || s.id === ev.step);
  switch (ev.type) {
    case 'block_added':
      tpl.steps.splice(ev.index, 0, ev.step);
      tpl.sections.push(...(ev.sections || []));
      for (const [id, { slot, content }] of Object.entries(ev.contents || {})) (board[slot] ||= {})[id] = content;
      break;
    case 'block_edited':
      if (at >= 0) tpl.steps[at] = { ...tpl.steps[at], label: ev.label, plan: ev.plan };
      break;
    case 'block_moved':
      if (at >= 0) tpl.steps.splice(ev.index, 0, ...tpl.steps.splice(at, 1));
      break;
    case 'block_removed': {
      const gone = new Set(ev.sections || []);
      tpl.steps = tpl.steps.filter((s) => s.id !== ev.step);
      tpl.sections = tpl.sections.filter((s) => !gone.has(s.id));
      for (const value of Object.values(board)) {
        if (value && typeof value === 'object' && !Array.isArray(value)) for (const id of gone) delete value[id];
      }
      board.locked = (board.locked || []).filter((s) => !gone.has(s));
      if (state.step_minutes) delete state.step_minutes[`${ev.board}/${ev.step}`];
      break;
    }
    default:
  }
  return { kind: 'step' };
}
