// Card 1 (the wall, the sentence made concrete) and card 4 (roles, their conditions) as kinds for
// the registry (index.js): their components, each shown on the projector on its own step.

import { rolesSection } from '../roles.js';
import { conditionsSection } from '../conditions.js';
import { draftSection } from '../draft.js';
import { wallSection } from '../wall.js';
import { sketchSection } from '../sketch.js';

const onItsStep = (app, part, { about }) => ({ show: about });

export const roles = { type: 'roles', component: rolesSection, scene: onItsStep };
export const conditions = { type: 'conditions', component: conditionsSection, scene: onItsStep };
export const draft = { type: 'draft', component: draftSection, scene: onItsStep };
export const wall = { type: 'wall', component: wallSection, scene: onItsStep };
export const sketch = { type: 'sketch', component: sketchSection, scene: onItsStep };
