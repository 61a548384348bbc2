// The admin's date and time widgets (Django's calendar.js and DateTimeShortcuts.js) in the staff
// member's language. Loaded deferred from templates/admin/base_site.html: it runs after the
// head's scripts (the jsi18n catalogue, the widgets' media) and before the window's `load`, when
// DateTimeShortcuts writes its notes and links beside each date and time field.
(function () {
  "use strict";
  var script = document.currentScript;

  // The note beside a date or time field («Enter times in the %(timezone)s timezone») names the
  // zone from <body data-admin-server-timezone>, where Django's admin/base.html writes its IANA
  // name: «Asia/Almaty» in English inside a Kazakh or Russian sentence. The page's own name for
  // it (consent.common.dates.LOCAL_ZONE_NAME) is given here in data-zone.
  if (script && script.dataset.zone) {
    document.body.dataset.adminServerTimezone = script.dataset.zone;
  }
})();
