// The text kind (ambition, goals): its component and what the projector shows of it.

import { toggle } from '../../dom.js';
import { textSection } from '../text.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = {
  type: 'text',
  component: textSection,
  /** The ambition: large at the start and in step 1, a strip when it all comes together. */
  scene(app, part, { step, about }) {
    if (!step || about) return { show: true, large: true };
    return { show: step.allows.includes('notes'), large: false };
  },
  showScene(app, part, s) {
    toggle(part.el, 'compact', s.show && !s.large);
    toggle(part.el, 'large', !!s.large);
  },
};
