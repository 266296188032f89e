// The weighting ("gewichten plakken") and the contract of agreements as kinds for the registry
// (index.js): their components, each shown on the projector on its own step; the projector's
// weighting keeps its chosen top themes on screen for the step after it (the choice of the focus).

import { weightingSection } from '../weighting.js';
import { agreementsSection } from '../agreements.js';
import { weightingSummary, agreementsSummary } from '../../summary-contract.js';

const onItsStep = (app, part, { about }) => ({ show: about });

/** On its step, and after the reveal also on the step that follows it (the room chooses from it). */
function weightingScene(app, part, { step, about }) {
  if (about) return { show: true };
  const steps = app.allSteps();
  const i = steps.findIndex((s) => s.id === step?.id);
  const previous = i > 0 ? steps[i - 1] : null;
  const content = app.state.boards[part.board]?.weightings?.[part.section.id];
  return { show: !!previous?.sections.includes(part.section.id) && !!content?.revealed };
}

export const weighting = { type: 'weighting', component: weightingSection, scene: weightingScene,
  summaryKey: 'weightings', summary: weightingSummary };
export const agreements = { type: 'agreements', component: agreementsSection, scene: onItsStep,
  summaryKey: 'agreements', summary: agreementsSummary };
