// Framework library pages: uploads (import, draft from a table) and state actions (activate,
// clone, retire) go to the JSON API; errors are shown with every listed problem. Event delegation
// keeps it working after Blazor's enhanced navigation replaces the page content.
(function () {
  'use strict';

  function token() {
    var meta = document.querySelector('meta[name="xsrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  async function show(response) {
    var box = document.getElementById('fw-message');
    var problem = null;
    try { problem = await response.json(); } catch (e) { problem = null; }
    var lines = [(problem && (problem.detail || problem.title)) || ('HTTP ' + response.status)];
    if (problem && problem.errors) {
      Object.keys(problem.errors).forEach(function (code) {
        problem.errors[code].forEach(function (message) { lines.push(code + ': ' + message); });
      });
    }
    if (box) {
      box.textContent = '';
      lines.forEach(function (line, i) {
        if (i > 0) { box.appendChild(document.createElement('br')); }
        box.appendChild(document.createTextNode(line));
      });
      box.hidden = false;
      box.focus && box.focus();
    }
  }

  function idOf(body) {
    return body && (body.id || (body.summary && body.summary.id));
  }

  document.addEventListener('submit', async function (event) {
    var form = event.target.closest && event.target.closest('form[data-fw-upload]');
    if (!form) { return; }
    event.preventDefault();
    var file = form.querySelector('input[type=file]').files[0];
    if (!file) { return; }
    var init = { method: 'POST', headers: { 'X-XSRF-TOKEN': token() } };
    if (form.getAttribute('data-raw') === 'true') {
      init.headers['Content-Type'] = 'application/json';
      init.body = await file.text();
    } else {
      init.body = new FormData(form);
    }
    var response = await fetch(form.getAttribute('data-fw-upload'), init);
    if (!response.ok) { await show(response); return; }
    window.location.href = '/frameworks/' + idOf(await response.json());
  });

  document.addEventListener('click', async function (event) {
    var button = event.target.closest && event.target.closest('button[data-fw-action]');
    if (!button) { return; }
    event.preventDefault();
    button.disabled = true;
    var body = button.getAttribute('data-body');
    if (!body) {
      var revision = button.getAttribute('data-revision');
      body = JSON.stringify(revision ? { revision: Number(revision) } : {});
    }
    var response = await fetch(button.getAttribute('data-fw-action'), {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token() }, body: body
    });
    button.disabled = false;
    if (!response.ok) { await show(response); return; }
    var result = await response.json();
    window.location.href = '/frameworks/' + idOf(result);
  });
})();
