"""A person whose processing is blocked (Art. 23; compliance L12) is mailed nothing and gets
nothing on the ledger from the newsletter form, as from every other form: the marketing box of
the contact form held to it, the newsletter form mailed its confirmation link all the same, and
pressing it recorded a marketing grant that stood the moment the block was lifted."""

import re

import pytest
from django.core import mail
from django.test import Client
from post_office.models import Email

from consent.core import gate
from consent.core.delivery import send_queued
from consent.core.ledger import consent_grant, subject_block, subject_unblock
from consent.core.models import LedgerEntry, Source
from consent.core.purposes import MARKETING, SERVICE
from tests.conftest import aged_token
from tests.texts import SHOWN

ADDRESS = "blocked.reader@example.kz"


def sign_up(lang):
    data = {
        "token": aged_token(),
        **SHOWN,
        "email": ADDRESS,
        "full_name": "",
        "consent_marketing": "on",
    }
    assert Client().post(f"/{lang}/newsletter/", data).status_code == 302


def confirmation_path():
    (mail,) = Email.objects.filter(to=[ADDRESS], message__contains="/newsletter/confirm/")
    return re.search(r"https?://[^/\s]+(/\S+/newsletter/confirm/[^/\s]+/)", mail.message)[1]


@pytest.fixture
def blocked(texts, make_subject):
    subject = make_subject(email=ADDRESS)
    consent_grant(subject, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    subject_block(subject, reason="request R-7", source=Source.ADMIN)
    return subject


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_person_is_mailed_no_confirmation(blocked, lang):
    sign_up(lang)  # the same answer as anyone's: the page says nothing of the block
    Email.objects.update(scheduled_time=None)
    send_queued()  # queued as anyone's, so the form takes as long; held back by the sender

    assert not [m for m in mail.outbox if ADDRESS in m.to]
    assert not Email.objects.filter(to=[ADDRESS], expires_at=None).exists()


@pytest.mark.parametrize("lang,says", [("kk", "бұғатталған"), ("ru", "заблокирована")])
def test_a_link_pressed_while_blocked_records_nothing_and_says_why(texts, make_subject, lang, says):
    """The link was mailed before the block; she presses it during the block, then again once
    it is lifted."""
    sign_up(lang)
    subject = make_subject(email=ADDRESS)
    subject_block(subject, reason="request R-7", source=Source.ADMIN)
    path = confirmation_path()

    shown = Client().get(path).content.decode().lower()  # the page, before any press
    response = Client().post(path, SHOWN)

    assert says in shown and 'method="post"' not in shown
    assert response.status_code == 200
    assert says in response.content.decode().lower()
    assert not LedgerEntry.objects.filter(subject=subject, purpose=MARKETING).exists()
    subject_unblock(subject, reason="violation not confirmed", source=Source.ADMIN)
    assert not gate.may_process(subject, MARKETING)
    assert Client().post(path, SHOWN).status_code == 200  # within its seven days, it works now
    assert (
        LedgerEntry.objects.get(subject=subject, purpose=MARKETING).kind == LedgerEntry.Kind.GRANT
    )


def test_a_link_held_back_for_a_block_subscribes_no_one_once_it_is_lifted(texts, make_subject):
    """The link was queued, then she was blocked before the sender came to it: it was held
    back, and kept whole in the outbox, where whoever read it (staff, a backup) could press it
    once the block was lifted, within its seven days, and subscribe her to news she had never
    been asked about. The sender keeps no secret of a link it holds back."""
    subject = make_subject(email=ADDRESS)
    consent_grant(subject, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    sign_up("kk")
    subject_block(subject, reason="request R-7", source=Source.ADMIN)
    Email.objects.update(scheduled_time=None)
    send_queued()
    subject_unblock(subject, reason="violation not confirmed", source=Source.ADMIN)

    assert not [m for m in mail.outbox if ADDRESS in m.to]
    path = confirmation_path()
    assert "[token]" in path
    assert Client().post(path, SHOWN).status_code == 400
    assert not LedgerEntry.objects.filter(subject=subject, purpose=MARKETING).exists()
