// The post-it kind: its component and what the projector shows of it.

import { toggle } from '../../dom.js';
import { notesSection } from '../notes.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = {
  type: 'notes',
  component: notesSection,
  scene(app, part, { step, about, closing }) {
    const { section } = part;
    if (section.adders === 'facilitator') {
      // the insights: of this step while it runs, all of them when it comes together
      if (!step) return { show: false };
      const lanes = closing ? section.lanes.map((l) => l.id) : section.lanes.filter((l) => l.id === step.id).map((l) => l.id);
      return { show: lanes.length > 0, lanes };
    }
    return { show: about };
  },
  showScene(app, part, s) {
    if (!s.lanes) return;
    for (const lane of part.section.lanes) {
      const el = part.el.querySelector(`[data-testid="lane-${app.tid(part.board, part.section.id, lane.id)}"]`);
      if (el) el.hidden = !s.lanes.includes(lane.id);
    }
    toggle(part.el, 'one-lane', s.lanes.length === 1);
  },
};
