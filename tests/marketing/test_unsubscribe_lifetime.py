"""A one-click unsubscribe link works for a year (RFC 8058 links in kept mails), then answers
with a page in the reader's language that still offers every other way out (compliance L15)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed, unsubscribe_path


@pytest.fixture
def campaign(db):
    return Campaign.objects.create(title="March", subject_line_kk="Жаңалықтар", body_kk="Мәтін")


def one_click(path):
    return Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )


def test_a_link_from_a_mail_kept_for_eleven_months_still_unsubscribes(
    texts, campaign, time_machine
):
    sent = timezone.now()
    subject = confirmed("kept@example.kz")
    path = unsubscribe_path(subject, campaign)
    time_machine.move_to(sent + timedelta(days=364), tick=False)
    assert one_click(path).status_code == 200
    assert not gate.may_process(subject, MARKETING)


@pytest.mark.parametrize(
    "lang,texts_shown",
    [
        ("kk", ["Сілтеме жарамсыз", "бір жылдан асқан", "бірден өшіруге", "бас тарту өтінішін"]),
        ("ru", ["Ссылка не работает", "ей больше года", "сразу отключить", "запрос об отказе"]),
    ],
)
def test_a_link_older_than_a_year_offers_the_other_ways_out(
    texts, campaign, time_machine, lang, texts_shown
):
    sent = timezone.now()
    subject = confirmed("old@example.kz")
    path = unsubscribe_path(subject, campaign, lang)
    time_machine.move_to(sent + timedelta(days=366), tick=False)
    for response in (Client().get(path), one_click(path)):
        html = response.content.decode()
        assert response.status_code == 400
        for text in texts_shown:
            assert text in html
        assert f'href="/{lang}/my-data/"' in html and f'href="/{lang}/requests/new/"' in html
        assert "mailto:" in html
    assert gate.may_process(subject, MARKETING)  # nothing changed


@pytest.mark.parametrize("lang,old,damaged", [
    ("kk", "бір жылдан асқан", "Сілтеме бүлінген"), ("ru", "ей больше года", "Ссылка повреждена"),
])  # fmt: skip
def test_a_damaged_link_is_not_called_old_nor_an_old_one_damaged(
    texts, campaign, time_machine, lang, old, damaged
):
    """Both said «damaged or more than a year old»: each now says which it is."""
    sent = timezone.now()
    path = unsubscribe_path(confirmed("old@example.kz"), campaign, lang)
    time_machine.move_to(sent + timedelta(days=366), tick=False)
    aged = Client().get(path).content.decode()
    assert old in aged and damaged not in aged
    broken = Client().get(path[:-4] + "xyz/").content.decode()
    assert damaged in broken and old not in broken
