// The radar kind's block of the summary page (index.js: loaded by the summary page only).

import { radarSummary } from './radar.js';

export const summary = (section, { groups }) => radarSummary(section, groups);
