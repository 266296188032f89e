// Text sections (the ambition and goals): prepared by the facilitator, read by everyone.

import { h, setText, toggle } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';
import { fitAllWords, fitWordsSoon } from './fit.js';

const TEXT_MIN = 0.7; // a word wider than its box (a phone) shrinks this far before it is hyphenated

export function textSection(app, boardId, section) {
  const { isFac, tid, send, projector } = app;
  const shell = sectionShell(app, boardId, section);
  const grid = h('div.text-fields', { class: `n${section.fields.length}` });
  const fields = section.fields.map((field, i) => {
    const text = h('p.tfield-text', { 'data-testid': `text-${tid(boardId, section.id, field.id)}` });
    const box = h('div.tfield', { class: i === 0 ? 'primary' : 'secondary' },
      h('div.tfield-label', L(field.label)), text);
    let editor = null;
    if (isFac() && !projector) {
      const editBtn = h('button.btn.btn-ghost.btn-small.tfield-edit', {
        type: 'button', 'data-testid': `edit-${tid(boardId, section.id, field.id)}`,
        'aria-label': `${t('edit')}: ${L(field.label)}`,
        on: { click: () => openEditor() },
      }, t('edit'));
      box.appendChild(editBtn);
      const openEditor = () => {
        if (editor) return;
        const current = app.state.boards[boardId].texts?.[section.id]?.[field.id] || '';
        const ta = h('textarea.input', {
          rows: i === 0 ? 4 : 3, maxlength: String(field.max_len), 'aria-label': L(field.label),
          'data-testid': `editor-${tid(boardId, section.id, field.id)}`,
        });
        ta.value = current;
        const counter = h('span.counter');
        const upd = () => setText(counter, t('characters', { n: ta.value.length, max: field.max_len }));
        ta.addEventListener('input', upd);
        upd();
        const save = h('button.btn.btn-primary.btn-small', { type: 'button', 'data-testid': `save-${tid(boardId, section.id, field.id)}` }, t('save'));
        const cancel = h('button.btn.btn-small', { type: 'button' }, t('cancel'));
        editor = h('div.tfield-editor', ta, h('div.editor-actions', counter, cancel, save));
        const close = () => { editor.remove(); editor = null; box.classList.remove('editing'); editBtn.focus(); };
        cancel.addEventListener('click', close);
        save.addEventListener('click', async () => {
          save.disabled = true;
          try {
            await send({ type: 'set_text', board: boardId, section: section.id, field: field.id, text: ta.value.trim() });
            close();
          } catch {
            save.disabled = false;
          }
        });
        ta.addEventListener('keydown', (e) => {
          if (e.key === 'Escape') close();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save.click();
        });
        box.classList.add('editing');
        box.appendChild(editor);
        ta.focus();
      };
    }
    grid.appendChild(box);
    return { field, text, box };
  });
  shell.el.appendChild(grid);
  // long Dutch words: shrink the text of a box its longest word does not fit, again when the width
  // changes. The observer's first report (right after the grid is first laid out, before it is
  // drawn) fits the boxes of a new build: fitting them before that would force a layout of the
  // build in the middle of it, and be done again by that report (measured: docs/benchmarks.md,
  // stop 26). The width is the report's, read without forcing a layout.
  const fitAll = () => fitAllWords(fields.map(({ text }) => ({ el: text, text: text._text ?? text.textContent })), TEXT_MIN);
  let width = null; // the grid's width when its boxes were last fitted; null: not laid out yet
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(([entry]) => {
      const w = entry.contentRect.width;
      if (w !== width) { width = w; fitAll(); }
    }).observe(grid);
  } else {
    width = 0; // no observer: every change is fitted when it comes
  }
  function update() {
    shell.updateCurrent();
    const texts = app.state.boards[boardId].texts?.[section.id] || {};
    const changed = [];
    for (const { field, text } of fields) {
      const v = texts[field.id] || '';
      const shown = v || t('empty');
      if (text._text !== shown) {
        text._text = shown;
        changed.push({ el: text, text: shown });
      }
      toggle(text, 'is-empty', !v);
    }
    // not laid out yet: the observer fits them (the projector's page fits its scene to the screen
    // right after a build, from the boxes as they are: it keeps fitting them at once)
    if (changed.length && (width !== null || projector)) fitWordsSoon(changed, TEXT_MIN);
  }
  return { el: shell.el, update };
}
