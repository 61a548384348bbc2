"""Mail to a person's old address that had not gone out when the desk corrected the address:
the old mailbox is no longer theirs (Art. 7), so none of it goes there. A letter for the person
(a form's acknowledgement, an answer to another request, one sent before and queued again from
the outbox) goes to the corrected address; a letter whose link works only for the address it
was written to (the page link, a request's confirmation, the newsletter's confirmation) is held
unsent, its link's secret dropped. The old address is told, once, that the address changed
(closing.tell_old_address), and nothing else."""

import re

import pytest
from django.core import mail
from django.test import Client
from post_office.models import STATUS, Email

from consent.core.delivery import send_queued
from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import SERVICE
from consent.rights import selfservice
from consent.rights.answers import ticket_refuse
from consent.rights.tickets import ticket_open
from tests.conftest import aged_token
from tests.texts import SHOWN

from .conftest import address_corrected
from .test_destroy import verified_request

OLD, NEW = "dana@example.kz", "dana.new@example.kz"
TOLD = {"kk": "Деректеріңіздегі электрондық пошта мекенжайы өзгертілді",
        "ru": "Адрес электронной почты в\xa0ваших данных изменён"}  # fmt: skip
ACK = {"kk": "Хабарламаңыз қабылданды", "ru": "Мы получили ваше сообщение"}
LINK = re.compile(r"/(?:my-data/open|newsletter/confirm|requests/confirm)/([^/\s\"']+)/")


@pytest.fixture
def dana(texts, make_subject):
    def make(lang):
        person = make_subject(full_name="Дана Серікова", email=OLD, language=lang)
        consent_grant(person, texts[SERVICE], language=lang, source=Source.CONTACT_FORM)
        return person

    return make


@pytest.fixture
def contact_form(contact_data):
    def send(lang, message):
        data = contact_data(full_name="Дана Серікова", email=OLD, message=message)
        assert Client().post(f"/{lang}/contact/", data).status_code == 302

    return send


def newsletter_form(lang):
    data = {"token": aged_token(), **SHOWN, "email": OLD, "full_name": "",
            "consent_marketing": "on"}  # fmt: skip
    assert Client().post(f"/{lang}/newsletter/", data).status_code == 302


def sent_to(address):
    return [m for m in mail.outbox if address in m.to]


@pytest.mark.parametrize(
    ("lang", "message", "refusal"),
    [
        ("kk", "Сәлеметсіз бе! Курс туралы сұрағым бар.", "Бұл өтінішке негіз жоқ."),
        ("ru", "Здравствуйте! Хочу записаться на курс английского.", "Оснований нет."),
    ],
)
def test_letters_for_her_go_to_the_corrected_address(
    dana, contact_form, officer, lang, message, refusal
):
    """Dana wrote through the contact form and had a request refused while the mail server was
    down; before it came back, the desk corrected her address. Her acknowledgement and the
    refusal went to the old mailbox, which is no longer hers."""
    person = dana(lang)
    contact_form(lang, message)
    ticket_refuse(verified_request(person, "block"), reason=refusal, actor=officer)
    waiting = Email.objects.filter(to=OLD, status=STATUS.queued).count()
    address_corrected(person, NEW)

    send_queued()

    assert [m.subject for m in sent_to(OLD)] == [TOLD[lang]]
    assert ACK[lang] in {m.subject for m in sent_to(NEW)}
    assert refusal in " ".join(m.body for m in sent_to(NEW))
    assert waiting >= 3  # the acknowledgement, the link of the blocked request, its refusal
    # Each is the person's still: on her page and in her export (mailed.py).
    from consent.rights.export import export_data

    subjects = {m["email_subject"] for m in export_data(person, lang)["emails"]}
    assert {m.subject for m in sent_to(NEW)} <= subjects


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_links_made_for_the_old_address_are_held(dana, lang):
    """Her page's link, a request's confirmation link and the newsletter's confirmation, asked
    at the old address: each link works only for the address it was written to, so it goes
    nowhere; it is held unsent, its secret dropped, and the old mailbox gets only the notice."""
    person = dana(lang)
    selfservice.link_send(OLD, lang)
    ticket_open(kind="access", email=OLD, language=lang, channel="email")
    newsletter_form(lang)
    linked = [m.pk for m in Email.objects.filter(to=OLD) if LINK.search(m.message)]
    assert len(linked) >= 3
    address_corrected(person, NEW)

    send_queued()

    assert [m.subject for m in sent_to(OLD)] == [TOLD[lang]]
    assert not [m for m in sent_to(NEW) if LINK.search(m.body)]
    for held in Email.objects.filter(pk__in=linked):
        assert held.status != STATUS.sent and held.expires_at is not None
        assert "[token]" in held.message and "[token]" in held.html_message


def test_a_letter_sent_before_and_queued_again_goes_to_the_corrected_address(dana, contact_form):
    """Staff put a letter the old address received before the correction back in the queue
    (the outbox's «Requeue»): it goes to her address now."""
    person = dana("ru")
    contact_form("ru", "Прошу перезвонить мне завтра утром.")
    send_queued()
    ack = Email.objects.get(to=OLD, subject=ACK["ru"])
    address_corrected(person, "dana.second@example.kz")
    address_corrected(person, NEW)  # and again: the letter follows her to the address now
    mail.outbox.clear()
    Email.objects.filter(pk=ack.pk).update(status=STATUS.queued)  # post_office's requeue

    send_queued()

    assert [m.to for m in mail.outbox if m.subject == ACK["ru"]] == [[NEW]]
    assert [m.subject for m in sent_to(OLD)] == [TOLD["ru"]]  # the first correction's notice


def test_mail_written_to_the_old_address_after_the_correction_still_goes(dana):
    """The notice to the old address is written after the correction: it is not re-addressed
    (the new address is not told to whoever reads the old one)."""
    person = dana("kk")
    address_corrected(person, NEW)
    send_queued()
    assert [m.subject for m in sent_to(OLD)] == [TOLD["kk"]]
    assert NEW not in sent_to(OLD)[0].body
