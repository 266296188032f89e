// Who is in: the people panel (online per group) and the projector's count per group.

import { h, setText, toggle, attr, reconcile } from '../dom.js';
import { t, L } from '../i18n.js';

export function peoplePanel(app) {
  const { allGroups } = app;
  // the facilitator's additions (board/facilitator.js, loaded only for them)
  const admin = app.isFac() && !app.projector ? app.fac : null;
  const summary = h('span.panel-meta', { 'data-testid': 'online-summary' });
  const facLine = h('p.fac-line', { 'data-testid': 'facilitator-count' });
  const blocks = allGroups().map((g) => {
    const count = h('span.group-count', { 'data-testid': `online-count-${g.id}` });
    const list = h('ul.people', { 'data-testid': `online-${g.id}` });
    const block = h('div.group-block', { style: { '--c': g.colour } },
      h('h3.group-head', h('span.swatch', { 'aria-hidden': 'true' }), h('span', L(g.label)), count), list);
    return { g, count, list, block };
  });
  const room = admin ? admin.roomForm(app) : null;
  const el = h('section.panel.panel-people', { 'data-testid': 'online-list', 'aria-label': t('online') },
    h('div.panel-head', h('h2.panel-title', t('online')), summary),
    blocks.map((b) => b.block), room?.el, facLine);
  function update() {
    const online = new Set(app.presence?.participants || []);
    const people = Object.entries(app.state.participants);
    // people added "in de zaal" have no device: counted apart, not as online
    const inRoom = app.presence?.in_the_room ?? 0;
    const onDevice = people.filter(([id]) => online.has(id)).length - inRoom;
    setText(summary, `${onDevice} ${t('onlineNow')}${inRoom ? ` · ${inRoom} ${t('inTheRoom')}` : ''}`);
    for (const { g, count, list } of blocks) {
      const mine = people.filter(([, p]) => p.group === g.id)
        .sort(([ia, a], [ib, b]) => (online.has(ib) - online.has(ia)) || a.name.localeCompare(b.name));
      setText(count, `${mine.filter(([id]) => online.has(id)).length}/${mine.length}`);
      reconcile(list, mine, ([id]) => id,
        ([id]) => h('li.person', { 'data-testid': `person-${id}` },
          h('span.presence-dot', { 'aria-hidden': 'true' }), h('span.person-name'),
          admin ? h('span.person-room', { hidden: true }, t('inTheRoom')) : null,
          admin ? admin.personMenu(app, id) : null),
        (li, [id, p]) => {
          const on = online.has(id);
          toggle(li, 'online', on);
          attr(li, 'data-online', on ? 'true' : 'false');
          attr(li, 'title', on ? t('onlineNow') : t('offline'));
          setText(li.querySelector('.person-name'), id === app.participant ? `${p.name} (${t('you')})` : p.name);
          const roomTag = li.querySelector('.person-room');
          if (roomTag) roomTag.hidden = !p.proxy; // only the facilitator knows who has no device
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
    room?.update();
    const nf = app.presence?.facilitators ?? 0;
    setText(facLine, nf === 0 ? t('facilitators0') : nf === 1 ? t('facilitators1') : t('facilitators', { n: nf }));
  }
  return { el, update };
}

export function peopleSummary(app) {
  const { allGroups } = app;
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
