// The weighting ("gewichten plakken"): its component, shown on the projector on its own step; the
// projector's weighting keeps its chosen top themes on screen for the step after it (the choice of
// the focus).

import { weightingSection } from '../weighting.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

/** On its step, and after the reveal also on the step that follows it (the room chooses from it). */
function scene(app, part, { step, about }) {
  if (about) return { show: true };
  const steps = app.allSteps();
  const i = steps.findIndex((s) => s.id === step?.id);
  const previous = i > 0 ? steps[i - 1] : null;
  const content = app.state.boards[part.board]?.weightings?.[part.section.id];
  return { show: !!previous?.sections.includes(part.section.id) && !!content?.revealed };
}

export const kind = { type: 'weighting', component: weightingSection, scene };
