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

  var calendar = window.CalendarNamespace;
  var shortcuts = window.DateTimeShortcuts;
  if (!calendar || !window.pgettext) {
    return; // a page without date fields
  }

  // A day's name (the calendar's days, «Today (…)»): Django fills «%(month)s %(day)s, %(year)s»
  // with the calendar's heading names, capitalised nominatives («Желтоқсан», «Декабрь»). Inside
  // a date a Kazakh month is lower-case («2026 ж. 5 желтоқсан») and a Russian one a lower-case
  // genitive («5 декабря 2026 г.»): the JavaScript catalogue's «month in a date».
  var months = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  calendar.formatDate = function (day, month, year) {
    return interpolate(
      gettext("%(month)s %(day)s, %(year)s"),
      { month: pgettext("month in a date", months[month - 1]), day: day, year: year },
      true
    );
  };

  // The calendar's heading: Django writes the month, then the year («Желтоқсан 2026»), as English
  // and Russian say it; Kazakh says the year first, as the site's YEAR_MONTH_FORMAT and the
  // buttons beside the heading do («2026 ж. желтоқсан»). The JavaScript catalogue's «calendar
  // heading»; the month lower-case, the heading's first letter a capital («Декабрь 2026»).
  var draw = calendar.draw;
  calendar.draw = function (month, year, divId) {
    draw.apply(calendar, arguments);
    var lang = document.documentElement.lang || undefined;
    var name = calendar.monthsOfYear[parseInt(month, 10) - 1].toLocaleLowerCase(lang);
    var heading = interpolate(
      pgettext("calendar heading", "%(month)s %(year)s"),
      { month: name, year: parseInt(year, 10) },
      true
    );
    var caption = document.querySelector("#" + divId + " caption");
    caption.textContent = heading.charAt(0).toLocaleUpperCase(lang) + heading.slice(1);
  };

  // The previous and next month's buttons read «Previous (%(month)s %(year)s)»: a month with its
  // year, nominative and lower-case in both languages («(2026 ж. қараша)», «(ноябрь 2026)»).
  if (shortcuts && shortcuts.updateNavAriaLabels) {
    var navLabels = shortcuts.updateNavAriaLabels;
    shortcuts.updateNavAriaLabels = function (num) {
      var names = calendar.monthsOfYear;
      calendar.monthsOfYear = names.map(function (name) {
        return name.toLocaleLowerCase(document.documentElement.lang || undefined);
      });
      try {
        navLabels.call(shortcuts, num);
      } finally {
        calendar.monthsOfYear = names;
      }
    };
  }
})();
