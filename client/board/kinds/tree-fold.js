// How the decision tree's events fold into the session view (docs/protocol.md §4), and the path
// through the tree (the same rule as boards/kinds/tree.py `path`; both run tests/golden/tree_path.json).
// No DOM: the golden tests run it in Node.

/** The questions the group's answers lead through from the first, and the outcome reached. */
export function treePath(section, group) {
  const questions = new Map(section.questions.map((q) => [q.id, q]));
  const visited = [];
  let at = section.start;
  while (questions.has(at) && !visited.includes(at)) {
    visited.push(at);
    const answer = group[at];
    if (answer === undefined || answer === null) return { path: visited, outcome: null };
    at = answer === 'ja' ? questions.get(at).yes : questions.get(at).no;
  }
  return { path: visited, outcome: section.outcomes.some((o) => o.id === at) ? at : null };
}

function count(split, question, answer, delta) {
  if (!answer) return;
  const per = split[question] || (split[question] = { ja: 0, nee: 0 });
  per[answer] += delta;
  if (!per.ja && !per.nee) delete split[question];
}

/** Fold a tree event; returns the change hint, or null when the event is not the tree's. */
export function foldTree(state, ev) {
  const tree = state.boards?.[ev.board]?.trees?.[ev.section];
  switch (ev.type) {
    case 'tree_answered':
      if (tree) {
        count(tree.split, ev.question, ev.before, -1);
        count(tree.split, ev.question, ev.answer, 1);
      }
      break;
    case 'tree_group_answer_set':
      if (tree) {
        if (ev.answer) tree.group[ev.question] = ev.answer;
        else delete tree.group[ev.question];
      }
      break;
    case 'tree_visibility_set':
      if (tree) {
        tree.hidden = ev.hidden;
        if (ev.split) tree.split = structuredClone(ev.split);
        else if (ev.hidden && state._audience !== 'facilitator') tree.split = {};
      }
      break;
    default:
      return null;
  }
  return { kind: 'trees', board: ev.board, section: ev.section };
}
