// The tabs of a session with several boards: one board on screen at a time, and everyone follows
// when the facilitator moves on to a step of another board.

import { h, toggle, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { fitLabels } from './fit.js';

/** Show board `b`; `focus` moves the keyboard focus to its tab. */
export function showBoard(app, b, focus = false) {
  if (!app.state.boards[b]) return;
  app.activeBoard = b;
  app.tabs?.update();
  if (focus) document.getElementById(`tab-${b}`)?.focus();
  queueMicrotask(() => fitLabels(app.root));
}

/** `panels`: board id -> its tab panel, shown while its tab is selected. */
export function boardTabs(app, panels) {
  const { boardIds, tplOf, boardOfStep } = app;
  const ids = boardIds();
  const tabs = ids.map((b, i) => {
    const now = h('span.board-tab-now', { hidden: true, title: t('currentStep') }, t('now'));
    const tab = h('button.board-tab', {
      type: 'button', role: 'tab', id: `tab-${b}`, 'aria-controls': `panel-${b}`, 'data-testid': `board-tab-${b}`,
      on: {
        click: () => showBoard(app, b),
        keydown: (e) => {
          const d = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
          if (d) { e.preventDefault(); showBoard(app, ids[(i + d + ids.length) % ids.length], true); }
        },
      },
    }, h('span.board-tab-label', L(tplOf(b).title)), now);
    return { b, tab, now };
  });
  const el = h('div.board-tabs', { role: 'tablist', 'aria-label': t('boardsLabel'), 'data-testid': 'board-tabs' }, tabs.map((x) => x.tab));
  let lastStep;
  function update() {
    const step = app.state.step;
    if (step !== lastStep) {
      const from = lastStep === undefined ? undefined : boardOfStep(lastStep);
      const to = boardOfStep(step);
      lastStep = step;
      // the facilitator moved on to a step of another board: everyone follows
      if (!app.activeBoard) app.activeBoard = to || ids[0];
      else if (to && from !== undefined && to !== from) app.activeBoard = to;
    }
    if (!app.state.boards[app.activeBoard]) app.activeBoard = ids[0];
    const stepBoard = boardOfStep(step);
    for (const { b, tab, now } of tabs) {
      const on = b === app.activeBoard;
      attr(tab, 'aria-selected', String(on));
      attr(tab, 'tabindex', on ? '0' : '-1');
      toggle(tab, 'active', on);
      now.hidden = stepBoard !== b;
      if (panels[b]) panels[b].hidden = !on;
    }
  }
  app.tabs = { el, update };
  return app.tabs;
}
