// The kinds of section of the client, by their type: the one list of them. Each kind's code is
// loaded only where a session uses it (docs/decisions.md, 74): the board and the projector await
// loadKinds(the types of the session's sections) before they build, then ask kindOf(section);
// the summary page asks loadSummaries(). The server preloads the chunks of a session's kinds
// (server/pages.py: the module of kind `<type>` is board/kinds/<type>.js, by this convention).
//
// A kind's module (board/kinds/<type>.js) exports `kind`:
//   type, component(app, boardId, section) -> {el, update} | null,
//   scene(app, part, {step, about, closing}) -> {show, alt?, large?, lanes?} (the projector),
//   and optionally showScene(app, part, scene), projectorAlt(app, boardId, section),
//   hosts: [types shown inside its component], beside: type it stands beside on the projector.
// Its entry here: `load`, and where the summary page shows it, `summaryKey` (the list of a board's
// summary holding its sections) and `summary`, loading its block: (section, {groups, board, session,
// auth}) -> element. The step permission its participants need comes from the server's kinds
// (facilitation/permissions.js); its folds are in folds.js (no DOM, always loaded).
// A new kind: client/board/kinds/<kind>.js and <kind>.fold.js, and one line here and in folds.js.

const fn = (load, name) => () => load().then((m) => m[name]);

export const KINDS = Object.freeze({
  text: { load: () => import('./text.js'), summaryKey: 'texts', summary: fn(() => import('../../summary-notes.js'), 'textSummary') },
  dots: { load: () => import('./dots.js'), summaryKey: 'dots', summary: fn(() => import('../../summary-dots.js'), 'dotsSummary') },
  notes: { load: () => import('./notes.js'), summaryKey: 'notes', summary: fn(() => import('../../summary-notes.js'), 'notesSummary') },
  stakeholders: { load: () => import('./stakeholders.js'), summaryKey: 'stakeholders',
    summary: fn(() => import('../../summary-map.js'), 'stakeholdersSummary') },
  // on a board with a stakeholder map the checklists are in the map's block
  checklist: { load: () => import('./checklist.js'), summaryKey: 'checklists',
    summary: fn(() => import('../../summary-notes.js'), 'checklistSummary') },
  tree: { load: () => import('./tree.js'), summaryKey: 'trees', summary: fn(() => import('./tree.js'), 'treeSummary') },
  radar: { load: () => import('./radar.js'), summaryKey: 'radars',
    summary: () => import('./radar.js').then((m) => (section, { groups }) => m.radarSummary(section, groups)) },
  actions_review: { load: () => import('./actions_review.js') },
  roles: { load: () => import('./roles.js'), summaryKey: 'roles', summary: fn(() => import('../../summary-cards.js'), 'rolesSummary') },
  conditions: { load: () => import('./conditions.js'), summaryKey: 'conditions',
    summary: fn(() => import('../../summary-cards.js'), 'conditionsSummary') },
  draft: { load: () => import('./draft.js'), summaryKey: 'drafts', summary: fn(() => import('../../summary-cards.js'), 'draftSummary') },
  wall: { load: () => import('./wall.js'), summaryKey: 'walls', summary: fn(() => import('../../summary-cards.js'), 'wallBlock') },
  sketch: { load: () => import('./sketch.js') },
  wordcloud: { load: () => import('./wordcloud.js'), summaryKey: 'wordclouds',
    summary: fn(() => import('../../summary-live.js'), 'wordcloudSummary') },
  open: { load: () => import('./open.js'), summaryKey: 'open_questions', summary: fn(() => import('../../summary-live.js'), 'openSummary') },
  statements: { load: () => import('./statements.js'), summaryKey: 'statements',
    summary: fn(() => import('../../summary-live.js'), 'statementsSummary') },
  stand: { load: () => import('./stand.js'), summaryKey: 'stands', summary: fn(() => import('../../summary-live.js'), 'standSummary') },
  weighting: { load: () => import('./weighting.js'), summaryKey: 'weightings',
    summary: fn(() => import('../../summary-contract.js'), 'weightingSummary') },
  agreements: { load: () => import('./agreements.js'), summaryKey: 'agreements',
    summary: fn(() => import('../../summary-contract.js'), 'agreementsSummary') },
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
  const blocks = await Promise.all(wanted.map(([, k]) => k.summary()));
  return Object.fromEntries(wanted.map(([type, k], i) => [type, { type, summaryKey: k.summaryKey, summary: blocks[i] }]));
}
