// The fold of the live questions' events (word cloud, open question): docs/protocol.md §4.
// Called by applyEvent (state.js) for the events it does not know itself; returns the hint of
// what changed, or null for an event that is not one of these.

function cloudOf(state, ev) {
  const clouds = state.boards?.[ev.board]?.clouds;
  if (!clouds) return null;
  return clouds[ev.section] || (clouds[ev.section] = { counts: {}, hidden_words: [], recognised: {} });
}

function answersOf(state, ev) {
  const answers = state.boards?.[ev.board]?.answers;
  if (!answers) return null;
  return answers[ev.section] || (answers[ev.section] = []);
}

/** Put an answer in its place (answers are kept in the order they came: `n`). */
function place(list, item) {
  const i = list.findIndex((a) => a.id === item.id);
  if (i >= 0) { list[i] = item; return; }
  const at = list.findIndex((a) => a.n > item.n);
  if (at < 0) list.push(item); else list.splice(at, 0, item);
}

export function applyLiveEvent(state, ev) {
  const facilitator = state._audience === 'facilitator';
  switch (ev.type) {
    case 'word_added':
    case 'word_removed': {
      const cloud = cloudOf(state, ev);
      if (cloud) {
        const n = (cloud.counts[ev.word] || 0) + (ev.type === 'word_added' ? 1 : -1);
        if (n > 0) cloud.counts[ev.word] = n; else delete cloud.counts[ev.word];
      }
      return { kind: 'wordcloud', board: ev.board, section: ev.section };
    }
    case 'word_hidden': {
      const cloud = cloudOf(state, ev);
      if (cloud) {
        const hidden = new Set(cloud.hidden_words);
        if (ev.hidden) hidden.add(ev.word); else hidden.delete(ev.word);
        if (facilitator) cloud.hidden_words = [...hidden];
        // everyone else drops a hidden word, and gets it back with its count
        else if (ev.hidden) {
          delete cloud.counts[ev.word];
          if (cloud.recognised) delete cloud.recognised[ev.word];
        } else {
          if (ev.count) cloud.counts[ev.word] = ev.count;
          if (ev.recognised) (cloud.recognised || (cloud.recognised = {}))[ev.word] = ev.recognised;
        }
      }
      return { kind: 'wordcloud', board: ev.board, section: ev.section };
    }
    case 'word_recognised': {
      const cloud = cloudOf(state, ev);
      if (cloud) {
        const rec = cloud.recognised || (cloud.recognised = {});
        const n = (rec[ev.word] || 0) + (ev.on ? 1 : -1);
        if (n > 0) rec[ev.word] = n; else delete rec[ev.word];
      }
      return { kind: 'wordcloud', board: ev.board, section: ev.section };
    }
    case 'answer_added': {
      const list = answersOf(state, ev);
      if (list) place(list, { id: ev.answer, n: ev.n, text: ev.text, hidden: false, pinned: false, merged: 0, merged_into: '' });
      return { kind: 'open', board: ev.board, section: ev.section };
    }
    case 'answer_moderated': {
      const list = answersOf(state, ev);
      if (!list) return { kind: 'open', board: ev.board, section: ev.section };
      const old = list.find((a) => a.id === ev.answer);
      if (facilitator) {
        if (old) Object.assign(old, { hidden: ev.hidden, pinned: ev.pinned });
      } else if (ev.hidden) {
        const i = list.indexOf(old);
        if (i >= 0) list.splice(i, 1);
      } else {
        place(list, { id: ev.answer, n: ev.n, text: ev.text, hidden: false, pinned: ev.pinned, merged: ev.merged, merged_into: '' });
      }
      return { kind: 'open', board: ev.board, section: ev.section };
    }
    case 'answer_merged': {
      const list = answersOf(state, ev);
      if (list) {
        const into = list.find((a) => a.id === ev.into);
        if (into) into.merged = ev.merged;
        const i = list.findIndex((a) => a.id === ev.answer);
        if (i >= 0) {
          if (facilitator) Object.assign(list[i], { merged_into: ev.into, pinned: false });
          else list.splice(i, 1);
        }
      }
      return { kind: 'open', board: ev.board, section: ev.section };
    }
    default:
      return applyStatementEvent(state, ev);
  }
}

function statementsOf(state, ev) {
  const all = state.boards?.[ev.board]?.statements;
  if (!all) return null;
  return all[ev.section] || (all[ev.section] = { hidden: false, counts: {} });
}

function bumpValue(counts, statement, value, delta) {
  const per = counts[statement] || (counts[statement] = {});
  const key = String(value);
  per[key] = (per[key] || 0) + delta;
  if (per[key] <= 0) delete per[key];
  if (!Object.keys(per).length) delete counts[statement];
}

/** The fold of the statements' events; null for another event. */
export function applyStatementEvent(state, ev) {
  switch (ev.type) {
    case 'stand_taken':
      return applyStandEvent(state, ev);
    case 'statement_answered': {
      const votes = statementsOf(state, ev);
      if (votes) {
        if (ev.previous !== null && ev.previous !== undefined) bumpValue(votes.counts, ev.statement, ev.previous, -1);
        bumpValue(votes.counts, ev.statement, ev.value, 1);
      }
      return { kind: 'statements', board: ev.board, section: ev.section };
    }
    case 'statements_hidden': {
      const votes = statementsOf(state, ev);
      if (votes) {
        votes.hidden = ev.hidden;
        // a reveal brings the tally; hiding clears it for everyone but the facilitator
        if (ev.counts) votes.counts = structuredClone(ev.counts);
        else if (ev.hidden && state._audience !== 'facilitator') votes.counts = {};
      }
      return { kind: 'statements', board: ev.board, section: ev.section };
    }
    default:
      return null;
  }
}

/** The fold of "where do you stand": a dot moves from `previous` to `segment`. */
export function applyStandEvent(state, ev) {
  if (ev.type !== 'stand_taken') return null;
  const all = state.boards?.[ev.board]?.stands;
  if (all) {
    const stands = all[ev.section] || (all[ev.section] = { counts: {} });
    if (ev.previous) {
      stands.counts[ev.previous] = (stands.counts[ev.previous] || 0) - 1;
      if (stands.counts[ev.previous] <= 0) delete stands.counts[ev.previous];
    }
    if (ev.segment) stands.counts[ev.segment] = (stands.counts[ev.segment] || 0) + 1;
  }
  return { kind: 'stand', board: ev.board, section: ev.section };
}
