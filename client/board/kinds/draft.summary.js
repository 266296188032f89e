// The draft kind's block of the summary page (index.js: loaded by the summary page only).

export { draftSummary as summary } from '../../summary-cards.js';
