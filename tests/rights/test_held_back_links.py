"""The per-address mail limit (compliance T8) and the links a person asks for themselves.

Anyone can type Asel's address into the contact form ten times an hour: the acknowledgements
used up the one budget her address had, and the confirmation link of her own request, made
right after, was silently not queued while the desk showed it as sent and waited for a press
that could not come. Acknowledgements and links now have a budget each; a link the limit does
hold back is never recorded as sent, the desk says so, and it goes with the person's next try
or from the officer's page. The mails go through the real sender (core.delivery.send_queued)."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from post_office.models import Email

from consent.core.delivery import send_queued
from consent.core.mail import CONFIRMS, NOT_WHILE_BLOCKED
from consent.core.models import AuditEvent
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.texts import SHOWN

from .conftest import mails_to, web_request

CONTACT = {"full_name": "Бөгде", "phone": "8 701 123 45 67", "message": "Сәлем",
           "consent_service": "on", **SHOWN}  # fmt: skip


def question(i):
    """The words of the `i`-th question: other words each (numbers aside, the same words sent
    again join the open request: joining.same_words)."""
    return f"{'аәбвгғдеж'[i % 9]}{'клмнопрс'[i // 9]} туралы сұрақ"


def contact_forms(client, count, email="asel@example.kz"):
    """`count` contact forms sent with `email` by someone else, from one connection, each
    with other words (the same form twice is one)."""
    for i in range(count):
        data = {"token": aged_token(), "email": email, **CONTACT, "message": f"Сұрақ {i}"}
        assert client.post("/kk/contact/", data).status_code == 302


def links_used_up(client, lang):
    """Ten questions in Asel's name, each its own request with its own link: her address's
    budget of links for the hour is spent."""
    for i in range(10):
        web_request(client, lang, "other", message=question(i))
    assert Email.objects.filter(message__contains="/requests/confirm/").count() == 10


@pytest.fixture
def many_forms(settings):
    settings.FORM_RATE_LIMIT = "1000/60"  # the per-connection limit is not what is tested


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_acknowledgements_do_not_hold_back_the_link_of_her_own_request(
    client, person, many_forms, mailoutbox, lang
):
    contact_forms(client, 10)
    assert len(mails_to("asel@example.kz")) == 10
    web_request(client, lang, "access")
    ticket = Ticket.objects.get(type="access")
    assert ticket.link_sent_at is not None
    send_queued()
    links = [m for m in mailoutbox if "/requests/confirm/" in m.body]
    assert [m.to for m in links] == [["asel@example.kz"]]


def test_acknowledgements_do_not_hold_back_the_newsletter_s_confirmation(client, texts, many_forms):
    contact_forms(client, 10, "dana@example.kz")
    data = {"token": aged_token(), "email": "dana@example.kz", "consent_marketing": "on", **SHOWN}
    assert client.post("/kk/newsletter/", data).status_code == 302
    assert Email.objects.filter(to=["dana@example.kz"], headers__has_key=CONFIRMS).count() == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_held_back_is_not_recorded_as_sent_and_the_desk_says_so(
    client, person, many_forms, desk, lang
):
    links_used_up(client, lang)
    thanks = client.get(web_request(client, lang, "access")["Location"]).content.decode()
    again = {"kk": "бір сағат ішінде хат келмесе, форманы қайта жіберіңіз",
             "ru": "если письмо не пришло в течение часа, отправьте форму ещё раз"}  # fmt: skip
    assert again[lang] in thanks.replace("\xa0", " ")  # the page says what to do
    ticket = Ticket.objects.get(type="access")
    assert ticket.link_sent_at is None  # the desk showed it sent, waiting for a press
    assert len(mails_to("asel@example.kz")) == 10
    desk.cookies["django_language"] = lang
    said = {
        "kk": "сілтеме әлі жіберілмеді (хат шегі)",
        "ru": "ссылка ещё не отправлена (лимит писем)",
    }
    listed = desk.get("/admin/rights/ticket/").content.decode()
    assert said[lang] in listed
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert f"/admin/rights/ticket/{ticket.pk}/send-link/" in page


def test_the_person_s_next_try_sends_the_link_once_the_limit_allows(client, person, many_forms):
    links_used_up(client, "kk")
    web_request(client, "kk", "access")
    ticket = Ticket.objects.get(type="access")
    web_request(client, "kk", "access")  # tried again at once: still over the limit
    assert Ticket.objects.get(pk=ticket.pk).link_sent_at is None
    cache.clear()  # the hour's windows end
    web_request(client, "kk", "access")  # the third try, the same day
    ticket.refresh_from_db()
    assert ticket.link_sent_at is not None
    last = mails_to("asel@example.kz")[-1]
    assert re.search(r"/requests/confirm/\S+/", last.message)
    assert client.get(re.search(r"https?://[^/\s]+(/\S+/requests/confirm/\S+/)",
                                last.message).group(1)).status_code == 200  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_officer_sends_a_link_held_back_once(client, person, many_forms, desk, lang):
    asel = Client()  # her own browser: what its pages tell her is never the officer's to read
    links_used_up(asel, "kk")
    web_request(asel, "kk", "access")
    ticket = Ticket.objects.get(type="access")
    desk.cookies["django_language"] = lang
    done = desk.post(f"/admin/rights/ticket/{ticket.pk}/send-link/", follow=True)
    told = [str(m) for m in done.context["messages"]]
    assert told == [{"kk": "Орындалды: растау сілтемесі тіркелген мекенжайға жіберілуде.",
                     "ru": "Готово: ссылка для подтверждения отправляется на адрес из записи."}[
        lang]]  # fmt: skip
    ticket.refresh_from_db()
    assert ticket.link_sent_at is not None
    sent = mails_to("asel@example.kz")[-1]  # in the request's language, with its link
    assert ticket.reference in sent.subject and "/kk/requests/confirm/" in sent.message
    again = desk.post(f"/admin/rights/ticket/{ticket.pk}/send-link/", follow=True)
    assert len(mails_to("asel@example.kz")) == 11  # nothing more: it waits for no link now
    assert [str(m) for m in again.context["messages"]] != told


def test_every_form_together_still_mails_one_address_a_bounded_number_of_times(
    client, person, many_forms
):
    """Guard: the budgets are two, and so is the bound. Contact forms, applications, newsletter
    forms and requests in Asel's name, thirty of each within the hour: at most ten
    acknowledgements and ten links reach her."""
    contact_forms(client, 30)
    for i in range(30):
        web_request(client, "kk", "other", message=question(i))
        data = {"token": aged_token(), "email": "asel@example.kz", "consent_marketing": "on",
                **SHOWN}  # fmt: skip
        client.post("/kk/newsletter/", data)
    assert len(mails_to("asel@example.kz")) == 20


def test_an_acknowledgement_announces_no_confirmation_the_limit_held_back(
    client, texts, many_forms
):
    """Ten requests in Dana's name (no data is held for her: each is answered so) spend her
    address's links for the hour; her own contact form with the news box ticked said «we have
    sent you a separate email to confirm» of a mail never queued."""
    for i in range(10):
        web_request(client, "kk", "other", email="dana@example.kz", message=question(i))
    data = {"token": aged_token(), "email": "dana@example.kz", **CONTACT, "consent_marketing": "on"}
    assert client.post("/kk/contact/", data).status_code == 302
    assert not Email.objects.filter(to=["dana@example.kz"], headers__has_key=CONFIRMS).exists()
    ack = Email.objects.get(to=["dana@example.kz"], headers__has_key=NOT_WHILE_BLOCKED)
    assert "бөлек хат жібердік" not in ack.message  # it still goes, in its own budget


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_officer_sending_a_link_held_back_is_in_the_requests_history(
    client, person, many_forms, desk, privacy_officer, lang
):
    links_used_up(client, "kk")
    web_request(client, "kk", "access")
    ticket = Ticket.objects.get(type="access")
    desk.post(f"/admin/rights/ticket/{ticket.pk}/send-link/")
    desk.post(f"/admin/rights/ticket/{ticket.pk}/send-link/")  # again: nothing sent, no row
    rows = AuditEvent.objects.filter(action=AuditEvent.Action.LINK_SEND)
    row = rows.get()
    assert (row.object_type, row.object_id) == ("rights.ticket", str(ticket.pk))
    assert row.actor_id == privacy_officer.pk and row.subject_ref == person.pk
    desk.cookies["django_language"] = lang
    history = desk.get(f"/admin/rights/ticket/{ticket.pk}/history/", follow=True)
    assert row in history.context["cl"].result_list
    said = {"kk": "растау сілтемесін қызметкер жіберді",
            "ru": "ссылка для подтверждения отправлена сотрудником"}[lang]  # fmt: skip
    assert said in history.content.decode().lower()
