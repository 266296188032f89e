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
import { brandMark } from './page.js';
import { fitLabels } from './fit.js';
import { boardPager } from './projector-pages.js';
import { timeUpBanner, soundToggle, soundHint } from './time-up.js';
import { differView } from './differ-view.js';

const STAGE_WIDTH = 1920;

export function projectorPage(app) {
  const { currentStep, boardIds, tplOf, use } = app;
  const title = h('h1.proj-title', { 'data-testid': 'session-title' });
  const stepLabel = h('div.proj-step', { 'data-testid': 'current-step' });
  app.components.push({
    update() {
      setText(title, app.state.title || t('app'));
      const step = currentStep();
      setText(stepLabel, step ? L(step.label) : t('noStep'));
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
      if (section.type === 'dots') {
        // after the vote (locked, not hidden): the groups side by side, agree and differ marked
        const differ = differView(app, b, section);
        part.differ = h('section.sec.proj-differ', { 'data-testid': `projector-differ-${app.tid(b, section.id)}`, hidden: true },
          h('header.sec-head', h('h2.sec-title', L(section.title))), differ.el);
        main.appendChild(part.differ);
        app.components.push(differ);
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

/** Which parts the room sees at the current step, and how. */
function scene(app, part) {
  const step = app.currentStep();
  const stepBoard = app.state.step_board || app.boardOfStep(step?.id) || app.boardIds()[0];
  const { section } = part;
  if (part.board !== stepBoard) return { show: false };
  const about = step ? step.sections.includes(section.id) : false;
  const closing = !!step && (step.allows.includes('checkout') || step.allows.includes('notes'));
  switch (section.type) {
    case 'text': // the ambition: large at the start and in step 1, a strip when it all comes together
      if (!step || about) return { show: true, large: true };
      return { show: step.allows.includes('notes'), large: false };
    case 'dots': {
      if (!about) return { show: false };
      const vote = app.state.boards[part.board].dots[section.id];
      const locked = (app.state.boards[part.board].locked || []).includes(section.id);
      const anyDots = Object.keys(vote?.counts || {}).length > 0;
      return { show: true, differ: locked && !vote.hidden && anyDots };
    }
    case 'notes': {
      if (section.adders === 'facilitator') {
        // the insights: of this step while it runs, all of them when it comes together
        if (!step) return { show: false };
        const lanes = closing ? section.lanes.map((l) => l.id) : section.lanes.filter((l) => l.id === step.id).map((l) => l.id);
        return { show: lanes.length > 0, lanes };
      }
      return { show: about };
    }
    case 'stakeholders': return { show: true }; // the map (or its matrix) on every step of its board, beside the checklist on its step
    case 'checklist': return { show: about };
    default: return { show: about };
  }
}

function showScene(app, parts, main) {
  let changed = false;
  for (const part of parts) {
    const s = scene(app, part);
    const showCards = s.show && !s.differ;
    if (part.el.hidden === showCards) changed = true;
    part.el.hidden = !showCards;
    if (part.differ) part.differ.hidden = !(s.show && s.differ);
    toggle(part.el, 'compact', part.section.type === 'text' && s.show && !s.large);
    toggle(part.el, 'large', part.section.type === 'text' && !!s.large);
    if (s.lanes) {
      for (const lane of part.section.lanes) {
        const el = part.el.querySelector(`[data-testid="lane-${app.tid(part.board, part.section.id, lane.id)}"]`);
        if (el) el.hidden = !s.lanes.includes(lane.id);
      }
      toggle(part.el, 'one-lane', s.lanes.length === 1);
    }
  }
  // the checklist and the map side by side (step 4: the room checks its assumptions on the map)
  const shown = (type) => parts.some((p) => p.section.type === type && !p.el.hidden);
  toggle(main, 'beside', shown('checklist') && shown('stakeholders'));
  const step = app.currentStep();
  main.dataset.scene = step ? step.id : 'start';
  // the join code is large until the group is in, small after, gone when locked
  document.body.classList.toggle('proj-joining-locked', app.state.joining_open === false);
  document.body.classList.toggle('proj-group-in', !!step);
  if (changed) queueMicrotask(() => fitLabels(app.root));
}
