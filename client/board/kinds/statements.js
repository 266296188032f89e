// The kick-off's statements: its component, shown on the projector on its own step.

import { statementsSection } from '../statements.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = { type: 'statements', component: statementsSection, scene: (app, part, { about }) => ({ show: about }) };
