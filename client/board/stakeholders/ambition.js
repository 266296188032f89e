// The ambition in the middle of the map: the board's text section, which the facilitator may
// edit here as well.

import { h } from '../../dom.js';
import { t, L } from '../../i18n.js';

function ambitionSection(sh) {
  const ts = sh.tpl.sections.find((x) => x.type === 'text');
  return ts ? { section: ts, field: ts.fields[0] } : null;
}

export function ambitionText(sh) {
  const a = ambitionSection(sh);
  return a ? sh.board().texts?.[a.section.id]?.[a.field.id] || '' : '';
}

/** The facilitator's edit button and editor inside `ambCard`. */
export function ambitionEditor(sh, ambCard) {
  const { send, boardId } = sh;
  const wrap = h('div.sh-amb-edit');
  const a = ambitionSection(sh);
  if (!a) return wrap;
  const btn = h('button.btn.btn-ghost.btn-tiny', { type: 'button', 'data-testid': 'edit-map-ambition' }, t('edit'));
  wrap.appendChild(btn);
  btn.addEventListener('click', () => {
    const ta = h('textarea.input', { rows: 4, maxlength: String(a.field.max_len), 'aria-label': L(a.field.label), 'data-testid': 'map-ambition-editor' });
    ta.value = ambitionText(sh);
    const save = h('button.btn.btn-primary.btn-tiny', { type: 'button' }, t('save'));
    const cancel = h('button.btn.btn-tiny', { type: 'button' }, t('cancel'));
    const box = h('div.sh-amb-editor', ta, h('div.editor-actions', cancel, save));
    const close = () => { box.remove(); btn.hidden = false; ambCard.classList.remove('editing'); btn.focus(); };
    cancel.addEventListener('click', close);
    save.addEventListener('click', async () => {
      save.disabled = true;
      try {
        await send({ type: 'set_text', board: boardId, section: a.section.id, field: a.field.id, text: ta.value.trim() });
        close();
      } catch { save.disabled = false; }
    });
    ta.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') close();
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save.click();
    });
    btn.hidden = true;
    ambCard.classList.add('editing');
    wrap.appendChild(box);
    ta.focus();
  });
  return wrap;
}
