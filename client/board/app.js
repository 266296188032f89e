// The one place that holds the board page's state (what the server said, who we are, who is
// online) and re-renders: every component on screen is {el, update?, tick?, onEvent?, onDrag?};
// a change calls schedule(), and one microtask later every component updates in place.
//
// The lookups below (boards, templates, groups, steps) are closures over `app`, so a module may
// destructure the ones it needs.

import { toast } from '../dom.js';
import { t, errorText, getLang } from '../i18n.js';
import { actionRefusal, gateView } from '../facilitation/gate.js';

const TICK_MS = 250;

export function createApp({ session, projector, root }) {
  const app = {
    session,
    projector,
    root,
    conn: null,
    state: null,
    role: null,
    participant: null,
    joinCode: null,
    you: {},
    presence: { participants: [], facilitators: 0, viewers: 0 },
    signature: null,
    components: [],
    activeBoard: null, // the board tab on screen when a session has several boards
    anchors: {}, // step id -> element to scroll to, for steps without a section of their own
    tabs: null, // the board tabs, when a session has several boards
    shOpen: {}, // board id -> open the stakeholder editor for a post-it (the checklist's chips)
    progress: {}, // "<board>/<section>" -> {done: {group: n}, finished?: [ids]} (docs/protocol.md §4)
    proxyDots: {}, // facilitator: person in the room -> {board: {section: [options]}}
    checkout: null, // a participant's own closing-round answer
    fac: null, // the facilitator's tools (board/facilitator.js), loaded for a facilitator only
    waiting: false, // a new structure waits for its code (board.js): the components on screen are the old one's
  };

  // --- re-render ----------------------------------------------------------------------------

  app.use = (component) => {
    app.components.push(component);
    return component.el;
  };

  let pending = false;
  app.schedule = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!app.state || app.waiting) return;
      for (const c of app.components) c.update?.();
    });
  };

  /** Forget the components of the last build (a new structure is about to be built). */
  app.reset = () => {
    app.components = [];
    app.anchors = {};
    app.tabs = null;
  };

  setInterval(() => {
    if (!app.state || app.waiting) return;
    for (const c of app.components) c.tick?.();
  }, TICK_MS);

  // --- lookups ------------------------------------------------------------------------------

  const boardIds = () => Object.keys(app.state.boards);
  const tplOf = (boardId) => app.state.templates[app.state.boards[boardId].template];
  const multi = () => boardIds().length > 1;
  Object.assign(app, {
    boardIds,
    tplOf,
    multi,
    /** A test id; the board's id goes in front only when a session has several boards. */
    tid: (boardId, ...parts) => [multi() ? boardId : null, ...parts].filter(Boolean).join('-'),
    isFac: () => app.role === 'facilitator',
    isPart: () => app.role === 'participant',
    myId: () => (app.role === 'facilitator' ? 'facilitator' : app.participant),
  });

  // people join with the first board's groups (docs/protocol.md); a second board's groups
  // (the stakeholder map's "Deelnemer") only show when someone is in them
  app.allGroups = () => {
    const ids = boardIds();
    const seen = new Map(tplOf(ids[0]).groups.map((g) => [g.id, g]));
    const used = new Set(Object.values(app.state.participants).map((p) => p.group));
    for (const b of ids.slice(1)) for (const g of tplOf(b).groups) if (!seen.has(g.id) && used.has(g.id)) seen.set(g.id, g);
    return [...seen.values()];
  };
  app.groupOf = (id) => app.allGroups().find((g) => g.id === id);
  app.allSteps = () => {
    const seen = new Map();
    for (const b of boardIds()) for (const s of tplOf(b).steps) if (!seen.has(s.id)) seen.set(s.id, s);
    return [...seen.values()];
  };
  /** The current step (of the board the server names: "1 Ambitie" is on both boards). */
  app.currentStep = () => {
    const { step, step_board: board } = app.state;
    if (!step) return null;
    const b = board && app.state.boards[board] ? board : app.boardOfStep(step);
    return b ? tplOf(b).steps.find((s) => s.id === step) || null : null;
  };
  /** The board a step belongs to (the first that has it: "1 Ambitie" is on both). */
  app.boardOfStep = (stepId) => {
    if (!stepId) return null;
    return boardIds().find((b) => tplOf(b).steps.some((s) => s.id === stepId)) || null;
  };
  app.closed = () => app.state.closed_at !== null && app.state.closed_at !== undefined;

  /**
   * Why a participant may not do `permission` on a section right now, or null if they may
   * (the server's rule, boards/gate.py; it decides, this only greys out what would be refused).
   */
  app.blocked = (boardId, sectionId, permission) => actionRefusal(gateView(app.state, tplOf), boardId, sectionId, permission);
  app.recommendedMax = () => {
    const values = boardIds().map((b) => tplOf(b).recommended_max_participants).filter((n) => typeof n === 'number');
    return values.length ? Math.min(...values) : null;
  };
  app.personName = (id) => {
    if (id === 'facilitator') return t('roleFacilitator');
    return app.state.participants[id]?.name || '?';
  };

  /** What decides the page's structure: a change rebuilds the DOM, anything else updates it. */
  app.structure = () => JSON.stringify([boardIds().map((b) => [b, app.state.boards[b].template,
    tplOf(b).steps.map((s) => s.id), tplOf(b).sections.map((s) => s.id)]), app.role, getLang(), projector]);

  /** Send a command; a refusal becomes a toast unless `quiet` lists its code. */
  app.send = async (frame, quiet = []) => {
    try {
      return await app.conn.send(frame);
    } catch (err) {
      if (!quiet.includes(err.code)) toast(errorText(err.code));
      throw err;
    }
  };

  return app;
}
