// Pages on a phone (issue #13).
// 1. The top bar: below 720 px the links and the session fold behind one
// "Trình đơn" button. Folding is done here, not in CSS alone, so that without scripts nothing is
// ever unreachable: the links then wrap under the app's name. Blazor's enhanced navigation
// re-renders the layout, so the set-up runs again after each enhanced load, and clicks are caught
// on the document so the handler survives the re-render.
// 2. Wide tables scroll inside their own box instead of pushing the whole page sideways; the box
// is wrapped here (pages are server-rendered without it) and becomes a named, focusable region
// only when it really scrolls, so keyboard users can scroll it too.
(function () {
  "use strict";

  var english = (document.documentElement.lang || "vi").indexOf("en") === 0;

  function wrapTables() {
    var tables = document.querySelectorAll("main table");
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      var parent = table.parentElement;
      if (!parent.classList.contains("table-scroll")) {
        var box = document.createElement("div");
        box.className = "table-scroll";
        parent.insertBefore(box, table);
        box.appendChild(table);
        parent = box;
      }
      if (parent.scrollWidth > parent.clientWidth + 1) {
        var caption = table.querySelector("caption");
        parent.setAttribute("role", "region");
        parent.setAttribute("tabindex", "0");
        parent.setAttribute("aria-label", caption ? caption.textContent.trim() : (english ? "Table (scrolls sideways)" : "Bảng (cuộn ngang)"));
      }
    }
  }

  function setUp() {
    wrapTables();
    var bar = document.querySelector(".topbar");
    var button = bar && bar.querySelector(".menu-button");
    if (!button) { return; }
    button.hidden = false;
    bar.classList.add("collapsible");
    bar.classList.remove("open");
    button.setAttribute("aria-expanded", "false");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".topbar .menu-button");
    if (!button) { return; }
    var bar = button.closest(".topbar");
    var open = !bar.classList.contains("open");
    bar.classList.toggle("open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var bar = document.querySelector(".topbar.open");
    if (!bar) { return; }
    bar.classList.remove("open");
    var button = bar.querySelector(".menu-button");
    button.setAttribute("aria-expanded", "false");
    button.focus();
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
  if (window.Blazor && window.Blazor.addEventListener) {
    window.Blazor.addEventListener("enhancedload", setUp);
  }
})();
