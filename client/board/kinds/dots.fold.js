// How a dot vote's events fold into the session view (docs/protocol.md §4); the same as
// boards/kinds/dots.py, checked on the same golden cases (tests/golden/kinds/dots.json).
// No DOM here: the golden tests run it in Node.

function vote(state, ev) {
  return state.boards?.[ev.board]?.dots?.[ev.section];
}

function bump(counts, option, group, delta) {
  const per = counts[option] || (counts[option] = {});
  per[group] = (per[group] || 0) + delta;
  if (per[group] <= 0) delete per[group];
  if (!Object.keys(per).length) delete counts[option];
}

function dot(state, ev) {
  const v = vote(state, ev);
  if (v) bump(v.counts, ev.option, ev.group, ev.type === 'dot_placed' ? 1 : -1);
  return { kind: 'dots', board: ev.board, section: ev.section };
}

export const fold = {
  dot_placed: dot,
  dot_removed: dot,
  visibility_set(state, ev) {
    const v = vote(state, ev);
    if (v) {
      v.hidden = ev.hidden;
      // a reveal brings the tally; hiding clears it for everyone but the facilitator, whose dot
      // events keep coming unmasked (docs/protocol.md §4)
      if (ev.counts) v.counts = structuredClone(ev.counts);
      else if (ev.hidden && state._audience !== 'facilitator') v.counts = {};
    }
    return { kind: 'dots', board: ev.board, section: ev.section };
  },
};
