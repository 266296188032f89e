// Card 1's wall (the sketches and photos, with dots): its component, shown on the projector on its own step.

import { wallSection } from '../wall.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = { type: 'wall', component: wallSection, scene: (app, part, { about }) => ({ show: about }) };
