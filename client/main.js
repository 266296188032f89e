// Routes by path: / start, /j/{code} join, /b/{session} board, /p/{session} projector,
// /s/{session} summary, /n/ and /n/{network} a learning network (client/network/page.js).

// Each page loads only its own modules (the join page never loads the board); the server
// preloads them (server/pages.py), so these imports cost no extra round trip.
import { store } from './store.js';
import { credentials } from './credentials.js';
import { dropEarlySocket, takeEarlySocket } from './early-socket.js';
import { registerWorker } from './sw-register.js';

// English is fetched only when chosen (client/i18n.js, decision 74): someone who chose it gets it
// now, beside the page's chunks, rather than once they have loaded.
if (store.lang() === 'en') import('./i18n/english.js').catch(() => {}); // i18n.js falls back to Dutch

const start = () => import('./start.js');
const board = () => import('./board.js');

const root = document.getElementById('app');
const path = location.pathname;
const fragment = new URLSearchParams(location.hash.slice(1));
// the live pages' credential, chosen as the document's early socket chose it (client/credentials.js)
const who = credentials(path, location.hash, store.raw);

async function boardPage(session) {
  // A facilitator link carries the secret in the fragment: keep it in this browser and take it
  // out of the address bar (a shared or projected screen should not show it).
  const secret = fragment.get('f');
  if (secret) {
    store.setFacilitator(session, secret);
    store.setRole(session, 'facilitator');
    history.replaceState(null, '', location.pathname + location.search);
  }
  const { auth, as } = who;
  // the facilitator's tools download beside the board's code (the board waits for them to build)
  if (as === 'facilitator') import('./board/facilitator.js').catch(() => {});
  if (!auth) {
    dropEarlySocket(); // not joined here: nothing to connect
    (await start()).mountNotJoined(root);
    return;
  }
  // start.js (its messages) only when one is shown: a board that loads needs none of it
  const { mountBoard } = await board();
  const mountMessage = async (...args) => (await start()).mountMessage(root, ...args);
  const mountNotJoined = async (...args) => (await start()).mountNotJoined(root, ...args);
  mountBoard(root, {
    session,
    auth,
    socket: takeEarlySocket(),
    onFatal(code) {
      if (code === 'removed') {
        store.forgetParticipant(session);
        // one calm message, no form inviting them back in: the facilitator decided
        mountMessage('removedFromSession', 'removed-notice', 'removedLead');
      } else if (code === 'bad_token') {
        if (as === 'participant') {
          store.forgetParticipant(session);
          mountNotJoined({ messageKey: 'badToken', leadKey: 'notJoinedLead' });
        } else {
          store.forgetFacilitator(session);
          mountMessage('badFacLink', 'fatal');
        }
      } else {
        mountMessage('noSession', 'fatal');
      }
    },
  });
}

async function projectorPage(session) {
  const { auth } = who;
  if (!auth) {
    dropEarlySocket();
    (await start()).mountMessage(root, 'badCode', 'fatal');
    return;
  }
  const { mountBoard } = await board();
  mountBoard(root, {
    session,
    auth,
    socket: takeEarlySocket(),
    projector: true,
    async onFatal(code) {
      (await start()).mountMessage(root, code === 'not_found' ? 'noSession' : 'badCode', 'fatal');
    },
  });
}

registerWorker(); // after the page has loaded, when the browser is idle

let m;
if (path === '/' || path === '/index.html') {
  (await start()).mountStart(root);
} else if ((m = path.match(/^\/j\/([^/]+)\/?$/))) {
  (await start()).mountJoin(root, decodeURIComponent(m[1]));
} else if ((m = path.match(/^\/b\/([A-Za-z0-9_-]{1,64})\/?$/))) {
  await boardPage(m[1]);
} else if ((m = path.match(/^\/p\/([A-Za-z0-9_-]{1,64})\/?$/))) {
  await projectorPage(m[1]);
} else if ((m = path.match(/^\/s\/([A-Za-z0-9_-]{1,64})\/?$/))) {
  (await import('./summary.js')).mountSummary(root, m[1], fragment);
} else if (path === '/n/' || path === '/n') {
  (await import('./network/page.js')).mountNetworkStart(root);
} else if ((m = path.match(/^\/n\/(n\.[A-Za-z0-9_-]{1,62})\/?$/))) {
  (await import('./network/page.js')).mountNetwork(root, m[1], fragment);
} else {
  (await start()).mountMessage(root, 'notFoundPage');
}
