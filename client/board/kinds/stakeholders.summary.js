// The stakeholders kind's block of the summary page (index.js: loaded by the summary page only).

export { stakeholdersSummary as summary } from '../../summary-map.js';
