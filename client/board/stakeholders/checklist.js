// The shared checklist (card 2: "Aanname checklist"), with the open assumptions of the board;
// a chip opens that post-it's editor on the map.

import { h, setText, toggle, attr, reconcile } from '../../dom.js';
import { t, L } from '../../i18n.js';
import { sectionShell } from '../shell.js';

export function checklistSection(app, boardId, section) {
  const { projector } = app;
  const member = () => !projector && (app.isFac() || app.isPart());
  const tpl = app.tplOf(boardId);
  const shSection = tpl.sections.find((s) => s.type === 'stakeholders');
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt))]);
  const pending = new Set();
  const rows = section.items.map((item) => {
    const box = h('input', { type: 'checkbox', 'data-testid': `check-${item.id}`, disabled: !member() });
    box.addEventListener('change', async () => {
      pending.add(item.id);
      try {
        await app.send({ type: 'set_check', board: boardId, section: section.id, item: item.id, checked: box.checked });
      } catch { /* toast shown */ }
      pending.delete(item.id);
      update();
    });
    // a question whose "yes" is work left (the template's open_mark) shows that word, not a tick
    const mark = item.open_mark ? h('span.check-open-mark', { hidden: true }, L(item.open_mark)) : null;
    const row = h('label.check-item', { 'data-testid': `check-item-${item.id}` },
      box, h('span.check-box', { 'aria-hidden': 'true' }), h('span.check-text', L(item.label)), mark);
    return { item, box, row };
  });
  const open = h('p.sh-open', { 'data-testid': 'open-assumptions' });
  const openList = h('div.sh-open-list', { 'data-testid': 'open-assumption-list' });
  shell.el.append(h('div.checklist', rows.map((r) => r.row)), h('div.sh-open-wrap', open, openList));

  function update() {
    shell.updateCurrent();
    const checks = app.state.boards[boardId].checks?.[section.id] || {};
    for (const { item, box, row } of rows) {
      if (!pending.has(item.id)) box.checked = !!checks[item.id];
      box.disabled = !member() || app.closed();
      toggle(row, 'checked', box.checked);
      showAnswer(row, box.checked);
    }
    const items = shSection ? (app.state.boards[boardId].stakeholders?.[shSection.id] || []) : [];
    const assumed = items.filter((s) => s.relevant && !s.removed && s.assumption);
    const n = assumed.length;
    setText(open, n === 0 ? t('openAssumptions0') : n === 1 ? t('openAssumptions1') : t('openAssumptions', { n }));
    attr(open, 'data-count', String(n));
    toggle(open, 'open', n > 0);
    reconcile(openList, assumed, (s) => s.id,
      (s) => (member()
        ? h('button.sh-open-chip', { type: 'button', on: { click: () => app.shOpen?.[boardId]?.(s.id) } })
        : h('span.sh-open-chip')),
      (chip, s) => setText(chip, s.category));
  }
  return { el: shell.el, update };
}

/** A "yes" to a question whose "yes" is work left (a mark in the row): an open item, not a tick. */
function showAnswer(row, yes) {
  const mark = row.querySelector('.check-open-mark');
  const open = yes && !!mark;
  if (open) toggle(row, 'checked', false);
  toggle(row, 'open-item', open);
  attr(row, 'data-answer', open ? 'open' : yes ? 'done' : 'no');
  if (mark) mark.hidden = !open;
}
