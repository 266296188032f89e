// The editor of one post-it (a drawer beside the map; a sheet from below on a phone): category,
// names, kinds of knowledge, assumption; its place in the matrix without dragging; belangen and
// behoeften; not relevant and remove. Someone else's save is merged field by field: what I did
// not touch follows theirs, what we both changed shows as a conflict, and my typing stays.

import { h, setText, attr, reconcile, toast } from '../../dom.js';
import { t, L } from '../../i18n.js';
import { QUADRANTS, splitLabel, capitalise, sameList } from './model.js';
import { createAttachedNotes } from './attached-notes.js';
import { onTextSubmit } from '../forms.js';

/** Adds `sh.openDrawer(id)` and `sh.closeDrawer()`; returns {update} for the section's update. */
export function createEditor(sh) {
  const { section, kinds, kindColour, kindLetter, member, find, shown, send, where, canRemove, canRestore, app } = sh;
  const { createANote, updateANote } = createAttachedNotes(sh);

  function openDrawer(id) {
    if (!member()) return;
    const s = find(id);
    if (!s) return;
    if (sh.drawer?.id === id) {
      sh.drawer.title.focus();
      return;
    }
    closeDrawer(false);
    sh.drawer = buildDrawer(s);
    sh.el.appendChild(sh.drawer.el);
    sh.update();
    sh.drawer.title.focus();
  }

  /** × and Escape: one save model — what was changed in the fields is saved, not thrown away; a
   * save that conflicts with someone else's keeps the editor open to show both. */
  async function requestClose() {
    const d = sh.drawer;
    if (!d) return;
    if (d.dirty() && d.values().category.trim()) {
      await saveDrawer();
      if (sh.drawer === d && d.dirty()) return;
    }
    closeDrawer();
  }

  function closeDrawer(refocus = true) {
    if (!sh.drawer) return;
    const id = sh.drawer.id;
    sh.drawer.el.remove();
    sh.drawer = null;
    sh.update();
    if (refocus) (sh.mapLayer._keyed?.get(id) || sh.trayList._keyed?.get(id) || sh.matrixLayer._keyed?.get(id))?.focus();
  }

  const snapshot = (s) => ({
    category: s.category,
    names: s.names || '',
    knowledge: kinds.filter((k) => s.knowledge.includes(k.id)).map((k) => k.id),
    assumption: !!s.assumption,
    version: s.version,
  });
  const FIELDS = ['category', 'names', 'knowledge', 'assumption'];
  const eqField = (f, a, b) => (f === 'knowledge' ? sameList(a, b) : f === 'assumption' ? a === b : String(a).trim() === String(b).trim());

  function buildDrawer(s) {
    const d = { id: s.id, base: snapshot(s), noteEdits: new Map() };
    d.title = h('h2.sh-drawer-title', { tabindex: '-1', 'data-testid': 'sh-editor-title' });
    const closeBtn = h('button.btn.btn-ghost.sh-close', {
      type: 'button', 'data-testid': 'sh-close', 'aria-label': t('close'), title: t('close'), on: { click: () => requestClose() },
    }, '×');
    d.meta = h('p.sh-meta');
    d.status = h('div.sh-status', { 'data-testid': 'sh-status', hidden: true });
    d.conflict = h('div.conflict', { 'data-testid': 'edit-conflict', role: 'alert', hidden: true });
    d.cat = h('input.input', { type: 'text', maxlength: String(section.max_category_len), 'data-testid': 'sh-edit-category', id: `sh-cat-${s.id}` });
    d.names = h('textarea.input', { rows: 2, maxlength: String(section.max_names_len), 'data-testid': 'sh-edit-names', id: `sh-names-${s.id}` });
    d.kBoxes = kinds.map((k) => {
      const box = h('input', { type: 'checkbox', 'data-testid': `sh-knowledge-${k.id}` });
      const label = h('label.k-toggle', { style: { '--k': kindColour(k.id) } }, box,
        h('span.k-toggle-mark', { 'aria-hidden': 'true' }, kindLetter(k)),
        h('span.k-toggle-text', h('strong', L(k.label)), h('span', L(k.hint))));
      return { k, box, label };
    });
    d.assume = h('input', { type: 'checkbox', 'data-testid': 'sh-assumption' });
    d.save = h('button.btn.btn-primary.btn-small', { type: 'submit', 'data-testid': 'sh-save' }, t('save'));
    d.saved = h('span.sh-saved', { hidden: true, 'data-testid': 'sh-saved' }, t('saved'));
    const form = h('form.sh-edit-form', { novalidate: true },
      h('label.field', { for: d.cat.id }, h('span.field-label', t('shCategory')), d.cat),
      h('label.field', { for: d.names.id }, h('span.field-label', t('shNames')), d.names),
      h('fieldset.field.sh-kinds', h('legend.field-label', t('knowledgeQ')), h('div.k-toggles', d.kBoxes.map((b) => b.label))),
      h('label.sh-assume-row', d.assume, h('span', h('strong', t('assumption')), h('span.field-hint', t('assumptionHint')))),
      h('div.editor-actions', d.saved, d.save));
    const values = () => ({
      category: d.cat.value,
      names: d.names.value,
      knowledge: d.kBoxes.filter((b) => b.box.checked).map((b) => b.k.id),
      assumption: d.assume.checked,
    });
    const setField = (f, v) => {
      if (f === 'category') d.cat.value = v;
      else if (f === 'names') d.names.value = v;
      else if (f === 'knowledge') for (const b of d.kBoxes) b.box.checked = v.includes(b.k.id);
      else if (f === 'assumption') d.assume.checked = v;
    };
    d.values = values;
    d.dirty = () => FIELDS.some((f) => !eqField(f, values()[f], d.base[f]));
    for (const f of FIELDS) setField(f, d.base[f]);
    const onInput = () => { d.saved.hidden = true; refreshDrawerButtons(); };
    form.addEventListener('input', onInput);
    form.addEventListener('change', onInput);
    form.addEventListener('submit', (e) => { e.preventDefault(); saveDrawer(); });
    d.names.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit(); });

    /** Someone else saved this stakeholder: take their fields I have not touched; show the rest. */
    d.rebase = (now) => {
      const theirs = snapshot(now);
      const mine = values();
      const clash = [];
      for (const f of FIELDS) {
        if (eqField(f, mine[f], d.base[f])) setField(f, theirs[f]);
        else if (!eqField(f, mine[f], theirs[f])) clash.push(f);
      }
      d.base = theirs;
      if (clash.length) showConflict(theirs);
      else if (!d.dirty()) d.conflict.hidden = true;
    };

    function showConflict(theirs) {
      const kindsText = theirs.knowledge.map((id) => L(kinds.find((k) => k.id === id)?.label)).join(', ');
      d.conflict.replaceChildren(
        h('strong', t('shConflict')),
        h('div.conflict-other',
          h('span.conflict-label', t('conflictOther')),
          h('span.conflict-text', { 'data-testid': 'conflict-other' }, theirs.names ? `${theirs.category} — ${theirs.names}` : theirs.category),
          h('span.conflict-owner', `${t('knowledgeLabel')}: ${kindsText || '–'}${theirs.assumption ? ` · ${t('assumption')}` : ''}`)),
        h('p.conflict-hint', t('shConflictHint')));
      d.conflict.hidden = false;
    }
    d.showConflict = showConflict;

    // 2B: place on the matrix without dragging (phones, keyboards)
    d.placeBtns = QUADRANTS.map(([code, idx, hiInf, hiInt]) => {
      const [, title] = splitLabel(section.quadrants[idx]);
      return {
        code,
        btn: h('button.btn.btn-small.sh-place', {
          type: 'button', 'data-testid': `sh-place-${code}`, class: `q-${code}`, 'aria-pressed': 'false',
          on: { click: () => { const cur = find(d.id); if (shown(cur)) sh.commit('matrix', d.id, sh.spotInQuadrant(hiInf, hiInt, d.id)); } },
        }, capitalise(title)),
      };
    });
    d.unplace = h('button.btn.btn-ghost.btn-small', {
      type: 'button', 'data-testid': 'sh-unplace',
      on: { click: () => send({ type: 'place_in_matrix', ...where, item: d.id, influence: null, interest: null }).catch(() => {}) },
    }, t('removeFromMatrix'));

    // belangen and behoeften
    d.noteBlocks = section.note_kinds.map((kind, i) => {
      const [name, hint] = splitLabel(kind.label);
      const list = h('ul.sh-anotes', { 'data-testid': `sh-notes-${kind.id}` });
      const ta = h('textarea.input', {
        rows: 2, maxlength: String(section.max_note_len), placeholder: hint ? capitalise(hint) : '',
        'data-testid': `sh-note-text-${kind.id}`, 'aria-label': name,
      });
      const add = h('button.btn.btn-small', { type: 'submit', 'data-testid': `sh-note-add-${kind.id}` }, t('add'));
      const addForm2 = h('form.sh-anote-add', { novalidate: true }, ta, add);
      onTextSubmit(addForm2, ta, add, async (text) => {
        await send({ type: 'add_attached_note', ...where, item: d.id, kind: kind.id, text });
        ta.value = '';
      });
      ta.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) addForm2.requestSubmit(); });
      const block = h('div.sh-anote-block', { class: `note-k${i}` },
        h('h3.sh-block-title', h('span.sh-kind-sw', { 'aria-hidden': 'true' }), name, hint ? h('span.sh-kind-hint', hint) : null),
        list, addForm2);
      return { kind, list, block };
    });

    d.notRelevant = h('button.btn.btn-small', {
      type: 'button', 'data-testid': 'sh-not-relevant',
      on: {
        click: async () => {
          try {
            await send({ type: 'set_relevant', ...where, item: d.id, relevant: false });
            closeDrawer(false);
          } catch { /* toast */ }
        },
      },
    }, t('notRelevant'));
    d.relevantAgain = h('button.btn.btn-small', {
      type: 'button', 'data-testid': 'sh-relevant',
      on: { click: () => send({ type: 'set_relevant', ...where, item: d.id, relevant: true }, ['forbidden']).catch((err) => { if (err.code === 'forbidden') toast(t('forbiddenRestore')); }) },
    }, t('makeRelevant'));
    d.remove = h('button.btn.btn-small.danger', {
      type: 'button', 'data-testid': 'sh-remove',
      on: {
        click: async (e) => {
          const b = e.currentTarget;
          if (!b.classList.contains('confirm')) {
            b.classList.add('confirm');
            b.textContent = t('confirmRemoveShort');
            clearTimeout(b._reset);
            b._reset = setTimeout(() => { b.classList.remove('confirm'); b.textContent = t('remove'); }, 4000);
            return;
          }
          clearTimeout(b._reset);
          b.disabled = true;
          try {
            await send({ type: 'remove_stakeholder', ...where, item: d.id }, ['forbidden']);
            closeDrawer(false);
          } catch (err) {
            if (err.code === 'forbidden') toast(t('forbiddenAuthor'));
            b.disabled = false;
            b.classList.remove('confirm');
            b.textContent = t('remove');
          }
        },
      },
    }, t('remove'));

    d.el = h('aside.sh-drawer', { 'data-testid': 'stakeholder-editor', role: 'dialog', 'aria-label': t('editorTitle') },
      h('header.sh-drawer-head', h('div.sh-drawer-heading', h('span.sh-drawer-kicker', t('editorTitle')), d.title), closeBtn),
      h('div.sh-drawer-body',
        d.meta, d.status, d.conflict, form,
        h('section.sh-block',
          h('h3.sh-block-title', t('placeInMatrix')),
          h('div.sh-place-grid', d.placeBtns.map((p) => p.btn)),
          d.unplace),
        d.noteBlocks.map((b) => b.block),
        h('section.sh-block.sh-block-actions', d.notRelevant, d.relevantAgain, d.remove)));
    d.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) { e.preventDefault(); requestClose(); }
    });
    return d;
  }

  function refreshDrawerButtons() {
    if (!sh.drawer) return;
    const s = find(sh.drawer.id);
    sh.drawer.save.disabled = !s || s.removed || !sh.drawer.dirty() || sh.drawer.saving;
  }

  async function saveDrawer() {
    const d = sh.drawer;
    if (!d) return;
    const v = d.values();
    if (!v.category.trim()) { d.cat.focus(); return; }
    d.saving = true;
    refreshDrawerButtons();
    try {
      await send({
        type: 'edit_stakeholder', ...where, item: d.id, base_version: d.base.version,
        category: v.category.trim(), names: v.names.trim(), knowledge: v.knowledge, assumption: v.assumption,
      }, ['edit_conflict']);
      if (sh.drawer === d) {
        d.conflict.hidden = true;
        d.saved.hidden = false;
      }
    } catch (err) {
      const now = find(d.id);
      if (err.code === 'edit_conflict' && now && sh.drawer === d) {
        // keep what I typed; show theirs; the next save goes on top of their version
        d.base = snapshot(now);
        d.showConflict(d.base);
      }
    }
    d.saving = false;
    refreshDrawerButtons();
  }

  function updateDrawer() {
    const d = sh.drawer;
    if (!d) return;
    const s = find(d.id);
    if (!s) {
      closeDrawer(false);
      return;
    }
    setText(d.title, s.category);
    setText(d.meta, t('addedBy', { name: app.personName(s.author) }));
    if (s.version !== d.base.version) d.rebase(s);
    let status = null;
    if (s.removed) status = t('shRemovedNow');
    else if (!s.relevant) status = t('shNotRelevantNow');
    d.status.hidden = !status;
    if (status) setText(d.status, status);
    refreshDrawerButtons();
    const placed = s.influence !== null && s.influence !== undefined;
    for (const { code, btn } of d.placeBtns) {
      const [, , hiInf, hiInt] = QUADRANTS.find((q) => q[0] === code);
      const here = placed && (s.influence >= 0.5) === hiInf && (s.interest >= 0.5) === hiInt;
      attr(btn, 'aria-pressed', String(here));
      btn.disabled = !shown(s);
    }
    d.unplace.hidden = !placed;
    d.unplace.disabled = !shown(s);
    const notes = Object.values(s.notes || {});
    for (const { kind, list } of d.noteBlocks) {
      const mine = notes.filter((n) => n.kind === kind.id);
      // a note I am editing that someone removed stays, so my text is not lost
      for (const [id, ed] of d.noteEdits) {
        if (ed.kind === kind.id && !s.notes?.[id]) mine.push({ id, kind: kind.id, text: '', author: '', version: -1, gone: true });
      }
      reconcile(list, mine, (n) => n.id, createANote, updateANote);
    }
    for (const b of d.noteBlocks) for (const x of b.block.querySelectorAll('.sh-anote-add textarea, .sh-anote-add button')) x.disabled = s.removed;
    d.notRelevant.hidden = !shown(s);
    d.relevantAgain.hidden = s.relevant || s.removed || !canRestore(s);
    d.remove.hidden = s.removed || !canRemove(s);
  }

  Object.assign(sh, { openDrawer, closeDrawer });
  return { update: updateDrawer };
}
