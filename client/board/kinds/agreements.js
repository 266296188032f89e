// The contract of agreements: its component, shown on the projector on its own step.

import { agreementsSection } from '../agreements.js';

export const kind = { type: 'agreements', component: agreementsSection, scene: (app, part, { about }) => ({ show: about }) };
