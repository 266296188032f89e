// What the weighting's and the agreements' screens share: their stylesheet (contract.css, beside
// this module, linked once) and how their texts fit (a long Dutch word shrinks its text rather than
// break, fit.js), once per text and width.

import { h } from '../../dom.js';
import { fitWords } from '../fit.js';

let styled = false;
export function useContractStyles() {
  if (styled || typeof document === 'undefined') return;
  styled = true;
  document.head.appendChild(h('link', { rel: 'stylesheet', href: '/static/board/kinds/contract.css' }));
}

/** Fit `el` to `text` when either its text or its width changed since the last fit. */
export function fitText(el, text) {
  const key = `${text}|${el.clientWidth}`;
  if (el._fitKey === key) return;
  fitWords(el, text, 0.6);
  el._fitKey = `${text}|${el.clientWidth}`;
}

/** The list's width changes when it is first laid out, on a resize and with the projector's zoom:
 * render again then, so its texts are fitted to the new width. */
export function refitOnWidth(app, list) {
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => app.schedule()).observe(list);
}
