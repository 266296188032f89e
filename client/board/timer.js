// The timer panel: the countdown in server time (state.js), on every screen; the facilitator's
// minutes field and buttons; the big one on the projector.

import { h, setText, toggle } from '../dom.js';
import { t, L } from '../i18n.js';
import { timeLeft, timerRunning } from '../state.js';
import { scrollToStep } from './steps.js';

function fmt(ms) {
  const total = Math.ceil(ms / 1000);
  const hrs = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const ss = String(sec).padStart(2, '0');
  return hrs ? `${hrs}:${String(min).padStart(2, '0')}:${ss}` : `${min}:${ss}`;
}

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
  let minutesTouched = false;
  let lastStep;

  if (isFac() && !big) {
    minutes = h('input.minutes', {
      type: 'number', min: '1', max: '240', step: '1', inputmode: 'numeric', id: 'timer-minutes',
      'data-testid': 'timer-minutes', 'aria-label': t('minutes'),
      on: { input: () => { minutesTouched = true; } },
    });
    const secondsWanted = () => {
      const m = Math.round(Number(minutes.value));
      return Number.isFinite(m) && m >= 1 ? Math.min(m, 240) * 60 : null;
    };
    const act = (action, extra = {}) => send({ type: 'timer', action, ...extra }).catch(() => {});
    btn.start = h('button.btn.btn-primary', {
      type: 'button', 'data-testid': 'timer-start',
      on: {
        click: async () => {
          const tm = app.state.timer;
          const left = timeLeft(tm, conn.serverNow());
          if (left <= 0 || tm.expired) {
            const s = secondsWanted();
            if (!s) { minutes.focus(); return; }
            try { await send({ type: 'timer', action: 'set', seconds: s }); } catch { return; }
          }
          act('start');
        },
      },
    });
    btn.pause = h('button.btn', { type: 'button', 'data-testid': 'timer-pause', on: { click: () => act('pause') } });
    btn.add = h('button.btn', { type: 'button', 'data-testid': 'timer-add', on: { click: () => act('add', { seconds: 60 }) } });
    btn.reset = h('button.btn', { type: 'button', 'data-testid': 'timer-reset', on: { click: () => act('reset') } });
    btn.set = h('button.btn', {
      type: 'button', 'data-testid': 'timer-set',
      on: {
        click: () => {
          const s = secondsWanted();
          if (!s) { minutes.focus(); return; }
          minutesTouched = false;
          act('set', { seconds: s });
        },
      },
    });
    controls = h('div.timer-controls',
      h('div.timer-set-row',
        h('label.minutes-label', { for: 'timer-minutes' }, t('minutes')), minutes, btn.set),
      h('div.timer-buttons', btn.start, btn.pause, btn.add, btn.reset));
  }

  const el = h('section.panel.panel-timer', { class: big ? 'big' : '', 'aria-label': t('timer'), 'data-testid': 'timer-panel' },
    h('div.timer-top', stepNow),
    h('div.timer-main', display, status),
    bar,
    controls);

  function tick() {
    const tm = app.state.timer;
    const left = timeLeft(tm, conn.serverNow());
    const running = timerRunning(tm);
    const up = !!tm.expired || (running && left <= 0);
    const neverSet = !tm.duration_ms && !running && !tm.expired;
    setText(display, fmt(left));
    toggle(el, 'expired', up);
    toggle(el, 'running', running && !up);
    toggle(el, 'idle', neverSet);
    let s;
    if (up) s = t('timeUp');
    else if (running) s = t('running');
    else if (!neverSet && tm.remaining_ms > 0 && tm.remaining_ms < tm.duration_ms) s = t('paused');
    else s = neverSet ? t('timerNotSet') : t('stopped');
    setText(status, s);
    const frac = tm.duration_ms > 0 ? Math.min(1, left / tm.duration_ms) : 0;
    fill.style.transform = `scaleX(${up ? 1 : frac})`;
    if (controls) {
      const paused = !running && left > 0 && !up;
      setText(btn.start, paused && left < tm.duration_ms ? t('resume') : t('start'));
      btn.start.disabled = running && !up;
      btn.pause.disabled = !running || up;
      btn.reset.disabled = !tm.duration_ms;
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
      if (app.state.step !== lastStep || !minutes.value) {
        lastStep = app.state.step;
        if (!minutesTouched || !minutes.value) {
          minutes.value = String(step?.minutes || Math.round((app.state.timer.duration_ms || 0) / 60000) || 10);
          minutesTouched = false;
        }
      }
    }
    tick();
  }
  return { el, update, tick };
}
