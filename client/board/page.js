// The board page of a facilitator or participant: the top bar, the side panels (timer, invite,
// steps, people) and the board's sections (a tab per board when a session has several). What only
// the facilitator has comes from board/facilitator.js, as app.fac (loaded for them only).

import { h, setText, toggle, langSwitch } from '../dom.js';
import { t, L } from '../i18n.js';
import { timerPanel } from './timer.js';
import { stepsPanel } from './steps.js';
import { peoplePanel } from './people.js';
import { boardTabs } from './tabs.js';
import { sectionComponent } from './sections.js';
import { timeUpBanner } from './time-up.js';
import { checkoutCard } from './checkout.js';

export function boardPage(app) {
  const { isFac, isPart, groupOf, boardIds, tplOf, use } = app;
  const fac = isFac() ? app.fac : null;
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
  if (isFac()) {
    header.classList.add('has-bar');
    header.appendChild(use(fac.facilitatorBar(app)));
  }

  const side = h('aside.side',
    use(timerPanel(app)),
    use(stepsPanel(app)), // before the invite: within the first screen of a laptop
    fac ? use(fac.sharePanel(app, false)) : null,
    fac ? use(fac.runSheetPanel(app)) : null,
    use(peoplePanel(app)),
    fac ? use(fac.checkoutAnswers(app)) : null,
    fac ? use(fac.closePanel(app)) : null);

  const main = h('main.board', { 'data-testid': 'board' });
  main.appendChild(use(closedBanner(app)));
  if (fac) main.appendChild(use(fac.tooManyWarning(app)));
  if (isPart()) main.appendChild(use(checkoutCard(app)));
  // several boards: a tab per board; the timer, steps, people and invite panel stay beside them
  const ids = boardIds();
  const panels = {};
  if (ids.length > 1) main.appendChild(use(boardTabs(app, panels)));
  for (const b of ids) {
    const target = ids.length > 1
      ? h('div.board-panel', { id: `panel-${b}`, role: 'tabpanel', 'aria-labelledby': `tab-${b}`, 'data-testid': `board-panel-${b}`, 'data-board': b })
      : main;
    if (isPart() && tplOf(b).sections.some((s) => s.type === 'dots')) target.appendChild(use(stickerHint(app)));
    for (const section of tplOf(b).sections) {
      const c = sectionComponent(app, b, section);
      if (c) target.appendChild(use(c));
    }
    if (target !== main) {
      panels[b] = target;
      main.appendChild(target);
    }
  }
  const page = h('div.app-board', { class: `role-${app.role}` }, use(timeUpBanner(app)), header, h('div.layout', side, main));
  // closed: every control that would be refused goes (style.css, "closed session")
  app.components.push({ update: () => toggle(page, 'closed', app.closed()) });
  return page;
}

/** Once the session is closed: the board stays readable, nothing can change. */
function closedBanner(app) {
  const el = h('div.closed-banner', { 'data-testid': 'closed-banner', role: 'status', hidden: true });
  function update() {
    el.hidden = !app.closed();
    if (app.closed()) setText(el, t('sessionClosed'));
  }
  return { el, update };
}

/** "Tap a card to place a dot": only while dots can be placed (in a dot step, or before the steps with hold off). */
function stickerHint(app) {
  const el = h('p.board-intro', { 'data-testid': 'sticker-hint' }, t('tapToPlace'));
  const update = () => {
    const step = app.currentStep();
    el.hidden = app.closed() || (step ? !step.allows.includes('dots') : !!app.state.hold); // hold: step 1 first
  };
  return { el, update };
}

export function brandMark() {
  return h('span.brand-mark', { 'aria-hidden': 'true' }, h('span.bm1'), h('span.bm2'));
}
