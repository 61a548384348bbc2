"""The cookie banner asks under the policy version in force at the moment of the request: from
midnight in Almaty of a new version's effective date, and from its publication, on every host,
whatever the banner read before (compliance L19, L25)."""

from datetime import date

import pytest
from django.test import Client

from consent.cookies.banner import COOKIE
from consent.cookies.models import CookieChoice
from consent.core.models import PolicyVersion
from consent.core.texts import policy_publish

from .test_cookies import choose


@pytest.fixture
def analytics(settings, db):
    settings.GA_MEASUREMENT_ID = "G-TEST123"
    settings.YANDEX_METRICA_ID = "98765"


def _draft(effective):
    return PolicyVersion.objects.create(
        number=3, effective_date=effective, title_kk="3", title_ru="3", text_kk="3", text_ru="3"
    )


def test_a_version_dated_ahead_asks_again_from_midnight_in_almaty(client, analytics,
                                                                  time_machine):  # fmt: skip
    time_machine.move_to("2026-12-04 23:59:30+05:00", tick=False)
    choose(client, "accept")
    new = policy_publish(_draft(date(2026, 12, 5)))
    html = client.get("/kk/").content.decode()  # the banner has read the versions now
    assert "cookie-banner" not in html and "googletagmanager" in html  # the 4th: v1 in force
    time_machine.move_to("2026-12-05 00:00:01+05:00", tick=False)  # still the 4th in UTC
    html = client.get("/kk/").content.decode()
    assert "cookie-banner" in html and "googletagmanager" not in html
    response = choose(client, "accept")
    assert CookieChoice.objects.order_by("-id").first().policy_version == new.number
    assert response.cookies[COOKIE].value.startswith(f"{new.number}.accept.")


def test_one_minute_before_midnight_the_answer_is_recorded_under_the_old_version(
    client, analytics, time_machine
):
    time_machine.move_to("2026-12-04 23:59+05:00", tick=False)
    policy_publish(_draft(date(2026, 12, 5)))
    client.get("/kk/")
    choose(client, "reject")
    assert CookieChoice.objects.order_by("-id").first().policy_version == 1


def test_a_publication_asks_again_at_once_on_every_page(analytics, time_machine):
    time_machine.move_to("2026-12-04 12:00+05:00", tick=False)
    visitor = Client()
    choose(visitor, "accept")
    assert "cookie-banner" not in visitor.get("/ru/").content.decode()
    new = policy_publish(_draft(date(2026, 12, 4)))
    assert "cookie-banner" in visitor.get("/ru/about/").content.decode()
    choose(visitor, "reject")
    assert CookieChoice.objects.order_by("-id").first().policy_version == new.number
