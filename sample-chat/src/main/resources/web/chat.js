// The chat page: a console to the /chat endpoint (what you type goes to the server as is, and the
// log shows what comes back), plus the live parts: status, room, people, temperature, chips.
// Everything that comes from the server is put on the page with textContent, never innerHTML:
// names and lines are typed by other people.
(function () {
  'use strict';

  const MAX_LOG_LINES = 500;
  const MAX_HISTORY = 50;
  const element = (id) => document.getElementById(id);
  const ui = {
    status: element('status'),
    room: element('room'),
    me: element('me'),
    temperature: element('temperature'),
    log: element('log'),
    users: element('users'),
    userCount: element('user-count'),
    chips: element('chips'),
    composer: element('composer'),
    line: element('line'),
    quit: element('quit'),
    reconnect: element('reconnect'),
  };

  // 'chat' is resolved against the page's own URL: ws:// for an http:// page, wss:// for https://,
  // and under the page's own path, so the page also works behind a proxy that serves it at /app/.
  // A chat page should survive a server restart, so 1001 (going away) is retried too.
  const chat = Switchboard.connect('chat', {
    reconnectOnGoingAway: true,
    maxAttempts: Infinity,
    maxDelay: 10000,
  });

  let me = null; // {id, name, room} from the welcome event
  let recovering = false; // connected again, the missed lines are being replayed
  let missedLines = 0;
  let members = new Map(); // id → name, for the current room
  const typedIds = new Set(); // ids of JSON envelopes typed in the input, whose replies are shown

  // ----- the log -----

  function log(kind, text, who) {
    const item = document.createElement('li');
    item.className = kind;
    const time = document.createElement('span');
    time.className = 'time';
    time.textContent = new Date().toLocaleTimeString([], { hour12: false });
    item.append(time);
    if (who !== undefined) {
      const name = document.createElement('span');
      name.className = 'who';
      name.textContent = who + ':';
      item.append(name);
    }
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = text;
    item.append(body);

    const pane = ui.log.parentElement;
    const atBottom = pane.scrollHeight - pane.scrollTop - pane.clientHeight < 40;
    ui.log.append(item);
    while (ui.log.childElementCount > MAX_LOG_LINES) {
      ui.log.firstElementChild.remove();
    }
    if (atBottom) {
      pane.scrollTop = pane.scrollHeight;
    }
    return item;
  }

  // ----- replies, in words -----

  // A structured reply as a person reads it; the raw JSON stays one click away on the line.
  function describe(cmd, data) {
    if (data && Array.isArray(data.users) && typeof data.online === 'number') {
      const names = data.users.map((user) => user.name).join(', ');
      return data.online + ' online in ' + data.room + (names ? ': ' + names : '');
    }
    if (data && typeof data.celsius === 'number' && typeof data.at === 'string') {
      const at = new Date(data.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
      return data.celsius.toFixed(1) + ' °C at ' + at;
    }
    if (cmd === 'id' && typeof data === 'string') {
      return 'Your session id is ' + data + '.';
    }
    if (typeof data === 'string') {
      return data;
    }
    return null; // no words for it: the JSON itself
  }

  // A reply or an error that came as JSON: readable text, and a {…} toggle for the raw message.
  function logJson(message, raw) {
    const error = message.error;
    const words = error
      ? (message.cmd ? message.cmd + ' failed: ' : '') + error.message + ' (' + error.code + ')'
      : describe(message.cmd, message.re != null ? message.data : message);
    const item = log(error ? 'error' : 'in', words === null ? raw : words);
    if (words === null) {
      return item;
    }
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'raw-toggle';
    toggle.textContent = '{…}';
    toggle.title = 'show the JSON the server sent';
    const json = document.createElement('code');
    json.className = 'raw';
    json.hidden = true;
    json.textContent = raw;
    toggle.addEventListener('click', () => {
      json.hidden = !json.hidden;
      toggle.setAttribute('aria-expanded', String(!json.hidden));
    });
    item.append(toggle, json);
    return item;
  }

  function logError(error) {
    log('error', (error.code ? error.code + ': ' : '') + error.message);
  }

  // ----- people and room -----

  function renderPeople() {
    ui.room.textContent = me ? me.room : '–';
    ui.me.textContent = me ? me.name : '–';
    const sorted = Array.from(members, ([id, name]) => ({ id: id, name: name }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    ui.users.replaceChildren(...sorted.map((user) => {
      const item = document.createElement('li');
      item.dataset.id = user.id;
      item.textContent = user.name;
      if (me && user.id === me.id) {
        item.classList.add('me');
        item.title = 'you';
      }
      return item;
    }));
    ui.userCount.textContent = String(members.size);
  }

  function refreshPeople() {
    chat.call('users').then((users) => {
      if (me) {
        me.room = users.room;
      }
      members = new Map(users.users.map((user) => [user.id, user.name]));
      renderPeople();
    }, logError);
  }

  // ----- command chips, from the server's own help -----

  function renderChips(help) {
    ui.chips.replaceChildren(...help.commands.map((command) => {
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'chip';
      chip.dataset.command = command.name;
      chip.textContent = command.argument ? command.name + ' …' : command.name;
      chip.addEventListener('click', () => {
        if (command.argument) {
          ui.line.value = command.name + ' ';
          ui.line.focus();
        } else {
          sendLine(command.name);
        }
      });
      return chip;
    }));
  }

  // ----- sending -----

  function sendLine(text) {
    try {
      chat.send(text);
    } catch (error) {
      log('error', 'Not connected: press Re-connect.');
      return false;
    }
    log('out', text);
    rememberTypedId(text);
    return true;
  }

  function rememberTypedId(text) {
    if (!text.trim().startsWith('{')) {
      return;
    }
    try {
      const envelope = JSON.parse(text);
      if (envelope && envelope.id !== undefined) {
        typedIds.add(envelope.id);
      }
    } catch (ignored) {
      // not JSON after all: the server answers it as a text line
    }
  }

  // What was typed, for ArrowUp/ArrowDown as in a terminal; `recalled` is the line shown.
  const history = [];
  let recalled = 0;

  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.line.value;
    if (text.trim() === '') {
      return;
    }
    if (sendLine(text)) {
      if (history[history.length - 1] !== text) {
        history.push(text);
        history.splice(0, history.length - MAX_HISTORY);
      }
      recalled = history.length;
      ui.line.value = '';
    }
  });

  ui.line.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') {
      return;
    }
    event.preventDefault();
    recalled = Math.max(0, Math.min(history.length, recalled + (event.key === 'ArrowUp' ? -1 : 1)));
    ui.line.value = history[recalled] || '';
  });

  ui.quit.addEventListener('click', () => sendLine('bye'));

  ui.reconnect.addEventListener('click', () => {
    log('system', 'Re-connecting…');
    chat.reconnect();
  });

  // ----- what the server sends -----

  // Every frame: the ones the page handles by itself (events, replies to its own calls) are left
  // to their listeners; text replies, JSON replies to typed lines and errors go to the log.
  chat.on('message', (text) => {
    let message = null;
    try {
      message = /^\s*\{/.test(text) ? JSON.parse(text) : null;
    } catch (ignored) {
      // not JSON: a plain text reply
    }
    if (message === null || typeof message !== 'object') {
      log('in', text);
    } else if (typeof message.event === 'string') {
      // handled by the event listeners below
    } else if (message.re != null && !typedIds.delete(message.re)) {
      // the reply to one of the page's own calls
    } else {
      logJson(message, text);
    }
  });

  chat.on('welcome', (presence) => {
    me = { id: presence.id, name: presence.name, room: presence.room };
    members = new Map([[me.id, me.name]]);
    renderPeople();
    log('notice', 'You are ' + me.name + ', in room ' + me.room + '. Type help, or say something.');
    refreshPeople();
  });

  chat.on('joined', (presence) => {
    if (me && presence.id === me.id) {
      me.room = presence.room;
      members = new Map([[me.id, me.name]]);
      renderPeople();
      log('notice', 'You joined ' + presence.room + '.');
      refreshPeople();
      return;
    }
    members.set(presence.id, presence.name);
    renderPeople();
    log('notice', presence.name + ' joined ' + presence.room + '.');
  });

  chat.on('left', (presence) => {
    if (me && presence.id === me.id) {
      return;
    }
    members.delete(presence.id);
    renderPeople();
    log('notice', presence.name + ' left ' + presence.room + '.');
  });

  chat.on('renamed', (renamed) => {
    if (me && renamed.id === me.id) {
      me.name = renamed.to;
    }
    members.set(renamed.id, renamed.to);
    renderPeople();
    log('notice', renamed.from + ' is now ' + renamed.to + '.');
  });

  chat.on('chat', (line) => {
    if (recovering) {
      missedLines++;
    }
    const item = log('chat', line.text, line.from);
    if (me && line.id === me.id) {
      item.classList.add('mine');
    }
  });

  chat.on('temp', (reading) => {
    ui.temperature.textContent = reading.celsius.toFixed(1) + ' °C';
    ui.temperature.title = 'measured at ' + reading.at;
  });

  // ----- the connection -----

  chat.on('state', (state) => {
    ui.status.dataset.state = state;
    ui.status.textContent = { open: 'online', closed: 'offline' }[state] || state;
    if (state === 'closed') {
      me = null;
      members = new Map();
      renderPeople();
    }
  });

  chat.on('open', (open) => {
    recovering = open.recovering;
    missedLines = 0;
    log('system', open.reconnected ? 'Connected again.' : 'Connected to ' + chat.url + '.');
    chat.call('help').then(renderChips, logError);
  });

  // After a dropped connection the server replays what the room said meanwhile, then says whether
  // everything came back. If not, the server sees a new guest: its welcome resets the page.
  chat.on('recovery', (recovery) => {
    recovering = false;
    if (recovery.recovered && recovery.rooms[me ? me.room : ''] && recovery.rooms[me.room].recovered) {
      log('system', 'Reconnected, ' + missedLines + ' missed line' + (missedLines === 1 ? '' : 's') + ' recovered.');
      refreshPeople();
    } else {
      log('system', 'Could not recover: reloaded.');
      if (recovery.recovered) {
        refreshPeople();
      }
    }
  });

  chat.on('close', (close) => {
    const why = close.reason ? ' (' + close.code + ' ' + close.reason + ')' : ' (' + close.code + ')';
    log('system', 'Disconnected' + why + (close.reconnecting ? '.' : '. Press Re-connect to come back.'));
  });

  chat.on('reconnecting', (retry) => {
    log('system', 'Reconnecting in ' + (retry.delay / 1000).toFixed(1) + ' s (attempt ' + retry.attempt + ')…');
  });
})();
