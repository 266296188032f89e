// Post-it sections (insights, and the 2x2 of actions with an owner each): add, edit with
// optimistic versions (a conflict keeps my text and shows theirs), remove.

import { h, setText, toggle, reconcile, tint, removeButton } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';
import { onTextSubmit } from './forms.js';

export function notesSection(app, boardId, section) {
  const { tplOf, tid, isFac, isPart, send, groupOf, personName, projector } = app;
  const groups = tplOf(boardId).groups;
  const canAdd = () => !projector && (section.adders === 'everyone' ? (isPart() || isFac()) : isFac());
  const canEdit = (note) => !projector && !app.closed() && (isFac() || (isPart() && note.author === app.participant));
  const extra = [];
  if (section.with_owner) {
    extra.push(h('blockquote.central-question', { 'data-testid': `question-${tid(boardId, section.id)}` }, L(section.prompt)));
  } else {
    extra.push(h('p.sec-prompt', L(section.prompt)));
  }
  const shell = sectionShell(app, boardId, section, extra);
  const lanesWrap = h('div.lanes', { class: section.with_owner && section.lanes.length === 4 ? 'grid2' : 'row' });
  const lanes = section.lanes.map((lane) => {
    const group = groups.find((g) => lane.id === g.id || lane.id.startsWith(`${g.id}-`));
    const list = h('div.notes-list');
    const empty = h('p.lane-empty', t('noNotes'));
    const laneEl = h('div.lane', {
      'data-testid': `lane-${tid(boardId, section.id, lane.id)}`,
      class: group ? 'grouped' : '',
      style: group ? { '--c': group.colour, '--c-soft': tint(group.colour, 0.06) } : undefined,
    }, h('h3.lane-title', L(lane.label)), list, empty);
    if (canAdd()) laneEl.appendChild(addForm(lane));
    lanesWrap.appendChild(laneEl);
    return { lane, list, empty };
  });
  shell.el.appendChild(lanesWrap);

  function addForm(lane) {
    const wrap = h('div.add-wrap');
    const open = h('button.btn.btn-ghost.add-note', { type: 'button', 'data-testid': `add-note-${tid(boardId, section.id, lane.id)}` }, t('addNote'));
    wrap.appendChild(open);
    open.addEventListener('click', () => {
      open.hidden = true;
      const form = noteForm({
        text: '', owner: '', lane,
        onSave: async (text, owner) => {
          const frame = { type: 'add_note', board: boardId, section: section.id, lane: lane.id, text };
          if (section.with_owner) frame.owner = owner;
          await send(frame);
          form.remove();
          open.hidden = false;
          open.focus();
        },
        onCancel: () => { form.remove(); open.hidden = false; open.focus(); },
        saveLabel: t('add'),
      });
      wrap.appendChild(form);
      form.querySelector('textarea').focus();
    });
    return wrap;
  }

  /** The form to write a note; used for adding and editing. onSave may throw to keep it open. */
  function noteForm({ text, owner, onSave, onCancel, saveLabel, lane }) {
    const ta = h('textarea.input', { rows: 3, maxlength: String(section.max_len), placeholder: t('notePh'), 'data-testid': 'note-text', 'aria-label': L(lane.label) });
    ta.value = text;
    const ownerInput = section.with_owner
      ? h('input.input.owner-input', { type: 'text', maxlength: '80', placeholder: t('ownerPh'), 'data-testid': 'note-owner', 'aria-label': t('ownerLabel') })
      : null;
    if (ownerInput) ownerInput.value = owner;
    const counter = h('span.counter');
    const upd = () => setText(counter, t('characters', { n: ta.value.length, max: section.max_len }));
    ta.addEventListener('input', upd);
    upd();
    const save = h('button.btn.btn-primary.btn-small', { type: 'submit', 'data-testid': 'note-save' }, saveLabel);
    const cancel = h('button.btn.btn-small', { type: 'button', 'data-testid': 'note-cancel', on: { click: () => onCancel() } }, t('cancel'));
    const form = h('form.note-form',
      ta,
      ownerInput ? h('label.owner-row', h('span', `${t('ownerLabel')}:`), ownerInput) : null,
      h('div.editor-actions', counter, cancel, save));
    onTextSubmit(form, ta, save, (value) => onSave(value, ownerInput ? ownerInput.value.trim() : ''));
    ta.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') onCancel();
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
    });
    form._ta = ta;
    form._owner = ownerInput;
    return form;
  }

  function createNote(note) {
    const el = h('article.note', { 'data-testid': `note-${note.id}` });
    el._view = h('div.note-view',
      h('p.note-text'),
      h('div.note-meta', h('span.note-owner'), h('span.note-author')),
      h('div.note-actions'));
    el.appendChild(el._view);
    el._editor = null;
    return el;
  }

  function findNote(id) {
    return (app.state.boards[boardId].notes[section.id] || []).find((n) => n.id === id);
  }

  function startEdit(el, note) {
    if (el._editor) return;
    let base = note.version;
    const laneDef = section.lanes.find((l) => l.id === note.lane) || section.lanes[0];
    const conflictBox = h('div.conflict', { 'data-testid': 'edit-conflict', role: 'alert', hidden: true });
    const form = noteForm({
      text: note.text, owner: note.owner, lane: laneDef, saveLabel: t('save'),
      onSave: async (text, owner) => {
        const frame = { type: 'edit_note', board: boardId, section: section.id, note: note.id, base_version: base, text };
        if (section.with_owner) frame.owner = owner;
        try {
          await send(frame, ['edit_conflict', 'not_found']);
        } catch (err) {
          const now = findNote(note.id);
          if (err.code === 'edit_conflict' && now) {
            // keep the user's text; show theirs; the next save goes on top of their version
            base = now.version;
            conflictBox.replaceChildren(
              h('strong', t('conflict')),
              h('div.conflict-other', h('span.conflict-label', t('conflictOther')),
                h('span.conflict-text', { 'data-testid': 'conflict-other' }, now.text),
                section.with_owner && now.owner ? h('span.conflict-owner', `${t('ownerLabel')}: ${now.owner}`) : null),
              h('p.conflict-hint', t('conflictHint')));
            conflictBox.hidden = false;
          } else if (err.code === 'not_found' || !now) {
            conflictBox.replaceChildren(h('strong', t('noteGone')));
            conflictBox.hidden = false;
          }
          throw err;
        }
        stopEdit(el);
      },
      onCancel: () => stopEdit(el),
    });
    el._editor = h('div.note-edit', conflictBox, form);
    el._view.hidden = true;
    el.classList.add('editing');
    el.appendChild(el._editor);
    form._ta.focus();
    form._ta.setSelectionRange(form._ta.value.length, form._ta.value.length);
  }

  function stopEdit(el) {
    if (!el._editor) return;
    el._editor.remove();
    el._editor = null;
    el._view.hidden = false;
    el.classList.remove('editing');
  }

  function updateNote(el, note) {
    const v = el._view;
    setText(v.querySelector('.note-text'), note.text);
    const ownerEl = v.querySelector('.note-owner');
    ownerEl.hidden = !section.with_owner;
    setText(ownerEl, note.owner ? `${t('ownerLabel')}: ${note.owner}` : `${t('ownerLabel')}: –`);
    toggle(ownerEl, 'missing', !note.owner);
    setText(v.querySelector('.note-author'), t('by', { name: personName(note.author) }));
    const author = app.state.participants[note.author];
    const g = author ? groupOf(author.group) : null;
    if (g) el.style.setProperty('--author', g.colour);
    else el.style.removeProperty('--author');
    toggle(el, 'mine', isPart() && note.author === app.participant);
    const actions = v.querySelector('.note-actions');
    const editable = canEdit(note);
    if (editable && !actions.childElementCount) {
      actions.append(
        h('button.btn.btn-ghost.btn-tiny', { type: 'button', 'data-testid': 'note-edit', on: { click: () => { const n = findNote(note.id); if (n) startEdit(el, n); } } }, t('edit')),
        removeButton('note-remove', () => send({ type: 'remove_note', board: boardId, section: section.id, note: note.id })));
    } else if (!editable && actions.childElementCount) {
      actions.replaceChildren();
    }
    actions.hidden = !editable;
  }

  function update() {
    shell.updateCurrent();
    if (app.closed()) for (const el of shell.el.querySelectorAll('.note.editing')) stopEdit(el); // a save would be refused
    const notes = app.state.boards[boardId].notes[section.id] || [];
    for (const { lane, list, empty } of lanes) {
      const mine = notes.filter((n) => n.lane === lane.id);
      reconcile(list, mine, (n) => n.id, createNote, updateNote);
      empty.hidden = mine.length > 0;
    }
  }
  return { el: shell.el, update };
}
