// The cookie banner answered where the visitor is (docs/architecture.md, "Cookie banner").
// Its buttons post a form and come back to the same page: on a page with a form of its own they
// post that form, as typed, and the page shows it again, but a file attached to it is lost. Here
// the answer alone is sent in the background and the banner goes; the page and what was typed
// stay. The response does what the posted form's does (the cookie, the record, the analytics
// cookies expired on Reject); the analytics load from the next page, whose CSP allows them.
// Without this script, or if the background post fails, the buttons post as before.
(function () {
  "use strict";
  var form = document.querySelector("form[data-in-place]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var banner = form.closest(".cookie-banner");
  var sending = false;
  var asBefore = false;

  // A button of the banner sends the banner's form, or the page's own one (its form attribute).
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (asBefore || !button || !banner.contains(button)) {
      return;
    }
    event.preventDefault();
    if (sending) {
      return; // a second tap while the first is on its way
    }
    sending = true;
    var data = new FormData();
    data.append("choice", button.value); // the answer alone: nothing typed on the page
    data.append("next", form.elements.namedItem("next").value); // the page, whose language the banner spoke
    data.append("banner_shown", banner.querySelector("[name=banner_shown]").value); // the words it showed
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.status === 429) {
        // An acceptance the site could not log is not taken: the banner stays and says why.
        sending = false;
        banner.querySelector(".cookie-not-taken").hidden = false;
        return;
      }
      if (response.status !== 204) {
        // 409: the banner's words changed since the page was opened; the ordinary post gets
        // the page that says so, with the words as they are now.
        throw new Error("cookie choice: " + response.status);
      }
      var hadFocus = banner.contains(document.activeElement);
      banner.remove();
      if (hadFocus) {
        // Focus would fall to the top of the document; the page's content is the next stop.
        document.getElementById("main").focus({ preventScroll: true });
      }
    }).catch(function () {
      // The ordinary post, with the button's answer, for the server to take or say what failed.
      asBefore = true;
      button.click();
    });
  });
}());
