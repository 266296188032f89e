// The kick-off's "where do you stand": its component, shown on the projector on its own step.

import { standSection } from '../stand.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = { type: 'stand', component: standSection, scene: (app, part, { about }) => ({ show: about }) };
