// The radar (instruction card 3, template 3B): one dot per pillar per person, from the core
// ("sterk") to the outer ring ("zwak"). A laptop drags (or clicks) on the radar; a phone taps
// one of five rings per pillar; the rings are a radio group per pillar, so arrow keys work.
// On a phone the radar is numbered instead of named (it takes the screen's width); the list under
// it names each pillar beside its number, its rings and what the numbers say of it.
// All of them store the same ring (1..5). Hidden until the reveal; then every screen shows all
// dots, anonymous, in the groups' colours and shapes, with each pillar's median and spread, and
// the facilitator the card's reading.

import { h, setText, toggle, attr, toast } from '../../dom.js';
import { t, L, errorText } from '../../i18n.js';
import { sectionShell } from '../shell.js';
import { radarSvg, pointToPlace } from './radar-svg.js';
import { svgElement, words, fmt } from './radar-parts.js';
import { ballotTools, useKindStyles } from './ballot-tools.js';
import { proxyPicker } from '../proxy-picker.js';
import '../kit.js'; // one chunk with the board's code (kit.js)

const RINGS = [1, 2, 3, 4, 5];
const NARROW = '(max-width: 560px)'; // a phone: the compact radar (card3.css has the same width)

export function radarSection(app, boardId, section) {
  useKindStyles();
  const { tid, isFac, isPart, projector, send, groupOf } = app;
  const groups = app.tplOf(boardId).groups;
  const content = () => app.state.boards[boardId].radars?.[section.id] || { hidden: true, dots: {}, stats: {}, weakest: [], disputed: [], reading: null };
  const ballot = ballotTools(app, boardId, section, content, { notice: 'radarHiddenNotice', still: 'radarStill', all: 'radarAll' });
  const reading = isFac() && !projector ? h('div.radar-reading', { 'data-testid': `radar-reading-${tid(boardId, section.id)}`, role: 'status' }) : null;
  const facTools = isFac() && !projector;
  // the facilitator places the dots of a person in the room without a device, as they would
  const picker = facTools ? proxyPicker(app, boardId, section, () => app.schedule(),
    { max: section.pillars.length, used: (marks) => Object.keys(marks || {}).length }) : null;
  const shell = sectionShell(app, boardId, section, [h('p.sec-prompt', L(section.prompt)), ballot.tools, ballot.finishedLine, picker?.el]);
  const pillars = () => section.pillars.map((p) => ({ id: p.id, label: L(p.label) }));
  const canPlace = isPart() || facTools; // the facilitator: once a person in the room is chosen
  const proxy = () => (isFac() ? picker?.selected() || null : null);
  /** Whose rings the radar shows as "mine": the participant's, or the chosen person's in the room. */
  const ownRings = () => (isPart() ? app.you?.[boardId]?.[section.id] : app.proxyDots[proxy()]?.[boardId]?.[section.id]) || {};
  const acting = () => isPart() || !!proxy();
  const why = () => (isPart() ? shell.blocked() : app.blocked(boardId, section.id, 'radar')) || (content().hidden ? null : 'already_revealed');
  // a phone's screen (not the projector's): the compact radar, drawn again when that changes
  const narrow = !projector && typeof matchMedia === 'function' ? matchMedia(NARROW) : null;
  narrow?.addEventListener?.('change', () => update());
  const compact = () => !!narrow?.matches;
  const pending = new Set();
  const queued = new Map(); // pillar -> ring chosen while its last command was on its way
  let drag = null; // {index, ring} while a pointer is down on the radar

  const chart = h('div.radar-chart', { 'data-testid': `radar-${tid(boardId, section.id)}` });
  const legend = h('p.radar-legend', t('radarLegend'),
    groups.length > 1 ? h('span.radar-groups', groups.map((g, i) => h('span.radar-group', { 'data-g': String(i), style: { '--c': g.colour } }, L(g.label)))) : null);

  async function place(pillar, ring) {
    if (!acting()) { toast(t('proxyPickFirst'), 'info'); return; }
    const blocked = why();
    if (blocked) { toast(errorText(blocked)); return; }
    // one command per pillar at a time; a newer ring chosen meanwhile (arrow keys) goes next
    if (pending.has(pillar.id)) { queued.set(pillar.id, ring); return; }
    pending.add(pillar.id);
    try {
      const frame = { type: 'place_radar_dot', board: boardId, section: section.id, pillar: pillar.id, ring };
      if (proxy()) frame.proxy = proxy();
      await send(frame);
    } catch { /* toast shown */ }
    pending.delete(pillar.id);
    const next = queued.get(pillar.id);
    queued.delete(pillar.id);
    if (next !== undefined && next !== ring) place(pillar, next);
    app.schedule();
  }

  // the rings per pillar: a tap target each on a phone, a radio group for the keyboard
  const rows = section.pillars.map((p) => {
    const buttons = RINGS.map((n) => h('button.radar-ring', {
      type: 'button', role: 'radio', 'aria-checked': 'false', tabindex: '-1',
      'data-testid': `radar-ring-${tid(boardId, section.id, p.id)}-${n}`,
      'aria-label': t('radarRingLabel', { pillar: L(p.label), n, word: t(`radarRing${n}`) }),
      on: { click: () => place(p, n) },
    }, String(n)));
    const group = h('div.radar-rings', {
      role: 'radiogroup', 'aria-label': L(p.label),
      on: {
        keydown: (e) => {
          const delta = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
          if (!delta) return;
          e.preventDefault();
          // from the ring that has the focus (what the person sees), not the last stored one
          const at = buttons.indexOf(e.target) + 1 || ownRings()[p.id] || 0;
          const next = Math.min(5, Math.max(1, at + delta));
          buttons[next - 1].focus();
          place(p, next);
        },
      },
    }, buttons);
    const stats = h('span.radar-row-stats', { 'data-testid': `radar-stats-${tid(boardId, section.id, p.id)}` });
    const tags = h('span.radar-row-tags'); // on a phone: what the radar's names say elsewhere (weakest, disputed)
    const el = h('li.radar-row', { 'data-testid': `radar-row-${tid(boardId, section.id, p.id)}` },
      h('span.radar-row-name', h('span.radar-row-num', { 'aria-hidden': 'true' }, String(section.pillars.indexOf(p) + 1)),
        h('strong', L(p.label)), h('span.radar-row-hint', L(p.hint))),
      canPlace ? group : null, stats, tags);
    return { p, el, buttons, stats, tags, group };
  });
  const scale = canPlace ? h('div.radar-scale', { 'aria-hidden': 'true' }, h('span', t('radarRing1')), h('span', t('radarRing5'))) : null;
  const list = h('ul.radar-rows', rows.map((r) => r.el));

  // drag (or click) on the radar: the nearest spoke is the pillar, the band the ring
  function placeAt(e) {
    const svg = chart.querySelector('svg');
    const m = svg?.getScreenCTM();
    if (!m) return null;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return pointToPlace(pt.x, pt.y, section.pillars.length, section.rings);
  }
  if (canPlace) {
    chart.addEventListener('pointerdown', (e) => {
      if (!acting() || why()) return;
      drag = placeAt(e);
      chart.setPointerCapture?.(e.pointerId);
      render();
    });
    chart.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const next = placeAt(e);
      if (next && (next.index !== drag.index || next.ring !== drag.ring)) { drag = next; render(); }
    });
    const end = (e, commit) => {
      if (!drag) return;
      const at = placeAt(e) || drag;
      drag = null;
      render();
      if (commit) place(section.pillars[at.index], at.ring);
    };
    chart.addEventListener('pointerup', (e) => end(e, true));
    chart.addEventListener('pointercancel', (e) => end(e, false));
  }

  const hint = canPlace ? h('p.radar-hint', t('radarPlaceHint')) : null;
  shell.el.append(...[ballot.notice, reading].filter(Boolean), h('div.radar-layout', h('div.radar-figure', chart, legend), h('div.radar-side', hint, scale, list)));

  let last = '';
  function render() {
    const c = content();
    const own = acting() ? ownRings() : {};
    const me = groupOf(app.state.participants[isPart() ? app.participant : proxy()]?.group);
    const markup = radarSvg({
      pillars: pillars(), rings: section.rings, dots: c.dots || {}, groups, stats: c.stats || {}, own,
      weakest: c.weakest || [], disputed: c.disputed || [], words: words(), ownColour: me?.colour || '#334155', focus: drag,
      compact: compact(),
    });
    toggle(shell.el, 'compact', compact());
    if (markup !== last) {
      last = markup;
      chart.replaceChildren(svgElement(markup));
    }
  }

  function update() {
    shell.updateCurrent();
    ballot.update();
    const c = content();
    picker?.update();
    const own = ownRings();
    const blocked = acting() ? why() : 'not_acting';
    toggle(shell.el, 'masked', c.hidden && !isFac());
    toggle(chart, 'can-place', !blocked);
    for (const r of rows) {
      if (isFac()) r.group.hidden = !acting();
      if (isFac() && scale) { scale.hidden = !acting(); hint.hidden = !acting(); }
      const mine = own[r.p.id];
      r.buttons.forEach((b, i) => {
        attr(b, 'aria-checked', String(mine === i + 1));
        toggle(b, 'chosen', mine === i + 1);
        b.disabled = !!blocked;
        attr(b, 'tabindex', (mine ? mine === i + 1 : i === 0) ? '0' : '-1');
      });
      const s = c.stats?.[r.p.id];
      setText(r.stats, s ? t('radarStats', { median: fmt(s.median), spread: s.spread }) : '');
      const weakest = (c.weakest || []).includes(r.p.id);
      const disputed = (c.disputed || []).includes(r.p.id);
      toggle(r.el, 'weakest', weakest);
      toggle(r.el, 'disputed', disputed);
      setText(r.tags, [weakest ? t('radarWeakest') : null, disputed ? t('radarDisputed') : null].filter(Boolean).join(' · '));
    }
    if (reading) {
      reading.replaceChildren(h('strong', t('radarReadingTitle')), h('span', c.reading ? t(`radarReading_${c.reading}`) : t('radarReadingNone')));
      reading.dataset.reading = c.reading || '';
      reading.hidden = false;
    }
    render();
  }
  return { el: shell.el, update };
}

/** The radar kind for the registry (index.js): its component, shown on the projector on its step. */
export const kind = {
  type: 'radar',
  component: radarSection,
  scene: (app, part, { about }) => ({ show: about }),
};
