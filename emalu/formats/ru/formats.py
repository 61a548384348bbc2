# Django's Russian formats, with a no-break space (NBSP) between every part of a date, as the
# Kazakh formats have: a phone never leaves «г.» or the day alone at the start of a line, nor
# «4 декабря» at the end of one and «2026 г.» on the next (a day of no year, then a year); a
# date and time part only after the comma. Everything else falls back to
# django/conf/locale/ru/formats.py.
_DATE = "j\N{NO-BREAK SPACE}E\N{NO-BREAK SPACE}Y\N{NO-BREAK SPACE}г."
DATE_FORMAT = _DATE  # 21 марта 2026 г.
DATETIME_FORMAT = _DATE + ", G:i"  # 3 декабря 2026 г., 19:22
YEAR_MONTH_FORMAT = "F\N{NO-BREAK SPACE}Y\N{NO-BREAK SPACE}г."
MONTH_DAY_FORMAT = "j\N{NO-BREAK SPACE}E"  # 21 марта (Django says «21 Март»)
