// Privacy Gate operator console: the only script. No inline code (the Content-Security-Policy forbids it).
(function () {
  'use strict';
  // A request page whose systems are still being asked reloads itself, unless the operator is typing.
  var working = document.querySelector('[data-refresh]');
  if (working) {
    var seconds = parseInt(working.getAttribute('data-refresh'), 10) || 5;
    window.setTimeout(function check() {
      var active = document.activeElement;
      var typing = active && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA' || active.tagName === 'SELECT');
      if (typing) { window.setTimeout(check, seconds * 1000); return; }
      window.location.replace(window.location.pathname + window.location.search.replace(/([?&])notice=[^&]*&?/, '$1').replace(/[?&]$/, ''));
    }, seconds * 1000);
  }
  // A form whose button is pressed once is not sent twice.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.getAttribute('method') === 'post') {
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = 'true';
    }
  });
  // Messages get the focus, so that screen readers and keyboard users land on them.
  var message = document.getElementById('message');
  if (message) { message.setAttribute('tabindex', '-1'); message.focus(); }
})();
