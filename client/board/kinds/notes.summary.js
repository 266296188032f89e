// The notes kind's block of the summary page (index.js: loaded by the summary page only).

export { notesSummary as summary } from '../../summary-notes.js';
