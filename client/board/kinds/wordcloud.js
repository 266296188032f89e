// The kick-off's word cloud: its component, shown on the projector on its own step.

import { wordcloudSection } from '../wordcloud.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

export const kind = { type: 'wordcloud', component: wordcloudSection, scene: (app, part, { about }) => ({ show: about }) };
