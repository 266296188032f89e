// The checklist kind: its component and what the projector shows of it.

import { checklistSection } from '../stakeholders/checklist.js';
import { checklistSummary } from '../../summary-notes.js';

export const checklist = {
  type: 'checklist',
  component: checklistSection,
  summaryKey: 'checklists', // on a board with a stakeholder map they are in the map's block
  summary: checklistSummary,
  scene: (app, part, { about }) => ({ show: about }),
  beside: 'stakeholders', // step 4: the room checks its assumptions on the map, side by side
};
