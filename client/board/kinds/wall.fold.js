// How card 1's wall and its dots (boards/kinds/wall.py) fold into the session view. No DOM here.
// wallFold(slot, kind, [saved, moved, visibility]): the same fold for a kind built on the wall
// (weighting.fold.js), under its own slot and event types.

export function wallFold(slot, kind, [saved, moved, visibility]) {
  const wallOf = (state, ev) => state.boards?.[ev.board]?.[slot]?.[ev.section];
  const hint = (ev) => ({ kind, board: ev.board, section: ev.section });
  return {
    [saved](state, ev) {
      const wall = wallOf(state, ev);
      if (wall && ev.item) {
        const i = wall.items.findIndex((x) => x.id === ev.item.id);
        if (i >= 0) wall.items[i] = ev.item; else wall.items.push(ev.item);
      }
      return hint(ev);
    },
    [moved](state, ev) {
      const wall = wallOf(state, ev);
      if (wall) {
        const n = (wall.counts[ev.item] || 0) + (ev.add ? 1 : -1);
        if (n > 0) wall.counts[ev.item] = n; else delete wall.counts[ev.item];
      }
      return hint(ev);
    },
    [visibility](state, ev) {
      const wall = wallOf(state, ev);
      if (wall) {
        wall.hidden = ev.hidden;
        if (ev.counts) wall.counts = structuredClone(ev.counts);
        else if (ev.hidden && state._audience !== 'facilitator') wall.counts = {};
      }
      return hint(ev);
    },
  };
}

export const fold = wallFold('walls', 'wall', ['wall_item_saved', 'wall_dot_moved', 'wall_visibility_set']);
