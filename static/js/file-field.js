// A file box in the page's language (forms_app/forms.py, the photo's widget). The browser writes
// its own button and «no file» in its own language, not the page's: «Choose File», «No file
// chosen» on a Kazakh or Russian page, «Файл не выбран» on a Kazakh one. Here the box is hidden
// from sight (still the control a keyboard reaches and a screen reader reads) and a button of
// the page's words opens it, beside the name of the file chosen or the page's «no file». Without
// this script the browser's own box shows, as before.
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-choose]").forEach(function (input) {
    var button = document.createElement("label");
    button.htmlFor = input.id;
    button.className = "file-button";
    button.textContent = input.dataset.choose;
    button.setAttribute("aria-hidden", "true"); // the field's own label names it already
    var chosen = document.createElement("span");
    chosen.className = "file-chosen";
    chosen.setAttribute("aria-hidden", "true"); // the box itself says which file it holds
    function show() {
      chosen.textContent = input.files.length
        ? Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ")
        : input.dataset.none;
    }
    input.classList.add("file-enhanced");
    input.after(button, chosen);
    input.addEventListener("change", show);
    show();
  });
}());
