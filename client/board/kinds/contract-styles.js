// The weighting's and the agreements' stylesheet (contract.css, beside this module), linked once.

import { h } from '../../dom.js';

let styled = false;
export function useContractStyles() {
  if (styled || typeof document === 'undefined') return;
  styled = true;
  document.head.appendChild(h('link', { rel: 'stylesheet', href: '/static/board/kinds/contract.css' }));
}
