// The steps panel (the facilitator chooses the step; everyone else jumps to its section), and
// scrolling to a step's section.

import { h, toggle, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { showBoard } from './tabs.js';

/** Scroll to the section of a step (showing its board's tab first). */
export function scrollToStep(app, stepId) {
  const { boardIds, tplOf } = app;
  if (!stepId) return;
  let target = null;
  for (const b of boardIds()) {
    const section = tplOf(b).sections.find((s) => s.step === stepId);
    target = section ? document.getElementById(`sec-${b}-${section.id}`) : null;
    if (target) break;
  }
  target = target || app.anchors[stepId];
  if (!target) return;
  const panel = target.closest('.board-panel');
  if (panel && panel.hidden) showBoard(app, panel.dataset.board);
  requestAnimationFrame(() => target.scrollIntoView({ behavior: 'smooth', block: 'start' }));
}

export function stepsPanel(app) {
  const { boardIds, tplOf, multi, isFac, send } = app;
  const list = h('ol.steps');
  const items = [];
  const listed = new Set();
  for (const boardId of boardIds()) {
    const steps = tplOf(boardId).steps.filter((s) => !listed.has(s.id));
    if (multi() && steps.length) list.appendChild(h('li.steps-board', { 'aria-hidden': 'true' }, L(tplOf(boardId).title)));
    for (const step of steps) {
      listed.add(step.id);
      items.push(stepItem(step));
    }
  }
  function stepItem(step) {
    const b = h('button.step', {
      type: 'button', 'data-testid': `step-${step.id}`,
      title: isFac() ? t('setStep') : undefined,
      on: {
        click: () => {
          if (isFac()) {
            if (app.state.step !== step.id) send({ type: 'set_step', step: step.id }).catch(() => {});
          } else {
            scrollToStep(app, step.id);
          }
        },
      },
    }, h('span.step-label', L(step.label)), h('span.step-min', `${step.minutes} min`));
    list.appendChild(h('li', b));
    return { step, b };
  }
  const el = h('section.panel.panel-steps', { 'aria-label': t('steps') },
    h('h2.panel-title', t('steps')), list);
  let shownStep;
  function update() {
    for (const { step, b } of items) {
      const cur = app.state.step === step.id;
      toggle(b, 'current', cur);
      attr(b, 'aria-current', cur ? 'step' : null);
    }
    if (app.state.step !== shownStep) {
      shownStep = app.state.step;
      // on a phone the steps are a horizontal strip: keep the current one in view
      const cur = items.find((i) => i.step.id === shownStep)?.b;
      if (cur && list.scrollWidth > list.clientWidth) {
        requestAnimationFrame(() => {
          list.scrollLeft = cur.parentElement.offsetLeft - (list.clientWidth - cur.offsetWidth) / 2;
        });
      }
    }
  }
  return { el, update };
}
