// Dot sections (drijfveren, pijlers): each participant places a few dots; everyone sees the
// counts per group, unless the facilitator hides them until the reveal. Everyone sees how many
// still have dots to place; the facilitator also who, places dots for people in the room, and
// compares the groups.

import { h, setText, toggle, attr, toast } from '../dom.js';
import { t, L, errorText } from '../i18n.js';
import { sectionShell } from './shell.js';
import { differView, groupMark } from './differ-view.js';
import { proxyPicker, actingFor as actingForIn } from './proxy-picker.js';

export function dotsSection(app, boardId, section) {
  const { tplOf, tid, isFac, isPart, send, groupOf, projector } = app;
  const groups = tplOf(boardId).groups;
  const facTools = isFac() && !projector;
  const remaining = h('span.remaining', { 'data-testid': `remaining-${tid(boardId, section.id)}` });
  const hiddenBadge = h('span.hidden-badge', { 'data-testid': `hidden-badge-${tid(boardId, section.id)}`, hidden: true }, t(app.projector ? 'hiddenUntilReveal' : 'hiddenForOthers'));
  const toggleBtn = facTools ? h('button.btn.btn-small.hide-toggle', {
    type: 'button', 'data-testid': `hide-toggle-${tid(boardId, section.id)}`,
    on: {
      click: () => {
        const hidden = !app.state.boards[boardId].dots[section.id].hidden;
        send({ type: 'set_hidden', board: boardId, section: section.id, hidden }).catch(() => {});
      },
    },
  }) : null;
  const differ = differView(app, boardId, section);
  differ.el.hidden = true;
  const differBtn = !projector ? h('button.btn.btn-small.differ-toggle', {
    type: 'button', 'data-testid': `differ-toggle-${tid(boardId, section.id)}`, 'aria-expanded': 'false',
    on: { click: () => { differ.el.hidden = !differ.el.hidden; update(); } },
  }) : null;
  const legend = h('div.legend', groups.map((g, i) => h('span.legend-item', { style: { '--c': g.colour } },
    h('span.swatch', { 'data-mark': groupMark(i, groups), 'data-g': String(i) }), L(g.label))));
  const progress = h('span.vote-progress', { 'data-testid': `progress-${tid(boardId, section.id)}` });
  const tools = h('div.sec-tools', legend, isPart() ? remaining : null, progress, hiddenBadge,
    h('div.sec-actions', differBtn, toggleBtn));
  const finishedLine = facTools ? h('p.finished-line', { 'data-testid': `finished-${tid(boardId, section.id)}` }) : null;
  const picker = facTools ? proxyPicker(app, boardId, section, () => update()) : null;
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt)), tools, finishedLine, picker?.el]);
  const notice = h('div.hidden-notice', { 'data-testid': `hidden-notice-${tid(boardId, section.id)}`, hidden: true },
    h('span.eye', { 'aria-hidden': 'true' }), isPart() ? t('hiddenNotice') : t(app.projector ? 'hiddenUntilReveal' : 'hiddenForOthers'));
  const grid = h('div.options');
  const pendingOps = new Set();

  const cards = section.options.map((opt, i) => {
    const counts = {};
    const dotRows = {};
    const countRows = groups.map((g, gi) => {
      const n = h('span.count-n', { 'data-testid': `count-${tid(boardId, section.id, opt.id, g.id)}`, 'data-mark': groupMark(gi, groups) });
      const dots = h('span.dot-row');
      counts[g.id] = n;
      dotRows[g.id] = dots;
      return h('span.count-row', { style: { '--c': g.colour }, title: L(g.label), 'data-g': String(gi) }, dots, n);
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
    // a participant taps their own cards; the facilitator taps for the person in the room chosen
    const card = isPart() || facTools
      ? h('button.option', { type: 'button', 'data-testid': testid, 'aria-pressed': 'false', on: { click: () => clickOption(opt) } }, inner)
      : h('div.option', { 'data-testid': testid }, inner);
    grid.appendChild(card);
    return { opt, card, counts, dotRows, mineTag };
  });

  const actingFor = () => actingForIn(app, boardId, section, picker);

  async function clickOption(opt) {
    if (app.closed()) return; // nothing to vote on: the page says the session is closed
    const who = actingFor();
    if (!who) {
      if (picker && !picker.el.hidden) toast(t('proxyPickFirst'), 'info');
      return;
    }
    const why = isPart() ? shell.blocked() : app.blocked(boardId, section.id, 'dots');
    if (why) { toast(errorText(why)); return; }
    if (pendingOps.has(opt.id)) return;
    const isMine = who.dots.includes(opt.id);
    if (!isMine && who.dots.length >= section.per_person) {
      toast(errorText('budget_exhausted'));
      return;
    }
    pendingOps.add(opt.id);
    update();
    const frame = { type: isMine ? 'remove_dot' : 'place_dot', board: boardId, section: section.id, option: opt.id };
    if (who.proxy) frame.proxy = who.proxy;
    try {
      await send(frame);
    } catch { /* toast shown */ }
    pendingOps.delete(opt.id);
    update();
  }

  shell.el.append(notice, differ.el, grid);

  /** Voters of this section: the participants of the board's groups. */
  function voters() {
    const ids = new Set(groups.map((g) => g.id));
    return Object.entries(app.state.participants).filter(([, p]) => ids.has(p.group));
  }

  function updateProgress() {
    const p = app.progress[`${boardId}/${section.id}`] || { done: {} };
    const everyone = voters();
    const done = Object.values(p.done || {}).reduce((a, b) => a + b, 0);
    const left = Math.max(0, everyone.length - done);
    setText(progress, !everyone.length ? '' : left ? t('stillVoting', { n: left, total: everyone.length }) : t('allVoted'));
    attr(progress, 'data-left', String(left));
    toggle(progress, 'done', everyone.length > 0 && left === 0);
    if (finishedLine) {
      const finished = new Set(p.finished || []);
      const names = (pred) => everyone.filter(([id]) => pred(finished.has(id))).map(([, q]) => q.name).join(', ');
      const yes = names((f) => f);
      const no = names((f) => !f);
      finishedLine.hidden = !everyone.length;
      setText(finishedLine, [yes && `${t('finishedVoting')}: ${yes}`, no && `${t('notFinishedVoting')}: ${no}`].filter(Boolean).join(' · '));
    }
  }

  function update() {
    shell.updateCurrent();
    picker?.update();
    const vote = app.state.boards[boardId].dots[section.id] || { hidden: false, counts: {} };
    const masked = vote.hidden && !isFac();
    const who = actingFor();
    const mine = who?.dots || [];
    const left = Math.max(0, section.per_person - mine.length);
    setText(remaining, left ? t('remaining', { n: left, max: section.per_person }) : t('remainingNone', { max: section.per_person }));
    attr(remaining, 'data-left', String(left));
    toggle(remaining, 'done', left === 0);
    updateProgress();
    hiddenBadge.hidden = !(vote.hidden && isFac());
    if (toggleBtn) {
      setText(toggleBtn, vote.hidden ? t('reveal') : t('hide'));
      toggle(toggleBtn, 'btn-primary', vote.hidden);
      attr(toggleBtn, 'aria-pressed', String(!!vote.hidden));
      toggleBtn.disabled = app.closed();
    }
    if (differBtn) {
      differBtn.hidden = masked; // nothing to compare before the reveal
      setText(differBtn, differ.el.hidden ? t('differShow') : t('differHide'));
      attr(differBtn, 'aria-expanded', String(!differ.el.hidden));
    }
    if (masked) differ.el.hidden = true;
    if (!differ.el.hidden) differ.update();
    notice.hidden = !masked;
    toggle(shell.el, 'masked', masked);
    toggle(grid, 'proxy-mode', !!who?.proxy);
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
      if (card.tagName === 'BUTTON') {
        attr(card, 'aria-pressed', String(isMine));
        toggle(card, 'pending', pendingOps.has(opt.id));
        toggle(card, 'spent', !isMine && left === 0);
        const person = isPart() ? app.state.participants[app.participant] : app.state.participants[who?.proxy];
        card.style.setProperty('--mine', groupOf(person?.group)?.colour || '#334155');
        const idle = !who || app.closed(); // the facilitator has chosen nobody to place dots for, or closed
        toggle(card, 'idle', idle);
        attr(card, 'aria-disabled', idle ? 'true' : null);
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
