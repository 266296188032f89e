// The timer panel: the countdown in server time, on every screen; the facilitator's minutes field
// and buttons; the big one on the projector. What the panel shows is what Start starts: once the
// facilitator types minutes, the display shows them until Start (or Zet) sends them.

import { h, setText, toggle, attr } from '../dom.js';
import { t, L } from '../i18n.js';
import { timerPhase } from '../facilitation/timer-phase.js';
import { scrollToStep, plannedMinutes } from './steps.js';
import { soundToggle } from './time-up.js';
import { timerPinning } from './timer-pin.js';

export function fmt(ms) {
  const total = Math.ceil(ms / 1000);
  const hrs = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const ss = String(sec).padStart(2, '0');
  return hrs ? `${hrs}:${String(min).padStart(2, '0')}:${ss}` : `${min}:${ss}`;
}

export const STATUS = { unset: 'timerNotSet', ready: 'stopped', running: 'running', paused: 'paused', up: 'timeUp' };

export function timerPanel(app, big = false) {
  const { isFac, send, conn, currentStep } = app;
  const display = h('div.timer-display', { 'data-testid': 'timer', role: 'timer', 'aria-atomic': 'true' });
  const status = h('div.timer-status', { 'data-testid': 'timer-status', 'aria-live': 'polite' });
  const fill = h('div.timer-fill');
  const bar = h('div.timer-bar', { 'aria-hidden': 'true' }, fill);
  const stepNow = h('button.step-now', {
    type: 'button', 'data-testid': big ? 'projector-step' : 'current-step',
    on: { click: () => scrollToStep(app, app.state.step) },
  });
  let controls = null;
  const btn = {};
  let minutes = null;
  let edited = false; // the facilitator typed minutes that are not on the clock yet
  let lastKey;

  const secondsWanted = () => {
    const m = Math.round(Number(minutes.value));
    return Number.isFinite(m) && m >= 1 ? Math.min(m, 240) * 60 : null;
  };

  if (isFac() && !big) {
    minutes = h('input.minutes', {
      type: 'number', min: '1', max: '240', step: '1', inputmode: 'numeric', id: 'timer-minutes',
      'data-testid': 'timer-minutes', 'aria-label': t('minutes'),
      on: { input: () => { edited = true; tick(); } },
    });
    const act = (frame) => send({ type: 'timer', ...frame }).then(() => { edited = false; }).catch(() => {});
    btn.start = h('button.btn.btn-primary', {
      type: 'button', 'data-testid': 'timer-start',
      on: {
        click: () => {
          const { phase } = timerPhase(app.state.timer, conn.serverNow());
          // typed minutes, nothing on the clock, or time up: start what the field says
          if (edited || phase === 'unset' || phase === 'up') {
            const s = secondsWanted();
            if (!s) { minutes.focus(); return; }
            act({ action: 'start', seconds: s });
          } else {
            act({ action: 'start' });
          }
        },
      },
    });
    btn.pause = h('button.btn', { type: 'button', 'data-testid': 'timer-pause', on: { click: () => act({ action: 'pause' }) } });
    btn.add = h('button.btn', { type: 'button', 'data-testid': 'timer-add', on: { click: () => act({ action: 'add', seconds: 60 }) } });
    btn.reset = h('button.btn', { type: 'button', 'data-testid': 'timer-reset', on: { click: () => act({ action: 'reset' }) } });
    btn.set = h('button.btn', {
      type: 'button', 'data-testid': 'timer-set',
      on: {
        click: () => {
          const s = secondsWanted();
          if (!s) { minutes.focus(); return; }
          act({ action: 'set', seconds: s });
        },
      },
    });
    controls = h('div.timer-controls',
      h('div.timer-set-row',
        h('label.minutes-label', { for: 'timer-minutes' }, t('minutes')), minutes, btn.set),
      h('div.timer-buttons', btn.start, btn.pause, btn.add, btn.reset),
      soundToggle(app));
  }

  const el = h('section.panel.panel-timer', { class: big ? 'big' : '', 'aria-label': t('timer'), 'data-testid': 'timer-panel' },
    h('div.timer-top', stepNow),
    h('div.timer-main', display, status),
    bar,
    controls);

  // the facilitator's bar (fac-bar.js) has the time: their panel stays in place, covering nothing
  const pinning = big || isFac() ? null : timerPinning(el);

  function tick() {
    const tm = app.state.timer;
    const p = timerPhase(tm, conn.serverNow());
    pinning?.pin(p.phase === 'running' || p.phase === 'up' || (p.phase === 'paused' && p.left > 0));
    pinning?.check();
    const preview = edited && p.phase !== 'running' ? secondsWanted() : null;
    setText(display, fmt(preview ? preview * 1000 : p.left));
    toggle(el, 'expired', p.phase === 'up');
    toggle(el, 'running', p.phase === 'running');
    toggle(el, 'idle', p.phase === 'unset');
    toggle(el, 'warn', p.level === 'warn');
    toggle(el, 'urgent', p.level === 'urgent');
    toggle(el, 'preview', !!preview);
    attr(el, 'data-phase', p.phase);
    setText(status, app.closed() ? t('timerClosed') : preview ? t('timerPreview') : t(STATUS[p.phase]));
    fill.style.transform = `scaleX(${p.phase === 'up' || preview ? 1 : p.share})`;
    if (controls) {
      setText(btn.start, p.phase === 'paused' && !edited ? t('resume') : t('start'));
      const closed = app.closed();
      btn.start.disabled = closed || (p.phase === 'running' && !edited);
      btn.pause.disabled = closed || p.phase !== 'running';
      btn.add.disabled = closed;
      btn.reset.disabled = closed || (!tm.duration_ms && !currentStep());
      btn.set.disabled = closed;
    }
  }

  function update() {
    const step = currentStep();
    setText(stepNow, step ? `${t('step')} ${L(step.label)}` : t('noStep'));
    stepNow.disabled = !step;
    if (controls) {
      setText(btn.add, t('addMinute'));
      setText(btn.pause, t('pause'));
      setText(btn.reset, t('reset'));
      setText(btn.set, t('setTimer'));
      // the field follows the clock (a new step, a set, a reset) unless the facilitator is typing
      const tm = app.state.timer;
      const key = `${app.state.step_board}/${app.state.step}/${tm.duration_ms}`;
      if (key !== lastKey && document.activeElement !== minutes) {
        lastKey = key;
        edited = false;
        const planned = step ? plannedMinutes(app, app.state.step_board || app.boardOfStep(step.id), step) : null;
        minutes.value = String(Math.round((tm.duration_ms || 0) / 60000) || planned || 10);
      }
    }
    tick();
  }
  return { el, update, tick };
}
