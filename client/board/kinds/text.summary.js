// The text kind's block of the summary page (index.js: loaded by the summary page only).

export { textSummary as summary } from '../../summary-notes.js';
