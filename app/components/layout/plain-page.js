// Min Vej: all the JavaScript a page has (docs/decisions/0026-no-react-in-the-browser.md). React
// renders every page on the server; links and forms are plain and work without this file. It
// adds what only a browser can do, each part driven by attributes the server wrote. Plain script,
// no framework, no inline handlers: the Content-Security-Policy's nonce covers the <script>.
//
// 1. Focus on load: the error summary after a refused form (GOV.UK), else the element marked
//    data-focus-on-load (a "saved" notice, a conflict, the entry that moved; components/ui/focus.ts).
//    An error summary's link moves focus to its field with the field's label in view.
// 2. "Forlad siden hurtigt" (QuickExit.tsx, quick-exit.ts): the link and Shift pressed three
//    times blank the page and replace it in the history.
// 3. The character count under a text box (TextareaField.tsx), politely, as she types.
// 4. The print button (DocumentLinks.tsx) and the copy button (CopyButton.tsx), sent hidden.
// 5. A message's draft kept two seconds after she stops typing (form[data-autosave]).
// 6. The session warning (WCAG 2.2.1): five minutes before the idle sign-out a native modal
//    <dialog> (SessionTimeoutWarning.tsx) asks whether to stay. "Bliv logget ind" and Escape keep
//    the session (POST /session/forny); "Log ud nu" is a plain form, which the page also posts
//    at the end, with reason=timeout. Focus moves into the dialog and back where it was.
/* global document, window, fetch, FormData, URLSearchParams, navigator, clearTimeout, setInterval, clearInterval */
(function () {
  "use strict";

  var summary = document.querySelector(".error-summary");
  var focusTarget = summary || document.querySelector("[data-focus-on-load]");
  if (focusTarget) {
    focusTarget.focus();
    // An address with a #fragment (a redirect to "#eget-maal") moves focus to its target once the
    // page is parsed, which drops focus back to the page when the target cannot take it.
    window.addEventListener("load", function () {
      if (document.activeElement === document.body) focusTarget.focus();
    });
  }
  if (summary) {
    summary.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      field.focus();
      var around = field.closest("fieldset, .field");
      if (around) around.scrollIntoView({ block: "start" });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-max-length]"), function (box) {
    var count = document.getElementById(box.id + "-count");
    if (!count) return;
    var max = Number(box.getAttribute("data-max-length"));
    box.addEventListener("input", function () {
      var left = max - box.value.length;
      var over = left < 0;
      var n = Math.abs(left);
      var words = count.getAttribute(over ? (n === 1 ? "data-over-one" : "data-over") : n === 1 ? "data-left-one" : "data-left");
      count.textContent = (words || "").replace("{count}", String(n));
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (box) {
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    if (!button || !status || !navigator.clipboard) return;
    box.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "";
      navigator.clipboard.writeText(box.getAttribute("data-copy")).then(
        function () {
          status.textContent = box.getAttribute("data-copied");
        },
        function () {
          status.textContent = box.getAttribute("data-failed");
        },
      );
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), function (form) {
    var status = form.querySelector("[data-draft-status]");
    var timer;
    // The route's data address (React Router's single fetch): the action runs, no page is rendered.
    var path = form.getAttribute("action") || window.location.pathname;
    var address = (path === "/" ? "/_root" : path.replace(/\/$/, "")) + ".data";
    function save() {
      var data = new URLSearchParams(new FormData(form));
      data.set("intent", "autosave");
      fetch(address, { method: "POST", body: data, credentials: "same-origin" }).then(function (response) {
        if (!response.ok || !status) return;
        var time = new Date().toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
        status.textContent = (status.getAttribute("data-template") || "").replace("{time}", time);
      }, function () {});
    }
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(save, 2000);
    });
    form.addEventListener("submit", function () {
      clearTimeout(timer);
    });
  });

  function leave(url) {
    document.documentElement.classList.add("quick-exit-leaving");
    document.title = "";
    window.location.replace(url);
  }

  var exit = document.querySelector(".quick-exit");
  var link = exit && exit.querySelector("a");
  var live = exit && exit.querySelector("[aria-live]");
  if (link && live) {
    var presses = Number(exit.getAttribute("data-presses")) || 3;
    var windowMs = Number(exit.getAttribute("data-window-ms")) || 5000;
    var count = 0;
    var lastAt = 0;
    var chord = false;
    var clearStatus;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      leave(link.href);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Shift") {
        chord = false;
        return;
      }
      chord = true;
      count = 0;
      live.textContent = "";
    }, true);
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") return;
      if (chord) {
        chord = false;
        count = 0;
        return;
      }
      var now = Date.now();
      if (count > 0 && now - lastAt > windowMs) count = 0;
      count += 1;
      lastAt = now;
      if (count >= presses) {
        count = 0;
        leave(link.href);
        return;
      }
      live.textContent = exit.getAttribute("data-press-more-" + (presses - count)) || "";
      clearTimeout(clearStatus);
      clearStatus = setTimeout(function () {
        live.textContent = "";
      }, windowMs);
    }, true);
    window.addEventListener("pageshow", function () {
      document.documentElement.classList.remove("quick-exit-leaving");
    });
  }

  var dialog = document.getElementById("session-warning");
  if (!dialog || typeof dialog.showModal !== "function") return;
  var idleMs = Number(dialog.getAttribute("data-idle-ms"));
  var warnMs = Number(dialog.getAttribute("data-warn-ms"));
  var countdown = dialog.querySelector("[data-countdown]");
  var template = countdown.getAttribute("data-template") || "{time}";
  var stayButton = dialog.querySelector("[data-stay]");
  var signOutForm = dialog.querySelector("form[data-sign-out]");
  var lastActivity = Date.now();
  var returnFocus = null;

  function show(left) {
    var seconds = Math.max(0, Math.ceil(left / 1000));
    var seconds2 = String(seconds % 60);
    countdown.textContent = template.replace("{time}", Math.floor(seconds / 60) + ":" + (seconds2.length < 2 ? "0" : "") + seconds2);
    if (dialog.open) return;
    returnFocus = document.activeElement;
    dialog.showModal();
    stayButton.focus();
  }

  function close() {
    if (dialog.open) dialog.close();
  }

  function stay() {
    lastActivity = Date.now();
    close();
    fetch("/session/forny", { method: "POST", credentials: "same-origin" }).catch(function () {});
  }

  dialog.addEventListener("close", function () {
    if (returnFocus && typeof returnFocus.focus === "function") returnFocus.focus();
    returnFocus = null;
  });
  // Escape: counts as staying, as the dialog on the pages with React.
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    stay();
  });
  stayButton.addEventListener("click", stay);

  var timer = setInterval(function () {
    var left = lastActivity + idleMs - Date.now();
    if (left <= 0) {
      clearInterval(timer);
      close();
      // The same sign-out, saying why: the next page says so calmly.
      var reason = document.createElement("input");
      reason.type = "hidden";
      reason.name = "reason";
      reason.value = "timeout";
      signOutForm.appendChild(reason);
      signOutForm.submit();
    } else if (left <= warnMs) {
      show(left);
    }
  }, 1000);
})();
