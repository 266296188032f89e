// How post-its' events fold into the session view (boards/kinds/notes.py). No DOM here.

export const fold = {
  note_added(state, ev) {
    const notes = state.boards?.[ev.board]?.notes;
    if (notes) {
      const list = notes[ev.section] || (notes[ev.section] = []);
      list.push({ id: ev.note, lane: ev.lane, text: ev.text, owner: ev.owner, author: ev.author, version: 1 });
    }
    return { kind: 'notes', board: ev.board, section: ev.section };
  },
  note_edited(state, ev) {
    const note = (state.boards?.[ev.board]?.notes?.[ev.section] || []).find((n) => n.id === ev.note);
    if (note) Object.assign(note, { lane: ev.lane, text: ev.text, owner: ev.owner, version: ev.version });
    return { kind: 'notes', board: ev.board, section: ev.section, note: ev.note };
  },
  note_removed(state, ev) {
    const notes = state.boards?.[ev.board]?.notes;
    if (notes && notes[ev.section]) notes[ev.section] = notes[ev.section].filter((n) => n.id !== ev.note);
    return { kind: 'notes', board: ev.board, section: ev.section, note: ev.note };
  },
};
