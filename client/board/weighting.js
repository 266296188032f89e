// "Gewichten plakken aan de thema's": people propose themes, then put their dots on them (a
// budget each; several on one theme where the section allows it). Participants may see the themes
// in an order of their own (kinds/weighting-rules.js); the dots stay hidden until the reveal,
// after which they are final and the top themes are marked. The facilitator takes themes away,
// merges one into another, and reveals.

import { h, setText, toggle, reconcile, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { sectionShell } from './shell.js';
import { themeOrder, topThemes } from './kinds/weighting-rules.js';
import { useContractStyles, fitText, refitOnWidth } from './kinds/contract-ui.js';
import { proxyPicker, actingFor } from './proxy-picker.js';
import { clearSent } from './forms.js';

const EMPTY = { items: [], counts: {}, hidden: false, revealed: false };

export function weightingSection(app, boardId, section) {
  useContractStyles();
  const { projector, send, tid, isFac, isPart } = app;
  const key = tid(boardId, section.id);
  const facTools = () => isFac() && !projector && !app.closed();
  const content = () => app.state.boards[boardId].weightings?.[section.id] || EMPTY;
  const cmd = (type, fields) => send({ type, board: boardId, section: section.id, ...fields }).catch(() => {});
  // The facilitator weighs for people in the room without a device (add_proxy).
  const picker = isFac() && !projector ? proxyPicker(app, boardId, section, () => update()) : null;
  const who = () => actingFor(app, boardId, section, picker);
  const weighFor = (item, add) => {
    const proxy = who()?.proxy;
    cmd('weigh_theme', { item, add, ...(proxy ? { proxy } : {}) });
  };

  const reveal = h('button.btn.btn-small', { type: 'button', 'data-testid': `wt-reveal-${key}`,
    on: { click: () => cmd('set_hidden', { hidden: !content().hidden }) } });
  const left = h('p.wt-left', { 'data-testid': `wt-left-${key}`, role: 'status' });
  const notice = h('p.hidden-notice', { 'data-testid': `wt-notice-${key}` });
  const order = h('p.wt-order', t('wtOwnOrder'));
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt)),
    h('div.sec-tools', left, notice, h('div.sec-actions', reveal)), picker?.el]);

  const input = h('input.input', { type: 'text', maxlength: String(section.max_len), 'aria-label': t('wtTheme'),
    placeholder: t('wtThemePh'), 'data-testid': `wt-input-${key}` });
  const form = h('form.wt-add', input, h('button.btn.btn-primary', { type: 'submit', 'data-testid': `wt-propose-${key}` }, t('wtPropose')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!input.value.trim()) return;
    const typed = input.value;
    try { await send({ type: 'propose_theme', board: boardId, section: section.id, text: typed }); clearSent(input, typed); } catch { /* toast shown */ }
  });
  const empty = h('p.wt-empty', t('wtEmpty'));
  const list = h('ol.wt-list', { 'data-testid': `wt-${key}` });
  shell.el.append(order, form, empty, list);

  function card(item) {
    const top = h('span.wt-top');
    const text = h('p.wt-text');
    const merged = h('span.wt-merged');
    const count = h('span.wt-count');
    const mineEl = h('span.wt-mine');
    const minus = h('button.btn.btn-small.wt-minus', { type: 'button', 'data-testid': `wt-undot-${item.id}`, on: { click: () => weighFor(item.id, false) } }, '\u2212');
    const plus = h('button.btn.btn-small.wt-plus', { type: 'button', 'data-testid': `wt-dot-${item.id}`, on: { click: () => weighFor(item.id, true) } }, '+');
    const hide = h('button.btn.btn-ghost.btn-tiny', { type: 'button', 'data-testid': `wt-hide-${item.id}`,
      on: { click: (e) => cmd('hide_theme', { item: item.id, hidden: !e.currentTarget.closest('li')._item.hidden }) } });
    const merge = h('select.wt-merge', { 'data-testid': `wt-merge-${item.id}`,
      on: { change: (e) => { const into = e.currentTarget.value; e.currentTarget.value = ''; if (into) cmd('merge_theme', { item: item.id, into }); } } });
    const dots = h('div.wt-dots', count, mineEl, minus, plus);
    return h('li.wt-card', { 'data-testid': `wt-item-${item.id}` }, h('div.wt-head', top, merged), text, dots, h('div.wt-fac', hide, merge));
  }

  function ordered(c) {
    const shown = c.items.filter((i) => (isFac() && !projector) || !i.hidden);
    if (c.revealed) { // after the reveal: the most dots first, for everyone
      const n = (i) => c.counts[i.id] || 0;
      return [...shown].sort((a, b) => n(b) - n(a));
    }
    if (section.shuffle && isPart() && app.participant) {
      const byId = new Map(shown.map((i) => [i.id, i]));
      return themeOrder(app.participant, shown.map((i) => i.id)).map((id) => byId.get(id));
    }
    return shown;
  }

  function update() {
    shell.updateCurrent();
    picker?.update();
    const c = content();
    const acting = who();
    const my = acting?.dots || [];
    const why = acting?.proxy ? app.blocked(boardId, section.id, 'weigh') : shell.blocked();
    const propose = !projector && !app.closed() && (isFac() || (isPart() && section.propose && !app.blocked(boardId, section.id, 'propose')));
    const weigh = !projector && !!acting && !app.closed() && !c.revealed && !app.blocked(boardId, section.id, 'weigh');
    const masked = c.hidden && !isFac();
    const top = new Set(c.revealed || (!c.hidden && !section.hidden) ? topThemes(c, section.top) : []);
    form.hidden = !propose;
    order.hidden = !(section.shuffle && isPart() && !c.revealed);
    reveal.hidden = !facTools();
    setText(reveal, c.hidden ? t('wtReveal') : t('wtHideDots'));
    left.hidden = !acting;
    const leftN = Math.max(0, section.per_person - my.length);
    setText(left, acting?.proxy ? t('proxyLeft', { name: acting.name, n: leftN, max: section.per_person })
      : t('wtLeft', { n: leftN, max: section.per_person }));
    notice.hidden = !(c.hidden || c.revealed);
    setText(notice, c.revealed ? t('wtRevealedNotice') : isFac() ? t('wtHiddenForOthers') : t('wtHiddenNotice'));
    const items = ordered(c);
    empty.hidden = items.length > 0 || projector;
    const others = c.items.filter((i) => !i.hidden);
    reconcile(list, items, (i) => i.id, card, (li, item) => {
      li._item = item;
      const [head, text, dots, fac] = li.children;
      const [topEl, merged] = head.children;
      const [count, mineEl, minus, plus] = dots.children;
      const [hide, merge] = fac.children;
      const n = c.counts[item.id] || 0;
      const mineN = my.filter((x) => x === item.id).length;
      fitText(text, item.text);
      setText(topEl, top.has(item.id) ? t('wtTop', { n: section.top }) : '');
      topEl.hidden = !top.has(item.id);
      toggle(li, 'top', top.has(item.id));
      toggle(li, 'off', item.hidden);
      setText(merged, item.merged ? t('wtMerged', { n: item.merged }) : '');
      merged.hidden = !item.merged;
      setText(count, masked ? t('wtHidden') : t('wtDots', { n }));
      attr(count, 'data-count', masked ? null : String(n));
      setText(mineEl, !mineN ? '' : acting?.proxy ? t('proxyMine', { n: mineN, name: acting.name }) : t('wtMine', { n: mineN }));
      plus.hidden = minus.hidden = !weigh;
      plus.disabled = !!why || item.hidden || my.length >= section.per_person || (!section.several && mineN > 0);
      minus.disabled = !!why || !mineN;
      attr(plus, 'aria-label', t('wtDotOn', { text: item.text }));
      attr(minus, 'aria-label', t('wtDotOff', { text: item.text }));
      fac.hidden = !facTools();
      setText(hide, item.hidden ? t('wtShow') : t('wtTakeOff'));
      hide.hidden = !!item.merged_into;
      merge.hidden = item.hidden || n > 0 || others.length < 2;
      attr(merge, 'aria-label', t('wtMergeLabel', { text: item.text }));
      if (fac.hidden) return; // the merge list is the facilitator's
      const options = others.filter((o) => o.id !== item.id);
      if (merge._sig !== options.map((o) => `${o.id}:${o.text}`).join('|')) {
        merge._sig = options.map((o) => `${o.id}:${o.text}`).join('|');
        merge.replaceChildren(h('option', { value: '' }, t('wtMergeInto')), ...options.map((o) => h('option', { value: o.id }, o.text)));
      }
    });
  }
  refitOnWidth(app, list);
  return { el: shell.el, update };
}
