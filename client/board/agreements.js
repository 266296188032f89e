// A contract of agreements ("Waardencontract ... JA = AFSPRAAK!"): values the facilitator seeded
// and people added; each participant says JA (or takes it back) per value. Every screen shows how
// many agreed, never who; a value with enough JA's (the server says which, in the progress) is
// marked as an agreement. The facilitator rewrites and takes values away.

import { h, setText, toggle, reconcile, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';
import { useContractStyles, fitText, refitOnWidth } from './kinds/contract-ui.js';
import { clearSent } from './forms.js';

const EMPTY = { items: [], counts: {} };

export function agreementsSection(app, boardId, section) {
  useContractStyles();
  const { projector, send, tid, isFac, isPart } = app;
  const key = tid(boardId, section.id);
  const facTools = () => isFac() && !projector && !app.closed();
  const content = () => app.state.boards[boardId].agreements?.[section.id] || EMPTY;
  const cmd = (type, fields) => send({ type, board: boardId, section: section.id, ...fields });
  const rule = h('p.ag-rule', { 'data-testid': `ag-rule-${key}` });
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt)), rule]);

  const input = h('input.input', { type: 'text', maxlength: String(section.max_len), 'aria-label': t('agAdd'),
    placeholder: t('agAddPh'), 'data-testid': `ag-input-${key}` });
  const form = h('form.ag-add', input, h('button.btn.btn-primary', { type: 'submit', 'data-testid': `ag-add-${key}` }, t('agAddBtn')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!input.value.trim()) return;
    const typed = input.value;
    try { await cmd('add_agreement', { text: typed }); clearSent(input, typed); } catch { /* toast shown */ }
  });
  const list = h('ul.ag-list', { 'data-testid': `ag-${key}` });
  shell.el.append(list, form);

  const text = (item) => (item.label ? L(item.label) : item.text);

  function card(item) {
    const mark = h('span.ag-agreed', t('agAgreed'));
    const label = h('p.ag-text');
    const count = h('span.ag-count', { role: 'status' });
    const bar = h('span.ag-bar', h('span.ag-fill'));
    const yes = h('button.btn.ag-yes', { type: 'button', 'aria-pressed': 'false', 'data-testid': `ag-yes-${item.id}`,
      on: { click: (e) => { const li = e.currentTarget.closest('li'); cmd('confirm_agreement', { item: li._item.id, on: !li._mine }).catch(() => {}); } } }, t('agYes'));
    const edit = h('input.input.ag-edit', { type: 'text', maxlength: String(section.max_len), 'data-testid': `ag-edit-${item.id}` });
    const save = h('button.btn.btn-small', { type: 'button', 'data-testid': `ag-save-${item.id}`,
      on: { click: () => cmd('edit_agreement', { item: item.id, text: edit.value }).catch(() => {}) } }, t('agSave'));
    const hide = h('button.btn.btn-ghost.btn-tiny', { type: 'button', 'data-testid': `ag-hide-${item.id}`,
      on: { click: (e) => cmd('edit_agreement', { item: item.id, hidden: !e.currentTarget.closest('li')._item.hidden }).catch(() => {}) } });
    const fac = h('div.ag-fac', edit, save, hide);
    return h('li.ag-item', { 'data-testid': `ag-item-${item.id}` }, h('div.ag-main', mark, label, h('div.ag-tally', bar, count)), yes, fac);
  }

  function update() {
    shell.updateCurrent();
    const c = content();
    const p = app.progress[`${boardId}/${section.id}`] || { people: 0, need: section.threshold || 0, agreed: [] };
    const agreed = new Set(p.agreed || []);
    const mine = new Set(app.you?.[boardId]?.[section.id] || []);
    const why = shell.blocked();
    const canAdd = !projector && !app.closed() && (isFac() || (isPart() && section.open && !why));
    form.hidden = !canAdd;
    setText(rule, section.threshold ? t('agRule', { need: section.threshold }) : t('agRuleAll'));
    const shown = c.items.filter((i) => (isFac() && !projector) || !i.hidden);
    reconcile(list, shown, (i) => i.id, card, (li, item) => {
      li._item = item;
      li._mine = mine.has(item.id);
      const [main, yes, fac] = li.children;
      const [mark, label, tally] = main.children;
      const [bar, count] = tally.children;
      const n = c.counts[item.id] || 0;
      fitText(label, text(item));
      mark.hidden = !agreed.has(item.id);
      toggle(li, 'agreed', agreed.has(item.id));
      toggle(li, 'off', item.hidden);
      setText(count, section.threshold ? t('agCountOf', { n, need: p.need }) : t('agCount', { n, total: p.people }));
      attr(count, 'data-count', String(n));
      bar.firstChild.style.width = `${p.need ? Math.min(100, (100 * n) / p.need) : 0}%`;
      yes.hidden = projector || !isPart();
      yes.disabled = !!why || app.closed() || item.hidden;
      attr(yes, 'aria-pressed', String(li._mine));
      attr(yes, 'aria-label', t('agYesLabel', { text: text(item) }));
      toggle(yes, 'on', li._mine);
      fac.hidden = !facTools();
      if (document.activeElement !== edit(li)) edit(li).value = item.text;
      attr(edit(li), 'aria-label', t('agEditLabel', { text: text(item) }));
      setText(fac.lastChild, item.hidden ? t('agShow') : t('agHide'));
    });
  }
  const edit = (li) => li.querySelector('.ag-edit');
  refitOnWidth(app, list);
  return { el: shell.el, update };
}
