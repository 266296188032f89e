// The stand kind's block of the summary page (index.js: loaded by the summary page only).

export { standSummary as summary } from '../../summary-live.js';
