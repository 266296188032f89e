// The run sheet: planned and used minutes per step, and whether the session runs ahead or behind.
// A step's used time is the time from choosing it to choosing the next one (the step log).

/** All steps of the session in order: [{board, step, planned (ms)}]. */
export function plannedSteps(state) {
  const out = [];
  for (const [boardId, board] of Object.entries(state.boards)) {
    const tpl = state.templates[board.template];
    for (const step of tpl.steps) {
      const minutes = state.step_minutes?.[`${boardId}/${step.id}`] ?? step.minutes;
      out.push({ board: boardId, step, planned: minutes * 60_000 });
    }
  }
  return out;
}

/**
 * [{board, step, planned, used, current}] plus totals. `now` is server time. Only steps that were
 * chosen count toward "ahead/behind": `drift` > 0 means the session runs behind by that many ms.
 */
export function runSheet(state, now) {
  const log = state.step_log || [];
  const used = new Map();
  log.forEach((visit, i) => {
    const end = i + 1 < log.length ? log[i + 1].at : (state.closed_at || now);
    const key = `${visit.board}/${visit.step}`;
    used.set(key, (used.get(key) || 0) + Math.max(0, end - visit.at));
  });
  const current = state.step ? `${state.step_board}/${state.step}` : null;
  const rows = plannedSteps(state).map((r) => {
    const key = `${r.board}/${r.step.id}`;
    return { ...r, used: used.get(key) || 0, visited: used.has(key), current: key === current };
  });
  let drift = 0;
  for (const r of rows) {
    if (!r.visited) continue;
    // the current step is behind only once it overran; before that it is on time
    drift += r.current ? Math.max(0, r.used - r.planned) : r.used - r.planned;
  }
  const planned = rows.reduce((a, r) => a + r.planned, 0);
  const spent = rows.reduce((a, r) => a + r.used, 0);
  return { rows, drift, planned, spent };
}
