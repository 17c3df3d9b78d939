/* Drag-and-drop for file inputs inside [data-dropzone]. An enhancement only: the plain file input
   still works (and is what keyboard and screen-reader users use); a dropped file is put into it. */
(function () {
  "use strict";

  function enhance(zone) {
    var input = zone.querySelector('input[type="file"]');
    if (!input || typeof DataTransfer === "undefined") {
      return;
    }
    var hint = zone.querySelector(".dropzone__hint");
    zone.classList.add("dropzone--ready");
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add("dropzone--over");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () {
        zone.classList.remove("dropzone--over");
      });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      var files = event.dataTransfer && event.dataTransfer.files;
      if (!files || !files.length) {
        return;
      }
      var chosen = new DataTransfer();
      chosen.items.add(files[0]);
      input.files = chosen.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    input.addEventListener("change", function () {
      if (hint && input.files && input.files.length) {
        hint.textContent = input.files[0].name;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-dropzone]"), enhance);
  });
})();
