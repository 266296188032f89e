// Card 4's conditions table (template 4B): per role what the person needs (time, access to
// information, support), each cell a short text and who arranges it. A cell is saved when it
// loses focus; on a phone each role is a card with its three cells under each other.

import { h, setText, toggle } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';

export function conditionsSection(app, boardId, section) {
  const { projector, tid, send } = app;
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt))]);
  const member = () => !projector && (app.isFac() || app.isPart()) && !shell.blocked() && !app.closed();
  const cellsOf = () => app.state.boards[boardId].conditions?.[section.id] || {};
  const cells = [];
  const head = h('tr', h('th', { scope: 'col' }, t('condRole')), section.columns.map((col) => h('th', { scope: 'col' }, L(col.label))));
  const body = section.rows.map((row) => h('tr', { 'data-testid': `cond-row-${row.id}` },
    h('th.cond-role', { scope: 'row' }, L(row.label)),
    section.columns.map((col) => {
      const key = `${row.id}/${col.id}`;
      const label = `${L(row.label)} · ${L(col.label)}`;
      const text = h('textarea.input.cond-text', { rows: 2, maxlength: String(section.max_len), 'aria-label': label,
        'data-testid': `cond-text-${row.id}-${col.id}` });
      const who = h('input.input.cond-who', { type: 'text', maxlength: String(section.max_who_len), placeholder: t('condWhoPh'),
        'aria-label': `${label} · ${t('condWho')}`, 'data-testid': `cond-who-${row.id}-${col.id}` });
      const shownText = h('p.cond-shown');
      const shownWho = h('p.cond-shown-who');
      const save = async () => {
        const cell = cellsOf()[key] || { text: '', who: '' };
        const next = { text: text.value.trim(), who: who.value.trim() };
        if (next.text === cell.text && next.who === cell.who) return;
        try {
          await send({ type: 'set_condition', board: boardId, section: section.id, row: row.id, column: col.id, ...next });
        } catch { /* toast shown; the cell keeps what was typed */ }
      };
      text.addEventListener('change', save);
      who.addEventListener('change', save);
      cells.push({ key, text, who, shownText, shownWho });
      return h('td', { 'data-col': L(col.label) }, h('span.cond-col', { 'aria-hidden': 'true' }, L(col.label)),
        text, who, shownText, shownWho);
    })));
  shell.el.appendChild(h('div.cond-wrap', h('table.cond-table', { 'data-testid': `cond-table-${tid(boardId, section.id)}` },
    h('thead', head), h('tbody', body))));

  function update() {
    shell.updateCurrent();
    const edit = member();
    const all = cellsOf();
    for (const c of cells) {
      const cell = all[c.key] || { text: '', who: '' };
      // typing survives an update: a focused field keeps its value until it is saved
      if (document.activeElement !== c.text) c.text.value = cell.text;
      if (document.activeElement !== c.who) c.who.value = cell.who;
      c.text.hidden = c.who.hidden = !edit;
      c.shownText.hidden = c.shownWho.hidden = edit;
      setText(c.shownText, cell.text || '–');
      setText(c.shownWho, cell.who ? t('condBy', { who: cell.who }) : '');
      toggle(c.shownText, 'empty', !cell.text);
    }
  }
  return { el: shell.el, update };
}
