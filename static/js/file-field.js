// A file box in the page's language (forms_app/forms.py, the photo's widget). The browser writes
// its own button and «no file» in its own language, not the page's: «Choose File», «No file
// chosen» on a Kazakh or Russian page, «Файл не выбран» on a Kazakh one. Here the box is hidden
// from sight (still the control a keyboard reaches and a screen reader reads) and a button of
// the page's words opens it, beside the name of the file chosen or the page's «no file». Without
// this script the browser's own box shows, as before.
//
// A photo over the site's limit (data-max-bytes) is refused as it is chosen, with the site's own
// message (data-too-big) read out at once: a phone's 12 MB photo was sent whole, minutes on a
// slow network, to be refused by the site, or cut off by the proxy with everything typed lost.
// The box is emptied, so the form can still be sent without it. So is a file of 0 bytes (a photo
// still downloading from the phone's cloud), with its own message (data-empty).
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
    var limit = Number(input.dataset.maxBytes) || 0;
    var field = input.closest(".field");
    var erred = field.classList.contains("field-error"); // the server's error, kept as it came
    var described = input.getAttribute("aria-describedby") || "";
    var note = document.createElement("p");
    note.className = "error-message";
    note.id = input.id + "_too_big";
    note.setAttribute("role", "alert"); // read out when it is filled, wherever focus is
    function refuse(message) {
      note.textContent = "";
      if (message) {
        var label = document.createElement("span");
        label.className = "visually-hidden";
        label.textContent = input.dataset.error;
        note.append(label, " " + message);
        input.value = ""; // not sent: the form goes without it
      }
      field.classList.toggle("field-error", Boolean(message) || erred);
      input.setAttribute("aria-invalid", String(Boolean(message) || erred));
      var ids = message ? note.id + " " + described : described;
      if (ids.trim()) {
        input.setAttribute("aria-describedby", ids.trim());
      }
    }
    function show() {
      var files = Array.prototype.slice.call(input.files);
      var big = limit > 0 && files.some(function (f) { return f.size > limit; });
      var empty = files.some(function (f) { return f.size === 0; });
      refuse(big ? input.dataset.tooBig : empty ? input.dataset.empty || "" : "");
      chosen.textContent = input.files.length
        ? Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ")
        : input.dataset.none;
    }
    input.classList.add("file-enhanced");
    input.before(note);
    input.after(button, chosen);
    input.addEventListener("change", show);
    show();
  });
}());
