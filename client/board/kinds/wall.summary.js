// The wall kind's block of the summary page (index.js: loaded by the summary page only).

export { wallBlock as summary } from '../../summary-cards.js';
