// A page that answered a post (a form come back with its errors, a person's page after a
// button) stands in the browser's history as that post: Back to it, from the next page, asked
// to send the post again («Confirm form resubmission», ERR_CACHE_MISS), as the site lets no
// browser keep a copy of a form (Cache-Control: no-store). Once the visitor sends a form from
// it, the entry is made its address's plain page: Back opens it anew, the browser putting
// back what was typed on it. Without leaving by a form (a reload), the post stays what it was,
// and what the page shows comes back with it. Without this script, the browser asks as before.
(function () {
  "use strict";
  window.addEventListener("submit", function (event) {
    if (!event.defaultPrevented) { // not a post the page makes in the background (the banner's)
      history.replaceState(history.state, "", location.href);
    }
  });
})();
