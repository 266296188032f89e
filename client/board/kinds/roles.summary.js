// The roles kind's block of the summary page (index.js: loaded by the summary page only).

export { rolesSummary as summary } from '../../summary-cards.js';
