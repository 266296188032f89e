// Card 4's conditions (a table of conditions per role): its component, shown on the projector on
// its own step.

import { conditionsSection } from '../conditions.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = { type: 'conditions', component: conditionsSection, scene: (app, part, { about }) => ({ show: about }) };
