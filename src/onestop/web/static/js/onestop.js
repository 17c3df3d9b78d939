/* onestop page behaviour. Everything here is an enhancement: each page works without JavaScript.
   Kept in a static file because the Content-Security-Policy forbids inline scripts. */
(function () {
  "use strict";

  /* htmx requests carry the session's CSRF token in a header (forms also carry it in a hidden field). */
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers["X-CSRF-Token"] = meta.getAttribute("content");
    }
  });

  /* After a failed submission (or a revealed number), move focus to what changed so screen readers
     read it first: on a full page load, and after htmx swaps part of the page. */
  function focusMarked() {
    var marked = document.querySelector("[data-focus-on-load]");
    if (marked) {
      marked.removeAttribute("data-focus-on-load");
      marked.focus();
    }
  }
  document.addEventListener("DOMContentLoaded", focusMarked);
  document.addEventListener("htmx:afterSettle", focusMarked);

  /* A "Print" button (the print stylesheet turns the page into a letter). */
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) {
      window.print();
    }
  });
})();
