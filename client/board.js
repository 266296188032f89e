// The live board (/b/{session}) and the projector (/p/{session}), rendered from the template.
//
// The DOM is built once per structure (boards + templates + role + language) and then updated
// in place on every change, so open editors, focus and typing survive live updates. The state
// and the re-render live in board/app.js; this module wires the connection to it and builds.

import { h, setText, toast } from './dom.js';
import { t, errorText, onLangChange } from './i18n.js';
import { Connection } from './conn.js';
import { applyEvent } from './state.js';
import { store } from './store.js';
import { createApp } from './board/app.js';
import { boardPage } from './board/page.js';
import { fitLabels } from './board/fit.js';
import { scrollToStep } from './board/steps.js';
import { kindsLoaded, loadKinds } from './board/kinds/index.js';
import './board/kit.js'; // the board's chunk holds what its lazy modules share with it (read kit.js)

// Loaded only where they are used (docs/decisions.md, 76): the projector's page, the facilitator's
// tools, each kind of section (board/kinds/index.js). The server preloads the projector's and the
// session's kinds' chunks; main.js starts the facilitator's download when it knows the role.
export const loadProjector = () => import('./board/projector.js');
export const loadFacilitator = () => import('./board/facilitator.js');

export function mountBoard(root, { session, auth, socket = null, projector = false, onFatal }) {
  const app = createApp({ session, projector, root });

  // --- connection -------------------------------------------------------------------------

  const banner = h('div.conn-banner', { 'data-testid': 'reconnect-banner', role: 'status', hidden: true },
    h('span.spinner', { 'aria-hidden': 'true' }), h('span.conn-banner-text'),
    // said once someone acted while offline: their change waits, it is not lost
    h('span.conn-banner-hint', { 'data-testid': 'offline-hint', hidden: true }));
  document.body.appendChild(banner);

  const conn = new Connection({
    session,
    auth,
    socket,
    on: {
      welcome(msg) {
        app.role = msg.role;
        app.participant = msg.participant ?? null;
        app.joinCode = msg.join_code;
        if (msg.you) app.you = msg.you;
        if ('checkout' in msg) app.checkout = msg.checkout;
        app.progress = {};
        for (const p of msg.progress || []) app.progress[`${p.board}/${p.section}`] = p;
        if (msg.state?.proxy_dots) app.proxyDots = msg.state.proxy_dots;
        if (msg.mode === 'snapshot' || !app.state) {
          app.state = msg.state;
          app.state._audience = msg.role === 'facilitator' ? 'facilitator' : 'others';
        }
        if (msg.role === 'facilitator' && msg.join_code) store.setCode(session, msg.join_code);
        if (app.structure() !== app.signature) build();
        app.schedule();
      },
      event(frame) {
        if (!app.state) return;
        const hint = applyEvent(app.state, frame);
        if (hint.kind === 'all') {
          conn._resync(); // an event we do not know: start over from a snapshot
          return;
        }
        if (app.structure() !== app.signature) { build(); return; } // a block added, moved or removed
        for (const c of app.components) c.onEvent?.(hint);
        app.schedule();
        if (frame.event?.type === 'step_set') followStep(true);
      },
      you(msg) {
        app.you = msg.dots || {};
        if ('checkout' in msg) app.checkout = msg.checkout;
        app.schedule();
      },
      progress(msg) {
        app.progress[`${msg.board}/${msg.section}`] = msg;
        app.schedule();
      },
      proxyDots(msg) {
        app.proxyDots[msg.participant] = msg.dots;
        app.schedule();
      },
      presence(msg) {
        app.presence = msg;
        app.schedule();
      },
      drag(msg) {
        if (!app.state || app.waiting) return;
        for (const c of app.components) c.onDrag?.(msg);
      },
      status: updateBanner,
      waiting: updateBanner,
      fatal(code) {
        banner.remove();
        onFatal?.(code);
      },
      error(msg) {
        // bad_token out of the blue is the server's word that we were removed; the close right
        // after it (4011) shows that calmly, not as a red error
        if (msg.code === 'bad_token') return;
        toast(errorText(msg.code));
      },
      reload() {
        app.state = null;
      },
    },
  });
  app.conn = conn;

  function updateBanner() {
    const s = conn.status;
    const show = s === 'reconnecting' || (s === 'connecting' && conn.everOpen) || (s === 'open' && conn.storeDown);
    banner.hidden = !show;
    setText(banner.querySelector('.conn-banner-text'), t('reconnecting'));
    const hint = banner.querySelector('.conn-banner-hint');
    hint.hidden = !(show && conn.unconfirmed > 0);
    setText(hint, hint.hidden ? '' : t('offlineHint')); // no hidden text in the banner's name
    document.body.classList.toggle('is-offline', show);
  }

  root.replaceChildren(h('div.page-loading', h('span.spinner'), h('span', t('connecting'))));
  conn.start();

  onLangChange(() => {
    if (app.state) build();
    updateBanner();
  });

  /** The types of every section of the session's boards (what the build needs the kinds of). */
  const sectionTypes = () => app.boardIds().flatMap((b) => app.tplOf(b).sections.map((s) => s.type));

  // What a build waits for: the code of the session's kinds and of this role's page, loaded once.
  // Until it is in, the page stays as it is ("connecting", or the last build); then it is built
  // once, from the state as it is by then.
  let page = null; // {role, render}: the page this role's code builds
  let loading = null;
  let retry = 2000;
  function build() {
    const role = projector ? 'projector' : app.role;
    if (page?.role === role && kindsLoaded(sectionTypes())) { buildNow(); return; }
    if (loading) return; // it builds when the code is in
    app.waiting = true;
    loading = Promise.all([loadKinds(sectionTypes()),
      projector ? loadProjector() : null,
      role === 'facilitator' ? loadFacilitator() : null])
      .then(([, proj, fac]) => {
        page = { role, render: proj ? proj.projectorPage : boardPage };
        app.fac = fac;
        loading = null;
        app.waiting = false;
        if (app.state) build(); // built now (or, had the state grown new kinds meanwhile, once they are in)
      }, (err) => {
        loading = null; // still waiting: the components on screen (if any) stay as they were
        console.error('board: loading its code failed', err);
        if (retry === 2000) toast(errorText('network'));
        setTimeout(() => { if (app.state) build(); }, retry); // the network may be back by then
        retry = Math.min(retry * 2, 30000);
      });
  }

  function buildNow() {
    app.waiting = false;
    app.signature = app.structure();
    app.reset();
    document.body.classList.toggle('projector-mode', projector);
    document.title = `${app.state.title || t('app')} · ${t('app')}`;
    root.replaceChildren(page.render(app));
    for (const c of app.components) c.update?.();
    fitLabels(root);
    followStep(false);
    placeStartFocus();
  }

  /** A participant who just arrived (from the join form, or a reload) starts at the board, not at
   * the top of the page: focus on the heading of the current step's section (or the first section
   * with cards), so the next Tab or two reach its first card. Once per page, never taking focus
   * from where someone put it. */
  let startFocusPlaced = false;
  function placeStartFocus() {
    if (startFocusPlaced || projector || !app.isPart()) return;
    startFocusPlaced = true;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const section = root.querySelector('.sec.current') || root.querySelector('.sec-dots, .sec-notes, .sec-shmap');
    const title = section?.querySelector('.sec-title');
    if (!title) return;
    title.setAttribute('tabindex', '-1');
    title.focus({ preventScroll: true });
  }

  /** Participants' screens (a phone above all) go to the current step's section: after joining,
   * after a reload and whenever the facilitator moves on. */
  function followStep(smooth) {
    if (projector || app.isFac() || !app.state?.step) return;
    requestAnimationFrame(() => scrollToStep(app, app.state.step, { smooth }));
  }

  let fitPending = null;
  window.addEventListener('resize', () => {
    clearTimeout(fitPending);
    fitPending = setTimeout(() => fitLabels(root), 120);
  });

  return { conn, app };
}
