// The kinds of section of the client, by their type: what the board page, the projector and
// sections.js choose through (their folds are in folds.js, which needs no DOM). Each kind:
//   type, component(app, boardId, section) -> {el, update} | null,
//   scene(app, part, {step, about, closing}) -> {show, alt?, large?, lanes?} (the projector),
//   and optionally showScene(app, part, scene), projectorAlt(app, boardId, section),
//   hosts: [types shown inside its component], beside: type it stands beside on the projector;
//   summaryKey (the list of a board's summary holding its sections) and summary(section, {groups,
//   board}) -> element, its block of the summary page (none: not on the summary page).
// The step permission its participants need comes from the server's kinds (facilitation/permissions.js).
// A new kind: client/board/kinds/<kind>.js and <kind>.fold.js, and one line here and in folds.js.

import { text } from './text.js';
import { dots } from './dots.js';
import { notes } from './notes.js';
import { stakeholders } from './stakeholders.js';
import { checklist } from './checklist.js';
import { tree } from './tree.js';
import { radar } from './radar.js';
import { actionsReview } from './actions_review.js';
import { roles, conditions, draft, wall, sketch } from './cards.js';
import { wordcloud, openQuestion, statements, stand } from './live.js';
import { weighting, agreements } from './contract.js';

export const KINDS = Object.freeze(Object.fromEntries([text, dots, notes, stakeholders, checklist, tree, radar, actionsReview, roles, conditions, draft, wall, sketch,
  wordcloud, openQuestion, statements, stand, weighting, agreements]
  .map((k) => [k.type, k])));

export function kindOf(section) {
  return KINDS[section?.type] || null;
}
