// The kick-off's open question: its component, shown on the projector on its own step.

import { openQuestionSection } from '../open-question.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = { type: 'open', component: openQuestionSection, scene: (app, part, { about }) => ({ show: about }) };
