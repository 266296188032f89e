// The kinds of section of the client, by their type: the one list of them. Each kind's code is
// loaded only where a session uses it (docs/decisions.md, 76): the board and the projector await
// loadKinds(the types of the session's sections) before they build, then ask kindOf(section);
// the summary page asks loadSummaries(). The server preloads the chunks of a session's kinds
// (server/pages.py), by this convention: kind `<type>`'s module is board/kinds/<type>.js, its
// summary block's board/kinds/<type>.summary.js.
//
// A kind's module (board/kinds/<type>.js) exports `kind`:
//   type, component(app, boardId, section) -> {el, update} | null,
//   scene(app, part, {step, about, closing}) -> {show, alt?, large?, lanes?} (the projector),
//   and optionally showScene(app, part, scene), projectorAlt(app, boardId, section),
//   hosts: [types shown inside its component], beside: type it stands beside on the projector.
// Its entry here: `load`, and where the summary page shows it, `summaryKey` (the list of a board's
// summary holding its sections) and `summary`, loading <type>.summary.js, whose `summary`(section,
// {groups, board, session, auth}) -> element is its block. The step permission its participants
// need comes from the server's kinds (facilitation/permissions.js); its folds are in folds.js (no
// DOM, always loaded).
// A new kind: client/board/kinds/<kind>.js, <kind>.fold.js (and <kind>.summary.js), and one line
// here and in folds.js.

export const KINDS = Object.freeze({
  text: { load: () => import('./text.js'), summaryKey: 'texts', summary: () => import('./text.summary.js') },
  dots: { load: () => import('./dots.js'), summaryKey: 'dots', summary: () => import('./dots.summary.js') },
  notes: { load: () => import('./notes.js'), summaryKey: 'notes', summary: () => import('./notes.summary.js') },
  stakeholders: { load: () => import('./stakeholders.js'), summaryKey: 'stakeholders', summary: () => import('./stakeholders.summary.js') },
  // on a board with a stakeholder map the checklists are in the map's block
  checklist: { load: () => import('./checklist.js'), summaryKey: 'checklists', summary: () => import('./checklist.summary.js') },
  tree: { load: () => import('./tree.js'), summaryKey: 'trees', summary: () => import('./tree.summary.js') },
  radar: { load: () => import('./radar.js'), summaryKey: 'radars', summary: () => import('./radar.summary.js') },
  actions_review: { load: () => import('./actions_review.js') },
  roles: { load: () => import('./roles.js'), summaryKey: 'roles', summary: () => import('./roles.summary.js') },
  conditions: { load: () => import('./conditions.js'), summaryKey: 'conditions', summary: () => import('./conditions.summary.js') },
  draft: { load: () => import('./draft.js'), summaryKey: 'drafts', summary: () => import('./draft.summary.js') },
  wall: { load: () => import('./wall.js'), summaryKey: 'walls', summary: () => import('./wall.summary.js') },
  sketch: { load: () => import('./sketch.js') },
  wordcloud: { load: () => import('./wordcloud.js'), summaryKey: 'wordclouds', summary: () => import('./wordcloud.summary.js') },
  open: { load: () => import('./open.js'), summaryKey: 'open_questions', summary: () => import('./open.summary.js') },
  statements: { load: () => import('./statements.js'), summaryKey: 'statements', summary: () => import('./statements.summary.js') },
  stand: { load: () => import('./stand.js'), summaryKey: 'stands', summary: () => import('./stand.summary.js') },
  weighting: { load: () => import('./weighting.js'), summaryKey: 'weightings', summary: () => import('./weighting.summary.js') },
  agreements: { load: () => import('./agreements.js'), summaryKey: 'agreements', summary: () => import('./agreements.summary.js') },
});

const loaded = {}; // type -> its kind, once its module is in

/** Load the kinds of `types` (unknown types are left out: a newer server's kind shows nothing). */
export async function loadKinds(types) {
  const wanted = [...new Set(types)].filter((type) => !loaded[type] && KINDS[type]);
  const modules = await Promise.all(wanted.map((type) => KINDS[type].load()));
  wanted.forEach((type, i) => { loaded[type] = modules[i].kind; });
}

/** Whether every kind of `types` the client knows is loaded (then a build needs no wait). */
export function kindsLoaded(types) {
  return types.every((type) => loaded[type] || !KINDS[type]);
}

/** A section's kind, once loadKinds had its type; else null. */
export function kindOf(section) {
  return loaded[section?.type] || null;
}

/** The summary page's registry for the kinds with a block among `keys` (the lists of a summary's
 * boards): type -> {type, summaryKey, summary}, each block's module loaded (client/summary-order.js). */
export async function loadSummaries(keys) {
  const keyset = new Set(keys);
  const wanted = Object.entries(KINDS).filter(([, k]) => k.summary && keyset.has(k.summaryKey));
  const modules = await Promise.all(wanted.map(([, k]) => k.summary()));
  return Object.fromEntries(wanted.map(([type, k], i) => [type, { type, summaryKey: k.summaryKey, summary: modules[i].summary }]));
}
