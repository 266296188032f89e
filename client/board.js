// The live board (/b/{session}) and the projector (/p/{session}), rendered from the template.
//
// The DOM is built once per structure (boards + templates + role + language) and then updated
// in place on every change, so open editors, focus and typing survive live updates.

import { h, setText, toggle, attr, reconcile, toast, copyButton, groupCode, langSwitch, tint, removeButton } from './dom.js';
import { t, L, errorText, onLangChange, getLang } from './i18n.js';
import { Connection } from './conn.js';
import { applyEvent, timeLeft, timerRunning } from './state.js';
import { qrSvg } from './qr.js';
import { store } from './store.js';
import { stakeholderSection, checklistSection } from './stakeholders.js';

const TICK_MS = 250;

export function mountBoard(root, { session, auth, projector = false, onFatal }) {
  const app = {
    session,
    projector,
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
  };

  // --- connection -------------------------------------------------------------------------

  const banner = h('div.conn-banner', { 'data-testid': 'reconnect-banner', role: 'status', hidden: true },
    h('span.spinner', { 'aria-hidden': 'true' }), h('span.conn-banner-text'));
  document.body.appendChild(banner);

  const conn = new Connection({
    session,
    auth,
    on: {
      welcome(msg) {
        app.role = msg.role;
        app.participant = msg.participant ?? null;
        app.joinCode = msg.join_code;
        if (msg.you) app.you = msg.you;
        if (msg.mode === 'snapshot' || !app.state) {
          app.state = msg.state;
          app.state._audience = msg.role === 'facilitator' ? 'facilitator' : 'others';
        }
        if (msg.role === 'facilitator' && msg.join_code) store.setCode(session, msg.join_code);
        const sig = signature();
        if (sig !== app.signature) build();
        schedule();
      },
      event(frame) {
        if (!app.state) return;
        const hint = applyEvent(app.state, frame);
        if (hint.kind === 'all') {
          conn._resync(); // an event we do not know: start over from a snapshot
          return;
        }
        for (const c of app.components) c.onEvent?.(hint);
        schedule();
      },
      you(msg) {
        app.you = msg.dots || {};
        schedule();
      },
      presence(msg) {
        app.presence = msg;
        schedule();
      },
      drag(msg) {
        if (!app.state) return;
        for (const c of app.components) c.onDrag?.(msg);
      },
      status: updateBanner,
      fatal(code) {
        banner.remove();
        onFatal?.(code);
      },
      error(msg) {
        toast(errorText(msg.code));
      },
      reload() {
        app.state = null;
      },
    },
  });

  function updateBanner() {
    const s = conn.status;
    const show = s === 'reconnecting' || (s === 'connecting' && conn.everOpen) || (s === 'open' && conn.storeDown);
    banner.hidden = !show;
    setText(banner.querySelector('.conn-banner-text'), t('reconnecting'));
    document.body.classList.toggle('is-offline', show);
  }

  root.replaceChildren(h('div.page-loading', h('span.spinner'), h('span', t('connecting'))));
  conn.start();

  onLangChange(() => {
    if (app.state) build();
    updateBanner();
  });

  let pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      if (!app.state) return;
      for (const c of app.components) c.update?.();
    });
  }

  setInterval(() => {
    if (!app.state) return;
    for (const c of app.components) c.tick?.();
  }, TICK_MS);

  // --- helpers ----------------------------------------------------------------------------

  const boardIds = () => Object.keys(app.state.boards);
  const tplOf = (boardId) => app.state.templates[app.state.boards[boardId].template];
  const multi = () => boardIds().length > 1;
  const tid = (boardId, ...parts) => [multi() ? boardId : null, ...parts].filter(Boolean).join('-');
  const isFac = () => app.role === 'facilitator';
  const isPart = () => app.role === 'participant';

  // people join with the first board's groups (docs/protocol.md); a second board's groups
  // (the stakeholder map's "Deelnemer") only show when someone is in them
  function allGroups() {
    const ids = boardIds();
    const seen = new Map(tplOf(ids[0]).groups.map((g) => [g.id, g]));
    const used = new Set(Object.values(app.state.participants).map((p) => p.group));
    for (const b of ids.slice(1)) for (const g of tplOf(b).groups) if (!seen.has(g.id) && used.has(g.id)) seen.set(g.id, g);
    return [...seen.values()];
  }
  function groupOf(id) {
    return allGroups().find((g) => g.id === id);
  }
  function allSteps() {
    const seen = new Map();
    for (const b of boardIds()) for (const s of tplOf(b).steps) if (!seen.has(s.id)) seen.set(s.id, s);
    return [...seen.values()];
  }
  function currentStep() {
    return allSteps().find((s) => s.id === app.state.step) || null;
  }
  /** The board a step belongs to (the first that has it: "1 Ambitie" is on both). */
  function boardOfStep(stepId) {
    if (!stepId) return null;
    return boardIds().find((b) => tplOf(b).steps.some((s) => s.id === stepId)) || null;
  }
  function recommendedMax() {
    const values = boardIds().map((b) => tplOf(b).recommended_max_participants).filter((n) => typeof n === 'number');
    return values.length ? Math.min(...values) : null;
  }
  function personName(id) {
    if (id === 'facilitator') return t('roleFacilitator');
    return app.state.participants[id]?.name || '?';
  }

  function signature() {
    const s = app.state;
    return JSON.stringify([boardIds().map((b) => [b, s.boards[b].template]), app.role, getLang(), projector]);
  }

  /** Send a command; a refusal becomes a toast unless `quiet` lists its code. */
  async function send(frame, quiet = []) {
    try {
      return await conn.send(frame);
    } catch (err) {
      if (!quiet.includes(err.code)) toast(errorText(err.code));
      throw err;
    }
  }

  // --- build ------------------------------------------------------------------------------

  function build() {
    app.signature = signature();
    app.components = [];
    app.anchors = {};
    document.body.classList.toggle('projector-mode', projector);
    document.title = `${app.state.title || t('app')} · ${t('app')}`;
    root.replaceChildren(projector ? buildProjector() : buildBoard());
    for (const c of app.components) c.update?.();
    fitLabels();
  }

  // Long Dutch compounds ("Resultaatgerichtheid") must not break mid-word: shrink the label a
  // little until it fits its card, and only break as a last resort.
  function fitLabels() {
    for (const el of root.querySelectorAll('.opt-label')) {
      if (!el.isConnected || !el.offsetParent) continue;
      el.style.fontSize = '';
      el.classList.remove('squeezed');
      let size = parseFloat(getComputedStyle(el).fontSize);
      const min = size * 0.72;
      while (el.scrollWidth > el.clientWidth + 0.5 && size > min) {
        size -= 0.5;
        el.style.fontSize = `${size}px`;
      }
      if (el.scrollWidth > el.clientWidth + 0.5) el.classList.add('squeezed');
    }
  }
  let fitPending = null;
  window.addEventListener('resize', () => {
    clearTimeout(fitPending);
    fitPending = setTimeout(fitLabels, 120);
  });

  function use(component) {
    app.components.push(component);
    return component.el;
  }

  function buildBoard() {
    const roleLabel = isFac() ? t('roleFacilitator') : isPart() ? t('roleParticipant') : t('roleViewer');
    const me = isPart() ? app.state.participants[app.participant] : null;
    const myGroup = me ? groupOf(me.group) : null;
    const title = h('h1.topbar-title', { 'data-testid': 'session-title' });
    const header = h('header.topbar',
      h('a.brand', { href: '/', 'aria-label': t('app') }, brandMark(), h('span.brand-name', t('app'))),
      title,
      h('div.topbar-right',
        h('span.role-badge', {
          'data-testid': 'role-badge', class: `role-${app.role}`,
          style: myGroup ? { '--c': myGroup.colour } : undefined,
        }, myGroup ? h('span.swatch', { 'aria-hidden': 'true' }) : null,
        me ? [h('span.role-name', me.name), h('span.role-group', ` · ${L(myGroup?.label)}`)] : roleLabel),
        langSwitch()));
    app.components.push({ update: () => setText(title, app.state.title || t('app')) });

    const side = h('aside.side',
      use(timerPanel()),
      isFac() ? use(sharePanel(false)) : null,
      use(stepsPanel()),
      use(peoplePanel()));

    const main = h('main.board', { 'data-testid': 'board' });
    if (isFac()) main.appendChild(use(tooManyWarning()));
    // several boards: a tab per board; the timer, steps, people and invite panel stay beside them
    const ids = boardIds();
    const panels = {};
    if (ids.length > 1) main.appendChild(use(boardTabs(panels)));
    for (const b of ids) {
      const target = ids.length > 1
        ? h('div.board-panel', { id: `panel-${b}`, role: 'tabpanel', 'aria-labelledby': `tab-${b}`, 'data-testid': `board-panel-${b}`, 'data-board': b })
        : main;
      if (isPart() && tplOf(b).sections.some((s) => s.type === 'dots')) target.appendChild(h('p.board-intro', t('tapToPlace')));
      for (const section of tplOf(b).sections) {
        const c = sectionComponent(b, section);
        if (c) target.appendChild(use(c));
      }
      if (target !== main) {
        panels[b] = target;
        main.appendChild(target);
      }
    }
    return h('div.app-board', { class: `role-${app.role}` }, header, h('div.layout', side, main));
  }

  // --- board tabs (a session with several boards) -------------------------------------------

  let tabsComponent = null;

  /** Show board `b`; `focus` moves the keyboard focus to its tab. */
  function showBoard(b, focus = false) {
    if (!app.state.boards[b]) return;
    app.activeBoard = b;
    tabsComponent?.update();
    if (focus) document.getElementById(`tab-${b}`)?.focus();
    queueMicrotask(fitLabels);
  }

  function boardTabs(panels) {
    const ids = boardIds();
    const tabs = ids.map((b, i) => {
      const now = h('span.board-tab-now', { hidden: true, title: t('currentStep') }, t('now'));
      const tab = h('button.board-tab', {
        type: 'button', role: 'tab', id: `tab-${b}`, 'aria-controls': `panel-${b}`, 'data-testid': `board-tab-${b}`,
        on: {
          click: () => showBoard(b),
          keydown: (e) => {
            const d = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
            if (d) { e.preventDefault(); showBoard(ids[(i + d + ids.length) % ids.length], true); }
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
    tabsComponent = { el, update };
    return tabsComponent;
  }

  function buildProjector() {
    const title = h('h1.proj-title', { 'data-testid': 'session-title' });
    const stepLabel = h('div.proj-step', { 'data-testid': 'current-step' });
    app.components.push({
      update() {
        setText(title, app.state.title || t('app'));
        const step = currentStep();
        setText(stepLabel, step ? L(step.label) : t('projectorNoStep'));
      },
    });
    const main = h('main.proj-board', { 'data-testid': 'board' });
    const sections = [];
    for (const b of boardIds()) {
      for (const section of tplOf(b).sections) {
        const c = sectionComponent(b, section);
        if (!c) continue;
        sections.push({ board: b, section, el: c.el });
        main.appendChild(use(c));
      }
    }
    // show the board of the current step (no step yet: the first board) and in it the sections of
    // that step; no step yet: the ambition; a step without its own section (the close): the notes
    // (insights, actions). The stakeholder map shows itself (or its matrix) on every step of its board.
    app.components.push({
      update() {
        const step = app.state.step;
        const active = boardOfStep(step) || boardIds()[0];
        const ofStep = sections.filter((s) => s.board === active && s.section.step && s.section.step === step);
        let changed = false;
        for (const s of sections) {
          let show;
          if (s.board !== active) show = false;
          else if (s.section.type === 'stakeholders') show = true;
          else if (s.section.type === 'checklist') show = !!step && s.section.step === step;
          else if (s.section.type === 'text') show = true;
          else if (!step) show = false;
          else if (ofStep.length) show = ofStep.includes(s);
          else show = s.section.type === 'notes';
          if (s.el.hidden === show) changed = true;
          s.el.hidden = !show;
          toggle(s.el, 'compact', s.section.type === 'text' && !!step);
        }
        if (changed) queueMicrotask(fitLabels);
      },
    });
    const side = h('aside.proj-side',
      use(timerPanel(true)),
      use(sharePanel(true)),
      use(peopleSummary()));
    return h('div.proj', h('header.proj-top', h('div.proj-brand', brandMark(), h('span', t('app'))), title, stepLabel),
      h('div.proj-body', main, side));
  }

  function brandMark() {
    return h('span.brand-mark', { 'aria-hidden': 'true' }, h('span.bm1'), h('span.bm2'));
  }

  // --- timer ------------------------------------------------------------------------------

  function fmt(ms) {
    const total = Math.ceil(ms / 1000);
    const hrs = Math.floor(total / 3600);
    const min = Math.floor((total % 3600) / 60);
    const sec = total % 60;
    const ss = String(sec).padStart(2, '0');
    return hrs ? `${hrs}:${String(min).padStart(2, '0')}:${ss}` : `${min}:${ss}`;
  }

  function timerPanel(big = false) {
    const display = h('div.timer-display', { 'data-testid': 'timer', role: 'timer', 'aria-atomic': 'true' });
    const status = h('div.timer-status', { 'data-testid': 'timer-status', 'aria-live': 'polite' });
    const fill = h('div.timer-fill');
    const bar = h('div.timer-bar', { 'aria-hidden': 'true' }, fill);
    const stepNow = h('button.step-now', {
      type: 'button', 'data-testid': big ? 'projector-step' : 'current-step',
      on: { click: () => scrollToStep(app.state.step) },
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

  function scrollToStep(stepId) {
    if (!stepId) return;
    let target = null;
    for (const b of boardIds()) {
      const section = tplOf(b).sections.find((s) => s.step === stepId);
      target = section ? document.getElementById(`sec-${b}-${section.id}`) : null;
      if (target) break;
    }
    target = target || app.anchors[stepId];
    if (!target) return;
    const panel = target.closest('.board-panel');
    if (panel && panel.hidden) showBoard(panel.dataset.board);
    requestAnimationFrame(() => target.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  }

  // --- steps ------------------------------------------------------------------------------

  function stepsPanel() {
    const list = h('ol.steps');
    const items = [];
    const listed = new Set();
    for (const boardId of boardIds()) {
      const steps = tplOf(boardId).steps.filter((s) => !listed.has(s.id));
      if (multi() && steps.length) list.appendChild(h('li.steps-board', { 'aria-hidden': 'true' }, L(tplOf(boardId).title)));
      for (const step of steps) {
        listed.add(step.id);
        items.push(stepItem(step));
      }
    }
    function stepItem(step) {
      const b = h('button.step', {
        type: 'button', 'data-testid': `step-${step.id}`,
        title: isFac() ? t('setStep') : undefined,
        on: {
          click: () => {
            if (isFac()) {
              if (app.state.step !== step.id) send({ type: 'set_step', step: step.id }).catch(() => {});
            } else {
              scrollToStep(step.id);
            }
          },
        },
      }, h('span.step-label', L(step.label)), h('span.step-min', `${step.minutes} min`));
      list.appendChild(h('li', b));
      return { step, b };
    }
    const el = h('section.panel.panel-steps', { 'aria-label': t('steps') },
      h('h2.panel-title', t('steps')), list);
    let shownStep;
    function update() {
      for (const { step, b } of items) {
        const cur = app.state.step === step.id;
        toggle(b, 'current', cur);
        attr(b, 'aria-current', cur ? 'step' : null);
      }
      if (app.state.step !== shownStep) {
        shownStep = app.state.step;
        // on a phone the steps are a horizontal strip: keep the current one in view
        const cur = items.find((i) => i.step.id === shownStep)?.b;
        if (cur && list.scrollWidth > list.clientWidth) {
          requestAnimationFrame(() => {
            list.scrollLeft = cur.parentElement.offsetLeft - (list.clientWidth - cur.offsetWidth) / 2;
          });
        }
      }
    }
    return { el, update };
  }

  // --- people -----------------------------------------------------------------------------

  function peoplePanel() {
    const summary = h('span.panel-meta', { 'data-testid': 'online-summary' });
    const facLine = h('p.fac-line', { 'data-testid': 'facilitator-count' });
    const blocks = allGroups().map((g) => {
      const count = h('span.group-count', { 'data-testid': `online-count-${g.id}` });
      const list = h('ul.people', { 'data-testid': `online-${g.id}` });
      const block = h('div.group-block', { style: { '--c': g.colour } },
        h('h3.group-head', h('span.swatch', { 'aria-hidden': 'true' }), h('span', L(g.label)), count), list);
      return { g, count, list, block };
    });
    const el = h('section.panel.panel-people', { 'data-testid': 'online-list', 'aria-label': t('online') },
      h('div.panel-head', h('h2.panel-title', t('online')), summary),
      blocks.map((b) => b.block), facLine);
    function update() {
      const online = new Set(app.presence?.participants || []);
      const people = Object.entries(app.state.participants);
      setText(summary, `${people.filter(([id]) => online.has(id)).length} ${t('onlineNow')}`);
      for (const { g, count, list } of blocks) {
        const mine = people.filter(([, p]) => p.group === g.id)
          .sort(([ia, a], [ib, b]) => (online.has(ib) - online.has(ia)) || a.name.localeCompare(b.name));
        setText(count, `${mine.filter(([id]) => online.has(id)).length}/${mine.length}`);
        reconcile(list, mine, ([id]) => id,
          ([id]) => h('li.person', { 'data-testid': `person-${id}` }, h('span.presence-dot', { 'aria-hidden': 'true' }), h('span.person-name')),
          (li, [id, p]) => {
            const on = online.has(id);
            toggle(li, 'online', on);
            attr(li, 'data-online', on ? 'true' : 'false');
            attr(li, 'title', on ? t('onlineNow') : t('offline'));
            setText(li.querySelector('.person-name'), id === app.participant ? `${p.name} (${t('you')})` : p.name);
          });
        if (!mine.length) {
          if (!list._empty) {
            list._empty = h('li.people-empty', t('nobodyYet'));
            list._empty._keep = true;
          }
          if (!list._empty.isConnected) list.appendChild(list._empty);
        } else if (list._empty?.isConnected) {
          list._empty.remove();
        }
      }
      const nf = app.presence?.facilitators ?? 0;
      setText(facLine, nf === 0 ? t('facilitators0') : nf === 1 ? t('facilitators1') : t('facilitators', { n: nf }));
    }
    return { el, update };
  }

  function peopleSummary() {
    const rows = allGroups().map((g) => {
      const n = h('strong', { 'data-testid': `projector-count-${g.id}` });
      return { g, n, row: h('li', { style: { '--c': g.colour } }, h('span.swatch'), h('span', L(g.label)), n) };
    });
    const el = h('section.panel.proj-people', h('h2.panel-title', t('participantsTitle')), h('ul.proj-groups', rows.map((r) => r.row)));
    function update() {
      for (const { g, n } of rows) {
        setText(n, Object.values(app.state.participants).filter((p) => p.group === g.id).length);
      }
    }
    return { el, update };
  }

  function tooManyWarning() {
    const el = h('div.warning', { 'data-testid': 'too-many-warning', role: 'status', hidden: true });
    function update() {
      const max = recommendedMax();
      const n = Object.keys(app.state.participants).length;
      const over = max !== null && n > max;
      el.hidden = !over;
      if (over) setText(el, t('tooMany', { n, max }));
    }
    return { el, update };
  }

  // --- share (facilitator) / join (projector) ---------------------------------------------

  function sharePanel(big) {
    const code = app.joinCode || '';
    const joinUrl = `${location.origin}/j/${code}`;
    const projUrl = `${location.origin}/p/${app.session}#c=${code}`;
    const shortUrl = `${location.host}/j/${code}`;
    if (big) {
      const el = h('section.panel.proj-join', { 'data-testid': 'projector-join' },
        h('div.proj-join-text', t('projectorJoin')),
        h('div.proj-join-url', { 'data-testid': 'projector-join-url' }, `${location.host}/j`),
        h('div.big-code', { 'data-testid': 'join-code' }, groupCode(code)),
        h('div.proj-qr', qrSvg(joinUrl, { testid: 'qr', label: joinUrl })),
        h('div.proj-join-text.small', t('orScan')));
      return { el };
    }
    const secret = store.facilitator(app.session);
    const el = h('section.panel.panel-share', { 'aria-label': t('share') },
      h('h2.panel-title', t('share')),
      h('div.share-row',
        h('div.share-code',
          h('div.share-label', t('joinCode')),
          h('div.code', { 'data-testid': 'join-code' }, groupCode(code)),
          h('a.share-url', { href: joinUrl, target: '_blank', rel: 'noopener', 'data-testid': 'join-link' }, shortUrl)),
        h('div.share-qr', qrSvg(joinUrl, { testid: 'share-qr', label: joinUrl }))),
      h('div.share-actions',
        copyButton(() => joinUrl, () => t('copyJoinLink'), 'copy-join-link'),
        h('a.btn.btn-small', { href: projUrl, target: '_blank', rel: 'noopener', 'data-testid': 'projector-link' }, t('projector')),
        secret ? copyButton(() => `${location.origin}/b/${app.session}#f=${secret}`, () => t('copyFacLink'), 'copy-facilitator-link') : null));
    return { el };
  }

  // --- sections ---------------------------------------------------------------------------

  // what the stakeholder map (stakeholders.js) needs of the board
  const shCtx = {
    app,
    conn,
    projector,
    send: (frame, quiet) => send(frame, quiet),
    isFac,
    isPart,
    myId: () => (isFac() ? 'facilitator' : app.participant),
    personName,
    template: tplOf,
    sectionShell: (...a) => sectionShell(...a),
    stepShort: (step) => stepShort(step),
    boardOfStep: (step) => boardOfStep(step),
  };

  function sectionComponent(boardId, section) {
    const hasMap = tplOf(boardId).sections.some((s) => s.type === 'stakeholders');
    switch (section.type) {
      // on the stakeholder map the ambition is in the middle of the map
      case 'text': return hasMap ? null : textSection(boardId, section);
      case 'dots': return dotsSection(boardId, section);
      case 'notes': return notesSection(boardId, section);
      case 'stakeholders': return stakeholderSection(shCtx, boardId, section);
      case 'checklist': return checklistSection(shCtx, boardId, section);
      default: return null;
    }
  }

  /** "Stap 2" for a step labelled "2 Drijfveren"; the label itself when it has no number. */
  function stepShort(step) {
    const num = L(step.label).match(/^\d+/);
    return num ? `${t('step')} ${num[0]}` : L(step.label);
  }

  function sectionShell(boardId, section, extraHead = []) {
    const nowBadge = h('span.now-badge', { hidden: true }, t('sectionCurrent'));
    const step = allSteps().find((s) => s.id === section.step);
    const head = h('header.sec-head',
      h('div.sec-title-row',
        h('h2.sec-title', L(section.title)),
        nowBadge,
        step && !projector ? h('span.sec-step', stepShort(step)) : null),
      ...extraHead);
    const el = h('section.sec', {
      class: `sec-${section.type} sec-id-${section.id}`,
      id: `sec-${boardId}-${section.id}`,
      'data-testid': `section-${tid(boardId, section.id)}`,
      'aria-label': L(section.title),
    }, head);
    function updateCurrent() {
      const cur = !!section.step && app.state.step === section.step;
      toggle(el, 'current', cur);
      nowBadge.hidden = !cur;
    }
    return { el, head, updateCurrent };
  }

  // text: ambition and goals ---------------------------------------------------------------

  function textSection(boardId, section) {
    const shell = sectionShell(boardId, section);
    const grid = h('div.text-fields', { class: `n${section.fields.length}` });
    const fields = section.fields.map((field, i) => {
      const text = h('p.tfield-text', { 'data-testid': `text-${tid(boardId, section.id, field.id)}` });
      const box = h('div.tfield', { class: i === 0 ? 'primary' : 'secondary' },
        h('div.tfield-label', L(field.label)), text);
      let editor = null;
      if (isFac() && !projector) {
        const editBtn = h('button.btn.btn-ghost.btn-small.tfield-edit', {
          type: 'button', 'data-testid': `edit-${tid(boardId, section.id, field.id)}`,
          'aria-label': `${t('edit')}: ${L(field.label)}`,
          on: { click: () => openEditor() },
        }, t('edit'));
        box.appendChild(editBtn);
        const openEditor = () => {
          if (editor) return;
          const current = app.state.boards[boardId].texts?.[section.id]?.[field.id] || '';
          const ta = h('textarea.input', {
            rows: i === 0 ? 4 : 3, maxlength: String(field.max_len), 'aria-label': L(field.label),
            'data-testid': `editor-${tid(boardId, section.id, field.id)}`,
          });
          ta.value = current;
          const counter = h('span.counter');
          const upd = () => setText(counter, t('characters', { n: ta.value.length, max: field.max_len }));
          ta.addEventListener('input', upd);
          upd();
          const save = h('button.btn.btn-primary.btn-small', { type: 'button', 'data-testid': `save-${tid(boardId, section.id, field.id)}` }, t('save'));
          const cancel = h('button.btn.btn-small', { type: 'button' }, t('cancel'));
          editor = h('div.tfield-editor', ta, h('div.editor-actions', counter, cancel, save));
          const close = () => { editor.remove(); editor = null; box.classList.remove('editing'); editBtn.focus(); };
          cancel.addEventListener('click', close);
          save.addEventListener('click', async () => {
            save.disabled = true;
            try {
              await send({ type: 'set_text', board: boardId, section: section.id, field: field.id, text: ta.value.trim() });
              close();
            } catch {
              save.disabled = false;
            }
          });
          ta.addEventListener('keydown', (e) => {
            if (e.key === 'Escape') close();
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save.click();
          });
          box.classList.add('editing');
          box.appendChild(editor);
          ta.focus();
        };
      }
      grid.appendChild(box);
      return { field, text, box };
    });
    shell.el.appendChild(grid);
    function update() {
      shell.updateCurrent();
      const texts = app.state.boards[boardId].texts?.[section.id] || {};
      for (const { field, text } of fields) {
        const v = texts[field.id] || '';
        setText(text, v || t('empty'));
        toggle(text, 'is-empty', !v);
      }
    }
    return { el: shell.el, update };
  }

  // dots: drijfveren, pijlers ---------------------------------------------------------------

  function dotsSection(boardId, section) {
    const groups = tplOf(boardId).groups;
    const remaining = h('span.remaining', { 'data-testid': `remaining-${tid(boardId, section.id)}` });
    const hiddenBadge = h('span.hidden-badge', { 'data-testid': `hidden-badge-${tid(boardId, section.id)}`, hidden: true }, t('hiddenForOthers'));
    const toggleBtn = isFac() && !projector ? h('button.btn.btn-small.hide-toggle', {
      type: 'button', 'data-testid': `hide-toggle-${tid(boardId, section.id)}`,
      on: {
        click: () => {
          const hidden = !app.state.boards[boardId].dots[section.id].hidden;
          send({ type: 'set_hidden', board: boardId, section: section.id, hidden }).catch(() => {});
        },
      },
    }) : null;
    const legend = h('div.legend', groups.map((g) => h('span.legend-item', { style: { '--c': g.colour } }, h('span.swatch'), L(g.label))));
    const tools = h('div.sec-tools', legend, isPart() ? remaining : null, hiddenBadge, toggleBtn);
    const shell = sectionShell(boardId, section, [h('p.sec-prompt', L(section.prompt)), tools]);
    const notice = h('div.hidden-notice', { 'data-testid': `hidden-notice-${tid(boardId, section.id)}`, hidden: true },
      h('span.eye', { 'aria-hidden': 'true' }), isPart() ? t('hiddenNotice') : t('hiddenForOthers'));
    const grid = h('div.options');
    const pendingOps = new Set();

    const cards = section.options.map((opt, i) => {
      const counts = {};
      const dotRows = {};
      const countRows = groups.map((g) => {
        const n = h('span.count-n', { 'data-testid': `count-${tid(boardId, section.id, opt.id, g.id)}` });
        const dots = h('span.dot-row');
        counts[g.id] = n;
        dotRows[g.id] = dots;
        return h('span.count-row', { style: { '--c': g.colour }, title: L(g.label) }, dots, n);
      });
      const mineTag = h('span.mine-tag', { hidden: true, title: t('myDot'), 'data-testid': 'my-dot' }, h('span.mine-text', t('myDot')));
      const inner = [
        h('span.opt-num', { 'aria-hidden': 'true' }, String(i + 1)),
        mineTag,
        h('span.opt-top', h('span.opt-label', L(opt.label))),
        h('span.opt-hint', L(opt.hint)),
        h('span.opt-counts', countRows),
      ];
      const testid = `option-${tid(boardId, section.id, opt.id)}`;
      let card;
      if (isPart()) {
        card = h('button.option', { type: 'button', 'data-testid': testid, 'aria-pressed': 'false', on: { click: () => clickOption(opt) } }, inner);
      } else {
        card = h('div.option', { 'data-testid': testid }, inner);
      }
      grid.appendChild(card);
      return { opt, card, counts, dotRows, mineTag };
    });

    async function clickOption(opt) {
      if (pendingOps.has(opt.id)) return;
      const mine = myDots();
      const isMine = mine.includes(opt.id);
      if (!isMine && mine.length >= section.per_person) {
        toast(errorText('budget_exhausted'));
        return;
      }
      pendingOps.add(opt.id);
      update();
      try {
        await send({ type: isMine ? 'remove_dot' : 'place_dot', board: boardId, section: section.id, option: opt.id });
      } catch { /* toast shown */ }
      pendingOps.delete(opt.id);
      update();
    }

    function myDots() {
      return app.you?.[boardId]?.[section.id] || [];
    }

    shell.el.append(notice, grid);

    function update() {
      shell.updateCurrent();
      const vote = app.state.boards[boardId].dots[section.id] || { hidden: false, counts: {} };
      const masked = vote.hidden && !isFac();
      const mine = myDots();
      const left = Math.max(0, section.per_person - mine.length);
      setText(remaining, left ? t('remaining', { n: left, max: section.per_person }) : t('remainingNone', { max: section.per_person }));
      attr(remaining, 'data-left', String(left));
      toggle(remaining, 'done', left === 0);
      hiddenBadge.hidden = !(vote.hidden && isFac());
      if (toggleBtn) {
        setText(toggleBtn, vote.hidden ? t('reveal') : t('hide'));
        toggle(toggleBtn, 'btn-primary', vote.hidden);
        attr(toggleBtn, 'aria-pressed', String(!!vote.hidden));
      }
      notice.hidden = !masked;
      toggle(shell.el, 'masked', masked);
      let max = 0;
      for (const per of Object.values(vote.counts || {})) for (const n of Object.values(per)) max = Math.max(max, n);
      for (const { opt, card, counts, dotRows, mineTag } of cards) {
        const per = (vote.counts || {})[opt.id] || {};
        for (const g of groups) {
          const n = per[g.id] || 0;
          setText(counts[g.id], masked ? '–' : String(n));
          attr(counts[g.id], 'data-count', masked ? null : String(n));
          renderDots(dotRows[g.id], masked ? 0 : n);
          toggle(counts[g.id].parentElement, 'zero', masked || n === 0);
        }
        const isMine = mine.includes(opt.id);
        toggle(card, 'mine', isMine);
        mineTag.hidden = !isMine;
        if (isPart()) {
          attr(card, 'aria-pressed', String(isMine));
          toggle(card, 'pending', pendingOps.has(opt.id));
          toggle(card, 'spent', !isMine && left === 0);
          const me = app.state.participants[app.participant];
          if (me) card.style.setProperty('--mine', groupOf(me.group)?.colour || '#334155');
        }
        const total = Object.values(per).reduce((a, b) => a + b, 0);
        toggle(card, 'top', !masked && max > 0 && total > 0 && Object.values(per).some((n) => n === max));
      }
    }
    return { el: shell.el, update };
  }

  function renderDots(row, n) {
    const shown = Math.min(n, 12);
    if (row.childElementCount === shown + (n > 12 ? 1 : 0)) return;
    row.replaceChildren();
    for (let i = 0; i < shown; i++) row.appendChild(h('span.dot'));
    if (n > 12) row.appendChild(h('span.dot-more', '+'));
  }

  // notes: insights, actions -----------------------------------------------------------------

  function notesSection(boardId, section) {
    const groups = tplOf(boardId).groups;
    const canAdd = () => !projector && (section.adders === 'everyone' ? (isPart() || isFac()) : isFac());
    const canEdit = (note) => !projector && (isFac() || (isPart() && note.author === app.participant));
    const extra = [];
    if (section.with_owner) {
      extra.push(h('blockquote.central-question', { 'data-testid': `question-${tid(boardId, section.id)}` }, L(section.prompt)));
    } else {
      extra.push(h('p.sec-prompt', L(section.prompt)));
    }
    const shell = sectionShell(boardId, section, extra);
    const lanesWrap = h('div.lanes', { class: section.with_owner && section.lanes.length === 4 ? 'grid2' : 'row' });
    const lanes = section.lanes.map((lane) => {
      const group = groups.find((g) => lane.id === g.id || lane.id.startsWith(`${g.id}-`));
      const list = h('div.notes-list');
      const empty = h('p.lane-empty', t('noNotes'));
      const laneEl = h('div.lane', {
        'data-testid': `lane-${tid(boardId, section.id, lane.id)}`,
        class: group ? 'grouped' : '',
        style: group ? { '--c': group.colour, '--c-soft': tint(group.colour, 0.06) } : undefined,
      }, h('h3.lane-title', L(lane.label)), list, empty);
      if (canAdd()) laneEl.appendChild(addForm(lane));
      lanesWrap.appendChild(laneEl);
      return { lane, list, empty };
    });
    shell.el.appendChild(lanesWrap);

    function addForm(lane) {
      const wrap = h('div.add-wrap');
      const open = h('button.btn.btn-ghost.add-note', { type: 'button', 'data-testid': `add-note-${tid(boardId, section.id, lane.id)}` }, t('addNote'));
      wrap.appendChild(open);
      open.addEventListener('click', () => {
        open.hidden = true;
        const form = noteForm({
          text: '', owner: '', lane,
          onSave: async (text, owner) => {
            const frame = { type: 'add_note', board: boardId, section: section.id, lane: lane.id, text };
            if (section.with_owner) frame.owner = owner;
            await send(frame);
            form.remove();
            open.hidden = false;
            open.focus();
          },
          onCancel: () => { form.remove(); open.hidden = false; open.focus(); },
          saveLabel: t('add'),
        });
        wrap.appendChild(form);
        form.querySelector('textarea').focus();
      });
      return wrap;
    }

    /** The form to write a note; used for adding and editing. onSave may throw to keep it open. */
    function noteForm({ text, owner, onSave, onCancel, saveLabel, lane }) {
      const ta = h('textarea.input', { rows: 3, maxlength: String(section.max_len), placeholder: t('notePh'), 'data-testid': 'note-text', 'aria-label': L(lane.label) });
      ta.value = text;
      const ownerInput = section.with_owner
        ? h('input.input.owner-input', { type: 'text', maxlength: '80', placeholder: t('ownerPh'), 'data-testid': 'note-owner', 'aria-label': t('ownerLabel') })
        : null;
      if (ownerInput) ownerInput.value = owner;
      const counter = h('span.counter');
      const upd = () => setText(counter, t('characters', { n: ta.value.length, max: section.max_len }));
      ta.addEventListener('input', upd);
      upd();
      const save = h('button.btn.btn-primary.btn-small', { type: 'submit', 'data-testid': 'note-save' }, saveLabel);
      const cancel = h('button.btn.btn-small', { type: 'button', 'data-testid': 'note-cancel', on: { click: () => onCancel() } }, t('cancel'));
      const form = h('form.note-form',
        ta,
        ownerInput ? h('label.owner-row', h('span', `${t('ownerLabel')}:`), ownerInput) : null,
        h('div.editor-actions', counter, cancel, save));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const value = ta.value.trim();
        if (!value) { ta.focus(); return; }
        save.disabled = true;
        try {
          await onSave(value, ownerInput ? ownerInput.value.trim() : '');
        } catch { /* stays open; the error is shown */ }
        save.disabled = false;
      });
      ta.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
      });
      form._ta = ta;
      form._owner = ownerInput;
      return form;
    }

    function createNote(note) {
      const el = h('article.note', { 'data-testid': `note-${note.id}` });
      el._view = h('div.note-view',
        h('p.note-text'),
        h('div.note-meta', h('span.note-owner'), h('span.note-author')),
        h('div.note-actions'));
      el.appendChild(el._view);
      el._editor = null;
      return el;
    }

    function findNote(id) {
      return (app.state.boards[boardId].notes[section.id] || []).find((n) => n.id === id);
    }

    function startEdit(el, note) {
      if (el._editor) return;
      let base = note.version;
      const laneDef = section.lanes.find((l) => l.id === note.lane) || section.lanes[0];
      const conflictBox = h('div.conflict', { 'data-testid': 'edit-conflict', role: 'alert', hidden: true });
      const form = noteForm({
        text: note.text, owner: note.owner, lane: laneDef, saveLabel: t('save'),
        onSave: async (text, owner) => {
          const frame = { type: 'edit_note', board: boardId, section: section.id, note: note.id, base_version: base, text };
          if (section.with_owner) frame.owner = owner;
          try {
            await send(frame, ['edit_conflict', 'not_found']);
          } catch (err) {
            const now = findNote(note.id);
            if (err.code === 'edit_conflict' && now) {
              // keep the user's text; show theirs; the next save goes on top of their version
              base = now.version;
              conflictBox.replaceChildren(
                h('strong', t('conflict')),
                h('div.conflict-other', h('span.conflict-label', t('conflictOther')),
                  h('span.conflict-text', { 'data-testid': 'conflict-other' }, now.text),
                  section.with_owner && now.owner ? h('span.conflict-owner', `${t('ownerLabel')}: ${now.owner}`) : null),
                h('p.conflict-hint', t('conflictHint')));
              conflictBox.hidden = false;
            } else if (err.code === 'not_found' || !now) {
              conflictBox.replaceChildren(h('strong', t('noteGone')));
              conflictBox.hidden = false;
            }
            throw err;
          }
          stopEdit(el);
        },
        onCancel: () => stopEdit(el),
      });
      el._editor = h('div.note-edit', conflictBox, form);
      el._view.hidden = true;
      el.classList.add('editing');
      el.appendChild(el._editor);
      form._ta.focus();
      form._ta.setSelectionRange(form._ta.value.length, form._ta.value.length);
    }

    function stopEdit(el) {
      if (!el._editor) return;
      el._editor.remove();
      el._editor = null;
      el._view.hidden = false;
      el.classList.remove('editing');
    }

    function updateNote(el, note) {
      const v = el._view;
      setText(v.querySelector('.note-text'), note.text);
      const ownerEl = v.querySelector('.note-owner');
      ownerEl.hidden = !section.with_owner;
      setText(ownerEl, note.owner ? `${t('ownerLabel')}: ${note.owner}` : `${t('ownerLabel')}: –`);
      toggle(ownerEl, 'missing', !note.owner);
      setText(v.querySelector('.note-author'), t('by', { name: personName(note.author) }));
      const author = app.state.participants[note.author];
      const g = author ? groupOf(author.group) : null;
      if (g) el.style.setProperty('--author', g.colour);
      else el.style.removeProperty('--author');
      toggle(el, 'mine', isPart() && note.author === app.participant);
      const actions = v.querySelector('.note-actions');
      const editable = canEdit(note);
      if (editable && !actions.childElementCount) {
        actions.append(
          h('button.btn.btn-ghost.btn-tiny', { type: 'button', 'data-testid': 'note-edit', on: { click: () => { const n = findNote(note.id); if (n) startEdit(el, n); } } }, t('edit')),
          removeButton('note-remove', () => send({ type: 'remove_note', board: boardId, section: section.id, note: note.id })));
      } else if (!editable && actions.childElementCount) {
        actions.replaceChildren();
      }
      actions.hidden = !editable;
    }

    function update() {
      shell.updateCurrent();
      const notes = app.state.boards[boardId].notes[section.id] || [];
      for (const { lane, list, empty } of lanes) {
        const mine = notes.filter((n) => n.lane === lane.id);
        reconcile(list, mine, (n) => n.id, createNote, updateNote);
        empty.hidden = mine.length > 0;
      }
    }
    return { el: shell.el, update };
  }

  return { conn, app };
}
