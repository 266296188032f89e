// A sketch on the wall (drawn: SVG from its strokes; a photo: its thumbnail) and the same sketch
// enlarged in a dialog (tap to enlarge). Shared by the wall (client/board/wall.js) and the sketch
// sections' "your sketch is on the wall".

import { h } from '../dom.js';
import { t, L } from '../i18n.js';
import { sketchSvg } from './sketch-svg.js';
import { authorization, showImage } from './photos.js';

/** The label of a sketch's prompt ("Teken wie je bent"), from the board's sketch sections. */
export function promptLabel(app, boardId, promptId) {
  for (const s of app.tplOf(boardId).sections) {
    const p = s.type === 'sketch' && s.prompts.find((x) => x.id === promptId);
    if (p) return L(p.label);
  }
  return '';
}

const authOf = (app) => authorization(app.conn?.auth || {});

/** The sketch of `item` (null for a text item); `thumb`: the photo's wall thumbnail. */
export function sketchMedia(app, boardId, item, thumb = true) {
  const label = promptLabel(app, boardId, item.prompt);
  if (item.strokes) return sketchSvg(item.strokes, t('sketchDrawn', { prompt: label }));
  if (item.image) {
    const img = h('img.sketch-photo', { alt: t('sketchPhotoOf', { prompt: label }), width: String(item.image.w),
      height: String(item.image.h), decoding: 'async', 'data-testid': `photo-${item.id}` });
    showImage(img, app.session, item.image.hash, thumb, authOf(app));
    return img;
  }
  return null;
}

let dialog = null;

/** Show `item`'s sketch large (the photo at its display size), closed by its button or Escape. */
export function enlarge(app, boardId, item) {
  if (!dialog) {
    dialog = h('dialog.sketch-dialog', { 'data-testid': 'sketch-dialog' });
    dialog.addEventListener('click', (ev) => { if (ev.target === dialog) dialog.close(); });
    document.body.append(dialog);
  }
  const close = h('button.btn.btn-small', { type: 'button', 'data-testid': 'sketch-dialog-close', on: { click: () => dialog.close() } }, t('close'));
  dialog.replaceChildren(h('div.sketch-dialog-body', h('p.sketch-dialog-title', promptLabel(app, boardId, item.prompt) || item.text),
    sketchMedia(app, boardId, item, false), close));
  dialog.setAttribute('aria-label', t('sketchEnlarged'));
  dialog.showModal();
  close.focus();
}
