// How the radar's events fold into the session view (docs/protocol.md §4): every dot as
// [ring, group] per pillar, sorted, and the numbers recomputed (radar-stats.js). No DOM: the
// golden tests run it in Node.

import { readRadar } from './radar-stats.js';

function cmp(a, b) {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

function pillarsOf(state, boardId, sectionId) {
  const tpl = state.templates?.[state.boards?.[boardId]?.template];
  const section = tpl?.sections?.find((s) => s.id === sectionId);
  return (section?.pillars || []).map((p) => p.id);
}

function take(dots, pillar, ring, group) {
  const list = dots[pillar] || [];
  const i = list.findIndex((d) => d[0] === ring && d[1] === group);
  if (i >= 0) list.splice(i, 1);
  if (!list.length) delete dots[pillar];
}

function reread(state, ev, radar) {
  const pillars = pillarsOf(state, ev.board, ev.section);
  const ordered = {};
  for (const p of pillars) if (radar.dots[p]) ordered[p] = radar.dots[p];
  radar.dots = ordered;
  Object.assign(radar, readRadar(pillars, ordered));
}

/** Fold a radar event; returns the change hint, or null when the event is not the radar's. */
export function foldRadar(state, ev) {
  const radar = state.boards?.[ev.board]?.radars?.[ev.section];
  switch (ev.type) {
    case 'radar_dot_placed':
      if (radar) {
        if (ev.before !== null && ev.before !== undefined) take(radar.dots, ev.pillar, ev.before, ev.group);
        (radar.dots[ev.pillar] || (radar.dots[ev.pillar] = [])).push([ev.ring, ev.group]);
        radar.dots[ev.pillar].sort(cmp);
        reread(state, ev, radar);
      }
      break;
    case 'radar_dot_removed':
      if (radar) {
        take(radar.dots, ev.pillar, ev.ring, ev.group);
        reread(state, ev, radar);
      }
      break;
    case 'radar_visibility_set':
      if (radar) {
        radar.hidden = ev.hidden;
        // a reveal brings every dot; hiding clears them for all but the facilitator
        if (ev.dots) radar.dots = structuredClone(ev.dots);
        else if (ev.hidden && state._audience !== 'facilitator') radar.dots = {};
        reread(state, ev, radar);
      }
      break;
    default:
      return null;
  }
  return { kind: 'radars', board: ev.board, section: ev.section };
}
