// Time-up, so that a room notices: a full-width banner on every screen while the time is up (the
// projector's fills the top of the screen), and, where the facilitator turned it on, a chime.
// Warnings before the end are the timer panel's colours (20 % and 5 % left).

import { h, setText, toggle } from '../dom.js';
import { t, L } from '../i18n.js';
import { timerPhase } from '../facilitation/timer-phase.js';
import { armOnFirstGesture, armed, chime } from '../facilitation/alarm.js';

const SOUND_KEY = 'samenspel.sound';

function soundOn() {
  try { return localStorage.getItem(SOUND_KEY) !== 'off'; } catch { return true; }
}

/** The facilitator's (and the projector's) "sound at time-up" switch; remembered per browser. */
export function soundToggle(app) {
  armOnFirstGesture();
  const box = h('input', {
    type: 'checkbox', 'data-testid': 'sound-toggle', checked: soundOn(),
    on: {
      change: (e) => {
        try { localStorage.setItem(SOUND_KEY, e.target.checked ? 'on' : 'off'); } catch { /* private mode */ }
        if (e.target.checked) chime(); // let them hear what it will sound like
      },
    },
  });
  return h('label.check-line.sound-line', box, h('span', t('soundAtTimeUp')));
}

/**
 * The projector's "click to turn the sound on": browsers keep a page silent until someone
 * clicks it, so while the sound is on and not yet allowed, the projector says so.
 */
export function soundHint() {
  const el = h('button.proj-sound-hint', { type: 'button', 'data-testid': 'sound-hint', hidden: true }, t('soundClickToEnable'));
  // the click itself allows the sound (armOnFirstGesture); the next tick hides the hint
  const update = () => { el.hidden = !soundOn() || armed(); };
  el.addEventListener('click', () => setTimeout(update));
  return { el, update, tick: update };
}

// the projector's banner goes after this long: the room has seen it, the timer panel still says so
const PROJECTOR_BANNER_MS = 20_000;

export function timeUpBanner(app) {
  const { isFac, projector } = app;
  const text = h('strong.timeup-text', t('timeUp'));
  const detail = h('span.timeup-detail');
  // the facilitator is told how to clear it (it stays until the timer changes or the step does)
  const howTo = isFac() && !projector ? h('span.timeup-howto', { 'data-testid': 'timeup-howto' }, t('timeUpHowToClear')) : null;
  const el = h('div.timeup-banner', { 'data-testid': 'timeup-banner', role: 'alert', hidden: true }, text, detail, howTo);
  let upSince = 0;
  // only screens that can be asked for sound play it: the facilitator's and the projector
  const mayPlay = isFac() || projector;
  let wasUp = null;
  // how tall it is (0 while hidden): it covers the top bar, so what is pinned under that goes below it (style.css)
  if (!projector && typeof ResizeObserver === 'function') {
    new ResizeObserver(() => document.documentElement.style.setProperty('--banner-h', `${el.offsetHeight}px`)).observe(el);
  }

  function tick() {
    const p = timerPhase(app.state.timer, app.conn.serverNow());
    const up = p.phase === 'up';
    if (up && !upSince) upSince = Date.now();
    if (!up) upSince = 0;
    el.hidden = !up || (projector && Date.now() - upSince > PROJECTOR_BANNER_MS);
    toggle(document.body, 'time-up', up);
    if (up) {
      const step = app.currentStep();
      const locked = step && step.time_up !== 'nothing';
      setText(detail, [step ? L(step.label) : null, locked ? t('timeUpLocked') : null].filter(Boolean).join(' · '));
    }
    // chime on the change to "up" while the page is open, not when a page loads after it
    if (up && wasUp === false && mayPlay && soundOn()) chime();
    wasUp = up;
  }
  return { el, update: tick, tick };
}
