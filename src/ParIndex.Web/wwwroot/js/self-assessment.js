// Autosave of the self-assessment page: each leaf is posted to the JSON API when it changes, and
// the totals are updated from the response. Event delegation keeps it working after Blazor's
// enhanced navigation replaces the page content.
(function () {
  'use strict';

  function formatPoints(value) {
    var rounded = Math.round(value * 10000) / 10000;
    var parts = Math.abs(rounded).toFixed(4).split('.');
    var integer = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    var decimals = parts[1].replace(/0+$/, '');
    return (rounded < 0 ? '-' : '') + integer + (decimals ? ',' + decimals : '');
  }

  // The points column keeps one number of decimals, as the server wrote it (ColumnDecimals): each
  // cell holds its value in data-points, and after a save every cell is written again with as many
  // decimals as the most precise value needs (at most 4).
  function neededDecimals(value) {
    var text = (Math.round(value * 10000) / 10000).toFixed(4).replace(/0+$/, '');
    return text.length - text.indexOf('.') - 1;
  }

  function formatFixed(value, decimals) {
    var parts = Math.abs(value).toFixed(decimals).split('.');
    var integer = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (value < 0 ? '-' : '') + integer + (parts[1] ? ',' + parts[1] : '');
  }

  function setPoints(cell, value) {
    if (!cell) { return; }
    if (value === null) {
      cell.removeAttribute('data-points');
      cell.textContent = '–';
    } else {
      cell.setAttribute('data-points', String(value));
    }
  }

  function realignPoints() {
    var cells = document.querySelectorAll('.node-points[data-points]');
    var decimals = 0;
    cells.forEach(function (c) { decimals = Math.max(decimals, neededDecimals(parseFloat(c.getAttribute('data-points')))); });
    cells.forEach(function (c) { c.textContent = formatFixed(parseFloat(c.getAttribute('data-points')), decimals); });
  }

  function token() {
    var meta = document.querySelector('meta[name="xsrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function assessmentOf(element) {
    var root = element.closest('[data-assessment]');
    return root ? root.getAttribute('data-assessment') : null;
  }

  async function problemOf(response) {
    try {
      return await response.json();
    } catch (e) {
      return null;
    }
  }

  function problemMessage(problem, response) {
    return (problem && (problem.detail || problem.title)) || ('HTTP ' + response.status);
  }

  async function problemText(response) {
    return problemMessage(await problemOf(response), response);
  }

  // The page's words in its language: the Razor page renders them as data-text-* attributes on the
  // [data-assessment] element (no inline script: the CSP forbids it). Vietnamese when absent.
  function pageText(element, key, fallback) {
    var root = element.closest('[data-assessment]');
    return (root && root.getAttribute('data-text-' + key)) || fallback;
  }

  function setState(leaf, text, isError) {
    var state = leaf.querySelector('.save-state');
    if (state) {
      state.textContent = text;
      state.classList.toggle('failed', !!isError);
    }
  }

  // Checks a score or figure field with the server's rules (figure-numbers.js, ADR 0007) and shows
  // beside it what will be saved ("= 14.000") or why it cannot be.
  function checkField(input) {
    var figures = window.ParIndexFigures;
    var label = input.closest('label');
    var output = label && label.nextElementSibling && label.nextElementSibling.matches('output.field-check') ? label.nextElementSibling : null;
    if (!figures) { return true; }
    var kind = input.getAttribute('data-kind');
    var reading = kind ? figures.read(input.value, kind) : figures.readScore(input.value);
    var valid = reading.ok || reading.error === 'empty';
    input.classList.toggle('invalid', !valid);
    if (valid) { input.removeAttribute('aria-invalid'); } else { input.setAttribute('aria-invalid', 'true'); }
    if (output) {
      output.classList.toggle('invalid', !valid);
      output.textContent = reading.ok ? '= ' + reading.display : valid ? '' : (document.documentElement.lang === 'en' ? reading.messageEn : reading.message);
    }
    return valid;
  }

  function checkLeaf(leaf) {
    var valid = true;
    leaf.querySelectorAll('input[name="score"], input[data-figure]').forEach(function (input) {
      if (!checkField(input)) { valid = false; }
    });
    return valid;
  }

  // Field errors of a refused save go beside their fields: {"figures.numerator": ["…"]}.
  function showFieldErrors(leaf, problem) {
    if (!problem || !problem.errors) { return; }
    Object.keys(problem.errors).forEach(function (field) {
      var name = field.indexOf('figures.') === 0 ? field.substring(8) : field;
      var input = name === 'score' ? leaf.querySelector('input[name="score"]') : leaf.querySelector('input[data-figure="' + CSS.escape(name) + '"]');
      var label = input && input.closest('label');
      var output = label && label.nextElementSibling && label.nextElementSibling.matches('output.field-check') ? label.nextElementSibling : null;
      if (output) {
        output.textContent = problem.errors[field].join(' ');
        output.classList.add('invalid');
        input.classList.add('invalid');
      }
    });
  }

  function collect(leaf) {
    var body = { version: parseInt(leaf.getAttribute('data-version'), 10) || 0 };
    var score = leaf.querySelector('input[name="score"]');
    if (score) { body.score = score.value.trim() === '' ? null : score.value.trim(); }
    var level = leaf.querySelector('select[name="level"]');
    if (level) { body.level = level.value || null; }
    var figures = leaf.querySelectorAll('input[data-figure]');
    if (figures.length) {
      body.figures = {};
      figures.forEach(function (input) {
        if (input.value.trim() !== '') { body.figures[input.getAttribute('data-figure')] = input.value.trim(); }
      });
    }
    var na = leaf.querySelector('input[name="notApplicable"]');
    body.notApplicable = !!(na && na.checked);
    var explanation = leaf.querySelector('textarea[name="explanation"]');
    body.explanation = explanation ? explanation.value : '';
    return body;
  }

  function applyTotals(result) {
    var totals = result.totals;
    var set = function (id, text) { var el = document.getElementById(id); if (el) { el.textContent = text; } };
    set('total-points', formatPoints(totals.points));
    setPoints(document.getElementById('total-points-row'), totals.points);
    set('total-share', totals.selfAssessedShareText);
    set('leaves-done', String(totals.leavesDone));
    set('leaves-todo', String(totals.leavesTotal - totals.leavesDone));
    set('leaves-flagged', String(totals.leavesFlagged));
    var flagged = document.getElementById('leaves-flagged');
    if (flagged) { flagged.classList.toggle('warn', totals.leavesFlagged > 0); }
    totals.fields.forEach(function (field) {
      var row = document.querySelector('tr[data-field="' + field.code + '"] .field-points');
      if (row) { row.textContent = formatPoints(field.points); }
    });
    Object.keys(result.nodePoints).forEach(function (code) {
      var cell = document.querySelector('tr[data-node="' + CSS.escape(code) + '"] .node-points');
      if (code !== result.leaf.code) { setPoints(cell, result.nodePoints[code]); }
    });
    realignPoints();
  }

  function applyLeaf(leafElement, leaf) {
    leafElement.setAttribute('data-version', String(leaf.version));
    leafElement.classList.toggle('flagged', leaf.needsJustification);
    leafElement.classList.toggle('done', leaf.done);
    leafElement.classList.toggle('todo', !leaf.done);
    leafElement.querySelector('.memo').textContent = leaf.memo || '';
    leafElement.querySelector('.error').textContent = leaf.error || '';
    var flag = leafElement.querySelector('.flag');
    if (flag) { flag.hidden = !leaf.needsJustification; }
    var cell = leafElement.closest('tr').querySelector('.node-points');
    setPoints(cell, leaf.points === null && !leaf.notApplicable ? null : (leaf.points || 0));
  }

  // One document in a leaf's list: link, number and date of issue as the server read them (so a
  // typo shows at once), uploader, and the delete button.
  function appendEvidence(leaf, evidence, canDelete) {
    var item = document.createElement('li');
    item.setAttribute('data-evidence', evidence.id);
    var link = document.createElement('a');
    link.href = '/api/assessments/' + assessmentOf(leaf) + '/evidence/' + evidence.id;
    link.textContent = evidence.fileName;
    item.appendChild(link);
    var meta = document.createElement('span');
    meta.className = 'evidence-meta';
    var issued = evidence.documentDate ? evidence.documentDate.split('-').reverse().join('/') : '';
    meta.textContent = ' ' + (evidence.documentNumber ? ' · ' + evidence.documentNumber : '') + (issued ? ' · ' + issued : '') + ' · ' + evidence.uploadedBy + ' ';
    item.appendChild(meta);
    if (canDelete) {
      var remove = document.createElement('button');
      remove.type = 'button'; remove.className = 'link delete-evidence'; remove.textContent = pageText(leaf, 'delete', 'Xoá');
      remove.setAttribute('aria-label', remove.textContent + ' ' + evidence.fileName);
      item.appendChild(remove);
    }
    leaf.querySelector('.evidence-list').appendChild(item);
  }

  var pending = new WeakMap();

  async function save(leafElement) {
    var id = assessmentOf(leafElement);
    var code = leafElement.getAttribute('data-code');
    if (!id || !code) { return; }
    if (!checkLeaf(leafElement)) {
      // Nothing invalid is sent: the message is already beside the field.
      setState(leafElement, pageText(leafElement, 'invalid-number', 'Chưa lưu: hãy sửa số chưa hợp lệ'), true);
      return;
    }
    if (pending.get(leafElement)) { pending.set(leafElement, 'again'); return; }
    pending.set(leafElement, 'busy');
    setState(leafElement, pageText(leafElement, 'saving', 'Đang lưu…'), false);
    try {
      var response = await fetch('/api/assessments/' + id + '/leaves/' + encodeURIComponent(code), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token() },
        credentials: 'same-origin',
        body: JSON.stringify(collect(leafElement))
      });
      if (response.ok) {
        var result = await response.json();
        applyLeaf(leafElement, result.leaf);
        applyTotals(result);
        setState(leafElement, pageText(leafElement, 'saved', 'Đã lưu') + ' ✓', false);
      } else {
        var problem = await problemOf(response);
        leafElement.querySelector('.error').textContent = problemMessage(problem, response);
        showFieldErrors(leafElement, problem);
        setState(leafElement, pageText(leafElement, 'not-saved', 'Chưa lưu'), true);
        if (response.status === 409) { pending.delete(leafElement); return; }
      }
    } catch (e) {
      setState(leafElement, pageText(leafElement, 'offline', 'Mất kết nối: chưa lưu'), true);
    }
    var again = pending.get(leafElement) === 'again';
    pending.delete(leafElement);
    if (again) { save(leafElement); }
  }

  var timers = new WeakMap();

  document.addEventListener('change', function (event) {
    var leaf = event.target.closest && event.target.closest('.leaf[data-code]');
    if (!leaf || event.target.closest('.evidence-form')) { return; }
    clearTimeout(timers.get(leaf));
    save(leaf);
  });

  document.addEventListener('input', function (event) {
    if (event.target.matches && event.target.matches('.leaf input[name="score"], .leaf input[data-figure]')) {
      checkField(event.target);
      return;
    }
    if (!event.target.matches || !event.target.matches('textarea[name="explanation"]')) { return; }
    var leaf = event.target.closest('.leaf[data-code]');
    clearTimeout(timers.get(leaf));
    timers.set(leaf, setTimeout(function () { save(leaf); }, 1500));
  });

  document.addEventListener('click', async function (event) {
    var target = event.target;
    if (!target.closest) { return; }
    var upload = target.closest('.upload-evidence');
    if (upload) {
      var leaf = upload.closest('.leaf[data-code]');
      var form = upload.closest('.evidence-form');
      var file = form.querySelector('input[type="file"]');
      if (!file.files.length) { setState(leaf, pageText(leaf, 'no-file', 'Chưa chọn tệp'), true); return; }
      var data = new FormData();
      data.append('file', file.files[0]);
      data.append('leafCodes', leaf.getAttribute('data-code'));
      data.append('documentNumber', form.querySelector('input[name="documentNumber"]').value);
      data.append('documentDate', form.querySelector('input[name="documentDate"]').value);
      data.append('__RequestVerificationToken', token());
      setState(leaf, pageText(leaf, 'uploading', 'Đang tải lên…'), false);
      var response = await fetch('/api/assessments/' + assessmentOf(leaf) + '/evidence', {
        method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': token() }
      });
      if (response.ok) {
        var evidence = await response.json();
        appendEvidence(leaf, evidence, true);
        var count = leaf.querySelector('.evidence-count');
        count.textContent = String(leaf.querySelectorAll('.evidence-list li').length);
        file.value = '';
        form.querySelector('input[name="documentNumber"]').value = '';
        form.querySelector('input[name="documentDate"]').value = '';
        setState(leaf, pageText(leaf, 'uploaded', 'Đã tải lên') + ' ✓', false);
        save(leaf); // refreshes the flags and totals
      } else {
        setState(leaf, await problemText(response), true);
      }
      return;
    }
    var reuse = target.closest('.reuse-evidence');
    if (reuse) {
      var reuseLeaf = reuse.closest('.leaf[data-code]');
      var picker = reuse.closest('.evidence-reuse').querySelector('select[name="reuseEvidence"]');
      if (!picker.value) { setState(reuseLeaf, pageText(reuseLeaf, 'no-file', 'Chưa chọn tệp'), true); return; }
      var attached = await fetch('/api/assessments/' + assessmentOf(reuseLeaf) + '/evidence/' + encodeURIComponent(picker.value) + '/leaves', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token() },
        body: JSON.stringify({ leafCodes: [reuseLeaf.getAttribute('data-code')] })
      });
      if (attached.ok) {
        appendEvidence(reuseLeaf, await attached.json(), true);
        reuseLeaf.querySelector('.evidence-count').textContent = String(reuseLeaf.querySelectorAll('.evidence-list li').length);
        picker.querySelector('option[value="' + CSS.escape(picker.value) + '"]').remove();
        setState(reuseLeaf, pageText(reuseLeaf, 'attached', 'Đã gắn tài liệu') + ' ✓', false);
        save(reuseLeaf); // refreshes the flags and totals
      } else {
        setState(reuseLeaf, await problemText(attached), true);
      }
      return;
    }
    var del = target.closest('.delete-evidence');
    if (del) {
      var leafElement = del.closest('.leaf[data-code]');
      var li = del.closest('li[data-evidence]');
      var deleted = await fetch('/api/assessments/' + assessmentOf(del) + '/evidence/' + li.getAttribute('data-evidence'), {
        method: 'DELETE', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': token() }
      });
      if (deleted.ok) {
        li.remove();
        leafElement.querySelector('.evidence-count').textContent = String(leafElement.querySelectorAll('.evidence-list li').length);
        save(leafElement);
      } else {
        setState(leafElement, await problemText(deleted), true);
      }
    }
  });
})();
