// Card 4's roles (names on roles that the facilitator confirms): its component, shown on the
// projector on its own step.

import { rolesSection } from '../roles.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = { type: 'roles', component: rolesSection, scene: (app, part, { about }) => ({ show: about }) };
