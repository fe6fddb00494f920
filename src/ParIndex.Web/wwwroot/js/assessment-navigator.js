// The self-assessment page's navigation (ADR 0128): one field at a time (one criterion on a phone)
// with previous/next, the tree's links, "go to code", search over titles, guidance and explanations,
// and the filters. Hidden rows are not in the tab order, so a page has tens of tab stops, not hundreds.
(function () {
  'use strict';

  var phone = window.matchMedia('(max-width: 640px)');

  function fold(text) {
    return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }

  function text(root, key, fallback) {
    return root.getAttribute('data-text-' + key) || fallback;
  }

  function setup(root) {
    if (root.getAttribute('data-navigator') === 'on') { return; }
    var nav = document.getElementById('assessment-nav');
    if (!nav) { return; }
    root.setAttribute('data-navigator', 'on');
    var rows = Array.prototype.slice.call(root.querySelectorAll('table.tree tbody tr[data-node]'));
    rows.forEach(function (row) { row.setAttribute('data-folded', fold(row.getAttribute('data-search'))); });
    var state = { key: null, filter: '', query: '' };
    var pager = document.getElementById('group-pager');
    var position = document.getElementById('group-position');
    var count = document.getElementById('nav-count');
    var noMatch = document.getElementById('no-match');
    var totalRow = root.querySelector('table.tree tr.total-row');

    function keyOf(row) { return row.getAttribute(phone.matches ? 'data-group' : 'data-in-field'); }

    function keys() {
      var seen = [];
      rows.forEach(function (row) { var k = keyOf(row); if (seen.indexOf(k) < 0) { seen.push(k); } });
      return seen;
    }

    function matches(row) {
      if (state.filter && row.getAttribute('data-' + state.filter) !== '1') { return false; }
      return !state.query || row.getAttribute('data-folded').indexOf(state.query) >= 0;
    }

    function apply() {
      var all = keys();
      if (!state.key || all.indexOf(state.key) < 0) { state.key = all[0]; }
      var searching = !!(state.filter || state.query);
      var shown = 0;
      if (searching) {
        // Leaves that match, with the groups above them so that each keeps its context.
        var visible = {};
        rows.forEach(function (row) {
          if (row.classList.contains('leaf-row') && matches(row)) {
            var code = row.getAttribute('data-node');
            visible[code] = true;
            shown++;
            rows.forEach(function (other) {
              var c = other.getAttribute('data-node');
              if (code.indexOf(c + '.') === 0) { visible[c] = true; }
            });
          }
        });
        rows.forEach(function (row) { row.hidden = !visible[row.getAttribute('data-node')]; });
        count.textContent = shown + ' / ' + rows.filter(function (r) { return r.classList.contains('leaf-row'); }).length;
        noMatch.hidden = shown > 0;
        noMatch.textContent = text(root, 'no-match', 'Không có tiêu chí nào khớp.');
      } else {
        rows.forEach(function (row) { row.hidden = keyOf(row) !== state.key; });
        count.textContent = '';
        noMatch.hidden = true;
      }
      if (totalRow) { totalRow.hidden = searching; }
      pager.hidden = searching;
      var index = all.indexOf(state.key);
      position.textContent = (index + 1) + ' / ' + all.length + ' · ' + state.key;
      document.getElementById('group-prev').disabled = index <= 0;
      document.getElementById('group-next').disabled = index >= all.length - 1;
      nav.querySelectorAll('details[data-nav-field]').forEach(function (details) {
        var current = !searching && state.key && (state.key === details.getAttribute('data-nav-field') || state.key.indexOf(details.getAttribute('data-nav-field') + '.') === 0);
        if (current) { details.open = true; details.querySelector('summary').setAttribute('aria-current', 'true'); } else { details.querySelector('summary').removeAttribute('aria-current'); }
      });
    }

    function reveal(code) {
      var row = rows.filter(function (r) { return r.getAttribute('data-node') === code; })[0];
      if (!row) { return null; }
      if (row.hidden) {
        state.filter = ''; state.query = '';
        var all = nav.querySelector('input[name="nav-filter"][value=""]');
        if (all) { all.checked = true; }
        document.getElementById('nav-search').value = '';
        state.key = keyOf(row);
        apply();
      }
      return row;
    }

    function go(code) {
      var row = reveal(code.trim());
      if (!row) {
        count.textContent = text(root, 'not-found', 'Không có mã') + ' ' + code.trim();
        return;
      }
      row.scrollIntoView({ block: 'start' });
      var focusable = row.querySelector('input, select, textarea, a, summary');
      (focusable || row).focus();
    }

    document.getElementById('group-prev').addEventListener('click', function () {
      var all = keys(); state.key = all[Math.max(0, all.indexOf(state.key) - 1)]; apply(); pager.scrollIntoView({ block: 'nearest' });
    });
    document.getElementById('group-next').addEventListener('click', function () {
      var all = keys(); state.key = all[Math.min(all.length - 1, all.indexOf(state.key) + 1)]; apply(); pager.scrollIntoView({ block: 'nearest' });
    });
    document.getElementById('nav-search').addEventListener('input', function (event) { state.query = fold(event.target.value.trim()); apply(); });
    nav.querySelectorAll('input[name="nav-filter"]').forEach(function (radio) {
      radio.addEventListener('change', function () { state.filter = radio.value; apply(); });
    });
    document.getElementById('nav-go').addEventListener('click', function () { go(document.getElementById('nav-code').value); });
    document.getElementById('nav-code').addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); go(event.target.value); }
    });
    nav.querySelectorAll('details[data-nav-field] > summary').forEach(function (summary) {
      summary.addEventListener('click', function (event) {
        var details = summary.parentElement;
        var field = details.getAttribute('data-nav-field');
        var wasOpen = details.open;
        if (!state.filter && !state.query) {
          state.key = phone.matches ? keys().filter(function (k) { return k === field || k.indexOf(field + '.') === 0; })[0] : field;
          apply();
          // apply() opened the field; the browser's own toggle would close it again. A second click still closes it.
          if (!wasOpen) { event.preventDefault(); }
        }
      });
    });
    // Links to a row (the tree, the checklist): show its group and go there without leaving the page
    // (the links carry the page's path for readers without script; Blazor must not navigate them).
    root.addEventListener('click', function (event) {
      var link = event.target.closest && event.target.closest('a[href*="#n-"]');
      if (!link || link.pathname !== location.pathname || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      event.preventDefault();
      event.stopPropagation();
      var code = decodeURIComponent(link.hash.substring(3));
      history.replaceState(history.state, '', location.pathname + location.search + '#n-' + encodeURIComponent(code));
      go(code);
    });
    phone.addEventListener('change', function () { state.key = null; apply(); });
    if (location.hash.indexOf('#n-') === 0) { reveal(decodeURIComponent(location.hash.substring(3))); }
    apply();
    pager.hidden = !!(state.filter || state.query);
  }

  function init() {
    var root = document.querySelector('.assessment[data-assessment]');
    if (root) { setup(root); }
  }

  document.addEventListener('DOMContentLoaded', init);
  if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', init); }
  init();
})();
