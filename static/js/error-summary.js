// A link of a form's error summary (forms_app/templates/forms_app/_error_summary.html) leads to
// its field's control. The browser scrolled that control itself to the top of the screen: the
// field's name, its hint and the message saying what is wrong, which stand above the box, were
// scrolled away, and on a phone the visitor met an empty box with nothing to say what it was.
// Here the field is brought into view from its name (or, for radio buttons, the question of
// their fieldset) down, and the control takes the focus where it stands. A field taller than the
// screen (the phone's largest text) shows its box at the screen's foot, with as much of what
// stands above it (its message first) as fits. Without this script the browser scrolls as
// before.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".error-summary a[href^='#']");
    var control = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    var field = control && control.closest("fieldset, .field");
    if (!field) {
      return;
    }
    var above = parseFloat(getComputedStyle(field).scrollMarginTop) || 0;
    var below = parseFloat(getComputedStyle(control).scrollMarginBottom) || 0;
    var room = control.getBoundingClientRect().bottom - field.getBoundingClientRect().top;
    room += above + below;
    event.preventDefault();
    if (room > window.innerHeight) { // the largest text: the box at the foot, its message over it
      control.scrollIntoView({ block: "end" });
    } else {
      field.scrollIntoView({ block: "start" });
    }
    control.focus({ preventScroll: true });
  });
})();
