// The time-up sound: a short three-note chime made with the Web Audio API (no file to load).
// Browsers allow audio only after a user gesture, so the context is created (armed) on the
// first tap or key press anywhere on the page.

let ctx = null;

export function armOnFirstGesture() {
  const arm = () => {
    if (!ctx) {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (Ctx) ctx = new Ctx();
    }
    ctx?.resume?.();
    window.removeEventListener('pointerdown', arm, true);
    window.removeEventListener('keydown', arm, true);
  };
  window.addEventListener('pointerdown', arm, true);
  window.addEventListener('keydown', arm, true);
}

export function armed() {
  return !!ctx && ctx.state === 'running';
}

/** Play the chime; returns false when the browser has not allowed sound yet. */
export function chime() {
  if (!ctx || ctx.state !== 'running') return false;
  const start = ctx.currentTime + 0.02;
  [880, 660, 990].forEach((freq, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t0 = start + i * 0.28;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.35, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.6);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + 0.65);
  });
  window.__samenspelChimes = (window.__samenspelChimes || 0) + 1; // lets a test see it played
  return true;
}
