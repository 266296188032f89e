// The kick-off's live questions as kinds for the registry (index.js): word cloud, open question,
// statements and where do you stand, each shown on the projector on its own step.

import { wordcloudSection } from '../wordcloud.js';
import { openQuestionSection } from '../open-question.js';
import { statementsSection } from '../statements.js';
import { standSection } from '../stand.js';
import { wordcloudSummary, openSummary, statementsSummary, standSummary } from '../../summary-live.js';

const onItsStep = (app, part, { about }) => ({ show: about });

export const wordcloud = { type: 'wordcloud', component: wordcloudSection, scene: onItsStep,
  summaryKey: 'wordclouds', summary: wordcloudSummary };
export const openQuestion = { type: 'open', component: openQuestionSection, scene: onItsStep,
  summaryKey: 'open_questions', summary: openSummary };
export const statements = { type: 'statements', component: statementsSection, scene: onItsStep,
  summaryKey: 'statements', summary: statementsSummary };
export const stand = { type: 'stand', component: standSection, scene: onItsStep, summaryKey: 'stands', summary: standSummary };
