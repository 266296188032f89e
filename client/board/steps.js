// The steps panel (the facilitator chooses the step; everyone else jumps to its section), and
// scrolling to a step's section.

import { h, toggle, attr, setText } from '../dom.js';
import { t, L } from '../i18n.js';
import { showBoard } from './tabs.js';

/** Scroll to the first section of a step (showing its board's tab first). */
export function scrollToStep(app, stepId, { smooth = true } = {}) {
  const { boardIds, tplOf } = app;
  if (!stepId) return;
  const current = stepId === app.state.step ? app.state.step_board : null;
  let target = app.anchors[stepId] || null; // a step with a place of its own (the check-out)
  for (const b of current ? [current] : boardIds()) {
    if (target) break;
    const step = tplOf(b).steps.find((s) => s.id === stepId);
    for (const id of step?.sections || []) {
      target = document.getElementById(`sec-${b}-${id}`);
      if (target) break;
    }
  }
  if (!target) return;
  const panel = target.closest('.board-panel');
  if (panel && panel.hidden) showBoard(app, panel.dataset.board);
  requestAnimationFrame(() => target.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' }));
}

/** Planned minutes of a step, as the facilitator may have changed them. */
export function plannedMinutes(app, boardId, step) {
  return app.state.step_minutes?.[`${boardId}/${step.id}`] ?? step.minutes;
}

export function stepsPanel(app) {
  const { boardIds, tplOf, multi, isFac, send } = app;
  const list = h('ol.steps');
  const items = [];
  const seen = new Set(); // a step id on two boards ("ambitie") gets its board in the test id
  const dup = new Set();
  for (const b of boardIds()) for (const s of tplOf(b).steps) (seen.has(s.id) ? dup : seen).add(s.id);
  for (const boardId of boardIds()) {
    const steps = tplOf(boardId).steps;
    if (multi() && steps.length) list.appendChild(h('li.steps-board', { 'aria-hidden': 'true' }, L(tplOf(boardId).title)));
    for (const step of steps) items.push(stepItem(boardId, step));
  }
  function stepItem(boardId, step) {
    const minutes = h('span.step-min');
    const testid = dup.has(step.id) && boardId !== boardIds()[0] ? `step-${boardId}-${step.id}` : `step-${step.id}`;
    const b = h('button.step', {
      type: 'button', 'data-testid': testid,
      title: isFac() ? t('setStep') : undefined,
      on: {
        click: () => {
          const cur = app.state.step === step.id && app.state.step_board === boardId;
          if (isFac() && !app.closed()) {
            if (!cur) send({ type: 'set_step', step: step.id, board: boardId }).catch(() => {});
          } else {
            scrollToStep(app, step.id);
          }
        },
      },
    }, h('span.step-label', L(step.label)), minutes);
    list.appendChild(h('li', b));
    return { boardId, step, b, minutes };
  }
  // the facilitator may let the group work anywhere the step allows, instead of on its sections
  const hold = isFac() && !app.projector ? h('input', {
    type: 'checkbox', 'data-testid': 'hold-toggle',
    on: { change: (e) => send({ type: 'set_hold', hold: e.target.checked }).catch(() => { e.target.checked = !e.target.checked; }) },
  }) : null;
  const el = h('section.panel.panel-steps', { 'aria-label': t('steps') },
    h('h2.panel-title', t('steps')), list,
    hold ? h('label.check-line.hold-line', hold, h('span', t('holdOnStep'))) : null);
  let shownStep;
  function update() {
    for (const { boardId, step, b, minutes } of items) {
      const cur = app.state.step === step.id && (app.state.step_board || app.boardOfStep(step.id)) === boardId;
      toggle(b, 'current', cur);
      attr(b, 'aria-current', cur ? 'step' : null);
      setText(minutes, `${plannedMinutes(app, boardId, step)} min`);
    }
    if (hold) {
      hold.checked = !!app.state.hold;
      hold.disabled = app.closed();
    }
    if (app.state.step !== shownStep) {
      shownStep = app.state.step;
      // on a phone the steps are a horizontal strip: keep the current one in view
      const cur = items.find((i) => i.step.id === shownStep)?.b;
      // measured in the next frame, once laid out anyway: reading scrollWidth here forced the
      // whole new board's first layout in the middle of building it
      if (cur) {
        requestAnimationFrame(() => {
          if (list.scrollWidth > list.clientWidth) {
            list.scrollLeft = cur.parentElement.offsetLeft - (list.clientWidth - cur.offsetWidth) / 2;
          }
        });
      }
    }
  }
  return { el, update };
}
