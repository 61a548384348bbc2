"""Compliance L25: a policy version published ahead of its effective date, with consent texts
on it, one asking for consent again. Its consent texts took effect on publication: for the days
until its date, the forms showed version 1's page link beside a consent text citing version 2,
the ledger recorded consents «under version 2» of a policy not yet in force, and the news
subscribers' version 1 consents stopped counting before the new text applied. A text now takes
effect with its version, at midnight in Almaty."""

from datetime import date

import pytest
from django.test import Client

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, PolicyVersion, Source
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import policy_publish
from tests.core.test_policy_v2 import operator
from tests.site.language import as_written
from tests.staff import verified_login

CITES = {
    "kk": "Дербес деректерді өңдеу саясатының {}-нұсқасы.",
    "ru": "Политика обработки персональных данных, версия {}.",
}


@pytest.fixture
def v2_announced(texts, make_subject, settings, time_machine):
    """A subscriber under version 1; version 2, effective 10 December, published on the 3rd,
    asking for consent to the news again."""
    settings.OPERATOR = operator(settings)
    time_machine.move_to("2026-12-03 12:00+05:00", tick=False)
    subscriber = make_subject(language="ru")
    consent_grant(subscriber, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    v2 = PolicyVersion.objects.get(number=2)
    v2.effective_date = date(2026, 12, 10)
    v2.save()
    policy_publish(v2, reconsent=[MARKETING])
    return subscriber


def sent_contact(client, contact_data, lang, email, phone):
    response = client.post(f"/{lang}/contact/", contact_data(email=email, phone=phone))
    assert response.status_code == 302
    entry = LedgerEntry.objects.filter(purpose=SERVICE).select_related("text__policy").latest("pk")
    assert entry.subject.email == email
    return entry.text.policy.number


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_forms_cite_version_one_until_version_two_takes_effect_in_almaty(
    v2_announced, client, contact_data, time_machine, lang
):
    time_machine.move_to("2026-12-09 23:30+05:00", tick=False)  # the 9th, 18:30 UTC
    page = as_written(client.get(f"/{lang}/contact/").content.decode())
    assert CITES[lang].format(1) in page and CITES[lang].format(2) not in page
    assert f'href="/{lang}/privacy/1/"' in page
    assert sent_contact(client, contact_data, lang, "before@example.kz", "8 701 111 11 11") == 1

    time_machine.move_to("2026-12-10 00:30+05:00", tick=False)  # still the 9th in UTC
    page = as_written(client.get(f"/{lang}/contact/").content.decode())
    assert CITES[lang].format(2) in page and CITES[lang].format(1) not in page
    assert f'href="/{lang}/privacy/2/"' in page
    assert sent_contact(client, contact_data, lang, "after@example.kz", "8 701 222 22 22") == 2


def test_a_subscribers_consent_counts_until_the_new_text_takes_effect(v2_announced,
                                                                      time_machine):  # fmt: skip
    time_machine.move_to("2026-12-09 23:59+05:00", tick=False)
    assert gate.may_process(v2_announced, MARKETING)
    assert v2_announced in gate.permitted_subjects(MARKETING)
    time_machine.move_to("2026-12-10 00:01+05:00", tick=False)
    assert not gate.may_process(v2_announced, MARKETING)


PASSED = {"kk": "енетін күні өтіп кетті", "ru": "вступления в\xa0силу уже прошла"}


def publishing(editor, lang, effective, reconsent=()):
    """The content editor, signed in now, sets version 2's effective date and publishes it in
    the admin."""
    staff = verified_login(Client(), editor)
    v2 = PolicyVersion.objects.get(number=2)
    v2.effective_date = effective
    v2.save()
    staff.cookies["django_language"] = lang
    url = f"/admin/consent/policyversion/{v2.pk}/publish/"
    page = staff.post(url, {"reconsent": list(reconsent)}, follow=True).content.decode()
    return page, PolicyVersion.objects.get(number=2).is_published


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_effective_date_already_past_in_almaty_is_refused(
    content_editor, texts, settings, time_machine, client, lang
):
    """At 00:30 on 10 December in Almaty it is still the 9th in UTC: the 9th has passed."""
    settings.OPERATOR = operator(settings)
    time_machine.move_to("2026-12-10 00:30+05:00", tick=False)
    page, published = publishing(content_editor, lang, date(2026, 12, 9))
    assert PASSED[lang] in page and not published
    assert "1-нұсқа" in client.get("/kk/privacy/").content.decode()
    page, published = publishing(content_editor, lang, date(2026, 12, 10))
    assert published and PASSED[lang] not in page


def test_today_in_almaty_at_half_past_eleven_is_not_past(
    content_editor, texts, settings, time_machine, client
):
    settings.OPERATOR = operator(settings)
    time_machine.move_to("2026-12-09 23:30+05:00", tick=False)
    _page, published = publishing(content_editor, "kk", date(2026, 12, 9))
    assert published
    assert "2-нұсқа" in client.get("/kk/privacy/").content.decode()


def test_a_version_cannot_take_effect_before_the_one_published_before_it(
    content_editor, texts, settings, time_machine, client
):
    settings.OPERATOR = operator(settings)
    time_machine.move_to("2026-12-04 12:00+05:00", tick=False)
    assert publishing(content_editor, "ru", date(2026, 12, 20))[1]
    v3 = PolicyVersion.objects.create(
        number=3, effective_date=date(2026, 12, 15), title_kk="3", title_ru="3",
        text_kk="Саясат 3", text_ru="Политика 3",
    )  # fmt: skip
    verified_login(Client(), content_editor).post("/admin/consent/policyversion/",
                               {"action": "publish", "_selected_action": [v3.pk]})  # fmt: skip
    assert not PolicyVersion.objects.get(number=3).is_published
    time_machine.move_to("2026-12-20 09:00+05:00", tick=False)
    assert "2-нұсқа" in client.get("/kk/privacy/").content.decode()
