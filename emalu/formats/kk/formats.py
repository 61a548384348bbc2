# Kazakh date and number formats; Django ships none for kk.
# Month names: Django's catalogue, completed for kk in locale/ (emalu/django_admin_strings.py).
# A date is written as the law and official letters write it, «2026 жылғы 21 наурыз» (not the
# abbreviated «2026 ж.» of a table). A no-break space (NBSP) keeps it whole on a narrow screen:
# a line that ends with «2026 жылғы» reads as a year alone, and the next one starts with a day
# and month of no year; a date and time part only after the comma. One home for both languages'
# rule: tests/site/test_wording.py renders every format.
_YEAR = "Y\N{NO-BREAK SPACE}жылғы\N{NO-BREAK SPACE}"
DATE_FORMAT = _YEAR + "j\N{NO-BREAK SPACE}E"  # 2026 жылғы 21 наурыз
TIME_FORMAT = "H:i"
DATETIME_FORMAT = _YEAR + "j\N{NO-BREAK SPACE}E, H:i"
YEAR_MONTH_FORMAT = _YEAR + "E"  # month names are lower case in Kazakh
MONTH_DAY_FORMAT = "j\N{NO-BREAK SPACE}E"
SHORT_DATE_FORMAT = "d.m.Y"  # 21.03.2026
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # 1 234 567,50
NUMBER_GROUPING = 3
