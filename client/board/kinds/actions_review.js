// The actions-under-review kind (a learning network's open actions): its component and what the
// projector shows of it.

import { reviewSection } from '../review.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = {
  type: 'actions_review',
  component: reviewSection,
  scene: (app, part, { about }) => ({ show: about }),
};
