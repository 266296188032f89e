// The open kind's block of the summary page (index.js: loaded by the summary page only).

export { openSummary as summary } from '../../summary-live.js';
