// If the app's WebAssembly module ever traps or panics, it can no longer save, so the page must
// stop taking input at once and say so. This file is plain JavaScript, loaded before the app,
// so it still works when the module is dead: it listens for the trap (an uncaught
// WebAssembly.RuntimeError, in an event handler or a promise) and for the app's panic hook
// (which calls window.cstwCrash before the module aborts), then shows the dialog in
// index.html as a modal: everything else on the page is inert until the reload.
(function () {
  "use strict";
  var shown = false;
  function show() {
    if (shown) return;
    shown = true;
    var dialog = document.getElementById("crash");
    if (!dialog) return;
    try {
      if (document.fullscreenElement) document.exitFullscreen();
    } catch (e) {}
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el !== dialog) el.inert = true;
    });
    document.documentElement.classList.add("crashed");
    dialog.hidden = false;
    // Esc must not dismiss it: there is nothing to go back to.
    dialog.addEventListener("cancel", function (e) {
      e.preventDefault();
    });
    try {
      dialog.showModal();
    } catch (e) {
      dialog.setAttribute("open", "");
    }
    var button = dialog.querySelector("button");
    if (button) button.focus();
  }
  function isTrap(error, message) {
    if (typeof WebAssembly !== "undefined" && error instanceof WebAssembly.RuntimeError) return true;
    var text = String((error && error.name) || "") + " " + String(message || (error && error.message) || "");
    return /RuntimeError|unreachable|memory access out of bounds/.test(text);
  }
  window.addEventListener("error", function (e) {
    if (isTrap(e.error, e.message)) show();
  });
  window.addEventListener("unhandledrejection", function (e) {
    if (isTrap(e.reason, "")) show();
  });
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("#crash button");
    if (button) {
      button.addEventListener("click", function () {
        window.location.reload();
      });
    }
  });
  window.cstwCrash = show;
})();
