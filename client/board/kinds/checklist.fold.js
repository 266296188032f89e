// How a checklist's events fold into the session view (boards/kinds/checklist.py). No DOM here.

export const fold = {
  check_set(state, ev) {
    const checks = state.boards?.[ev.board]?.checks;
    if (checks) (checks[ev.section] || (checks[ev.section] = {}))[ev.item] = ev.checked;
    return { kind: 'checks', board: ev.board, section: ev.section };
  },
};
