/*
 * switchboard.js: the browser client of Switchboard. Every Switchboard server serves it at
 * /switchboard.js. No build step, no dependencies: load it with a classic <script> tag and use the
 * global `Switchboard`. The guide is docs/client-js.md.
 *
 *   const chat = Switchboard.connect('/chat');
 *   chat.on('chat', line => console.log(line.from + ': ' + line.text));
 *   const users = await chat.call('users');
 */
(function (root, factory) {
  'use strict';
  root.Switchboard = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const DEFAULTS = Object.freeze({
    /** Subprotocols to offer in the handshake (a string or an array), or none. */
    protocols: undefined,
    /** Milliseconds a call() waits for its reply before it rejects with code "timeout". */
    timeout: 10000,
    /** Whether to reconnect by itself after an abnormal close. */
    reconnect: true,
    /** How many reconnect attempts in a row before giving up (Infinity: never give up). */
    maxAttempts: 10,
    /** The first reconnect delay in milliseconds; it doubles on every failed attempt... */
    minDelay: 500,
    /** ...up to this many milliseconds. */
    maxDelay: 30000,
    /**
     * Whether a close with 1001 (going away: the server shuts down, e.g. to restart) is retried
     * like an abnormal one. Off by default: 1001 usually means "do not come back".
     */
    reconnectOnGoingAway: false,
    /**
     * Whether to ask the server for session recovery: after a dropped connection, come back to the
     * same session and get the room pushes and direct messages missed meanwhile (docs/client-js.md).
     */
    recover: true,
    /** The command after which a close is final, as the server says goodbye and closes. */
    byeCommand: 'bye',
    /**
     * Whether leaving the page (or its going into the back/forward cache) closes the connection
     * with 1000, and coming back to it from the cache reconnects.
     */
    pageLifecycle: true,
  });

  const NORMAL_CLOSURE = 1000;
  const GOING_AWAY = 1001;
  /** The server's handshake hook refused this page: 4000 + the HTTP status it would have sent. */
  const REFUSALS = { 4401: 'unauthorized', 4403: 'forbidden' };

  /** The error a call() rejects with: a message plus the `code` (and `path`, `cmd`) of the failure. */
  function callError(code, message, details) {
    const error = new Error(message);
    error.name = 'SwitchboardError';
    error.code = code;
    error.path = null;
    error.cmd = null;
    return Object.assign(error, details);
  }

  /** '/chat' or 'http://host/chat' → 'ws://host/chat' (wss:// when the page itself is https://). */
  function webSocketUrl(url) {
    const base = typeof location !== 'undefined' ? location.href : undefined;
    const resolved = new URL(url, base);
    if (resolved.protocol === 'http:') {
      resolved.protocol = 'ws:';
    } else if (resolved.protocol === 'https:') {
      resolved.protocol = 'wss:';
    }
    return resolved.href;
  }

  /**
   * The delay before reconnect attempt number `attempt` (1, 2, …): exponential backoff,
   * min(maxDelay, minDelay · 2^(attempt-1)), with "equal jitter": a random value between half and
   * all of it, so that clients dropped together by a restart do not all come back at once.
   */
  function backoffDelay(attempt, options) {
    const ceiling = Math.min(options.maxDelay, options.minDelay * Math.pow(2, attempt - 1));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  /** The command name of an outgoing text frame, in either message form. */
  function commandOf(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
      try {
        const envelope = JSON.parse(trimmed);
        return envelope && typeof envelope.cmd === 'string' ? envelope.cmd : null;
      } catch (ignored) {
        return null;
      }
    }
    return trimmed.split(/\s+/, 1)[0];
  }

  /** Parses an incoming frame as JSON if it looks like an object; null for anything else. */
  function parseEnvelope(text) {
    if (!/^\s*\{/.test(text)) {
      return null;
    }
    try {
      const value = JSON.parse(text);
      return value !== null && typeof value === 'object' ? value : null;
    } catch (ignored) {
      return null;
    }
  }

  /** Runs a listener so that its exception is reported but never breaks the connection. */
  function safely(listener, args) {
    try {
      listener.apply(undefined, args);
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  }

  /**
   * One logical connection to a Switchboard endpoint. It outlives the WebSocket: after an
   * abnormal close it opens a new one, and calls and sends made meanwhile are queued until then.
   */
  class Connection {
    constructor(url, options) {
      this.url = webSocketUrl(url);
      this.options = Object.assign({}, DEFAULTS, options);
      /** 'connecting', 'open', 'reconnecting' or 'closed'. */
      this.state = 'connecting';
      this._listeners = new Map();
      this._pending = new Map(); // call id → {cmd, resolve, reject, timer, sent}
      this._outbox = []; // frames sent while no socket is open: {frame, id, cmd}
      this._nextId = 1;
      this._attempt = 0;
      this._retryTimer = null;
      this._socket = null;
      this._final = false; // close() was called or bye was sent: no reconnect
      this._refused = null; // the error of a 4401/4403 close: calls reject with it until reconnect()
      this._everOpened = false;
      /** The server's id of this connection's session, from its $session push; null before. */
      this.sessionId = null;
      /** Whether the last reconnect recovered the session: true, false, or null if none was tried. */
      this.recovered = null;
      this._token = null; // the $session token that recovers the session after a drop
      this._offsets = new Map(); // room → {offset, epoch} of the last numbered push received
      this._recovering = false; // the socket now opening presented a token
      this._hiddenByPage = false;
      this._pageHide = () => this._pageHidden();
      this._pageShow = (event) => this._pageShown(event);
      this._watchingPage = false;
      this._watchPage(true);
      this._openSocket();
    }

    /**
     * Sends a command as a JSON envelope and resolves with the reply's `data`; rejects with an
     * Error whose `code` is the server's error code (and `path` the JSON path for a bad_request),
     * or 'timeout', or 'closed' when the connection ends before the reply.
     */
    call(cmd, data, options) {
      const timeout = (options && options.timeout) || this.options.timeout;
      return new Promise((resolve, reject) => {
        if (this.state === 'closed') {
          reject(this._closedError({ cmd: cmd }));
          return;
        }
        const id = this._nextId++;
        const envelope = data === undefined ? { cmd: cmd, id: id } : { cmd: cmd, id: id, data: data };
        const timer = setTimeout(() => {
          this._pending.delete(id);
          reject(callError('timeout', 'no reply to "' + cmd + '" within ' + timeout + ' ms', { cmd: cmd }));
        }, timeout);
        this._pending.set(id, { cmd: cmd, resolve: resolve, reject: reject, timer: timer, sent: false });
        this._transmit(JSON.stringify(envelope), id, cmd);
      });
    }

    /**
     * Sends a text frame as is (a text line such as 'say hi', or JSON you built), or binary data.
     * Queued while (re)connecting.
     *
     * @throws Error with code 'closed' once the connection is closed
     */
    send(message) {
      if (this.state === 'closed') {
        throw this._closedError({});
      }
      this._transmit(message, null, typeof message === 'string' ? commandOf(message) : null);
    }

    /**
     * Listens to a server push (the `event` of {"event":…,"data":…}: the listener gets `data` and
     * the whole message) or to a connection event: 'open' ({reconnected, recovering}), 'recovery'
     * ({recovered, missed, rooms, direct}: after a reconnect that presented the session's token,
     * once the missed pushes were delivered), 'close' ({code, reason,
     * wasClean, reconnecting}), 'reconnecting' ({attempt, delay}), 'refused' ({code: 4401 or 4403,
     * error: 'unauthorized' or 'forbidden', reason}: the server's handshake hook turned the page
     * away, so log in again and reconnect()), 'state' (the new state),
     * 'message' (every text frame received, raw, but the $session push of recovery) and 'binary'
     * (an ArrayBuffer).
     *
     * @return a function that removes the listener
     */
    on(event, listener) {
      if (!this._listeners.has(event)) {
        this._listeners.set(event, new Set());
      }
      this._listeners.get(event).add(listener);
      return () => this.off(event, listener);
    }

    /** Removes a listener added with on(). */
    off(event, listener) {
      const listeners = this._listeners.get(event);
      if (listeners) {
        listeners.delete(listener);
      }
    }

    /**
     * Closes for good (no reconnect): the state is 'closed' at once, calls still waiting reject with
     * code 'closed', and the 'close' event follows when the socket has closed.
     */
    close(code, reason) {
      this._watchPage(false);
      this._shutDown(code || NORMAL_CLOSURE, reason || '');
    }

    /**
     * Connects again now, whatever the state: after close(), after a bye, after giving up, or to
     * cut a reconnect delay short. Calls waiting on the old socket reject with code 'closed'.
     */
    reconnect() {
      this._watchPage(true);
      this._final = false;
      this._refused = null;
      this._attempt = 0;
      this._cancelRetry();
      const old = this._socket;
      this._socket = null; // from here on, events of the old socket are ignored
      if (old && old.readyState <= WebSocket.OPEN) {
        old.close(NORMAL_CLOSURE, 'reconnect');
      }
      this._rejectSent('the connection was replaced before the reply came');
      this._forgetSession(); // the old socket closes with 1000: its session ends on the server
      this._setState('connecting');
      this._openSocket();
    }

    _shutDown(code, reason) {
      this._final = true;
      this._cancelRetry();
      const socket = this._socket;
      const closing = socket && socket.readyState <= WebSocket.OPEN;
      if (closing) {
        socket.close(code, reason); // its close event emits 'close'
      } else {
        this._socket = null;
      }
      this._abandon(code);
      if (!closing) {
        this._emit('close', [{ code: code, reason: reason, wasClean: true, reconnecting: false }]);
      }
    }

    /**
     * A page that is left (or put into the back/forward cache) closes its connection cleanly, so
     * that the server sees the leave at once rather than at a heartbeat timeout; a page restored
     * from the cache connects again.
     */
    _watchPage(on) {
      if (!this.options.pageLifecycle || typeof window === 'undefined' || on === this._watchingPage) {
        return;
      }
      this._watchingPage = on;
      const method = on ? 'addEventListener' : 'removeEventListener';
      window[method]('pagehide', this._pageHide);
      window[method]('pageshow', this._pageShow);
    }

    _pageHidden() {
      if (this.state !== 'closed') {
        this._hiddenByPage = true;
        this._shutDown(NORMAL_CLOSURE, 'page hidden');
      }
    }

    _pageShown(event) {
      if (event.persisted && this._hiddenByPage) {
        this._hiddenByPage = false;
        this.reconnect();
      }
    }

    _openSocket() {
      this._recovering = this._token !== null;
      const socket = new WebSocket(this._socketUrl(), this.options.protocols);
      socket.binaryType = 'arraybuffer';
      this._socket = socket;
      socket.onopen = () => socket === this._socket && this._opened();
      socket.onmessage = (message) => socket === this._socket && this._received(message.data);
      socket.onclose = (close) => socket === this._socket && this._closed(close);
    }

    /**
     * The URL of the next socket: with recovery, ?recover= asks for a $session push, and after a
     * drop carries the token and the last offset of each room (docs/protocol.md).
     */
    _socketUrl() {
      if (!this.options.recover) {
        return this.url;
      }
      const url = new URL(this.url);
      url.searchParams.set('recover', this._token || '');
      if (this._token && this._offsets.size > 0) {
        const offsets = {};
        this._offsets.forEach((had, room) => {
          offsets[room] = had;
        });
        url.searchParams.set('offsets', JSON.stringify(offsets));
      }
      return url.href;
    }

    _forgetSession() {
      this._token = null;
      this._offsets.clear();
    }

    /** The $session push: keeps the new token and, after a reconnect with a token, tells the page. */
    _session(data) {
      this.sessionId = data.id;
      this._token = data.token;
      if (!this._recovering) {
        return;
      }
      this._recovering = false;
      this.recovered = data.recovered === true;
      if (!this.recovered) {
        this._offsets.clear(); // a new session: offsets start again from its joins
      }
      const rooms = data.rooms || {};
      let missed = 0;
      Object.keys(rooms).forEach((room) => {
        missed += rooms[room].missed;
      });
      const direct = data.direct || { recovered: this.recovered, missed: 0 };
      this._emit('recovery', [{
        recovered: this.recovered,
        missed: missed + direct.missed,
        rooms: rooms,
        direct: direct,
      }]);
    }

    /**
     * Notes the offset of a push to a room that keeps history; false for one already received
     * (never sent twice by the server, but cheap to be sure of).
     */
    _numbered(envelope) {
      if (typeof envelope.offset !== 'number' || typeof envelope.room !== 'string') {
        return true;
      }
      const had = this._offsets.get(envelope.room);
      if (had && had.epoch === envelope.epoch && envelope.offset <= had.offset) {
        return false;
      }
      this._offsets.set(envelope.room, { offset: envelope.offset, epoch: envelope.epoch });
      return true;
    }

    _opened() {
      this._attempt = 0;
      this._setState('open');
      const reconnected = this._everOpened;
      this._everOpened = true;
      const queued = this._outbox;
      this._outbox = [];
      queued.forEach((item) => this._transmit(item.frame, item.id, item.cmd));
      this._emit('open', [{ reconnected: reconnected, recovering: this._recovering }]);
    }

    _received(data) {
      if (typeof data !== 'string') {
        this._emit('binary', [data]);
        return;
      }
      const envelope = parseEnvelope(data);
      if (envelope !== null && envelope.event === '$session') {
        this._session(envelope.data || {}); // the client's own business, not the page's
        return;
      }
      this._emit('message', [data]);
      if (envelope === null) {
        return;
      }
      if ('re' in envelope) {
        this._settle(envelope);
      } else if (typeof envelope.event === 'string' && this._numbered(envelope)) {
        this._emit(envelope.event, [envelope.data, envelope]);
      }
    }

    _settle(reply) {
      const call = this._pending.get(reply.re);
      if (!call) {
        return; // the call timed out already, or the reply answers a frame sent with send()
      }
      this._pending.delete(reply.re);
      clearTimeout(call.timer);
      if (reply.error) {
        call.reject(callError(reply.error.code, reply.error.message, {
          path: reply.error.path || null,
          cmd: reply.cmd || call.cmd,
        }));
      } else {
        call.resolve(reply.data === undefined ? null : reply.data);
      }
    }

    _closed(close) {
      this._socket = null;
      const code = close.code;
      if (REFUSALS[code]) {
        // Refused, not dropped: trying again would be refused again, until the page logs in.
        this._refused = { code: REFUSALS[code], message: close.reason || REFUSALS[code] };
        this._finish({ code: code, reason: close.reason, wasClean: close.wasClean });
        this._emit('refused', [{ code: code, error: REFUSALS[code], reason: close.reason }]);
        return;
      }
      const retryable = code !== NORMAL_CLOSURE && (code !== GOING_AWAY || this.options.reconnectOnGoingAway);
      const reconnecting =
        !this._final && this.options.reconnect && retryable && this._attempt < this.options.maxAttempts;
      this._resolveBye(close);
      if (!reconnecting) {
        this._finish({ code: code, reason: close.reason, wasClean: close.wasClean });
        return;
      }
      this._rejectSent('the connection was lost before the reply came (close code ' + code + ')');
      this._emit('close', [{ code: code, reason: close.reason, wasClean: close.wasClean, reconnecting: true }]);
      this._attempt++;
      const delay = backoffDelay(this._attempt, this.options);
      this._setState('reconnecting');
      this._emit('reconnecting', [{ attempt: this._attempt, delay: delay }]);
      this._retryTimer = setTimeout(() => {
        this._retryTimer = null;
        this._openSocket();
      }, delay);
    }

    /** The connection is over for good. */
    _finish(close) {
      this._abandon(close.code);
      this._emit('close', [{ code: close.code, reason: close.reason, wasClean: close.wasClean, reconnecting: false }]);
    }

    /** Every waiting call and queued frame is dropped, and the state is 'closed'. */
    _abandon(code) {
      this._forgetSession();
      this._pending.forEach((call) => {
        clearTimeout(call.timer);
        call.reject(this._refused
          ? callError(this._refused.code, this._refused.message, { cmd: call.cmd })
          : callError('closed', 'the connection closed before the reply came (close code ' + code + ')', { cmd: call.cmd }));
      });
      this._pending.clear();
      this._outbox = [];
      this._setState('closed');
    }

    /** Why nothing can be sent: 'unauthorized'/'forbidden' after a refusal, else 'closed'. */
    _closedError(details) {
      return this._refused
        ? callError(this._refused.code, this._refused.message, details)
        : callError('closed', 'the connection is closed', details);
    }

    /** A call('bye') is answered by the close itself: it resolves with the close code and reason. */
    _resolveBye(close) {
      this._pending.forEach((call, id) => {
        if (call.cmd === this.options.byeCommand && call.sent) {
          clearTimeout(call.timer);
          this._pending.delete(id);
          call.resolve({ code: close.code, reason: close.reason });
        }
      });
    }

    /** Calls whose request went out on a socket that is gone will never get their reply. */
    _rejectSent(message) {
      this._pending.forEach((call, id) => {
        if (call.sent) {
          clearTimeout(call.timer);
          this._pending.delete(id);
          call.reject(callError('closed', message, { cmd: call.cmd }));
        }
      });
    }

    _transmit(frame, id, cmd) {
      if (cmd === this.options.byeCommand) {
        this._final = true; // the server says goodbye and closes: do not come back
      }
      const socket = this._socket;
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        this._outbox.push({ frame: frame, id: id, cmd: cmd });
        return;
      }
      socket.send(frame);
      const call = id === null ? undefined : this._pending.get(id);
      if (call) {
        call.sent = true;
      }
    }

    _cancelRetry() {
      if (this._retryTimer !== null) {
        clearTimeout(this._retryTimer);
        this._retryTimer = null;
      }
    }

    _setState(state) {
      if (this.state !== state) {
        this.state = state;
        this._emit('state', [state]);
      }
    }

    _emit(event, args) {
      const listeners = this._listeners.get(event);
      if (listeners) {
        Array.from(listeners).forEach((listener) => safely(listener, args));
      }
    }
  }

  return Object.freeze({
    version: '0.1.0',
    defaults: DEFAULTS,
    /** Opens a connection: `url` is absolute (ws://, wss://, http://, https://) or relative to the page. */
    connect: function (url, options) {
      return new Connection(url, options);
    },
    Connection: Connection,
    backoffDelay: backoffDelay,
    webSocketUrl: webSocketUrl,
  });
});
