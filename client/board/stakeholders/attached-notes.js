// The belangen and behoeften attached to a post-it, in its editor: each can be edited (with
// optimistic versions: a conflict keeps my text and shows theirs) or removed; a note someone
// removed while I edit it stays, so my text is not lost, and can be added again.

import { h, setText, removeButton } from '../../dom.js';
import { t } from '../../i18n.js';
import { onTextSubmit } from '../forms.js';

/** {createANote, updateANote} for the editor's note lists. */
export function createAttachedNotes(sh) {
  const { app, section, find, send, where, canChangeNote } = sh;
  function createANote(n) {
    const li = h('li.sh-anote', { 'data-testid': `anote-${n.id}` });
    li._view = h('div.sh-anote-view', h('p.sh-anote-text'), h('div.sh-anote-meta', h('span.sh-anote-by'), h('span.sh-anote-actions')));
    li.appendChild(li._view);
    return li;
  }

  function startNoteEdit(li, n) {
    const d = sh.drawer;
    if (!d || d.noteEdits.has(n.id)) return;
    const ta = h('textarea.input', { rows: 2, maxlength: String(section.max_note_len), 'data-testid': 'anote-edit-text' });
    ta.value = n.text;
    const conflict = h('div.conflict', { 'data-testid': 'anote-conflict', role: 'alert', hidden: true });
    const save = h('button.btn.btn-primary.btn-small', { type: 'submit', 'data-testid': 'anote-save' }, t('save'));
    const cancel = h('button.btn.btn-small', { type: 'button', on: { click: () => stopNoteEdit(li, n.id) } }, t('cancel'));
    const form = h('form.sh-anote-edit', { novalidate: true }, conflict, ta, h('div.editor-actions', cancel, save));
    const ed = { base: n.version, baseText: n.text, ta, conflict, kind: n.kind, gone: false };
    ed.show = (text) => {
      conflict.replaceChildren(h('strong', t('shConflict')),
        h('div.conflict-other', h('span.conflict-label', t('conflictOther')), h('span.conflict-text', text)),
        h('p.conflict-hint', t('conflictHint')));
      conflict.hidden = false;
    };
    ed.showGone = () => {
      conflict.replaceChildren(h('strong', t('noteGone')), h('p.conflict-hint', t('noteGoneHint')));
      conflict.hidden = false;
      setText(save, t('addAgain'));
    };
    onTextSubmit(form, ta, save, async (text) => {
      try {
        if (ed.gone) await send({ type: 'add_attached_note', ...where, item: d.id, kind: ed.kind, text });
        else await send({ type: 'edit_attached_note', ...where, item: d.id, note: n.id, base_version: ed.base, text }, ['edit_conflict', 'not_found']);
        stopNoteEdit(li, n.id);
      } catch (err) {
        const now = find(d.id)?.notes?.[n.id];
        if (err.code === 'edit_conflict' && now) {
          ed.base = now.version;
          ed.baseText = now.text;
          ed.show(now.text);
        } else if (err.code === 'not_found') {
          ed.gone = true;
          ed.showGone();
        }
      }
    });
    ta.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); stopNoteEdit(li, n.id); }
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
    });
    d.noteEdits.set(n.id, ed);
    li._editor = form;
    li._view.hidden = true;
    li.classList.add('editing');
    li.appendChild(form);
    ta.focus();
  }

  function stopNoteEdit(li, id) {
    sh.drawer?.noteEdits.delete(id);
    li._editor?.remove();
    li._editor = null;
    li._view.hidden = false;
    li.classList.remove('editing');
    sh.update();
  }

  function updateANote(li, n) {
    const ed = sh.drawer?.noteEdits.get(n.id);
    if (ed) {
      if (n.gone && !ed.gone) {
        ed.gone = true;
        ed.showGone();
      } else if (!n.gone && n.version !== ed.base) {
        // someone else saved this note while I edit it: untouched text follows, typed text stays
        if (ed.ta.value.trim() === ed.baseText.trim()) ed.ta.value = n.text;
        else ed.show(n.text);
        ed.base = n.version;
        ed.baseText = n.text;
      }
      return;
    }
    if (n.gone) return;
    setText(li.querySelector('.sh-anote-text'), n.text);
    setText(li.querySelector('.sh-anote-by'), t('by', { name: app.personName(n.author) }));
    const actions = li.querySelector('.sh-anote-actions');
    const may = canChangeNote(n);
    if (may && !actions.childElementCount) {
      actions.append(
        h('button.btn.btn-ghost.btn-tiny', {
          type: 'button', 'data-testid': 'anote-edit',
          on: { click: () => { const cur = find(sh.drawer?.id)?.notes?.[n.id]; if (cur) startNoteEdit(li, cur); } },
        }, t('edit')),
        removeButton('anote-remove', () => send({ type: 'remove_attached_note', ...where, item: sh.drawer.id, note: n.id })));
    } else if (!may && actions.childElementCount) {
      actions.replaceChildren();
    }
  }

  return { createANote, updateANote };
}
