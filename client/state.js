// The session view of docs/protocol.md §2, and how each event folds into it (§4): the session's
// own events here, a section's events by its kind (board/kinds/folds.js).

import { FOLDS } from './board/kinds/folds.js';
import { foldBlock } from './facilitation/runsheet-fold.js';

/** Time left on the timer at server time `now` (ms, never below 0). */
export function timeLeft(timer, now) {
  if (!timer) return 0;
  if (timer.running_since === null || timer.running_since === undefined) return Math.max(0, timer.remaining_ms || 0);
  return Math.max(0, timer.remaining_ms - (now - timer.running_since));
}

export function timerRunning(timer) {
  return !!timer && timer.running_since !== null && timer.running_since !== undefined;
}

/**
 * Fold one event into the state in place. Returns a hint of what changed
 * ({kind, board, section}) so the view can update only that part.
 */
export function applyEvent(state, frame) {
  const ev = frame.event || {};
  state.seq = frame.seq;
  const ofKind = FOLDS[ev.type];
  if (ofKind) return ofKind(state, ev, frame);
  const block = foldBlock(state, ev);
  if (block) return block;
  const t = state.timer;
  switch (ev.type) {
    case 'session_created':
      state.title = ev.title;
      state.created_at = frame.at;
      return { kind: 'title' };
    case 'participant_joined':
      state.participants[ev.participant] = { name: ev.name, group: ev.group, proxy: !!ev.proxy };
      return { kind: 'people' };
    case 'participant_removed':
      delete state.participants[ev.participant];
      if (state.checkouts) delete state.checkouts[ev.participant];
      return { kind: 'people' };
    case 'masked':
      return { kind: 'none' };
    case 'timer_set':
      Object.assign(t, { duration_ms: ev.duration_ms, remaining_ms: ev.duration_ms, running_since: null, expired: false, paused: false, added_ms: 0 });
      return { kind: 'timer' };
    case 'timer_started':
      Object.assign(t, { running_since: ev.at, expired: false, paused: false });
      return { kind: 'timer' };
    case 'timer_paused':
      Object.assign(t, { remaining_ms: timeLeft(t, ev.at), running_since: null, paused: true });
      return { kind: 'timer' };
    case 'timer_extended':
      if (t.expired) {
        Object.assign(t, { remaining_ms: ev.ms, running_since: ev.at, expired: false, paused: false,
          added_ms: Math.max(0, ev.ms - t.duration_ms) });
      } else {
        t.remaining_ms += ev.ms;
        t.added_ms = (t.added_ms || 0) + ev.ms;
      }
      return { kind: 'timer' };
    case 'timer_reset':
      if (typeof ev.duration_ms === 'number') t.duration_ms = ev.duration_ms;
      Object.assign(t, { remaining_ms: t.duration_ms, running_since: null, expired: false, paused: false, added_ms: 0 });
      return { kind: 'timer' };
    case 'timer_expired':
      Object.assign(t, { remaining_ms: 0, running_since: null, expired: true, paused: false });
      return { kind: 'timer' };
    case 'step_set':
      state.step = ev.step;
      state.step_board = ev.step ? (ev.board ?? null) : null;
      if (ev.step && ev.board) (state.step_log || (state.step_log = [])).push({ board: ev.board, step: ev.step, at: frame.at });
      return { kind: 'step' };
    case 'step_minutes_set':
      (state.step_minutes || (state.step_minutes = {}))[`${ev.board}/${ev.step}`] = ev.minutes;
      return { kind: 'step' };
    case 'section_lock_set': {
      const board = state.boards?.[ev.board];
      if (board) {
        const locked = new Set(board.locked || []);
        if (ev.locked) locked.add(ev.section); else locked.delete(ev.section);
        board.locked = [...locked];
      }
      return { kind: 'step' };
    }
    case 'hold_set':
      state.hold = ev.hold;
      return { kind: 'step' };
    case 'joining_set':
      state.joining_open = ev.open;
      return { kind: 'people' };
    case 'checked_out':
      (state.checkouts || (state.checkouts = {}))[ev.participant] = { rating: ev.rating, text: ev.text };
      return { kind: 'people' };
    case 'session_closed':
      state.closed_at = frame.at;
      state.joining_open = false;
      return { kind: 'step' };
    default:
      return { kind: 'all' };
  }
}
