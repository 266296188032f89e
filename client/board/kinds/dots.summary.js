// The dots kind's block of the summary page (index.js: loaded by the summary page only).

export { dotsSummary as summary } from '../../summary-dots.js';
