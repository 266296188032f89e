// Undo on the stakeholder map: the button, and Ctrl/Cmd+Z on the map that is on screen unless
// someone is typing. The engine keeps each person's changes, so undo takes back only mine.

import { toast } from '../../dom.js';
import { t } from '../../i18n.js';

const undoHandlers = new Set();
document.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
  const a = document.activeElement;
  const typing = a && (a.isContentEditable || a.tagName === 'TEXTAREA' || a.tagName === 'SELECT'
    || (a.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(a.type)));
  if (typing) return;
  for (const handler of [...undoHandlers]) {
    if (!handler.el.isConnected) { undoHandlers.delete(handler); continue; }
    if (handler.el.offsetParent !== null) {
      e.preventDefault();
      handler.run();
      return;
    }
  }
});

/** Adds `sh.undo()`; Ctrl/Cmd+Z runs it while `el` is on screen. */
export function createUndo(sh, el) {
  const { member, send, boardId } = sh;
  async function doUndo() {
    if (!member()) return;
    try {
      await send({ type: 'undo', board: boardId }, ['not_found', 'edit_conflict']);
      toast(t('undoDone'), 'ok', 2500);
    } catch (err) {
      if (err.code === 'not_found') toast(t('undoNothing'), 'info');
      else if (err.code === 'edit_conflict') toast(t('undoConflict'));
    }
  }
  if (member()) undoHandlers.add({ el, run: () => doUndo() });
  sh.undo = doUndo;
}
