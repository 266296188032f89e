// The checklist kind: its component and what the projector shows of it.

import { checklistSection } from '../stakeholders/checklist.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = {
  type: 'checklist',
  component: checklistSection,
  scene: (app, part, { about }) => ({ show: about }),
  beside: 'stakeholders', // step 4: the room checks its assumptions on the map, side by side
};
