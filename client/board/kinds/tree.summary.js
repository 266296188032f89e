// The tree kind's block of the summary page (index.js: loaded by the summary page only).

export { treeSummary as summary } from './tree.js';
