"""Compliance L25: a policy version published ahead of its effective date, with consent texts
on it, one asking for consent again. Its consent texts took effect on publication: for the days
until its date, the forms showed version 1's page link beside a consent text citing version 2,
the ledger recorded consents «under version 2» of a policy not yet in force, and the news
subscribers' version 1 consents stopped counting before the new text applied. A text now takes
effect with its version, at midnight in Almaty."""

from datetime import date

import pytest

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, PolicyVersion, Source
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import policy_publish
from tests.core.test_policy_v2 import operator

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
    page = client.get(f"/{lang}/contact/").content.decode()
    assert CITES[lang].format(1) in page and CITES[lang].format(2) not in page
    assert f'href="/{lang}/privacy/1/"' in page
    assert sent_contact(client, contact_data, lang, "before@example.kz", "8 701 111 11 11") == 1

    time_machine.move_to("2026-12-10 00:30+05:00", tick=False)  # still the 9th in UTC
    page = client.get(f"/{lang}/contact/").content.decode()
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
