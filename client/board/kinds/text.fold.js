// How a text section's events fold into the session view (boards/kinds/text.py). No DOM here.

export const fold = {
  text_set(state, ev) {
    const texts = state.boards?.[ev.board]?.texts;
    if (texts) (texts[ev.section] || (texts[ev.section] = {}))[ev.field] = ev.text;
    return { kind: 'text', board: ev.board, section: ev.section };
  },
};
