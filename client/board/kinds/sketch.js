// Card 1's sketch (drawn or photographed): its component, shown on the projector on its own step.

import { sketchSection } from '../sketch.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = { type: 'sketch', component: sketchSection, scene: (app, part, { about }) => ({ show: about }) };
