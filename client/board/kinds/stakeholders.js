// The stakeholder-map kind: its component (which holds the board's ambition in its middle) and
// what the projector shows of it.

import { stakeholderSection } from '../stakeholders/section.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = {
  type: 'stakeholders',
  component: stakeholderSection,
  hosts: ['text'], // on the map the ambition is in the middle: no text section of its own
  scene: () => ({ show: true }), // the map (or its matrix) on every step of its board
};
