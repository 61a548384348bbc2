// The cookie banner answered where the visitor is (docs/architecture.md, "Cookie banner").
// Its form posts and comes back to the same page, which a reload empties: someone halfway
// through the application who answers the banner would find the fields blank. Here the answer
// is sent in the background and the banner goes; the page and what was typed stay. The
// response does what the posted form's does (the cookie, the record, the analytics cookies
// expired on Reject); the analytics load from the next page, whose CSP allows them. Without
// this script, or if the background post fails, the form posts as before.
(function () {
  "use strict";
  var form = document.querySelector("form[data-in-place]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var sending = false;

  function postAsBefore(button) {
    // The ordinary post, with the button's answer, for the server to say what went wrong.
    var answer = document.createElement("input");
    answer.type = "hidden";
    answer.name = button.name;
    answer.value = button.value;
    form.appendChild(answer);
    form.submit();
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.name) {
      return;
    }
    event.preventDefault();
    if (sending) {
      return; // a second tap while the first is on its way
    }
    sending = true;
    var data = new FormData(form);
    data.append(button.name, button.value);
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.status !== 204) {
        throw new Error("cookie choice: " + response.status);
      }
      var banner = form.closest(".cookie-banner");
      var hadFocus = banner.contains(document.activeElement);
      banner.remove();
      if (hadFocus) {
        // Focus would fall to the top of the document; the page's content is the next stop.
        document.getElementById("main").focus({ preventScroll: true });
      }
    }).catch(function () {
      postAsBefore(button);
    });
  });
}());
