"""A list's dates in one form: Django wrote its own date columns long, «6 декабря 2026 г.,
21:22», «2026 жылғы 6 желтоқсан, 21:22», beside the desk's short «03.12.2026», and the Kazakh
one, its words held together, broke mid-word on a phone. Every list writes them short, as the
desk does (common.dates.reader_time); a row's own page long, as documents do."""

import re

import pytest
from django.utils import formats, timezone, translation

from consent.common.dates import reader_time
from emalu.models import Service


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_lists_own_date_column_is_written_short(content_editor_client, lang):
    service = Service.objects.create(slug="x", order=1, title_kk="Қызмет", title_ru="Услуга")
    html = content_editor_client.get(
        "/admin/emalu/service/", HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    cell = re.search(r'<td class="field-updated_at[^"]*">(.*?)</td>', html, re.S)[1]
    with translation.override(lang):
        short = reader_time(service.updated_at)
        long = formats.date_format(timezone.localtime(service.updated_at), "DATETIME_FORMAT")
    assert cell == short and re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", short)
    assert long not in html
