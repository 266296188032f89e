// What the decision tree and the radar share on screen: the facilitator's reveal button (the
// server's set_hidden), the "still answering" line, the hidden notice, and their stylesheet.

import { h, setText, toggle, attr } from '../../dom.js';
import { t } from '../../i18n.js';

let styled = false;
/** The kinds' CSS, beside their modules, linked once (no edit of index.html needed). */
export function useKindStyles() {
  if (styled || typeof document === 'undefined') return;
  styled = true;
  document.head.appendChild(h('link', { rel: 'stylesheet', href: '/static/board/kinds/card3.css' }));
}

/** `content()`: the section's content in the state (with `hidden`). */
export function ballotTools(app, boardId, section, content, words) {
  const { tid, isFac, isPart, projector, send } = app;
  const facTools = isFac() && !projector;
  const progress = h('span.vote-progress', { 'data-testid': `progress-${tid(boardId, section.id)}` });
  const hiddenBadge = h('span.hidden-badge', { hidden: true }, t('hiddenForOthers'));
  const revealBtn = facTools ? h('button.btn.btn-small.hide-toggle', {
    type: 'button', 'data-testid': `hide-toggle-${tid(boardId, section.id)}`,
    on: { click: () => send({ type: 'set_hidden', board: boardId, section: section.id, hidden: !content().hidden }).catch(() => {}) },
  }) : null;
  const notice = h('div.hidden-notice', { 'data-testid': `hidden-notice-${tid(boardId, section.id)}`, hidden: true },
    h('span.eye', { 'aria-hidden': 'true' }), isPart() ? t(words.notice) : t('hiddenForOthers'));
  const tools = h('div.sec-tools', progress, hiddenBadge, h('div.sec-actions', revealBtn));
  const finishedLine = facTools ? h('p.finished-line', { 'data-testid': `finished-${tid(boardId, section.id)}` }) : null;

  function update() {
    const c = content();
    const groups = new Set(app.tplOf(boardId).groups.map((g) => g.id));
    const everyone = Object.entries(app.state.participants).filter(([, p]) => groups.has(p.group));
    const p = app.progress[`${boardId}/${section.id}`] || { done: {} };
    const done = Object.values(p.done || {}).reduce((a, b) => a + b, 0);
    const left = Math.max(0, everyone.length - done);
    setText(progress, !everyone.length ? '' : left ? t(words.still, { n: left, total: everyone.length }) : t(words.all));
    attr(progress, 'data-left', String(left));
    toggle(progress, 'done', everyone.length > 0 && left === 0);
    if (finishedLine) {
      const finished = new Set(p.finished || []);
      const names = (want) => everyone.filter(([id]) => finished.has(id) === want).map(([, q]) => q.name).join(', ');
      const yes = names(true);
      const no = names(false);
      finishedLine.hidden = !everyone.length;
      setText(finishedLine, [yes && `${t('finishedVoting')}: ${yes}`, no && `${t('notFinishedVoting')}: ${no}`].filter(Boolean).join(' · '));
    }
    hiddenBadge.hidden = !(c.hidden && isFac());
    if (revealBtn) {
      setText(revealBtn, c.hidden ? t('reveal') : t('hide'));
      toggle(revealBtn, 'btn-primary', c.hidden);
      attr(revealBtn, 'aria-pressed', String(!!c.hidden));
      revealBtn.disabled = app.closed();
    }
    notice.hidden = !(c.hidden && !isFac());
  }
  return { tools, finishedLine, notice, update };
}
