"""The acknowledgement says the consent was given under the privacy policy, version N, and
links that version: read on a phone, the mail named it and gave no way to open it (the site's
footer leads to the version in force, which after a new one is not the version consented to)."""

import re

import pytest
from post_office.models import Email

from tests.site.language import as_written

NAMED = {
    "kk": "Дербес деректерді өңдеу саясаты, {n}-нұсқа",
    "ru": "Политика обработки персональных данных, версия {n}",
}
LINK = re.compile(r'<a href="https?://[^/"]+(/[^"]*)"[^>]*>([^<]+)</a>')


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_acknowledgement_links_the_policy_version_consented_to(
    client, texts, contact_data, lang
):
    client.post(f"/{lang}/contact/", contact_data())
    ack = Email.objects.get(to__icontains="asel@example.kz")
    number = texts["service"].policy.number
    name = NAMED[lang].format(n=number)
    links = {text: path for path, text in LINK.findall(as_written(ack.html_message))}
    plain = re.search(rf"{re.escape(name)}: https?://[^/\s]+(/\S+)", as_written(ack.message))
    assert links[name] == plain[1] == f"/{lang}/privacy/{number}/"
    page = client.get(plain[1])  # the version's own page, marked so in its list of versions
    assert page.status_code == 200
    assert f'<a href="{plain[1]}" aria-current="page">' in page.content.decode()
