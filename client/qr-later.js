// A QR code that fills in once the QR library (50 kB) has loaded: only screens that show one
// load it, the join page and a participant's board never do.

import { h } from './dom.js';

/** An element `selector` that will hold the QR code of `text` (qr.js's options). */
export function qrLater(selector, text, options) {
  const box = h(selector);
  import('./qr.js').then(({ qrSvg }) => box.append(qrSvg(text, options)));
  return box;
}
