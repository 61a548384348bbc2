# Django's Russian formats, with a no-break space (NBSP) where Russian typography wants one:
# between the day and the month and before «г.», so that a phone never leaves «г.» or the day
# alone at the start of a line. Everything else falls back to django/conf/locale/ru/formats.py.
DATE_FORMAT = "j\N{NO-BREAK SPACE}E Y\N{NO-BREAK SPACE}г."  # 21 марта 2026 г.
DATETIME_FORMAT = "j\N{NO-BREAK SPACE}E Y\N{NO-BREAK SPACE}г., G:i"  # 3 декабря 2026 г., 19:22
YEAR_MONTH_FORMAT = "F Y\N{NO-BREAK SPACE}г."
MONTH_DAY_FORMAT = "j\N{NO-BREAK SPACE}E"  # 21 марта (Django says «21 Март»)
