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

  /* After a failed submission, move focus to the error summary so screen readers read it first. */
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) {
      summary.focus();
    }
  });
})();
