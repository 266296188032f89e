// Dot sections (drijfveren, pijlers): each participant places a few dots; everyone sees the
// counts per group, unless the facilitator hides them until the reveal.

import { h, setText, toggle, attr, toast } from '../dom.js';
import { t, L, errorText } from '../i18n.js';
import { sectionShell } from './shell.js';

export function dotsSection(app, boardId, section) {
  const { tplOf, tid, isFac, isPart, send, groupOf, projector } = app;
  const groups = tplOf(boardId).groups;
  const remaining = h('span.remaining', { 'data-testid': `remaining-${tid(boardId, section.id)}` });
  const hiddenBadge = h('span.hidden-badge', { 'data-testid': `hidden-badge-${tid(boardId, section.id)}`, hidden: true }, t('hiddenForOthers'));
  const toggleBtn = isFac() && !projector ? h('button.btn.btn-small.hide-toggle', {
    type: 'button', 'data-testid': `hide-toggle-${tid(boardId, section.id)}`,
    on: {
      click: () => {
        const hidden = !app.state.boards[boardId].dots[section.id].hidden;
        send({ type: 'set_hidden', board: boardId, section: section.id, hidden }).catch(() => {});
      },
    },
  }) : null;
  const legend = h('div.legend', groups.map((g) => h('span.legend-item', { style: { '--c': g.colour } }, h('span.swatch'), L(g.label))));
  const tools = h('div.sec-tools', legend, isPart() ? remaining : null, hiddenBadge, toggleBtn);
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt)), tools]);
  const notice = h('div.hidden-notice', { 'data-testid': `hidden-notice-${tid(boardId, section.id)}`, hidden: true },
    h('span.eye', { 'aria-hidden': 'true' }), isPart() ? t('hiddenNotice') : t('hiddenForOthers'));
  const grid = h('div.options');
  const pendingOps = new Set();

  const cards = section.options.map((opt, i) => {
    const counts = {};
    const dotRows = {};
    const countRows = groups.map((g) => {
      const n = h('span.count-n', { 'data-testid': `count-${tid(boardId, section.id, opt.id, g.id)}` });
      const dots = h('span.dot-row');
      counts[g.id] = n;
      dotRows[g.id] = dots;
      return h('span.count-row', { style: { '--c': g.colour }, title: L(g.label) }, dots, n);
    });
    const mineTag = h('span.mine-tag', { hidden: true, title: t('myDot'), 'data-testid': 'my-dot' }, h('span.mine-text', t('myDot')));
    const inner = [
      h('span.opt-num', { 'aria-hidden': 'true' }, String(i + 1)),
      mineTag,
      h('span.opt-top', h('span.opt-label', L(opt.label))),
      h('span.opt-hint', L(opt.hint)),
      h('span.opt-counts', countRows),
    ];
    const testid = `option-${tid(boardId, section.id, opt.id)}`;
    let card;
    if (isPart()) {
      card = h('button.option', { type: 'button', 'data-testid': testid, 'aria-pressed': 'false', on: { click: () => clickOption(opt) } }, inner);
    } else {
      card = h('div.option', { 'data-testid': testid }, inner);
    }
    grid.appendChild(card);
    return { opt, card, counts, dotRows, mineTag };
  });

  async function clickOption(opt) {
    if (pendingOps.has(opt.id)) return;
    const mine = myDots();
    const isMine = mine.includes(opt.id);
    if (!isMine && mine.length >= section.per_person) {
      toast(errorText('budget_exhausted'));
      return;
    }
    pendingOps.add(opt.id);
    update();
    try {
      await send({ type: isMine ? 'remove_dot' : 'place_dot', board: boardId, section: section.id, option: opt.id });
    } catch { /* toast shown */ }
    pendingOps.delete(opt.id);
    update();
  }

  function myDots() {
    return app.you?.[boardId]?.[section.id] || [];
  }

  shell.el.append(notice, grid);

  function update() {
    shell.updateCurrent();
    const vote = app.state.boards[boardId].dots[section.id] || { hidden: false, counts: {} };
    const masked = vote.hidden && !isFac();
    const mine = myDots();
    const left = Math.max(0, section.per_person - mine.length);
    setText(remaining, left ? t('remaining', { n: left, max: section.per_person }) : t('remainingNone', { max: section.per_person }));
    attr(remaining, 'data-left', String(left));
    toggle(remaining, 'done', left === 0);
    hiddenBadge.hidden = !(vote.hidden && isFac());
    if (toggleBtn) {
      setText(toggleBtn, vote.hidden ? t('reveal') : t('hide'));
      toggle(toggleBtn, 'btn-primary', vote.hidden);
      attr(toggleBtn, 'aria-pressed', String(!!vote.hidden));
    }
    notice.hidden = !masked;
    toggle(shell.el, 'masked', masked);
    let max = 0;
    for (const per of Object.values(vote.counts || {})) for (const n of Object.values(per)) max = Math.max(max, n);
    for (const { opt, card, counts, dotRows, mineTag } of cards) {
      const per = (vote.counts || {})[opt.id] || {};
      for (const g of groups) {
        const n = per[g.id] || 0;
        setText(counts[g.id], masked ? '–' : String(n));
        attr(counts[g.id], 'data-count', masked ? null : String(n));
        renderDots(dotRows[g.id], masked ? 0 : n);
        toggle(counts[g.id].parentElement, 'zero', masked || n === 0);
      }
      const isMine = mine.includes(opt.id);
      toggle(card, 'mine', isMine);
      mineTag.hidden = !isMine;
      if (isPart()) {
        attr(card, 'aria-pressed', String(isMine));
        toggle(card, 'pending', pendingOps.has(opt.id));
        toggle(card, 'spent', !isMine && left === 0);
        const me = app.state.participants[app.participant];
        if (me) card.style.setProperty('--mine', groupOf(me.group)?.colour || '#334155');
      }
      const total = Object.values(per).reduce((a, b) => a + b, 0);
      toggle(card, 'top', !masked && max > 0 && total > 0 && Object.values(per).some((n) => n === max));
    }
  }
  return { el: shell.el, update };
}

function renderDots(row, n) {
  const shown = Math.min(n, 12);
  if (row.childElementCount === shown + (n > 12 ? 1 : 0)) return;
  row.replaceChildren();
  for (let i = 0; i < shown; i++) row.appendChild(h('span.dot'));
  if (n > 12) row.appendChild(h('span.dot-more', '+'));
}

