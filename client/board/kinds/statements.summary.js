// The statements kind's block of the summary page (index.js: loaded by the summary page only).

export { statementsSummary as summary } from '../../summary-live.js';
