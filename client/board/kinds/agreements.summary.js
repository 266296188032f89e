// The agreements kind's block of the summary page (index.js: loaded by the summary page only).

export { agreementsSummary as summary } from '../../summary-contract.js';
