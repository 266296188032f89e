// Card 1's sentence made concrete word by word: its component, shown on the projector on its own step.

import { draftSection } from '../draft.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = { type: 'draft', component: draftSection, scene: (app, part, { about }) => ({ show: about }) };
