// A change list's words whole, unless the list could not fit its box so. On a desktop a cell's
// words break between words only, a cell at most 12em wide (static/css/admin.css), which sizes
// each column no narrower than its longest word up to that: beside the menu and the filters at
// 1280 px a list of many columns (the outbox, the sign-in log) or of long words (the request
// phrases' «автоматтандырылған») is then wider than its box, and would scroll sideways, its
// last columns out of sight. Such a list is marked `narrower` (a cell at most 8em wide: only a
// longer word breaks) and, if still too wide, `squeezed` (a cell's words break where they must,
// as every list's did before, in every list: «Қаз|ақ|ша», «R-|1»). Looked at again when the
// box changes width (the menu opened or closed, the window resized) and once the font is in.
(function () {
  "use strict";
  var table = document.getElementById("result_list");
  var box = table && table.closest(".results");
  if (!box || !window.ResizeObserver) {
    return;
  }
  var steps = ["narrower", "squeezed"];
  var width = null;
  function fit() {
    if (box.clientWidth === width) {
      return; // a row grown taller, not the box narrower
    }
    width = box.clientWidth;
    table.classList.remove.apply(table.classList, steps);
    for (var i = 0; i < steps.length && box.scrollWidth > box.clientWidth; i++) {
      table.classList.add(steps[i]);
    }
  }
  fit();
  new ResizeObserver(fit).observe(box);
  if (document.fonts) {
    // The site's font, once loaded, sets the words wider or narrower than the fallback did.
    document.fonts.ready.then(function () {
      width = null;
      fit();
    });
  }
})();
