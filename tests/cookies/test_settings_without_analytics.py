"""A site with no analytics service set up (no GA_MEASUREMENT_ID, no YANDEX_METRICA_ID) keeps no
visit statistics: its cookie page, reached by a typed or an old address (the footer links it only
while a service is on), said «services outside Kazakhstan count visits with your permission» and
offered «Allow» and «Refuse» for them. It says there is nothing to choose, in kk and ru, and
still names the site's own cookies."""

import html
import re

import pytest

NOTHING = {
    "kk": "басқа сервистердің cookie файлдарын орнатпайды",
    "ru": "не устанавливает cookie других сервисов",
}
OWN = {"kk": "формаларды қорғайтын cookie", "ru": "cookie для защиты форм"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_cookie_page_offers_no_choice_of_statistics_the_site_does_not_keep(
    client, db, settings, lang
):
    settings.GA_MEASUREMENT_ID = settings.YANDEX_METRICA_ID = ""
    page = html.unescape(client.get(f"/{lang}/cookies/").content.decode())
    main = re.search(r"<main.*?</main>", page, re.S).group(0)
    assert 'name="choice"' not in main and "<form" not in main
    assert NOTHING[lang] in main and OWN[lang] in main
