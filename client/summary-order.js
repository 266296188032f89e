// Which blocks a board's summary shows, in its template's order (no DOM: the Node tests run it).
// A kind of the registry (client/board/kinds/index.js) with a summary says which list of the
// board's summary holds its sections (`summaryKey`) and how to show one (`summary(section, ctx)`).

/**
 * [{kind, section}] for a board of a summary: in `order` (its section ids in template order, the
 * summary's `order[board.id]`), then whatever `order` does not name in the registry's order. A
 * section another kind shows inside its own block (a map's checklists) is in no list, so not here.
 */
export function summaryBlocks(board, order, kinds) {
  const found = new Map();
  for (const kind of Object.values(kinds)) {
    if (!kind.summaryKey || typeof kind.summary !== 'function') continue;
    for (const section of board[kind.summaryKey] || []) found.set(section.id, { kind, section });
  }
  const out = [];
  for (const id of order || []) {
    if (found.has(id)) { out.push(found.get(id)); found.delete(id); }
  }
  return [...out, ...found.values()];
}
