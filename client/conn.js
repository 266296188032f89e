// The live connection: one websocket with MessagePack frames (docs/protocol.md).
//
// - hello with a token (facilitator secret / participant token) or a join code (projector);
// - applies events strictly in order: seq == mine + 1; duplicates ignored; a gap reconnects;
// - reconnects by itself with exponential backoff and jitter, resuming from last_seq + epoch;
// - estimates the server clock offset from the ping with the smallest round trip;
// - a heartbeat: the server sends `beat` every second and we answer; 3 s without any frame from
//   the server is a dead socket (the server, hearing nothing from us for 3.5 s, hangs up too);
// - commands get an id and return a Promise settled by the server's ok / error. A command whose
//   answer did not come (the socket dropped, the store was unavailable) is sent again with the
//   same id, after reconnecting if need be: the server applies an id once (docs/protocol.md,
//   "Exactly once"), so nothing is lost and nothing is done twice.

/* global MessagePack */

const BACKOFF_BASE_MS = 400;
const BACKOFF_MAX_MS = 8000; // a room whose Wi-Fi came back should not wait long
const DEAD_AFTER_MS = 3000; // nothing heard for this long (the server beats every second): dead
const WATCH_MS = 250; // how often silence is checked (the banner shows within DEAD_AFTER + WATCH)
const RESEND_AFTER_MS = 10000; // an open socket that does not answer a command: send it again
const GIVE_UP_MS = 5 * 60 * 1000; // a command not confirmed by then is reported, not resent
const RETRY_CODES = new Set(['unavailable', 'conflict', 'rate_limited']); // nothing stored (or: same id)
const CLOCK_PROBES = 5;
const CLOSE_REMOVED = 4011;
// frames derived from the state (never logged) and the handler each goes to
const DERIVED = { progress: 'progress', proxy_dots: 'proxyDots' };

/** A fresh command id: 16 random base64url characters. */
export function newCommandId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

export class CommandError extends Error {
  constructor(code, message) {
    super(message || code);
    this.code = code;
  }
}

