// The contract of agreements: its component, shown on the projector on its own step.

import { agreementsSection } from '../agreements.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = { type: 'agreements', component: agreementsSection, scene: (app, part, { about }) => ({ show: about }) };
