// Live updates for people's pages: one WebSocket to the person's event stream, and what the open
// page does with each event. HTML always comes from the server (htmx); this file only decides
// what to fetch and when. Protocol: docs/realtime.md.
(function () {
  'use strict';

  var body = document.body;
  var user = body.getAttribute('data-stream-user');
  if (!user || !window.WebSocket || !window.htmx) {
    return;
  }

  var STORE = 'lantau.stream.' + user;
  var PING_EVERY = 25000;
  var SILENT_LIMIT = 70000;
  var MAX_BACKOFF = 30000;

  // The page says which event its content already includes; otherwise carry on from this tab's last one.
  // Without either, the stream starts live at its newest event: a page that shows no stream
  // state has nothing to catch up on.
  var seq = number(body.getAttribute('data-stream-seq'));
  if (seq === null) {
    seq = number(sessionStorage.getItem(STORE));
  }
  if (seq !== null) {
    remember(seq);
  }

  var socket = null;
  var attempts = 0;
  var retryTimer = null;
  var pingTimer = null;
  var heardAt = 0;

  function number(value) {
    var n = value === null || value === undefined || value === '' ? NaN : Number(value);
    return isFinite(n) ? n : null;
  }

  function remember(value) {
    seq = value;
    try {
      sessionStorage.setItem(STORE, String(value));
    } catch (e) {
      // Private windows may refuse storage; the page's own seq still works.
    }
  }

  function connect() {
    window.clearTimeout(retryTimer);
    retryTimer = null;
    if (socket && socket.readyState <= 1) {
      return;
    }
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/api/v1/stream' + (seq === null ? '' : '?since=' + seq));
    socket.onopen = function () {
      attempts = 0;
      heard();
      state('live');
      if (seq === null) {
        send({type: 'ping'});
      }
    };
    socket.onmessage = function (message) {
      heard();
      var frame;
      try {
        frame = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      receive(frame);
    };
    socket.onclose = function (event) {
      socket = null;
      state('offline');
      if (event.code === 4401) {
        // The sign-in session ended: the page takes the person to sign in again.
        reload();
        return;
      }
      retry();
    };
  }

  function retry() {
    if (retryTimer) {
      return;
    }
    // 1 s, 2 s, 4 s ... up to 30 s, with jitter so that a restarted server is not hit all at once.
    var delay = Math.min(MAX_BACKOFF, 1000 * Math.pow(2, attempts++));
    retryTimer = window.setTimeout(connect, delay / 2 + Math.random() * delay / 2);
  }

  function send(frame) {
    if (socket && socket.readyState === 1) {
      socket.send(JSON.stringify(frame));
    }
  }

  function heard() {
    heardAt = Date.now();
  }

  function state(name) {
    body.setAttribute('data-stream-state', name);
  }

  function receive(frame) {
    switch (frame.type) {
      case 'hello':
        if (seq === null) {
          remember(frame.seq);
        } else if (frame.seq < seq) {
          // The server has fewer events than this tab saw (another installation, a restore): start over.
          remember(frame.seq);
          reload();
        }
        break;
      case 'event':
        if (frame.seq <= seq) {
          return;
        }
        remember(frame.seq);
        document.dispatchEvent(new CustomEvent('lantau:event', {
          detail: {type: frame.event, data: frame.data || {}, seq: frame.seq}
        }));
        break;
      case 'reset':
        // Too much was missed to replay: what the page shows may be stale, so it is loaded again.
        remember(frame.seq);
        reload();
        break;
      case 'ping':
        send({type: 'pong'});
        break;
      case 'error':
        if (window.console) {
          console.warn('Stream refused a frame:', frame.code);
        }
        break;
      default:
        break;
    }
  }

  function reload() {
    window.location.reload();
  }

  pingTimer = window.setInterval(function () {
    if (!socket || socket.readyState !== 1) {
      return;
    }
    if (Date.now() - heardAt > SILENT_LIMIT) {
      // Nothing heard for too long: the connection is dead even if the browser has not noticed.
      socket.close();
      return;
    }
    send({type: 'ping'});
  }, PING_EVERY);

  window.addEventListener('online', function () {
    attempts = 0;
    connect();
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && !socket) {
      attempts = 0;
      connect();
    }
  });

  // ---------- What the pages do with events ----------

  function csrfHeaders() {
    var headers = {'Content-Type': 'application/json'};
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
    }
    return headers;
  }

  function later(fn, wait) {
    var timer = null;
    return function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fn, wait);
    };
  }

  // Conversation list: unread badges, previews and order come from the server in one fragment.
  var refreshList = later(function () {
    var list = document.getElementById('conversation-list');
    if (list) {
      htmx.ajax('GET', list.getAttribute('data-refresh'), {target: '#conversation-list', swap: 'outerHTML'});
    }
  }, 250);

  // DING banner and the notifications inbox refresh the same way.
  var refreshDings = later(function () {
    ['ding-banner', 'ding-recipients'].forEach(function (id) {
      var element = document.getElementById(id);
      if (element) {
        htmx.ajax('GET', element.getAttribute('data-refresh'), {target: '#' + id, swap: 'outerHTML'});
      }
    });
  }, 250);

  var refreshNotifications = later(function () {
    var inbox = document.getElementById('notification-inbox');
    if (inbox) {
      htmx.ajax('GET', inbox.getAttribute('data-refresh'), {target: '#notification-inbox', swap: 'outerHTML'});
    }
  }, 250);

  function chat() {
    return document.getElementById('chat');
  }

  function openConversation(data) {
    var view = chat();
    var id = data.conversationId || (data.message && data.message.conversationId);
    return view && id === view.getAttribute('data-conversation') ? view : null;
  }

  // New messages of the open conversation: one request at a time for everything after the last shown.
  var loading = false;
  var loadAgain = false;

  function loadNewer() {
    var view = chat();
    if (!view) {
      return;
    }
    if (loading) {
      loadAgain = true;
      return;
    }
    loading = true;
    var list = document.getElementById('messages');
    var stick = nearBottom();
    var last = lastMessage();
    var url = view.getAttribute('data-messages') + '?after=' + (last ? last.getAttribute('data-seq') : 0)
        + (last ? '&day=' + last.getAttribute('data-day') : '');
    var done = function () {
      loading = false;
      var empty = list.querySelector('[data-empty]');
      if (empty && lastMessage()) {
        empty.remove();
      }
      var more = list.querySelector('[data-more]');
      if (more) {
        more.remove();
        loadAgain = true;
      }
      if (stick) {
        scrollToEnd();
      } else if (lastMessage() !== last) {
        showNewBelow(true);
      }
      markRead();
      if (loadAgain) {
        loadAgain = false;
        loadNewer();
      }
    };
    htmx.ajax('GET', url, {target: '#messages', swap: 'beforeend'}).then(done, done);
  }

  function lastMessage() {
    var all = document.querySelectorAll('#messages [data-seq]');
    return all.length ? all[all.length - 1] : null;
  }

  function nearBottom() {
    var scroller = document.getElementById('chat-scroll');
    return !scroller || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
  }

  function scrollToEnd() {
    var scroller = document.getElementById('chat-scroll');
    if (scroller) {
      scroller.scrollTop = scroller.scrollHeight;
    }
    showNewBelow(false);
  }

  function showNewBelow(show) {
    var pill = document.getElementById('new-below');
    if (pill) {
      pill.hidden = !show;
    }
  }

  // Reading: the newest message is on screen, the tab is in front and the window has focus.
  var reading = false;

  function markRead() {
    var view = chat();
    var last = lastMessage();
    if (!view || !last || reading || document.visibilityState !== 'visible' || !document.hasFocus()
        || !nearBottom()) {
      return;
    }
    var upTo = Number(last.getAttribute('data-seq'));
    if (upTo <= Number(view.getAttribute('data-read-seq') || 0)) {
      return;
    }
    reading = true;
    fetch(view.getAttribute('data-read'), {
      method: 'POST', credentials: 'same-origin', headers: csrfHeaders(), body: JSON.stringify({seq: upTo})
    }).then(function (response) {
      reading = false;
      if (response.ok) {
        view.setAttribute('data-read-seq', String(upTo));
        refreshList();
      }
    }, function () {
      reading = false;
    });
  }

  // Receipt counts under one's own messages, for the messages a reader's new position covers.
  function refreshReceipts(view, upTo) {
    var ids = [];
    view.querySelectorAll('.message.own[data-seq]').forEach(function (message) {
      if (Number(message.getAttribute('data-seq')) <= upTo && message.querySelector('.receipt:not([data-all-read])')) {
        ids.push(message.getAttribute('data-id'));
      }
    });
    if (ids.length) {
      htmx.ajax('GET', view.getAttribute('data-receipts') + '?ids=' + ids.slice(-50).join(','),
          {target: '#messages', swap: 'none'});
    }
  }

  function replaceMessage(view, id) {
    var element = document.getElementById('m-' + id);
    if (element) {
      htmx.ajax('GET', view.getAttribute('data-at') + '/' + element.getAttribute('data-seq'),
          {target: '#m-' + id, swap: 'outerHTML'});
    }
  }

  document.addEventListener('lantau:event', function (event) {
    var type = event.detail.type;
    var data = event.detail.data;
    var view = openConversation(data);
    switch (type) {
      case 'message.created':
        if (view) {
          loadNewer();
        }
        refreshList();
        break;
      case 'message.recalled':
      case 'message.removed':
        if (view) {
          replaceMessage(view, data.messageId || data.id);
        }
        refreshList();
        break;
      case 'conversation.read':
        if (view && data.userId !== user) {
          refreshReceipts(view, Number(data.readSeq || data.seq || 0));
        }
        if (data.userId === user) {
          refreshList();
        }
        break;
      case 'conversation.updated':
        refreshList();
        break;
      case 'ding.created':
      case 'ding.reminded':
      case 'ding.confirmed':
        refreshDings();
        break;
      case 'notification.created':
      case 'notification.recalled':
        refreshNotifications();
        break;
      default:
        break;
    }
  });

  // ---------- The chat view itself ----------

  function setUpChat() {
    var view = chat();
    if (!view) {
      return;
    }
    scrollToEnd();
    var scroller = document.getElementById('chat-scroll');
    scroller.addEventListener('scroll', later(function () {
      if (nearBottom()) {
        showNewBelow(false);
        markRead();
      }
    }, 150));
    window.addEventListener('focus', markRead);
    document.addEventListener('visibilitychange', markRead);
    markRead();

    var form = document.getElementById('composer');
    var text = document.getElementById('composer-text');
    if (!form || !text) {
      return;
    }
    // Enter sends, Shift+Enter starts a new line; a retried send keeps its client id so it is stored once.
    text.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('htmx:configRequest', function (event) {
      var id = form.querySelector('[name=clientMessageId]');
      if (!id.value) {
        id.value = window.crypto && crypto.randomUUID ? crypto.randomUUID()
            : String(Date.now()) + Math.random().toString(16).slice(2);
        event.detail.parameters.clientMessageId = id.value;
      }
    });
    form.addEventListener('htmx:afterRequest', function (event) {
      if (event.detail.successful) {
        form.reset();
        form.querySelector('[name=clientMessageId]').value = '';
        clearReply();
        loadNewer();
        scrollToEnd();
        text.focus();
      }
    });
  }

  function clearReply() {
    var reply = document.getElementById('reply-preview');
    var field = document.querySelector('#composer [name=replyTo]');
    if (reply) {
      reply.hidden = true;
    }
    if (field) {
      field.value = '';
    }
  }

  document.addEventListener('click', function (event) {
    var reply = event.target.closest('[data-reply]');
    if (reply) {
      var field = document.querySelector('#composer [name=replyTo]');
      var preview = document.getElementById('reply-preview');
      if (field && preview) {
        field.value = reply.getAttribute('data-reply');
        preview.querySelector('[data-reply-author]').textContent = reply.getAttribute('data-reply-author');
        preview.querySelector('[data-reply-text]').textContent = reply.getAttribute('data-reply-text');
        preview.hidden = false;
        document.getElementById('composer-text').focus();
      }
    }
    if (event.target.closest('[data-reply-cancel]')) {
      clearReply();
    }
    var mention = event.target.closest('[data-mention]');
    if (mention) {
      var text = document.getElementById('composer-text');
      var menu = mention.closest('details');
      var insert = '@' + mention.getAttribute('data-mention') + ' ';
      var at = text.selectionStart || text.value.length;
      text.value = text.value.slice(0, at) + insert + text.value.slice(at);
      text.focus();
      text.selectionStart = text.selectionEnd = at + insert.length;
      if (menu) {
        menu.removeAttribute('open');
      }
    }
    if (event.target.closest('#new-below')) {
      scrollToEnd();
      markRead();
    }
    // Receipt lists open in a dialog once htmx has put them in.
    var receipts = event.target.closest('[data-receipts-open]');
    if (receipts) {
      var dialog = document.getElementById('receipts-dialog');
      if (dialog && dialog.showModal && !dialog.open) {
        dialog.showModal();
      }
    }
    if (event.target.closest('[data-dialog-close]')) {
      var open = event.target.closest('dialog');
      if (open) {
        open.close();
      }
    }
  });

  // Deferred: the document is parsed when this runs.
  setUpChat();
  connect();
})();
