// The wordcloud kind's block of the summary page (index.js: loaded by the summary page only).

export { wordcloudSummary as summary } from '../../summary-live.js';
