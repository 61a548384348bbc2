"""The newsletter's link, pressed for someone the record shows under 18, records no consent
without their parent's or guardian's (compliance L6): the newsletter form asks for neither a
date of birth nor a guardian, and its grant, recorded alone as the child's latest word, ended
the news their guardian had agreed to on the application form, while the page thanked them."""

import re
from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from django.test import Client
from post_office.models import Email

from consent.common.dates import local_today
from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Guardian, LedgerEntry, Source
from consent.core.purposes import MARKETING
from tests.conftest import aged_token
from tests.texts import SHOWN

ADDRESS = "family@example.kz"
SAYS = {"kk": "ата-анаңыз немесе қорғаншыңыз", "ru": "родитель или опекун"}


def confirmation_path(lang):
    data = {
        "token": aged_token(),
        **SHOWN,
        "email": ADDRESS,
        "full_name": "",
        "consent_marketing": "on",
    }
    assert Client().post(f"/{lang}/newsletter/", data).status_code == 302
    (mail,) = Email.objects.filter(to=[ADDRESS], message__contains="/newsletter/confirm/")
    return re.search(r"https?://[^/\s]+(/\S+/newsletter/confirm/[^/\s]+/)", mail.message)[1]


@pytest.fixture
def child(texts, make_subject):
    """12 years old, with the news their guardian agreed to together with them."""
    subject = make_subject(email=ADDRESS, birth_date=local_today() - relativedelta(years=12))
    guardian = Guardian.objects.create(subject=subject, full_name="Нұрлан", contact="+77017654321")
    consent_grant(subject, texts[MARKETING], language="kk", source=Source.APPLICATION_FORM,
                  guardian=guardian)  # fmt: skip
    assert gate.may_process(subject, MARKETING)
    return subject


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_link_records_nothing_without_a_guardian_and_says_why(child, lang):
    path = confirmation_path(lang)
    before = LedgerEntry.objects.filter(subject=child).count()

    shown = Client().get(path).content.decode()  # the page, before any press
    response = Client().post(path, SHOWN)

    assert SAYS[lang] in shown and 'method="post"' not in shown
    assert response.status_code == 200 and SAYS[lang] in response.content.decode()
    assert LedgerEntry.objects.filter(subject=child).count() == before
    assert gate.latest_event(child, MARKETING).guardian is not None
    assert gate.may_process(child, MARKETING)


def test_an_adult_on_record_confirms_as_before(texts, make_subject):
    adult = make_subject(email=ADDRESS, birth_date=date(1985, 3, 8))
    path = confirmation_path("ru")
    assert Client().post(path, SHOWN).status_code == 200
    assert gate.may_process(adult, MARKETING)
