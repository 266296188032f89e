// The conditions kind's block of the summary page (index.js: loaded by the summary page only).

export { conditionsSummary as summary } from '../../summary-cards.js';
