// The facilitator's bar, a second row of the sticky top bar: the session runs from one screen —
// the current step with the previous and the next one, and the timer's essentials (time, state,
// start / pause). The full step list and timer panel stay in the side column; on a phone only
// arrows, the step's name and the time show.

import { h, setText, toggle, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { timerPhase } from '../facilitation/timer-phase.js';
import { fmt, STATUS } from './timer.js';
import { scrollToStep, plannedMinutes } from './steps.js';

export function facilitatorBar(app) {
  const { send, conn } = app;
  /** Every step of the session in order, each with its board ("1 Ambitie" is on both boards). */
  const order = () => app.boardIds().flatMap((board) => app.tplOf(board).steps.map((step) => ({ board, step })));
  const at = () => {
    const board = app.state.step_board || app.boardOfStep(app.state.step);
    return order().findIndex((s) => s.step.id === app.state.step && s.board === board);
  };
  const neighbour = (delta) => {
    const i = at();
    return i < 0 ? (delta > 0 ? order()[0] : null) : order()[i + delta] || null;
  };
  /** A step's name; with the board's when it is on another board than the current step ("1 Ambitie" is on both). */
  const name = (s) => {
    const here = app.state.step_board || app.boardOfStep(app.state.step);
    return (app.multi() && s.board !== here ? `${L(app.tplOf(s.board).title)} · ` : '') + L(s.step.label);
  };
  const go = (delta) => {
    const to = neighbour(delta);
    if (to) send({ type: 'set_step', step: to.step.id, board: to.board }).catch(() => {});
  };

  const prev = h('button.btn.btn-small.bar-prev', { type: 'button', 'data-testid': 'bar-prev', on: { click: () => go(-1) } },
    h('span', { 'aria-hidden': 'true' }, '‹'), h('span.bar-label', t('prevStep')));
  const nextText = h('span.bar-label');
  const next = h('button.btn.btn-small.btn-primary.bar-next', { type: 'button', 'data-testid': 'bar-next', on: { click: () => go(1) } },
    nextText, h('span', { 'aria-hidden': 'true' }, '›'));
  const current = h('button.bar-step', { type: 'button', 'data-testid': 'bar-step', on: { click: () => scrollToStep(app, app.state.step) } });
  // not a second role=timer: the side panel's timer is the one read out
  const time = h('span.bar-time', { 'data-testid': 'bar-time' });
  const state = h('span.bar-state');
  const play = h('button.btn.btn-small.bar-play', { type: 'button', 'data-testid': 'bar-play', on: { click: () => playPause() } });
  const el = h('nav.fac-bar', { 'aria-label': t('facBar'), 'data-testid': 'fac-bar' },
    h('div.bar-steps', prev, current, next),
    h('div.bar-timer', time, state, play));

  function playPause() {
    const p = timerPhase(app.state.timer, conn.serverNow());
    const step = app.currentStep();
    let frame = null;
    if (p.phase === 'running') frame = { action: 'pause' };
    else if (p.phase === 'ready' || p.phase === 'paused') frame = { action: 'start' };
    else if (step) frame = { action: 'start', seconds: plannedMinutes(app, app.state.step_board || app.boardOfStep(step.id), step) * 60 };
    if (frame) send({ type: 'timer', ...frame }).catch(() => {});
  }

  let measured = false;
  /** --topbar-h: the top bar's height with the bar, so what is scrolled to lands below it (style.css). */
  function measure() {
    const header = el.parentElement;
    if (measured || !header || typeof ResizeObserver !== 'function') return;
    measured = true;
    new ResizeObserver(() => document.documentElement.style.setProperty('--topbar-h', `${header.offsetHeight}px`)).observe(header);
  }

  function update() {
    measure();
    const step = app.currentStep();
    setText(current, step ? L(step.label) : t('noStep'));
    current.disabled = !step;
    const before = neighbour(-1);
    const after = neighbour(1);
    prev.disabled = !before;
    attr(prev, 'title', before ? `${t('prevStep')}: ${name(before)}` : null);
    attr(prev, 'aria-label', before ? `${t('prevStep')}: ${name(before)}` : t('prevStep')); // its label is hidden on a phone
    next.disabled = !after;
    const nextName = after ? `${step ? t('nextStep') : t('firstStep')}: ${name(after)}` : t('nextStep');
    setText(nextText, nextName);
    attr(next, 'aria-label', nextName);
    tick();
  }

  function tick() {
    const p = timerPhase(app.state.timer, conn.serverNow());
    const hasClock = p.phase !== 'unset';
    time.hidden = !hasClock;
    setText(time, fmt(p.left));
    setText(state, t(STATUS[p.phase]));
    toggle(el, 'running', p.phase === 'running');
    toggle(el, 'up', p.phase === 'up');
    setText(play, p.phase === 'running' ? t('pause') : p.phase === 'paused' ? t('resume') : t('start'));
    play.disabled = p.phase !== 'running' && p.phase !== 'ready' && p.phase !== 'paused' && !app.currentStep();
  }
  return { el, update, tick };
}
