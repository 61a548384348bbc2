"""A time in a file people read is written as they write it, in Almaty time: one helper,
`consent.common.dates.reader_time`, for every such file (the access export, the evidence)."""

from datetime import UTC, date, datetime

import pytest
from django.utils import translation

from consent.common.dates import LOCAL_ZONE_NAME, reader_time
from consent.common.i18n import language_name

# 08:12:44 UTC is 13:12:44 in Almaty; 20:30 UTC is already the next day there.
MORNING = datetime(2026, 11, 30, 8, 12, 44, 123000, tzinfo=UTC)
EVENING = datetime(2026, 11, 30, 20, 30, tzinfo=UTC)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_moment_reads_as_the_local_date_and_time(lang):
    with translation.override(lang):
        assert reader_time(MORNING) == "30.11.2026 13:12"
        assert reader_time(MORNING, seconds=True) == "30.11.2026 13:12:44"
        assert reader_time(EVENING) == "01.12.2026 01:30"  # the local day, not the UTC one
        assert reader_time(MORNING, seconds=True, zone=UTC) == "30.11.2026 08:12:44"
        assert reader_time(date(2009, 3, 14)) == "14.03.2009"
        assert reader_time(None) == ""


@pytest.mark.parametrize(
    "lang, names, zone",
    [
        ("kk", ("Қазақша", "Орысша"), "Алматы уақыты"),
        ("ru", ("Казахский", "Русский"), "время Алматы"),
    ],
)
def test_languages_and_the_zone_are_named_in_the_readers_language(lang, names, zone):
    with translation.override(lang):
        assert (language_name("kk"), language_name("ru")) == names
        assert language_name("") == ""
        assert str(LOCAL_ZONE_NAME) == zone
