// The facilitator's run sheet (draaiboek): per step the planned minutes (editable, before and
// during the session) and the time used so far, and whether the session runs ahead or behind.

import { h, setText, toggle, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { runSheet } from '../facilitation/runsheet.js';
import { runSheetEditor } from './runsheet-editor.js';

function minutesText(ms) {
  return String(Math.round(ms / 60_000));
}

function clock(ms) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function runSheetPanel(app) {
  const body = h('tbody');
  const rows = new Map();
  const verdict = h('p.runsheet-verdict', { 'data-testid': 'runsheet-verdict', 'aria-live': 'polite' });
  const editor = runSheetEditor(app);
  const sheetUi = app.sheetUi;
  const details = h('details', { open: sheetUi.open, on: { toggle: (e) => { sheetUi.open = e.target.open; } } },
    h('summary.panel-title', t('runSheet')),
    h('table.runsheet',
      h('thead', h('tr', h('th', { scope: 'col' }, t('step')), h('th', { scope: 'col' }, t('planned')), h('th', { scope: 'col' }, t('used')))),
      body),
    editor.el);
  const el = h('section.panel.panel-runsheet', { 'data-testid': 'runsheet', 'aria-label': t('runSheet') },
    details, verdict);

  for (const r of runSheet(app.state, Date.now()).rows) {
    const key = `${r.board}/${r.step.id}`;
    const input = h('input.input.input-tiny', {
      type: 'number', min: '1', max: '240', step: '1', inputmode: 'numeric',
      'data-testid': `planned-${r.step.id}`, 'aria-label': `${t('planned')}: ${L(r.step.label)}`,
      on: {
        change: (e) => {
          const minutes = Math.round(Number(e.target.value));
          if (!Number.isFinite(minutes) || minutes < 1 || minutes > 240) { update(); return; }
          app.send({ type: 'set_step_minutes', board: r.board, step: r.step.id, minutes }).catch(() => update());
        },
      },
    });
    const used = h('td.runsheet-used', { 'data-testid': `used-${r.step.id}` });
    const name = h('th', { scope: 'row' }, L(r.step.label));
    const tr = h('tr', name, h('td', input), used);
    body.appendChild(tr);
    rows.set(key, { tr, input, used, name });
  }

  let last = '';
  function render() {
    const sheet = runSheet(app.state, app.conn.serverNow());
    for (const r of sheet.rows) {
      const row = rows.get(`${r.board}/${r.step.id}`);
      if (!row) continue;
      if (document.activeElement !== row.input) row.input.value = minutesText(r.planned);
      setText(row.name, L(r.step.label));
      toggle(row.tr, 'optional', r.step.plan?.essential === false);
      row.input.disabled = app.closed();
      setText(row.used, r.visited ? clock(r.used) : '–');
      toggle(row.tr, 'current', r.current);
      toggle(row.used, 'over', r.visited && r.used > r.planned);
    }
    const min = Math.round(Math.abs(sheet.drift) / 60_000);
    const text = !app.state.step_log?.length ? t('runSheetNotStarted')
      : min === 0 ? t('onSchedule') : sheet.drift > 0 ? t('behindSchedule', { n: min }) : t('aheadOfSchedule', { n: min });
    if (text !== last) {
      last = text;
      setText(verdict, text);
      attr(verdict, 'data-drift', String(Math.round(sheet.drift / 60_000)));
    }
  }
  function update() { render(); editor.update(); }
  let ticks = 0;
  function tick() { if (++ticks % 4 === 0) render(); } // once a second is plenty
  return { el, update, tick };
}