export class Connection {
  /**
   * @param {object} opts
   * @param {string} opts.session
   * @param {{token?: string, code?: string}} opts.auth
   * @param {object} opts.on handlers: welcome(msg), event(msg), you(msg), presence(msg), status(s),
   *   fatal(code), error(msg) for errors not tied to a command, reload(), drag(msg) for live drags
   */
  /** `socket`: one already opened by the page (client/early-socket.js), used for the first open
   * while it is connecting or open. */
  constructor({ session, auth, on, socket = null }) {
    this.session = session;
    this.early = socket;
    this.auth = auth;
    this.on = on;
    this.ws = null;
    this.seq = null; // last applied event
    this.epoch = null;
    this.status = 'connecting'; // connecting | open | reconnecting | closed
    this.storeDown = false; // the server said its store is unreachable
    this.attempt = 0;
    this.nextRef = 1;
    this.commands = new Map(); // id -> unconfirmed command, in the order they were sent
    this.byRef = new Map(); // ref -> command, for every send of it
    this.helloRef = null;
    this.upgradeHello = false; // the socket's hello went in its upgrade (client/early-socket.js)
    // Ask for a lot's events in one `events` frame (docs/protocol.md); off once a server refused the
    // hello field (`invalid`: an instance from before it, during a rolling deploy).
    this.compact = true;
    this.welcomed = false;
    this.stopped = false;
    this.retryTimer = null;
    this.offset = 0; // server ms - local ms
    this.bestRtt = Infinity;
    this.watchdog = null;
    this.lastHeard = 0; // when the last frame came
    this.everOpen = false;
    this.quietRefs = new Set(); // refs of frames that get no `ok` (drags): their errors are not shown

    window.addEventListener('online', () => this.reconnectNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.status === 'reconnecting') this.reconnectNow();
    });
  }

  /** Server time now (ms), corrected by the measured clock offset. */
  serverNow() {
    return Date.now() + this.offset;
  }

  start() {
    this.stopped = false;
    this._open();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this._stopKeepalive();
    this._failCommands('closed');
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      ws.close(1000, 'bye');
    }
    this._setStatus('closed');
  }

  reconnectNow() {
    if (this.stopped || this.status === 'open') return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    if (!this.ws) this._open();
  }

  /**
   * Send a command; resolves on `ok`, rejects with CommandError on a refusal. While the connection
   * is down the command waits and goes out after the reconnect; an answer that does not come, or
   * a retryable refusal, sends it again with the same id. Only after GIVE_UP_MS does it reject:
   * with `offline` if it never left this page (so it was not applied), else `unconfirmed`.
   */
  send(frame) {
    return new Promise((resolve, reject) => {
      const id = frame.id || newCommandId();
      const cmd = { id, frame: { ...frame, id }, resolve, reject, refs: [], sent: false, since: Date.now(),
        attempt: 0, timer: null };
      this.commands.set(id, cmd);
      this.on.waiting?.(this.commands.size);
      this._transmit(cmd);
    });
  }

  /** Commands sent but not yet confirmed (waiting for an answer or for the connection). */
  get unconfirmed() {
    return this.commands.size;
  }

  /**
   * Send a frame that gets no `ok` (a `drag`): nothing to wait for, and dropped when offline. An
   * error about it (say the post-it was removed meanwhile) is not shown: the drop that follows is
   * a command of its own and reports what went wrong.
   */
  post(frame) {
    if (!this.ws || this.status !== 'open' || this.ws.readyState !== WebSocket.OPEN) return false;
    const ref = this._ref();
    this.quietRefs.add(ref);
    if (this.quietRefs.size > 64) this.quietRefs.delete(this.quietRefs.values().next().value);
    return this._write({ ...frame, ref });
  }

  // --- internals -----------------------------------------------------------------------------

  _ref() {
    const ref = this.nextRef;
    this.nextRef = this.nextRef >= 2 ** 31 - 1 ? 1 : this.nextRef + 1;
    return ref;
  }

  _write(frame) {
    try {
      this.ws.send(MessagePack.encode(frame));
      return true;
    } catch {
      return false;
    }
  }

  _ready() {
    return this.ws && this.status === 'open' && this.welcomed && this.ws.readyState === WebSocket.OPEN;
  }

  _transmit(cmd) {
    clearTimeout(cmd.timer);
    cmd.timer = null;
    if (!this.commands.has(cmd.id)) return;
    const left = cmd.since + GIVE_UP_MS - Date.now();
    if (left <= 0) {
      this._settle(cmd, null, new CommandError(cmd.sent ? 'unconfirmed' : 'offline'));
      return;
    }
    if (!this._ready()) {
      cmd.timer = setTimeout(() => this._transmit(cmd), left); // sent after the next welcome
      return;
    }
    const ref = this._ref();
    cmd.refs.push(ref);
    this.byRef.set(ref, cmd);
    if (this._write({ ...cmd.frame, ref })) cmd.sent = true;
    cmd.timer = setTimeout(() => this._transmit(cmd), Math.min(left, RESEND_AFTER_MS));
  }

  /** Retry a command the server refused for now (nothing stored, or the store may have it). */
  _retryLater(cmd, code) {
    clearTimeout(cmd.timer);
    const cap = Math.min(BACKOFF_MAX_MS, 500 * 2 ** cmd.attempt);
    cmd.attempt = Math.min(cmd.attempt + 1, 8);
    const delay = Math.max(code === 'rate_limited' ? 1000 : 0, cap / 2 + Math.random() * (cap / 2));
    cmd.timer = setTimeout(() => this._transmit(cmd), delay);
  }

  _settle(cmd, value, error) {
    clearTimeout(cmd.timer);
    this.commands.delete(cmd.id);
    for (const ref of cmd.refs) this.byRef.delete(ref);
    this.on.waiting?.(this.commands.size);
    if (error) cmd.reject(error);
    else cmd.resolve(value);
  }

  _failCommands(code) {
    for (const cmd of [...this.commands.values()]) this._settle(cmd, null, new CommandError(code));
  }

  _setStatus(status) {
    if (this.status === status) return;
    this.status = status;
    this.on.status?.(status);
  }

  _open() {
    if (this.stopped) return;
    let ws = this.early && this.early.readyState <= WebSocket.OPEN ? this.early : null;
    this.early = null;
    // The document's socket may have said hello in its upgrade (client/early-socket.js): then no
    // hello frame on it, and what it received before we took it is handled first, in order.
    const early = Boolean(ws && Array.isArray(ws.queue) && Number.isInteger(ws.helloRef));
    try {
      // The session in the address is for a proxy that keeps a session's sockets on one instance
      // (docs/operations.md); the server itself reads it from the hello.
      ws = ws || new WebSocket(`${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws?s=${encodeURIComponent(this.session)}`);
    } catch {
      this._scheduleRetry();
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.welcomed = false;
    this.upgradeHello = early;
    if (early) this.helloRef = ws.helloRef;
    ws.onopen = () => {
      if (this.ws !== ws || this.upgradeHello) return;
      this._hello();
    };
    const onmessage = (e) => {
      if (this.ws !== ws) return;
      this.lastHeard = Date.now();
      let msg;
      try {
        msg = MessagePack.decode(new Uint8Array(e.data));
      } catch {
        return; // not ours to understand; the server never sends such frames
      }
      if (msg && msg.type === 'batch' && Array.isArray(msg.frames)) {
        // Several frames the server had for us in one go (docs/protocol.md): each in order, as if
        // it had come alone; stop if one of them replaced the socket (a gap, a reload).
        for (const f of msg.frames) {
          if (this.ws !== ws) return;
          if (f && typeof f.type === 'string') this._frame(f);
        }
      } else if (msg && typeof msg.type === 'string') this._frame(msg);
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (e.code === CLOSE_REMOVED) { // the facilitator removed us: coming back would be refused
        this.stopped = true;
        this._stopKeepalive();
        this._failCommands('closed');
        this._setStatus('closed');
        this.on.fatal?.('removed');
        return;
      }
      this._stopKeepalive();
      if (this.stopped) return;
      this._setStatus('reconnecting');
      this._scheduleRetry();
    };
    ws.onerror = () => { /* a close event follows */ };
    if (ws.readyState === WebSocket.OPEN) ws.onopen(); // the early socket opened before we took it
    if (!early) {
      ws.onmessage = onmessage;
      return;
    }
    // What came before (the welcome, maybe more) is handled in a task of its own, as a message
    // off the network would be: never inside start(), before its caller has finished setting up.
    // Until then the document's handler keeps queueing (and answering beats), so order is kept.
    setTimeout(() => {
      if (this.ws !== ws) return;
      ws.onmessage = onmessage;
      for (const e of ws.queue.splice(0)) onmessage(e);
    }, 0);
  }

  _hello() {
    const hello = { type: 'hello', session: this.session, heartbeat: true };
    if (this.compact) hello.compact = true;
    if (this.auth.token) hello.token = this.auth.token;
    else if (this.auth.code) hello.code = this.auth.code;
    if (this.seq !== null && this.epoch) {
      hello.last_seq = this.seq;
      hello.epoch = this.epoch;
    }
    this.helloRef = this._ref();
    hello.ref = this.helloRef;
    this._write(hello);
  }

  _scheduleRetry(minDelay = 0) {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.attempt);
    const delay = Math.max(minDelay, cap / 2 + Math.random() * (cap / 2)); // "equal jitter"
    this.attempt = Math.min(this.attempt + 1, 10);
    this.retryTimer = setTimeout(() => this._open(), delay);
  }

  /** Drop the socket and come back at once (a gap in the sequence, a reload request). */
  _resync() {
    const ws = this.ws;
    this.ws = null;
    this._stopKeepalive();
    if (ws) ws.close(4000, 'resync');
    this._setStatus('reconnecting');
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this._open(), 50);
  }

  _frame(msg) {
    switch (msg.type) {
      case 'welcome':
        this._welcome(msg);
        break;
      case 'event':
        if (!this.welcomed) return;
        if (typeof msg.seq !== 'number') return;
        if (msg.seq <= this.seq) return; // duplicate
        if (msg.seq !== this.seq + 1) {
          this._resync(); // a gap: fetch what we missed
          return;
        }
        this.seq = msg.seq;
        this.on.event?.(msg);
        break;
      case 'events': {
        // Several records' events in one frame (docs/protocol.md): each as the `event` frame it
        // stands for (seq, seq + 1, …), in order; stop if one of them made us reconnect (a gap).
        if (!Array.isArray(msg.events) || typeof msg.seq !== 'number' || typeof msg.at !== 'number') return;
        const ws = this.ws;
        const dt = Array.isArray(msg.dt) ? msg.dt : null;
        for (let i = 0; i < msg.events.length; i++) {
          if (this.ws !== ws) return;
          this._frame({ type: 'event', seq: msg.seq + i, at: dt ? msg.at + dt[i] : msg.at, event: msg.events[i] });
        }
        break;
      }
      case 'you':
        this.on.you?.(msg);
        break;
      case 'presence':
        this.on.presence?.(msg);
        break;
      case 'drag':
        if (this.welcomed) this.on.drag?.(msg);
        break;
      case 'status':
        // the server lost (or got back) its store: commands fail meanwhile, so say "reconnecting"
        this.storeDown = msg.store === 'unavailable';
        this.on.status?.(this.status);
        break;
      case 'ok': {
        const cmd = this.byRef.get(msg.ref);
        if (cmd) this._settle(cmd, msg, null);
        break;
      }
      case 'error':
        this._error(msg);
        break;
      case 'pong':
        this._pong(msg);
        break;
      case 'beat':
        this._write({ type: 'beat' }); // "still here"
        break;
      case 'reload':
        this.seq = null;
        this.epoch = null;
        this.on.reload?.(msg);
        this._resync();
        break;
      default:
        // derived frames (progress, proxy_dots): handed on by type once the welcome is in
        if (this.welcomed && Object.hasOwn(DERIVED, msg.type)) this.on[DERIVED[msg.type]]?.(msg);
        break;
    }
  }

  _welcome(msg) {
    this.welcomed = true;
    this.storeDown = false;
    this.attempt = 0;
    this.everOpen = true;
    if (this.bestRtt === Infinity && typeof msg.server_time === 'number') {
      this.offset = msg.server_time - Date.now(); // rough: off by the one-way delay
    }
    // measure again on every (re)connection: a laptop that slept may have had its clock set;
    // the old offset stays in use until a pong gives a better one
    this.bestRtt = Infinity;
    this.epoch = msg.epoch;
    if (msg.mode === 'snapshot') {
      this.seq = msg.state ? msg.state.seq : msg.seq;
    }
    // resume: keep our seq; the missed events follow and bring us to msg.seq
    this._setStatus('open');
    this.on.welcome?.(msg);
    this._probeClock();
    this._startKeepalive();
    // What was sent while the connection was dropping, or waited for it: again, same ids, in order.
    for (const cmd of [...this.commands.values()]) this._transmit(cmd);
  }

  _error(msg) {
    if (this.upgradeHello && !this.welcomed && (msg.ref === null || msg.ref === undefined)
        && (msg.code === 'bad_frame' || msg.code === 'frame_too_large')) {
      // the hello in the upgrade did not arrive whole (a proxy changed the header?): say it again
      this.upgradeHello = false;
      this._hello();
      return;
    }
    if (msg.ref !== null && msg.ref !== undefined && msg.ref === this.helloRef && !this.welcomed
        && msg.code === 'invalid' && this.compact) {
      // a server from before `compact` refuses the field (unknown fields are invalid): say the
      // hello again without it, on this socket and every later one (it sends `event` frames)
      this.compact = false;
      this.upgradeHello = false;
      this._hello();
      return;
    }
    if (msg.ref !== null && msg.ref !== undefined && msg.ref === this.helloRef && !this.welcomed) {
      // the hello failed
      if (msg.code === 'rate_limited' || msg.code === 'unavailable' || msg.code === 'conflict') {
        const ws = this.ws;
        this.ws = null;
        if (ws) ws.close(1000, 'retry later');
        this._setStatus('reconnecting');
        // rate_limited says how long (retry_after, seconds); wait that, not a guess
        const wait = msg.code === 'rate_limited' ? (Number(msg.retry_after) > 0 ? msg.retry_after * 1000 : 20000) : 0;
        this._scheduleRetry(wait);
        return;
      }
      this.stopped = true;
      const ws = this.ws;
      this.ws = null;
      if (ws) ws.close(1000, 'refused');
      this._stopKeepalive();
      this._failCommands('closed');
      this._setStatus('closed');
      this.on.fatal?.(msg.code, msg.message);
      return;
    }
    if (msg.ref !== null && msg.ref !== undefined && this.quietRefs.delete(msg.ref) && msg.code !== 'rate_limited') return;
    const cmd = msg.ref !== null && msg.ref !== undefined ? this.byRef.get(msg.ref) : null;
    if (cmd && RETRY_CODES.has(msg.code)) {
      this._retryLater(cmd, msg.code);
    } else if (cmd) {
      this._settle(cmd, null, new CommandError(msg.code, msg.message));
    } else {
      this.on.error?.(msg);
    }
  }

  _probeClock() {
    for (let i = 0; i < CLOCK_PROBES; i++) {
      setTimeout(() => this._ping(), i * 250);
    }
  }

  _ping() {
    if (!this.ws || this.status !== 'open') return;
    this._write({ type: 'ping', t: Date.now() });
  }

  _pong(msg) {
    const now = Date.now();
    if (typeof msg.t !== 'number' || typeof msg.server_time !== 'number') return;
    const rtt = now - msg.t;
    if (rtt >= 0 && rtt < this.bestRtt) {
      this.bestRtt = rtt;
      this.offset = msg.server_time - (msg.t + now) / 2;
      this.on.clock?.(this.offset, rtt);
    }
  }

  _startKeepalive() {
    this._stopKeepalive();
    // A silent network drop can leave a socket "open" for minutes. The server beats every second
    // (answered from the message handler, which a background tab's slowed timers do not delay),
    // so silence past DEAD_AFTER_MS means the socket is dead, whatever the browser says.
    this.lastHeard = Date.now();
    this.watchdog = setInterval(() => {
      if (this.ws && this.status === 'open' && Date.now() - this.lastHeard > DEAD_AFTER_MS) this._resync();
    }, WATCH_MS);
  }

  _stopKeepalive() {
    clearInterval(this.watchdog);
    this.watchdog = null;
  }
}
