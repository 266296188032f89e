// The projector (/p/{session}): read-only and large; the sections of the current step, the timer,
// the join code with its QR code, and how many people are in each group.

import { h, setText, toggle } from '../dom.js';
import { t, L } from '../i18n.js';
import { timerPanel } from './timer.js';
import { sharePanel } from './share.js';
import { peopleSummary } from './people.js';
import { sectionComponent } from './sections.js';
import { brandMark } from './page.js';
import { fitLabels } from './fit.js';
import { timeUpBanner, soundToggle } from './time-up.js';

export function projectorPage(app) {
  const { currentStep, boardIds, tplOf, boardOfStep, use } = app;
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
      const c = sectionComponent(app, b, section);
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
      if (changed) queueMicrotask(() => fitLabels(app.root));
    },
  });
  const side = h('aside.proj-side',
    use(timerPanel(app, true)),
    use(sharePanel(app, true)),
    use(peopleSummary(app)),
    h('div.proj-sound', soundToggle(app)));
  return h('div.proj', use(timeUpBanner(app)),
    h('header.proj-top', h('div.proj-brand', brandMark(), h('span', t('app'))), title, stepLabel),
    h('div.proj-body', main, side));
}
