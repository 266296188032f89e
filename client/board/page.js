// The board page of a facilitator or participant: the top bar, the side panels (timer, invite,
// steps, people) and the board's sections (a tab per board when a session has several).

import { h, setText, toggle, langSwitch } from '../dom.js';
import { t, L } from '../i18n.js';
import { timerPanel } from './timer.js';
import { sharePanel } from './share.js';
import { stepsPanel } from './steps.js';
import { peoplePanel, tooManyWarning } from './people.js';
import { boardTabs } from './tabs.js';
import { sectionComponent } from './sections.js';
import { runSheetPanel } from './runsheet-panel.js';
import { timeUpBanner } from './time-up.js';
import { checkoutCard, checkoutAnswers } from './checkout.js';
import { closePanel, closedBanner } from './close-panel.js';
import { facilitatorBar } from './fac-bar.js';

export function boardPage(app) {
  const { isFac, isPart, groupOf, boardIds, tplOf, use } = app;
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
    header.appendChild(use(facilitatorBar(app)));
  }

  const side = h('aside.side',
    use(timerPanel(app)),
    use(stepsPanel(app)), // before the invite: within the first screen of a laptop
    isFac() ? use(sharePanel(app, false)) : null,
    isFac() ? use(runSheetPanel(app)) : null,
    use(peoplePanel(app)),
    isFac() ? use(checkoutAnswers(app)) : null,
    isFac() ? use(closePanel(app)) : null);

  const main = h('main.board', { 'data-testid': 'board' });
  main.appendChild(use(closedBanner(app)));
  if (isFac()) main.appendChild(use(tooManyWarning(app)));
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
