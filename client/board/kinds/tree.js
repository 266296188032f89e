// The decision tree (instruction card 3, template 3A): every participant answers ja/nee per
// question, hidden until the reveal; then everyone sees the split per question. The facilitator
// sets the group's answer; the path through the tree lights up and ends on its outcome card.

import { h, setText, toggle, attr, toast } from '../../dom.js';
import { t, L, errorText } from '../../i18n.js';
import { sectionShell } from '../shell.js';
import { treePath } from './tree-fold.js';
import { ballotTools, useKindStyles } from './ballot-tools.js';
import { proxyPicker } from '../proxy-picker.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

const ANSWERS = ['ja', 'nee'];
const word = (a) => (a === 'ja' ? t('treeYes') : t('treeNo'));

export function treeSection(app, boardId, section) {
  useKindStyles();
  const { tid, isFac, isPart, projector, send } = app;
  const content = () => app.state.boards[boardId].trees?.[section.id] || { hidden: true, split: {}, group: {} };
  const ballot = ballotTools(app, boardId, section, content, { notice: 'treeHiddenNotice', still: 'treeStill', all: 'treeAll' });
  const facTools = isFac() && !projector;
  // the facilitator answers for a person in the room without a device, as they would
  const picker = facTools ? proxyPicker(app, boardId, section, () => app.schedule(),
    { max: section.questions.length, used: (marks) => Object.keys(marks || {}).length }) : null;
  const proxyMarks = () => app.proxyDots[picker?.selected()]?.[boardId]?.[section.id] || {};
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt)), ballot.tools, ballot.finishedLine, picker?.el]);
  const byId = new Map([...section.questions, ...section.outcomes].map((x) => [x.id, x]));
  const pending = new Set();

  /** Where an answer leads: the next question, or the outcome's text. */
  const leadsTo = (target) => (section.questions.some((q) => q.id === target) ? t('treeGoOn') : L(byId.get(target).label));

  async function answer(q, a, group) {
    if (!group) {
      if (isFac() && !picker?.selected()) { toast(t('proxyPickFirst'), 'info'); return; }
      const why = isPart() ? shell.blocked() : app.blocked(boardId, section.id, 'tree');
      if (why) { toast(errorText(why)); return; }
    }
    const key = `${group ? 'g' : 'm'}:${q.id}`;
    if (pending.has(key)) return;
    const proxy = !group && isFac() ? picker?.selected() : null;
    const current = group ? content().group[q.id] : proxy ? proxyMarks()[q.id] : app.you?.[boardId]?.[section.id]?.[q.id];
    const frame = { type: group ? 'set_tree_answer' : 'answer_tree', board: boardId, section: section.id, question: q.id,
      answer: current === a ? null : a };
    if (proxy) frame.proxy = proxy;
    pending.add(key);
    try { await send(frame); } catch { /* toast shown */ }
    pending.delete(key);
    app.schedule();
  }

  function answerButtons(q, group) {
    const label = group ? t('treeGroup') : isFac() ? t('treeForProxy') : t('treeMine');
    const buttons = ANSWERS.map((a) => h(`button.tree-answer.tree-${a}`, {
      type: 'button', 'data-testid': `tree-${group ? 'group' : 'mine'}-${tid(boardId, section.id, q.id)}-${a}`,
      'aria-pressed': 'false', on: { click: () => answer(q, a, group) },
    }, word(a)));
    return { el: h('div.tree-answers', { role: 'group', 'aria-label': `${label}: ${L(q.label)}` }, h('span.tree-answers-label', label), buttons), buttons };
  }

  const rows = section.questions.map((q, i) => {
    const mine = isPart() || facTools ? answerButtons(q, false) : null;
    const group = facTools ? answerButtons(q, true) : null;
    const split = h('span.tree-split', { 'data-testid': `tree-split-${tid(boardId, section.id, q.id)}` });
    const bar = h('span.tree-bar', { 'aria-hidden': 'true' }, h('span.tree-bar-ja'), h('span.tree-bar-nee'));
    const exits = h('p.tree-exits',
      h('span.tree-exit.exit-ja', t('treeLeadsTo', { answer: t('treeYes'), where: leadsTo(q.yes) })),
      h('span.tree-exit.exit-nee', t('treeLeadsTo', { answer: t('treeNo'), where: leadsTo(q.no) })));
    const chosen = h('span.tree-chosen', { 'data-testid': `tree-chosen-${tid(boardId, section.id, q.id)}` });
    const el = h('li.tree-q', { 'data-testid': `tree-q-${tid(boardId, section.id, q.id)}` },
      h('span.tree-num', { 'aria-hidden': 'true' }, String(i + 1)),
      h('div.tree-body',
        h('p.tree-label', L(q.label)),
        L(q.hint) ? h('p.tree-hint', L(q.hint)) : null,
        exits,
        h('div.tree-row', mine?.el, h('span.tree-result', bar, split), chosen, group?.el)));
    return { q, el, mine, group, split, bar, chosen };
  });
  const outcomeCard = h('div.tree-outcome', { 'data-testid': `tree-outcome-${tid(boardId, section.id)}`, role: 'status' });
  shell.el.append(ballot.notice, h('div.tree-wrap', h('ol.tree-list', rows.map((r) => r.el)), outcomeCard));

  function update() {
    shell.updateCurrent();
    ballot.update();
    const c = content();
    const { path, outcome } = treePath(section, c.group || {});
    const masked = c.hidden && !isFac();
    picker?.update();
    const forSomeone = isFac() && !!picker?.selected();
    const own = isPart() ? app.you?.[boardId]?.[section.id] || {} : proxyMarks();
    const blocked = isPart() || forSomeone ? (isPart() ? shell.blocked() : app.blocked(boardId, section.id, 'tree'))
      || (c.hidden ? null : 'already_revealed') : null;
    for (const r of rows) {
      const s = c.split?.[r.q.id] || { ja: 0, nee: 0 };
      const total = s.ja + s.nee;
      r.split.hidden = masked;
      r.bar.hidden = masked || !total;
      setText(r.split, masked ? '' : t('treeSplit', s));
      r.bar.style.setProperty('--ja', total ? String(s.ja / total) : '0');
      const g = c.group?.[r.q.id];
      const onPath = path.includes(r.q.id);
      toggle(r.el, 'on-path', onPath && !!g);
      toggle(r.el, 'open', onPath && !g && !outcome);
      toggle(r.el, 'off-path', !onPath && Object.keys(c.group || {}).length > 0);
      r.el.dataset.answer = onPath && g ? g : '';
      setText(r.chosen, onPath && g ? `${t('treeGroup')}: ${word(g)}` : '');
      r.chosen.hidden = !(onPath && g) || !!r.group;
      for (const [list, value] of [[r.mine, own[r.q.id]], [r.group, g]]) {
        if (!list) continue;
        list.buttons.forEach((b, i) => {
          attr(b, 'aria-pressed', String(value === ANSWERS[i]));
          toggle(b, 'chosen', value === ANSWERS[i]);
        });
      }
      if (r.mine) {
        r.mine.el.hidden = isFac() && !forSomeone;
        for (const b of r.mine.buttons) b.disabled = !!blocked;
      }
      if (r.group) for (const b of r.group.buttons) b.disabled = app.closed();
    }
    const o = outcome ? byId.get(outcome) : null;
    toggle(outcomeCard, 'reached', !!o);
    toggle(outcomeCard, 'fits', !!o?.fits);
    outcomeCard.replaceChildren(h('span.tree-outcome-kicker', t('treeOutcome')),
      h('p.tree-outcome-text', o ? L(o.label) : t('treeNoOutcome')));
  }
  return { el: shell.el, update };
}

/** The tree kind for the registry (index.js): its component, shown on the projector on its step. */
export const kind = {
  type: 'tree',
  component: treeSection,
  scene: (app, part, { about }) => ({ show: about }),
};
