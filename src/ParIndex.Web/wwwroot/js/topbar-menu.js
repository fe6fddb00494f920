// The top bar's menu button on a phone (issue 13): folds the links behind one button. The click is
// handled on the document, so it survives Blazor's enhanced navigation patching the header.
(function () {
  'use strict';

  function init() {
    var bar = document.querySelector('header.topbar');
    if (!bar) { return; }
    bar.classList.add('menu-ready');
    bar.classList.remove('menu-open');
    var toggle = document.getElementById('menu-toggle');
    if (toggle) { toggle.setAttribute('aria-expanded', 'false'); }
  }

  document.addEventListener('click', function (event) {
    var toggle = event.target.closest && event.target.closest('#menu-toggle');
    if (!toggle) { return; }
    var bar = toggle.closest('header.topbar');
    var open = bar.classList.toggle('menu-open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });

  document.addEventListener('DOMContentLoaded', init);
  if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', init); }
  init();
})();
