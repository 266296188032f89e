// The weighting kind's block of the summary page (index.js: loaded by the summary page only).

export { weightingSummary as summary } from '../../summary-contract.js';
