// The appraisal page: each button calls the JSON API and the page reloads with the new state.
// Errors (ProblemDetails) are shown next to the row or at the top. Event delegation survives
// Blazor's enhanced navigation.
(function () {
  'use strict';

  function token() {
    var meta = document.querySelector('meta[name="xsrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  async function call(method, url, body) {
    var response = await fetch(url, {
      method: method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token() },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.ok) { return null; }
    try {
      var problem = await response.json();
      return problem.detail || problem.title || ('HTTP ' + response.status);
    } catch (e) {
      return 'HTTP ' + response.status;
    }
  }

  function show(target, text) {
    if (!target) { return; }
    target.textContent = text;
    target.hidden = false;
  }

  document.addEventListener('click', async function (event) {
    var button = event.target.closest('button');
    var root = button && button.closest('.appraisal[data-assessment]');
    if (!root) { return; }
    var id = root.getAttribute('data-assessment');
    var row = button.closest('tr[data-leaf]');
    var pageProblem = document.getElementById('page-problem');
    var error = null;
    button.disabled = true;
    if (button.classList.contains('workflow-action')) {
      error = await call('POST', '/api/assessments/' + id + '/actions/' + button.getAttribute('data-action'));
    } else if (button.id === 'campaign-publish' || button.id === 'campaign-approve') {
      error = await call('POST', '/api/campaigns/' + root.getAttribute('data-campaign') + '/actions/' + (button.id === 'campaign-publish' ? 'publish' : 'approve'));
    } else if (button.id === 'accept-remaining') {
      error = await call('POST', '/api/assessments/' + id + '/appraisal/accept-remaining');
    } else if (row) {
      var code = encodeURIComponent(row.getAttribute('data-leaf'));
      var version = parseInt(row.getAttribute('data-version'), 10) || 0;
      if (button.classList.contains('accept')) {
        error = await call('PUT', '/api/assessments/' + id + '/appraisal/' + code, { version: version, accept: true, reason: row.querySelector('textarea[name=reason]').value });
      } else if (button.classList.contains('adjust')) {
        var score = row.querySelector('input[name=score]').value.trim();
        error = await call('PUT', '/api/assessments/' + id + '/appraisal/' + code,
          { version: version, accept: false, score: score === '' ? null : score, reason: row.querySelector('textarea[name=reason]').value });
      } else if (button.classList.contains('respond')) {
        error = await call('PUT', '/api/assessments/' + id + '/responses/' + code, { version: version, text: row.querySelector('textarea[name=response]').value });
      } else {
        button.disabled = false;
        return;
      }
    } else {
      button.disabled = false;
      return;
    }

    button.disabled = false;
    if (error) {
      show(row ? row.querySelector('.row-problem') : pageProblem, error);
    } else {
      window.location.reload();
    }
  });
})();
