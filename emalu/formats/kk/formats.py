# Kazakh date and number formats; Django ships none for kk.
# Month names: Django's catalogue, completed for kk in locale/ (emalu/django_admin_strings.py).
# A no-break space (NBSP) keeps a date's parts together on a narrow screen: «2026 ж.» and
# «21 наурыз» never break; a line may break only between the two.
DATE_FORMAT = "Y\N{NO-BREAK SPACE}ж. j\N{NO-BREAK SPACE}E"  # 2026 ж. 21 наурыз
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y\N{NO-BREAK SPACE}ж. j\N{NO-BREAK SPACE}E, H:i"
YEAR_MONTH_FORMAT = "Y\N{NO-BREAK SPACE}ж. E"  # month names are lower case in Kazakh
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
