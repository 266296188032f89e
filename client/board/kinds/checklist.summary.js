// The checklist kind's block of the summary page (index.js: loaded by the summary page only).

export { checklistSummary as summary } from '../../summary-notes.js';
