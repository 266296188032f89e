// The live connection: one websocket with MessagePack frames (docs/protocol.md).
//
// - hello with a token (facilitator secret / participant token) or a join code (projector);
// - applies events strictly in order: seq == mine + 1; duplicates ignored; a gap reconnects;
// - reconnects by itself with exponential backoff and jitter, resuming from last_seq + epoch;
// - estimates the server clock offset from the ping with the smallest round trip;
// - commands get a ref and return a Promise settled by the server's ok / error.

/* global MessagePack */

const BACKOFF_BASE_MS = 400;
const BACKOFF_MAX_MS = 15000;
const COMMAND_TIMEOUT_MS = 15000;
const KEEPALIVE_MS = 25000;
const PONG_TIMEOUT_MS = 10000;
const CLOCK_PROBES = 5;
const CLOSE_REMOVED = 4011;
// frames derived from the state (never logged) and the handler each goes to
const DERIVED = { progress: 'progress', proxy_dots: 'proxyDots' };

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
  constructor({ session, auth, on }) {
    this.session = session;
    this.auth = auth;
    this.on = on;
    this.ws = null;
    this.seq = null; // last applied event
    this.epoch = null;
    this.status = 'connecting'; // connecting | open | reconnecting | closed
    this.storeDown = false; // the server said its store is unreachable
    this.attempt = 0;
    this.nextRef = 1;
    this.pending = new Map();
    this.helloRef = null;
    this.welcomed = false;
    this.stopped = false;
    this.retryTimer = null;
    this.offset = 0; // server ms - local ms
    this.bestRtt = Infinity;
    this.keepalive = null;
    this.pongDeadline = null;
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

  /** Send a command; resolves on `ok`, rejects with CommandError on `error`. */
  send(frame) {
    return new Promise((resolve, reject) => {
      if (!this.ws || this.status !== 'open' || this.ws.readyState !== WebSocket.OPEN) {
        reject(new CommandError('offline'));
        return;
      }
      const ref = this._ref();
      const timer = setTimeout(() => {
        if (this.pending.delete(ref)) reject(new CommandError('timeout'));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(ref, { resolve, reject, timer });
      this._write({ ...frame, ref });
    });
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

  _setStatus(status) {
    if (this.status === status) return;
    this.status = status;
    this.on.status?.(status);
  }

  _open() {
    if (this.stopped) return;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    let ws;
    try {
      ws = new WebSocket(`${proto}//${location.host}/ws`);
    } catch {
      this._scheduleRetry();
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.welcomed = false;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      const hello = { type: 'hello', session: this.session };
      if (this.auth.token) hello.token = this.auth.token;
      else if (this.auth.code) hello.code = this.auth.code;
      if (this.seq !== null && this.epoch) {
        hello.last_seq = this.seq;
        hello.epoch = this.epoch;
      }
      this.helloRef = this._ref();
      hello.ref = this.helloRef;
      this._write(hello);
    };
    ws.onmessage = (e) => {
      if (this.ws !== ws) return;
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
        this._failPending('offline');
        this._setStatus('closed');
        this.on.fatal?.('removed');
        return;
      }
      this._stopKeepalive();
      this._failPending('offline');
      if (this.stopped) return;
      this._setStatus('reconnecting');
      this._scheduleRetry();
    };
    ws.onerror = () => { /* a close event follows */ };
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
    this._failPending('offline');
    if (ws) ws.close(4000, 'resync');
    this._setStatus('reconnecting');
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this._open(), 50);
  }

  _failPending(code) {
    for (const [ref, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new CommandError(code));
      this.pending.delete(ref);
    }
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
        const p = this.pending.get(msg.ref);
        if (p) {
          this.pending.delete(msg.ref);
          clearTimeout(p.timer);
          p.resolve(msg);
        }
        break;
      }
      case 'error':
        this._error(msg);
        break;
      case 'pong':
        this._pong(msg);
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
  }

  _error(msg) {
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
      this._setStatus('closed');
      this.on.fatal?.(msg.code, msg.message);
      return;
    }
    if (msg.ref !== null && msg.ref !== undefined && this.quietRefs.delete(msg.ref) && msg.code !== 'rate_limited') return;
    const p = msg.ref !== null && msg.ref !== undefined ? this.pending.get(msg.ref) : null;
    if (p) {
      this.pending.delete(msg.ref);
      clearTimeout(p.timer);
      p.reject(new CommandError(msg.code, msg.message));
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
    clearTimeout(this.pongDeadline);
    this.pongDeadline = null;
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
    // A silent network drop can leave a socket "open" for minutes; a ping that gets no pong
    // tells us sooner, and each pong may improve the clock estimate.
    this.keepalive = setInterval(() => {
      if (!this.ws || this.status !== 'open') return;
      this._ping();
      clearTimeout(this.pongDeadline);
      this.pongDeadline = setTimeout(() => {
        if (this.ws) this._resync();
      }, PONG_TIMEOUT_MS);
    }, KEEPALIVE_MS);
  }

  _stopKeepalive() {
    clearInterval(this.keepalive);
    clearTimeout(this.pongDeadline);
    this.keepalive = null;
    this.pongDeadline = null;
  }
}
