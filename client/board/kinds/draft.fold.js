// How card 1's versions of the sentence and their marked words (boards/kinds/draft.py) fold into the session view. No DOM here.

export const fold = {
  draft_written(state, ev) {
    const drafts = state.boards?.[ev.board]?.drafts;
    if (drafts) (drafts[ev.section] || (drafts[ev.section] = [])).push({ text: ev.text, counts: {} });
    return { kind: 'draft', board: ev.board, section: ev.section };
  },
  word_marked(state, ev) {
    const version = state.boards?.[ev.board]?.drafts?.[ev.section]?.[ev.version];
    if (version) {
      const key = String(ev.word);
      const n = (version.counts[key] || 0) + (ev.marked ? 1 : -1);
      if (n > 0) version.counts[key] = n; else delete version.counts[key];
    }
    return { kind: 'draft', board: ev.board, section: ev.section };
  },
};
