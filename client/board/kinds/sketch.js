// Card 1's sketch (drawn or photographed): its component, shown on the projector on its own step.

import { sketchSection } from '../sketch.js';

export const kind = { type: 'sketch', component: sketchSection, scene: (app, part, { about }) => ({ show: about }) };
