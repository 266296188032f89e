// How card 1's wall and its dots (boards/kinds/wall.py) fold into the session view. No DOM here.

export const fold = {
  wall_item_saved(state, ev) {
    const wall = state.boards?.[ev.board]?.walls?.[ev.section];
    if (wall && ev.item) {
      const i = wall.items.findIndex((x) => x.id === ev.item.id);
      if (i >= 0) wall.items[i] = ev.item; else wall.items.push(ev.item);
    }
    return { kind: 'wall', board: ev.board, section: ev.section };
  },
  wall_dot_moved(state, ev) {
    const wall = state.boards?.[ev.board]?.walls?.[ev.section];
    if (wall) {
      const n = (wall.counts[ev.item] || 0) + (ev.add ? 1 : -1);
      if (n > 0) wall.counts[ev.item] = n; else delete wall.counts[ev.item];
    }
    return { kind: 'wall', board: ev.board, section: ev.section };
  },
  wall_visibility_set(state, ev) {
    const wall = state.boards?.[ev.board]?.walls?.[ev.section];
    if (wall) {
      wall.hidden = ev.hidden;
      if (ev.counts) wall.counts = structuredClone(ev.counts);
      else if (ev.hidden && state._audience !== 'facilitator') wall.counts = {};
    }
    return { kind: 'wall', board: ev.board, section: ev.section };
  },
};
