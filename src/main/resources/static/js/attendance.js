// The clock-in button: one location point from the browser, taken when the person presses it.
(function () {
  'use strict';

  var form = document.querySelector('[data-geo-form]');
  if (!form) {
    return;
  }
  var status = form.querySelector('[data-geo-status]');
  var poor = form.querySelector('[data-geo-poor]');
  var button = form.querySelector('[data-clock-button]');
  var limit = parseFloat(form.getAttribute('data-accuracy-limit') || '0');
  var confirmed = false;

  form.classList.add('geo-ready');

  function text(name, value) {
    var template = form.getAttribute('data-text-' + name) || '';
    return value === undefined ? template : template.replace('{0}', value);
  }

  function show(message, tone) {
    status.textContent = message;
    status.className = 'geo-status' + (tone ? ' geo-' + tone : '');
  }

  function field(name) {
    return form.querySelector('input[name="' + name + '"]');
  }

  function locate() {
    if (!('geolocation' in navigator) || !window.isSecureContext) {
      show(text('unsupported'), 'bad');
      return;
    }
    button.disabled = true;
    poor.hidden = true;
    show(text('finding'));
    navigator.geolocation.getCurrentPosition(function (position) {
      var accuracy = Math.round(position.coords.accuracy);
      field('latitude').value = position.coords.latitude;
      field('longitude').value = position.coords.longitude;
      field('accuracy').value = position.coords.accuracy;
      if (limit > 0 && accuracy > limit) {
        show(text('poor', accuracy), 'warn');
        poor.hidden = false;
        button.disabled = false;
        return;
      }
      show(text('found', accuracy), 'ok');
      confirmed = true;
      form.submit();
    }, function (error) {
      button.disabled = false;
      var name = error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable';
      show(text(name), 'bad');
      var help = form.querySelector('[data-geo-help]');
      if (help) {
        help.hidden = error.code !== 1;
      }
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
  }

  form.addEventListener('submit', function (event) {
    // A form already carrying this attempt's location (asked for a reason) goes as it is.
    if (confirmed || form.hasAttribute('data-has-location')) {
      return;
    }
    event.preventDefault();
    locate();
  });

  form.addEventListener('click', function (event) {
    if (event.target.closest('[data-geo-anyway]')) {
      confirmed = true;
      form.submit();
    } else if (event.target.closest('[data-geo-retry]')) {
      locate();
    }
  });
})();
