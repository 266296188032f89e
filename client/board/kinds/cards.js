// Card 1 (the wall, the sentence made concrete) and card 4 (roles, their conditions) as kinds for
// the registry (index.js): their components, each shown on the projector on its own step.

import { rolesSection } from '../roles.js';
import { conditionsSection } from '../conditions.js';
import { draftSection } from '../draft.js';
import { wallSection } from '../wall.js';
import { sketchSection } from '../sketch.js';
import { rolesSummary, conditionsSummary, draftSummary, wallSummary } from '../../summary-cards.js';

const onItsStep = (app, part, { about }) => ({ show: about });

export const roles = { type: 'roles', component: rolesSection, scene: onItsStep, summaryKey: 'roles', summary: rolesSummary };
export const conditions = { type: 'conditions', component: conditionsSection, scene: onItsStep,
  summaryKey: 'conditions', summary: conditionsSummary };
export const draft = { type: 'draft', component: draftSection, scene: onItsStep, summaryKey: 'drafts', summary: draftSummary };
// a wall's sketches are named by their prompts (the board's sketch sections); ctx carries the
// session and the credential the photos are fetched with
const promptsOf = (board) => Object.fromEntries((board.sketches || []).flatMap((k) => k.prompts.map((p) => [p.id, p.label])));
export const wall = { type: 'wall', component: wallSection, scene: onItsStep, summaryKey: 'walls',
  summary: (section, ctx) => wallSummary(section, promptsOf(ctx.board), ctx) };
export const sketch = { type: 'sketch', component: sketchSection, scene: onItsStep };
