// What a visitor typed survives a send the network lost. A phone between cells sent the form and
// got the browser's own «No internet» page, which took the form's place in the tab's history (the
// form posts to its own address): Back left the site, and everything typed was gone.
//
// From the moment a form is sent, what was typed in it is kept in this tab's sessionStorage (this
// tab only, gone when it is closed, never sent anywhere) until a page of the site answers: the
// form shown again after a post, a thank-you page, or a person's own page after one of its
// buttons (data-answered on this script) forgets it. A button whose answer is a file
// (data-downloads: the page stays, no page answers) keeps nothing.
// The same form opened again in the tab gets back what its fields are missing, with the form's
// note (data-kept: what to check, tick or attach again). Never a consent box or a file: a
// consent is ticked by the visitor on the page that shows its text, and no page may choose a file.
// Without JavaScript, or with storage off, the form opens empty as before.
(function () {
  "use strict";
  var PREFIX = "emalu-typed:";
  var script = document.currentScript;
  var store;
  try {
    store = window.sessionStorage;
    store.getItem(PREFIX);
  } catch (e) {
    return;
  }
  function forgetAll() {
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        store.removeItem(key);
      }
    }
  }
  if (script.hasAttribute("data-answered")) { // the site answered what was sent
    forgetAll();
  }
  var form = document.querySelector("form[data-kept]");
  if (!form) {
    return;
  }
  var key = PREFIX + location.pathname;
  function kept(field) {
    var type = field.type;
    return field.name && !field.disabled && !field.closest("[aria-hidden=true]") && // the honeypot
      ["hidden", "file", "password", "submit", "button", "reset"].indexOf(type) < 0 &&
      !(type === "checkbox" && field.name.indexOf("consent_") === 0);
  }
  function fields() {
    return Array.prototype.filter.call(form.elements, kept);
  }
  var saved = store.getItem(key);
  store.removeItem(key);
  if (saved) {
    var values = JSON.parse(saved);
    var put = null; // the first field filled in
    var chosen = {}; // the groups of boxes the browser put back a choice in itself
    fields().forEach(function (field) {
      if (field.checked) {
        chosen[field.name] = true;
      }
    });
    fields().forEach(function (field) {
      if (!(field.name in values)) {
        return;
      }
      var value = values[field.name];
      if (field.type === "checkbox" || field.type === "radio") {
        if (!chosen[field.name] && value.indexOf(field.value) >= 0) {
          field.checked = true;
          put = put || field;
        }
      } else if (!field.value && value[0]) { // what the browser put back itself stays
        field.value = value[0];
        put = put || field;
      }
    });
    if (put) {
      var note = document.createElement("div");
      note.className = "notice kept";
      note.setAttribute("role", "status");
      note.tabIndex = -1;
      var words = document.createElement("p");
      words.textContent = form.dataset.kept;
      note.append(words);
      // Above the form, or above the part of the page holding its fields (form=, on a parent's
      // page: a form of their own for each child's boxes, whose page's form is at its end).
      (form.contains(put) ? form : put.closest(".public-form") || form).before(note);
      note.focus();
    }
  }
  window.addEventListener("submit", function (event) {
    if (event.target.hasAttribute("data-forgets")) { // «Close my page»: nothing of theirs left
      forgetAll();
      return;
    }
    if (event.target !== form || event.defaultPrevented) { // not the banner's background post
      return;
    }
    if (event.submitter && event.submitter.hasAttribute("data-downloads")) { // a file, no page:
      return; // the page stays as it is, and nothing would forget what was kept
    }
    var values = {};
    fields().forEach(function (field) {
      var on = field.type === "checkbox" || field.type === "radio";
      if (!on || field.checked) {
        (values[field.name] = values[field.name] || []).push(field.value);
      }
    });
    try {
      store.setItem(key, JSON.stringify(values));
    } catch (e) { // storage full: sent as before
    }
  });
})();
