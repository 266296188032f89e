// The projector (/p/{session}): read-only and large, for the room. It is laid out once on a
// stage 1920 px wide and as tall as the screen's shape asks, then scaled to the screen: the
// board scales to the beamer (1024 × 768 to 3840 × 2160), never the beamer to the board, so
// nothing scrolls. Per step it shows what the manual has the room look at (see scene()).

import { h, setText, toggle } from '../dom.js';
import { t, L } from '../i18n.js';
import { timerPanel } from './timer.js';
import { sharePanel } from './share.js';
import { peopleSummary } from './people.js';
import { sectionComponent } from './sections.js';
import { kindOf } from './kinds/index.js';
import { brandMark } from './page.js';
import { fitLabels } from './fit.js';
import { boardPager } from './projector-pages.js';
import { timeUpBanner, soundToggle, soundHint } from './time-up.js';
import './kit.js'; // one chunk with the board's code (kit.js)

const STAGE_WIDTH = 1920;

export function projectorPage(app) {
  const { currentStep, boardIds, tplOf, use } = app;
  const title = h('h1.proj-title', { 'data-testid': 'session-title' });
  const stepLabel = h('div.proj-step', { 'data-testid': 'current-step' });
  app.components.push({
    update() {
      setText(title, app.state.title || t('app'));
      const step = currentStep();
      // closed: the room is told so where it looks for the step (the board stays as it ended)
      setText(stepLabel, app.closed() ? t('timerClosed') : step ? L(step.label) : t('noStep'));
      toggle(stepLabel, 'closed', app.closed());
    },
  });
  const main = h('main.proj-board', { 'data-testid': 'board' });
  const parts = [];
  for (const b of boardIds()) {
    for (const section of tplOf(b).sections) {
      const c = sectionComponent(app, b, section);
      if (!c) continue;
      const part = { board: b, section, el: c.el };
      main.appendChild(use(c));
      // shown instead of the cards when the kind's scene says so (a vote: the groups compared, after it)
      const alt = kindOf(section)?.projectorAlt?.(app, b, section);
      if (alt) {
        part.alt = alt.el;
        main.appendChild(alt.el);
        app.components.push(alt.component);
      }
      parts.push(part);
    }
  }
  const join = sharePanel(app, true);
  const side = h('aside.proj-side',
    use(timerPanel(app, true)),
    use(join),
    use(peopleSummary(app)),
    h('div.proj-sound', use(soundHint(app)), soundToggle(app)));
  // everything the scene holds is shown: zoomed out, or paged ("Pagina 1/2" beside the step) when that is not enough
  const pager = boardPager(main);
  // time-up is a strip between the title bar and the board: it covers neither the title nor the timer
  const stage = h('div.proj-stage',
    h('header.proj-top', h('div.proj-brand', brandMark(), h('span', t('app'))), title, pager.indicator, stepLabel),
    use(timeUpBanner(app)),
    h('div.proj-body', main, side));

  app.components.push({ update: () => showScene(app, parts, main) });

  // scale the stage to the screen; its height follows the screen's shape
  const fit = () => {
    const scale = window.innerWidth / STAGE_WIDTH;
    stage.style.width = `${STAGE_WIDTH}px`;
    stage.style.height = `${window.innerHeight / scale}px`;
    stage.style.transform = `scale(${scale})`;
  };
  fit();
  window.addEventListener('resize', fit);
  return h('div.proj', stage);
}

/** Which parts the room sees at the current step, and how: each kind says it of its sections. */
function scene(app, part) {
  const step = app.currentStep();
  const stepBoard = app.state.step_board || app.boardOfStep(step?.id) || app.boardIds()[0];
  const { section } = part;
  if (part.board !== stepBoard) return { show: false };
  const about = step ? step.sections.includes(section.id) : false;
  const closing = !!step && (step.allows.includes('checkout') || step.allows.includes('notes'));
  const kind = kindOf(section);
  return kind?.scene ? kind.scene(app, part, { step, about, closing }) : { show: about };
}

function showScene(app, parts, main) {
  let changed = false;
  for (const part of parts) {
    const s = scene(app, part);
    const showCards = s.show && !s.alt;
    if (part.el.hidden === showCards) changed = true;
    part.el.hidden = !showCards;
    if (part.alt) part.alt.hidden = !(s.show && s.alt);
    kindOf(part.section)?.showScene?.(app, part, s);
  }
  // a kind shown beside another when both are (step 4: the checklist beside the map)
  const shown = (type) => parts.some((p) => p.section.type === type && !p.el.hidden);
  toggle(main, 'beside', parts.some((p) => !p.el.hidden && kindOf(p.section)?.beside && shown(kindOf(p.section).beside)));
  const step = app.currentStep();
  main.dataset.scene = step ? step.id : 'start';
  // the join code is large until the group is in, small after, gone when locked
  document.body.classList.toggle('proj-joining-locked', app.state.joining_open === false);
  document.body.classList.toggle('proj-group-in', !!step);
  // closed: no clock, no code (nobody can join); the timer panel just says so
  document.body.classList.toggle('proj-closed', app.closed());
  if (changed) queueMicrotask(() => fitLabels(app.root));
}
