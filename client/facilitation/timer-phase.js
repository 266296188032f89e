// What the timer is doing, in the words the panel uses. Pure: state in, phase out.
import { timeLeft, timerRunning } from '../state.js';

export const WARN_SHARE = 0.20; // amber from 20 % of the time left
export const URGENT_SHARE = 0.05; // red from 5 %

/**
 * {phase: 'unset'|'ready'|'running'|'paused'|'up', left, total, share, level: ''|'warn'|'urgent'}
 * 'ready' is set and never started since (Start); 'paused' was started and paused (Hervat).
 */
export function timerPhase(timer, now) {
  const left = timeLeft(timer, now);
  const running = timerRunning(timer);
  const total = (timer?.duration_ms || 0) + (timer?.added_ms || 0);
  let phase;
  if (timer?.expired || (running && left <= 0)) phase = 'up';
  else if (running) phase = 'running';
  else if (timer?.paused) phase = 'paused';
  else if (timer?.duration_ms) phase = 'ready';
  else phase = 'unset';
  const share = total > 0 ? Math.min(1, left / total) : 0;
  let level = '';
  if (phase === 'running' || phase === 'paused') {
    if (share <= URGENT_SHARE) level = 'urgent';
    else if (share <= WARN_SHARE) level = 'warn';
  }
  return { phase, left, total, share, level };
}
