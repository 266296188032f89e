// Inviting people: the facilitator's share panel (code, link, QR, projector and facilitator
// links) and the projector's big join code with its QR code.

import { h, copyButton, groupCode, setText, toggle, attr } from '../dom.js';
import { t } from '../i18n.js';
import { qrLater } from '../qr-later.js';
import { store } from '../store.js';
import { publicOrigin, publicHost } from '../origin.js';

export function sharePanel(app, big) {
  const code = app.joinCode || '';
  const origin = publicOrigin();
  const joinUrl = `${origin}/j/${code}`;
  const projUrl = `${origin}/p/${app.session}#c=${code}`;
  const shortUrl = `${publicHost()}/j/${code}`;
  if (big) {
    const el = h('section.panel.proj-join', { 'data-testid': 'projector-join' },
      h('div.proj-join-text', t('projectorJoin')),
      h('div.proj-join-url', { 'data-testid': 'projector-join-url' }, `${publicHost()}/j`),
      h('div.big-code', { 'data-testid': 'join-code' }, groupCode(code)),
      qrLater('div.proj-qr', joinUrl, { testid: 'qr', label: joinUrl }),
      h('div.proj-join-text.small', t('orScan')));
    return { el };
  }
  const secret = store.facilitator(app.session);
  // newcomers can be stopped once the group is in; people already in keep their place
  const lockNote = h('p.join-locked-note', { 'data-testid': 'join-locked-note', hidden: true });
  const lockBtn = h('button.btn.btn-small.btn-block', {
    type: 'button', 'data-testid': 'join-lock',
    on: { click: () => app.send({ type: 'set_joining', open: app.state.joining_open === false }).catch(() => {}) },
  });
  const el = h('section.panel.panel-share', { 'aria-label': t('share') },
    h('h2.panel-title', t('share')),
    h('div.share-row',
      h('div.share-code',
        h('div.share-label', t('joinCode')),
        h('div.code', { 'data-testid': 'join-code' }, groupCode(code)),
        h('a.share-url', { href: joinUrl, target: '_blank', rel: 'noopener', 'data-testid': 'join-link' }, shortUrl)),
      qrLater('div.share-qr', joinUrl, { testid: 'share-qr', label: joinUrl })),
    h('div.share-actions',
      copyButton(() => joinUrl, () => t('copyJoinLink'), 'copy-join-link'),
      h('a.btn.btn-small', { href: projUrl, target: '_blank', rel: 'noopener', 'data-testid': 'projector-link' }, t('projector')),
      secret ? copyButton(() => `${origin}/b/${app.session}#f=${secret}`, () => t('copyFacLink'), 'copy-facilitator-link') : null,
      h('a.btn.btn-small', { href: `/s/${app.session}`, 'data-testid': 'summary-link' }, t('sumOpen'))),
    lockBtn, lockNote);
  function update() {
    const open = app.state.joining_open !== false;
    setText(lockBtn, open ? t('lockJoining') : t('openJoining'));
    attr(lockBtn, 'aria-pressed', String(!open));
    lockBtn.hidden = app.closed();
    lockNote.hidden = open;
    setText(lockNote, app.closed() ? t('sessionClosed') : t('joiningLocked'));
    toggle(el, 'join-locked', !open);
  }
  return { el, update };
}
