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

  var english = function () { return document.documentElement.lang === 'en'; };

  function vnTime(utc) {
    if (!utc) { return ''; }
    var d = new Date(new Date(utc.endsWith('Z') ? utc : utc + 'Z').getTime() + 7 * 3600 * 1000);
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return two(d.getUTCDate()) + '/' + two(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear() + ' ' + two(d.getUTCHours()) + ':' + two(d.getUTCMinutes());
  }

  function nextStepText(next) {
    var text = english() ? next.textEnglish : next.text;
    return next.deadline ? text + ' ' + (english() ? 'Deadline of the next step: ' : 'Hạn của bước tiếp theo: ') + vnTime(next.deadline) : text;
  }

  // A workflow step is confirmed in two clicks (ADR 0128): the first shows the checklist from the
  // API (allowed or why not, and what happens next), the second does it.
  async function showChecklist(root, button) {
    var id = root.getAttribute('data-assessment');
    var action = button.getAttribute('data-action');
    var response = await fetch('/api/assessments/' + id + '/checklist/' + action, { credentials: 'same-origin' });
    var old = document.getElementById('action-checklist');
    if (old) { old.remove(); }
    if (!response.ok) { show(document.getElementById('page-problem'), 'HTTP ' + response.status); return; }
    var checklist = await response.json();
    var panel = document.createElement('section');
    panel.id = 'action-checklist';
    panel.className = 'action-checklist';
    panel.setAttribute('data-action', action);
    var title = document.createElement('h2');
    title.textContent = (english() ? 'Confirm: ' : 'Xác nhận: ') + button.textContent.trim();
    panel.appendChild(title);
    if (!checklist.allowed) {
      var refusal = document.createElement('p');
      refusal.className = 'problem';
      refusal.setAttribute('role', 'alert');
      refusal.textContent = (english() && checklist.refusalEnglish) || checklist.refusal;
      panel.appendChild(refusal);
    }
    var next = document.createElement('p');
    next.textContent = (english() ? 'After this step: ' : 'Sau bước này: ') + nextStepText(checklist.next);
    panel.appendChild(next);
    if (checklist.allowed) {
      var confirm = document.createElement('button');
      confirm.type = 'button'; confirm.id = 'confirm-action'; confirm.className = 'primary';
      confirm.setAttribute('data-action', action);
      confirm.textContent = english() ? 'Confirm' : 'Xác nhận';
      panel.appendChild(confirm);
    }
    var cancel = document.createElement('button');
    cancel.type = 'button'; cancel.id = 'cancel-action';
    cancel.textContent = english() ? 'Cancel' : 'Huỷ';
    panel.appendChild(cancel);
    root.querySelector('.actions').after(panel);
    (panel.querySelector('#confirm-action') || cancel).focus();
  }

  // After the reload, the step's outcome and what happens next (kept across the reload).
  function showDone() {
    var done = sessionStorage.getItem('parindex-action-done');
    var root = document.querySelector('.appraisal[data-assessment]');
    if (!done || !root || document.getElementById('action-done')) { return; }
    sessionStorage.removeItem('parindex-action-done');
    var panel = document.createElement('section');
    panel.id = 'action-done'; panel.className = 'action-done'; panel.setAttribute('role', 'status');
    panel.textContent = done;
    root.querySelector('.actions').before(panel);
  }

  document.addEventListener('DOMContentLoaded', showDone);
  if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', showDone); }
  showDone();

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
      await showChecklist(root, button);
      button.disabled = false;
      return;
    } else if (button.id === 'cancel-action') {
      button.closest('#action-checklist').remove();
      return;
    } else if (button.id === 'confirm-action') {
      var action = button.getAttribute('data-action');
      var checklistResponse = await fetch('/api/assessments/' + id + '/checklist/' + action, { credentials: 'same-origin' });
      var nextText = checklistResponse.ok ? nextStepText((await checklistResponse.json()).next) : '';
      error = await call('POST', '/api/assessments/' + id + '/actions/' + action);
      if (!error) { sessionStorage.setItem('parindex-action-done', (english() ? 'Done. ' : 'Đã thực hiện. ') + nextText); }
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
