// How card 4's table of conditions (boards/kinds/conditions.py) fold into the session view. No DOM here.

export const fold = {
  condition_set(state, ev) {
    const tables = state.boards?.[ev.board]?.conditions;
    if (tables) {
      const cells = tables[ev.section] || (tables[ev.section] = {});
      const key = `${ev.row}/${ev.column}`;
      if (ev.text || ev.who) cells[key] = { text: ev.text, who: ev.who };
      else delete cells[key];
    }
    return { kind: 'conditions', board: ev.board, section: ev.section };
  },
};
