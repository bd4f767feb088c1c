// Min Vej: what a signed-in page without React still needs in the browser (root.tsx adds this
// file to a page whose route has `handle.hydrate === false`). Plain script, no framework, no
// inline handlers: the Content-Security-Policy's nonce covers the <script> element.
//
// 1. The session warning (WCAG 2.2.1): five minutes before the idle sign-out a native modal
//    <dialog> (PlainSessionWarning.tsx) asks whether to stay. "Bliv logget ind" and Escape keep
//    the session (POST /session/forny); "Log ud nu" is a plain form, which the page also posts
//    at the end, with reason=timeout. Focus moves into the dialog and back where it was.
// 2. "Forlad siden hurtigt" (QuickExit.tsx, quick-exit.ts): the link and Shift pressed three
//    times blank the page and replace it in the history, as on the pages with React.
/* global document, window, fetch, clearTimeout, setInterval, clearInterval */
(function () {
  "use strict";

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
