// What the radar's board (radar.js) and its summary block (radar.summary.js) share.

import { t, getLang } from '../../i18n.js';

const parser = typeof DOMParser !== 'undefined' ? new DOMParser() : null;

/** The radar's markup as an element (its text is escaped by radarSvg; no script, no style). */
export function svgElement(markup) {
  return document.importNode(parser.parseFromString(markup, 'image/svg+xml').documentElement, true);
}

export const words = () => ({ weakest: t('radarWeakest'), disputed: t('radarDisputed'), title: t('radarTitle') });
export const fmt = (n) => (n === null || n === undefined ? '–' : getLang() === 'nl' ? String(n).replace('.', ',') : String(n));
