// How the stakeholder map's events fold into the session view (boards/kinds/stakeholders.py).
// No DOM here.

export const fold = {
  stakeholder_saved(state, ev) {
    // the event carries the whole stakeholder as it now is: replace it (or add it)
    const lists = state.boards?.[ev.board]?.stakeholders;
    if (lists && ev.item) {
      const list = lists[ev.section] || (lists[ev.section] = []);
      const i = list.findIndex((s) => s.id === ev.item.id);
      if (i >= 0) list[i] = ev.item;
      else list.push(ev.item);
    }
    return { kind: 'stakeholders', board: ev.board, section: ev.section, item: ev.item?.id, change: ev.change, by: ev.by };
  },
};
