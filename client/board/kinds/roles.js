// Card 4's roles (names on roles that the facilitator confirms): its component, shown on the
// projector on its own step.

import { rolesSection } from '../roles.js';

export const kind = { type: 'roles', component: rolesSection, scene: (app, part, { about }) => ({ show: about }) };
