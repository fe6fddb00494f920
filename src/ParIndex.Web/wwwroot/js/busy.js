// Progress for work that takes more than a moment (ADR 0129): document downloads, imports,
// publication. One pattern for the whole app:
//   <a href="/api/…/export?format=pdf" data-busy="download">PDF</a>
//     fetched in the page: the link shows a busy state, a status line says what is happening and
//     then "downloaded" or the server's message, and the file is saved under the server's name.
//   <form data-busy="Đang nhập tệp…"> … </form>
//     on submit the submit button is marked busy (not disabled: an enhanced post re-renders the
//     page, and a page that did not would leave a dead button) and the status line shows the text.
//   <button data-busy="Đang công bố…"> handled by another script that disables the button while
//     it works (appraisal.js: publication, approval): busy until the button is enabled again.
// The official documents' links (a.download[download]) are fetched the same way.
// The status line is one aria-live region, so screen readers hear each step.
(function () {
  "use strict";

  var english = (document.documentElement.lang || "vi").indexOf("en") === 0;
  var words = english
    ? { preparing: "Preparing the file…", done: "Downloaded: ", failed: "The download failed: ", working: "Working…", network: "the server could not be reached." }
    : { preparing: "Đang tạo tệp…", done: "Đã tải xong: ", failed: "Không tải được: ", working: "Đang xử lý…", network: "không kết nối được máy chủ." };

  function statusLine() {
    var line = document.getElementById("busy-status");
    if (!line) {
      line = document.createElement("p");
      line.id = "busy-status";
      line.className = "busy-status";
      line.setAttribute("role", "status");
      line.setAttribute("aria-live", "polite");
      document.body.appendChild(line);
    }
    return line;
  }

  function say(text, failed) {
    var line = statusLine();
    line.textContent = text;
    line.classList.toggle("failed", !!failed);
    line.hidden = text === "";
  }

  function fileName(response, href) {
    var disposition = response.headers.get("Content-Disposition") || "";
    var star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (star) { return decodeURIComponent(star[1]); }
    var plain = /filename="?([^";]+)"?/i.exec(disposition);
    if (plain) { return plain[1]; }
    return href.split("?")[0].split("/").pop() || "download";
  }

  async function problemText(response) {
    try {
      var problem = await response.json();
      return problem.detail || problem.title || String(response.status);
    } catch (e) {
      return String(response.status);
    }
  }

  async function download(link) {
    if (link.getAttribute("aria-busy") === "true") { return; }
    link.setAttribute("aria-busy", "true");
    link.classList.add("busy");
    say(words.preparing, false);
    try {
      var response = await fetch(link.href, { credentials: "same-origin" });
      if (!response.ok) {
        say(words.failed + await problemText(response), true);
        return;
      }
      var blob = await response.blob();
      var name = fileName(response, link.getAttribute("href"));
      var url = URL.createObjectURL(blob);
      var save = document.createElement("a");
      save.href = url;
      save.download = name;
      document.body.appendChild(save);
      save.click();
      save.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      say(words.done + name, false);
    } catch (e) {
      say(words.failed + words.network, true);
    } finally {
      link.removeAttribute("aria-busy");
      link.classList.remove("busy");
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-busy='download'], a.download[download]");
    // A click with a modifier (new tab, save as) keeps the browser's own behaviour.
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    download(link);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-busy]")) { return; }
    var text = form.getAttribute("data-busy") || words.working;
    var button = event.submitter || form.querySelector("button[type='submit'], button:not([type])");
    if (button) {
      button.setAttribute("aria-busy", "true");
      button.classList.add("busy");
    }
    form.setAttribute("aria-busy", "true");
    say(text, false);
  });

  // Campaign-wide steps of the appraisal page (appraisal.js disables the button while the request runs).
  var steps = { "campaign-publish": english ? "Publishing the results…" : "Đang công bố kết quả…", "campaign-approve": english ? "Approving…" : "Đang phê duyệt…" };
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-busy], #campaign-publish, #campaign-approve");
    if (!button || button.form && button.form.matches("form[data-busy]")) { return; }
    button.setAttribute("aria-busy", "true");
    button.classList.add("busy");
    say(button.getAttribute("data-busy") || steps[button.id] || words.working, false);
    var watcher = new MutationObserver(function () {
      if (!button.disabled) {
        watcher.disconnect();
        button.removeAttribute("aria-busy");
        button.classList.remove("busy");
        say("", false);
      }
    });
    watcher.observe(button, { attributes: true, attributeFilter: ["disabled"] });
  });

  // An enhanced form post re-renders the page: whatever was busy is done.
  function settle() {
    document.querySelectorAll("[aria-busy='true']").forEach(function (element) {
      element.removeAttribute("aria-busy");
      element.classList.remove("busy");
    });
    var line = document.getElementById("busy-status");
    if (line && !line.classList.contains("failed")) { line.hidden = true; }
  }
  if (window.Blazor && window.Blazor.addEventListener) {
    window.Blazor.addEventListener("enhancedload", settle);
  }
  window.addEventListener("pageshow", settle);
})();
