// Card 1, step 3 "Concretiseren": the newest version of the sentence word by word. A participant
// taps the words that could be clearer (a toggle); every screen shows how many marked each word,
// never who. The facilitator writes the next version; the versions before it stay below, in order,
// with their marks.

import { h, setText, toggle, reconcile, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';

const words = (text) => text.split(/\s+/).filter(Boolean);

/** A version's words with their counts: buttons to tap (`onTap`) or spans; `mine`: the words I
 * marked in the newest version (null for an older one). */
function wordRow(version, mine, onTap) {
  return words(version.text).map((word, i) => {
    const n = version.counts?.[String(i)] || 0;
    const inner = [h('span.draft-word-text', word), n ? h('span.draft-count', { 'aria-label': t('draftMarks', { n }) }, String(n)) : null];
    const cls = `draft-word${n ? ' has-marks' : ''}${mine?.includes(i) ? ' mine' : ''}`;
    return onTap
      ? h('button', { type: 'button', class: cls, 'aria-pressed': String(!!mine?.includes(i)), 'data-testid': `draft-word-${i}`, on: { click: () => onTap(i) } }, inner)
      : h('span', { class: cls, 'data-testid': mine ? `draft-word-${i}` : undefined }, inner);
  });
}

export function draftSection(app, boardId, section) {
  const { projector, send, tid } = app;
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt))]);
  const versions = () => app.state.boards[boardId].drafts?.[section.id] || [];
  const canMark = () => !projector && app.isPart() && !shell.blocked() && !app.closed();
  const current = h('p.draft-current', { 'data-testid': `draft-current-${tid(boardId, section.id)}` });
  const empty = h('p.sec-waiting', t('draftEmpty'));
  const history = h('ol.draft-history', { 'data-testid': `draft-history-${tid(boardId, section.id)}` });
  const historyWrap = h('details.draft-older', h('summary', t('draftOlder')), history);
  const pending = new Set();

  const editor = h('textarea.input', { rows: 3, maxlength: String(section.max_len), 'aria-label': t('draftNew'), 'data-testid': 'draft-input' });
  const saveBtn = h('button.btn.btn-primary', { type: 'submit', 'data-testid': 'draft-save' }, t('draftSave'));
  const form = h('form.draft-form', h('label.field-label', t('draftNew')), editor, h('div.editor-actions', saveBtn));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    saveBtn.disabled = true;
    try { await send({ type: 'write_draft', board: boardId, section: section.id, text: editor.value }); editor.dataset.dirty = ''; } catch { /* toast shown */ }
    saveBtn.disabled = false;
  });
  editor.addEventListener('input', () => { editor.dataset.dirty = '1'; });
  shell.el.append(h('div.draft-now', current, empty), form, historyWrap);

  async function tap(i) {
    const list = versions();
    const version = list.length - 1;
    const mine = app.you?.[boardId]?.[section.id] || [];
    const key = `${version}/${i}`;
    if (pending.has(key)) return;
    pending.add(key);
    try { await send({ type: 'mark_word', board: boardId, section: section.id, version, word: i, marked: !mine.includes(i) }); } catch { /* toast shown */ }
    pending.delete(key);
  }

  function update() {
    shell.updateCurrent();
    const list = versions();
    const last = list[list.length - 1];
    empty.hidden = !!last;
    current.replaceChildren(...(last ? wordRow(last, app.you?.[boardId]?.[section.id] || [], canMark() ? tap : null) : []));
    attr(current, 'data-version', last ? String(list.length) : null);
    form.hidden = projector || !app.isFac() || app.closed();
    if (!form.hidden && !editor.dataset.dirty && document.activeElement !== editor) editor.value = last?.text || '';
    const older = list.slice(0, -1).map((v, n) => ({ v, n }));
    historyWrap.hidden = !older.length;
    if (projector) historyWrap.open = true;
    reconcile(history, older, ({ n }) => n, () => h('li.draft-version'), (li, { v, n }) => {
      li.replaceChildren(h('span.draft-n', t('draftVersion', { n: n + 1 })), ...wordRow(v, null, null));
    });
    toggle(shell.el, 'has-history', older.length > 0);
    setText(historyWrap.firstChild, t('draftOlder', { n: older.length }));
  }
  return { el: shell.el, update };
}
