// How a contract of agreements (boards/kinds/agreements.py) folds into the session view: items
// saved, confirmations counted (never who). Which items are agreements comes in the section's
// progress from the server. No DOM here.

function contractOf(state, ev) {
  return state.boards?.[ev.board]?.agreements?.[ev.section];
}

const hint = (ev) => ({ kind: 'agreements', board: ev.board, section: ev.section });

export const fold = {
  agreement_saved(state, ev) {
    const contract = contractOf(state, ev);
    if (contract && ev.item) {
      const i = contract.items.findIndex((x) => x.id === ev.item.id);
      if (i >= 0) contract.items[i] = ev.item; else contract.items.push(ev.item);
    }
    return hint(ev);
  },
  agreement_confirmed(state, ev) {
    const contract = contractOf(state, ev);
    if (contract) {
      const n = (contract.counts[ev.item] || 0) + (ev.on ? 1 : -1);
      if (n > 0) contract.counts[ev.item] = n; else delete contract.counts[ev.item];
    }
    return hint(ev);
  },
};
