/**
 * The dashboard's only script, served from the platform (CSP `script-src 'self'`): it asks the
 * live route for the page's sections every few seconds and swaps those that changed, so the
 * figures and lists follow the letters as they arrive. Without it the page is the same on a
 * refresh. A string, not a module, because the platform's code is built for Node, not the browser.
 */
export const LIVE_SCRIPT = `'use strict';
(function () {
  var root = document.querySelector('[data-live-url]');
  if (!root) return;
  var url = root.getAttribute('data-live-url');
  var every = Number(root.getAttribute('data-live-ms')) || 3000;
  var status = document.getElementById('live-status');
  var version = root.getAttribute('data-live-version');
  var busy = false;
  function poll() {
    if (busy) return;
    busy = true;
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        // A session that ended shows the login page, as a refresh would.
        if (response.status === 401) { window.location.reload(); return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (body) {
        if (!body || body.version === version) return;
        version = body.version;
        var focused = document.activeElement && document.activeElement.id;
        Object.keys(body.sections).forEach(function (name) {
          var section = document.querySelector('[data-live="' + name + '"]');
          if (section) section.innerHTML = body.sections[name];
        });
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
        if (status) status.textContent = body.announcement;
        root.setAttribute('data-live-version', version);
      })
      .catch(function () { /* the platform restarting: the next poll tries again */ })
      .then(function () { busy = false; });
  }
  window.setInterval(poll, every);
})();
`;
