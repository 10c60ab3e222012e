// Small behaviours of the pages. No inline scripts: the CSP allows only scripts from this site.
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // htmx requests carry the CSRF token the server put into the page.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header && event.detail.verb !== 'get') {
      event.detail.headers[header] = token;
    }
  });

  // A partial request that ended on the sign-in page means the session is over: go there.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var url = event.detail.xhr && event.detail.xhr.responseURL;
    if (url && new URL(url, window.location.href).pathname === '/signin') {
      event.detail.shouldSwap = false;
      window.location.assign('/signin');
    }
  });

  // Failed partial requests get a visible message instead of nothing happening.
  document.addEventListener('htmx:responseError', function (event) {
    var target = event.detail.target;
    var message = document.body.getAttribute('data-request-failed') || 'The request failed. Reload the page and try again.';
    if (target && target.setAttribute) {
      var note = document.createElement('p');
      note.className = 'field-error';
      note.setAttribute('role', 'alert');
      note.textContent = message;
      target.insertAdjacentElement('afterend', note);
    }
  });

  document.addEventListener('click', function (event) {
    // Copy buttons: data-copy="#selector" of an input whose value is copied.
    var copy = event.target.closest('[data-copy]');
    if (copy) {
      var source = document.querySelector(copy.getAttribute('data-copy'));
      if (source) {
        source.select();
        var done = function () {
          var label = copy.textContent;
          copy.textContent = copy.getAttribute('data-copied') || label;
          window.setTimeout(function () { copy.textContent = label; }, 2000);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(source.value).then(done, function () { document.execCommand('copy'); done(); });
        } else {
          document.execCommand('copy');
          done();
        }
      }
    }
    // Department tree branches open and close in place.
    var toggle = event.target.closest('[data-tree-toggle]');
    if (toggle) {
      var branch = document.getElementById(toggle.getAttribute('aria-controls'));
      var expanded = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', expanded ? 'false' : 'true');
      if (branch) {
        branch.hidden = expanded;
      }
    }
    // Open menus close when someone clicks elsewhere.
    document.querySelectorAll('details[data-menu][open]').forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.removeAttribute('open');
      }
    });
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      document.querySelectorAll('details[data-menu][open]').forEach(function (menu) {
        menu.removeAttribute('open');
        var summary = menu.querySelector('summary');
        if (summary) {
          summary.focus();
        }
      });
    }
  });

  // On phones the navigation is one scrolling row: bring the current page into view.
  document.addEventListener('DOMContentLoaded', function () {
    var current = document.querySelector('.sidebar .nav-list a.current');
    var sidebar = document.querySelector('.sidebar');
    if (current && sidebar && sidebar.scrollWidth > sidebar.clientWidth) {
      sidebar.scrollLeft = current.offsetLeft - (sidebar.clientWidth - current.offsetWidth) / 2;
    }
  });

  // Forms that do something hard to undo ask first: data-confirm="question".
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !form.hasAttribute('hx-post') && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // The approval template editor draws a part again when its kind changes (a field's type, who
  // approves): the form's own "refresh" button does it, and the page returns to that part.
  document.addEventListener('change', function (event) {
    var field = event.target.closest && event.target.closest('[data-refresh-on-change]');
    var refresh = field && field.form && field.form.querySelector('button[data-refresh]');
    if (refresh) {
      var part = field.closest('[id]');
      // getAttribute: the editor's buttons are named "action", which hides form.action.
      refresh.formAction = field.form.getAttribute('action').split('#')[0] + (part ? '#' + part.id : '');
      refresh.click();
    }
  });
})();
