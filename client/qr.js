// QR codes as crisp, scalable SVG (qrcode-generator, MIT, vendored).

import qrcode from './vendor/qrcode.mjs';

const SVG = 'http://www.w3.org/2000/svg';

/** An <svg> QR code of `text`; size it with CSS. */
export function qrSvg(text, { label = '', testid = 'qr', margin = 2 } = {}) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const size = n + margin * 2;
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.isDark(r, c)) d += `M${c + margin} ${r + margin}h1v1h-1z`;
    }
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label || text);
  svg.setAttribute('data-testid', testid);
  svg.setAttribute('data-qr-text', text);
  svg.classList.add('qr');
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', size);
  bg.setAttribute('height', size);
  bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#111827');
  svg.append(bg, path);
  return svg;
}
