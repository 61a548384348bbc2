"""Every right from the web form to a closed request, answered in the person's language
(compliance L7, L9-L16)."""

import json
from datetime import date

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from post_office.models import STATUS, Email

from consent.core import gate
from consent.core.delivery import send_queued
from consent.core.models import AuditEvent, Source, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.texts import SHOWN

from .conftest import (
    Status,
    act,
    address_corrected,
    confirm,
    confirm_link,
    mails_to,
    web_request,
)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_known_and_unknown_addresses_get_the_same_answer(client, person, lang, time_machine):
    time_machine.move_to(timezone.now(), tick=False)  # its page names the minute it was sent
    known = web_request(client, lang, "access")
    a = client.get(known["Location"])
    unknown = web_request(client, lang, "access", email="stranger@example.kz")
    b = client.get(unknown["Location"])
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert a.content == b.content
    assert len(mails_to("asel@example.kz")) == 1  # the confirmation link
    assert "/requests/confirm/" not in mails_to("stranger@example.kz")[0].message


def test_nothing_happens_before_the_person_confirms(client, officer_client, person):
    web_request(client, "kk", "destroy")
    ticket = Ticket.objects.get()
    assert ticket.status == Status.UNVERIFIED
    for action in ("do", "refuse", "destroy_instead"):  # the panel offers none of them
        response = act(officer_client, ticket, action, reason="Art. 8(2)")
        assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Status.UNVERIFIED and ticket.outcome == ""
    assert Subject.objects.filter(pk=person.pk).exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_mailed_to_an_address_since_corrected_confirms_nothing(client, person, lang):
    """The confirmation link goes to the address on record. Once a correction has moved the
    person to another address, the old mailbox may be someone else's: its link confirmed
    destruction or a withdrawal of the person's data for seven days after."""
    web_request(client, lang, "destroy")
    path = confirm_link()
    address_corrected(person, "asel.new@example.kz")
    assert client.get(path).status_code == 400
    assert client.post(path).status_code == 400
    assert Ticket.objects.get(type="destroy").status == Status.UNVERIFIED
    web_request(client, lang, "destroy", email="asel.new@example.kz")  # the new address can
    client.post(confirm_link("asel.new@example.kz"))
    assert Ticket.objects.filter(type="destroy", status=Status.OPEN).count() == 1


def test_access_request_end_to_end(client, officer_client, person, make_subject):
    make_subject(full_name="Other Person", email="other@example.kz")
    web_request(client, "ru", "access")
    ticket = confirm(client, "ru")
    assert ticket.status == Status.OPEN
    assert AuditEvent.objects.filter(action="request_verify", subject_ref=person.pk).exists()
    act(officer_client, ticket)
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    answer = mails_to("asel@example.kz")[-1]
    assert "Здравствуйте" in answer.message
    names = sorted(a.name for a in answer.attachments.all())
    assert names == [f"{ticket.reference}.json", f"{ticket.reference}.pdf"]
    data = json.loads(answer.attachments.get(name__endswith=".json").file.read())
    assert data["data"]["email"] == "asel@example.kz" and data["data"]["phone"] == "+77011234567"
    assert {p["code"] for p in data["purposes"]} == {SERVICE, MARKETING}
    assert len(data["consent_history"]) == 2 and data["purposes"][0]["third_party_recipients"]
    assert "other@example.kz" not in json.dumps(data)
    assert AuditEvent.objects.filter(action="subject_export", subject_ref=person.pk).count() == 1


def test_block_then_unblock(client, officer_client, person):
    web_request(client, "kk", "block", message="Келісімсіз жіберілді")
    act(officer_client, confirm(client), reason="complaint received")
    assert not gate.may_process(person, SERVICE) and gate.is_blocked(person)
    Ticket.objects.all().delete()
    # Unblocking is not offered on the public form: it follows a check by staff, or a request
    # received by other means, confirmed like any other.
    from consent.rights.tickets import ticket_open

    ticket_open(kind="unblock", email="asel@example.kz", language="kk", channel="email")
    response = act(officer_client, confirm(client), reason="")
    assert gate.is_blocked(person)  # unblocking needs a recorded reason
    assert response.status_code == 200
    act(officer_client, Ticket.objects.get(), reason="violation not confirmed")
    assert gate.may_process(person, SERVICE)


@pytest.mark.parametrize(
    "ticket_type,lang,days,greeting",
    [("publication_removal", "kk", 1, "Сәлеметсіз бе"),
     ("transfer_notice", "ru", 10, "Здравствуйте"),
     ("automated_objection", "kk", 3, "Сәлеметсіз бе")],
)  # fmt: skip
def test_art_6_19_requests_are_answered_by_staff_in_writing(
    client, officer_client, person, ticket_type, lang, days, greeting
):
    """Legal item 8: removal from public sources, notice of transfers, objection to automated
    decisions — filed on the web form, due in their working days, answered in writing."""
    from django.utils import translation
    from django.utils.html import escape

    from consent.rights.desk_notes import ANSWER_HELP
    from consent.workdays.calendar import due_date

    assert f'value="{ticket_type}"' in client.get(f"/{lang}/requests/new/").content.decode()
    web_request(client, lang, ticket_type)
    ticket = confirm(client, lang)
    assert ticket.due_date == due_date(ticket.received_at, days)
    response = officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/")
    with translation.override(response["Content-Language"]):
        help_text = escape(str(ANSWER_HELP[ticket_type]))
        no_answer = escape(translation.gettext("Write the answer to the person."))
    assert help_text in response.content.decode()
    assert no_answer in act(officer_client, ticket).content.decode()  # nothing written
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    # Written in the request's language: the letter it goes into is wholly the person's (L24).
    words = {"kk": "Біз сіздің деректеріңізді жарияламаймыз.", "ru": "Мы не публикуем ваши данные."}
    act(officer_client, ticket, reason=words[lang])
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    answer = mails_to("asel@example.kz")[-1]
    assert greeting in answer.message and words[lang] in answer.message


def test_destroy_request_end_to_end(
    client, officer_client, person, django_capture_on_commit_callbacks, mailoutbox
):
    web_request(client, "kk", "destroy")
    ticket = confirm(client)
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, ticket)
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE and ticket.email == "" and ticket.subject_id is None
    assert not Email.objects.filter(to__icontains="asel@example.kz").exists()
    assert [m.to for m in mailoutbox] == [["asel@example.kz"]]  # answered, and nothing kept
    assert "Сәлеметсіз бе" in mailoutbox[0].body
    assert AuditEvent.objects.filter(action="subject_destroy").count() == 1


def test_a_blocked_person_is_not_edited_exported_or_mailed(client, officer_client, person, texts):
    from consent.core.ledger import subject_block
    from consent.rights.tickets import ticket_open

    subject_block(person, reason="complaint", source=Source.ADMIN)
    # staff cannot edit the record in the admin
    response = officer_client.post(
        f"/admin/consent/subject/{person.pk}/change/", {"full_name": "x"}
    )
    assert response.status_code == 403
    # a correction cannot be carried out, only refused or answered by unblocking (an access
    # request is answered to the person themself: test_blocked_access.py)
    for ticket_type in ("correct",):
        ticket = ticket_open(kind=ticket_type, email="asel@example.kz", language="kk",
                           channel="email")  # fmt: skip
        from consent.rights.tickets import ticket_verify

        ticket_verify(ticket)
        ticket.refresh_from_db()
        page = act(officer_client, ticket, full_name="New", document="doc").content.decode()
        ticket.refresh_from_db()
        assert ticket.status == Status.OPEN, page[:200]
    # a new form from the blocked person is kept, but no acknowledgement goes to them: queued
    # as anyone's (the form takes as long), held back by the sender
    form = {"token": aged_token(), **SHOWN, "full_name": "Әсел", "email": "asel@example.kz",
            "phone": "8 701 123 45 67", "message": "hi", "consent_service": "on",
            "consent_marketing": "on"}  # fmt: skip
    before = [m.id for m in mails_to("asel@example.kz")]
    assert client.post("/kk/contact/", form).status_code == 302
    Email.objects.update(scheduled_time=None)
    send_queued()
    made = Email.objects.filter(to__icontains="asel@example.kz").exclude(id__in=before)
    assert [(m.status, m.expires_at is not None) for m in made] == [(STATUS.queued, True)] * 2


def test_a_kazakh_speaking_officer_answers_a_russian_speaker_in_russian(
    client, officer_client, person
):
    """The answer's subject and text are in the person's language, not the staff member's."""
    web_request(client, "ru", "access")
    ticket = confirm(client, "ru")
    page = act(officer_client, ticket).content.decode()
    assert 'lang="kk"' in page  # the admin the officer works in is Kazakh
    answer = mails_to("asel@example.kz")[-1]
    assert answer.subject == f"Ваш запрос №\N{NO-BREAK SPACE}{ticket.reference}"
    assert "приложены к\xa0письму в\xa0форматах JSON и\xa0PDF" in answer.message
    ticket.refresh_from_db()
    assert ticket.outcome.startswith("Данные, связанные с\xa0этим адресом")


def test_a_form_from_a_blocked_person_adds_nothing_to_their_record(client, texts, make_subject):
    """Legal item 12 (Art. 1(3)): blocking suspends supplementing the data too. A new form sent
    under a blocked person's address is kept for staff, but fills in nothing of their record."""
    from consent.core.ledger import subject_block

    blocked = make_subject(full_name="Әсел Қасымова", email="asel@example.kz", phone=None)
    subject_block(blocked, reason="complaint", source=Source.ADMIN)
    form = {"token": aged_token(), **SHOWN, "full_name": "Әсел", "email": "asel@example.kz",
            "phone": "8 701 123 45 67", "message": "hi", "consent_service": "on"}  # fmt: skip
    assert client.post("/kk/contact/", form).status_code == 302
    blocked.refresh_from_db()
    assert blocked.phone is None


CONFIRM_BUTTON = {"kk": "Өтінішті растау", "ru": "Подтвердить запрос"}
WE_WILL_ANSWER = {"kk": "Жауап беру мерзімі: ", "ru": "Мы ответим на запрос"}
ANSWERED = {"kk": "жауап берілді", "ru": "уже дан ответ"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_confirmation_link_tapped_again_says_where_the_request_stands(client, person, lang):
    """The person taps the link in the mail a second time (to check, or from another device):
    the page asked «Confirm your request» with its button again, as if the first tap had done
    nothing, and still did once the request was answered, with a due date long past. It says
    the request is confirmed and when it is answered, or that it has been answered, and when."""
    web_request(client, lang, "destroy")
    path = confirm_link()
    client.post(path)
    again = client.get(path).content.decode()
    with translation.override(lang):
        due = date_format(Ticket.objects.get().due_date, "DATE_FORMAT")
        closed = date_format(date(2026, 12, 4), "DATE_FORMAT")  # the local day in Almaty
    assert CONFIRM_BUTTON[lang] not in again and WE_WILL_ANSWER[lang] in again and due in again
    Ticket.objects.update(status=Status.DONE, closed_at="2026-12-03T20:30:00+00:00")
    answered = client.get(path).content.decode()
    assert CONFIRM_BUTTON[lang] not in answered and ANSWERED[lang] in answered
    assert closed in answered


def test_the_confirm_button_pressed_again_after_the_answer_reopens_nothing(
    client, officer_client, person
):
    """The confirmation page left open in a second tab, its button pressed after the officer has
    answered the request: the request stays answered with the moment it was confirmed, and
    nothing is confirmed, carried out or mailed again (compliance L9: a link never reopens a
    request). Before, the press would have made an answered request open again, due and on the
    desk, for an officer to send the person's data a second time."""
    web_request(client, "kk", "access")
    path = confirm_link()
    client.get(path)  # the second tab, still showing the button
    ticket = confirm(client)
    act(officer_client, ticket)
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    mails, audit_rows = len(mails_to(person.email)), AuditEvent.objects.count()
    assert client.post(path).status_code == 200
    again = Ticket.objects.get()
    assert again.status == Status.DONE and again.verified_at == ticket.verified_at
    assert again.closed_at == ticket.closed_at
    assert len(mails_to(person.email)) == mails and AuditEvent.objects.count() == audit_rows


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_used_confirmation_link_says_where_the_request_stands_at_any_age(
    client, person, time_machine, lang
):
    """Tapped again weeks later, the link that confirmed the request said «the link is damaged
    or older than seven days: send the request again», inviting a second request. A link never
    used still stops working after its seven days."""
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    web_request(client, lang, "access")
    used = confirm_link()
    client.post(used)
    web_request(client, lang, "transfer_notice")
    unused = confirm_link()
    Ticket.objects.filter(type="access").update(status=Status.DONE,
                                                closed_at="2026-12-02T05:00:00+00:00")  # fmt: skip
    time_machine.move_to("2027-01-20 10:00+05:00", tick=False)
    answered = client.get(used)
    assert answered.status_code == 200
    assert ANSWERED[lang] in answered.content.decode()
    assert client.post(used).status_code == 200
    assert client.get(unused).status_code == 400 and client.post(unused).status_code == 400
    assert Ticket.objects.get(type="transfer_notice").status == Status.UNVERIFIED


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_web_unsubscribe_says_it_is_done_not_that_it_will_be_answered(client, person, lang):
    """An unsubscribe confirmed by its link is carried out and answered at once; the page said
    «we will answer by …» as for a request still to do."""
    web_request(client, lang, "unsubscribe")
    page = client.post(confirm_link()).content.decode()
    assert Ticket.objects.get().status == Status.DONE
    assert ANSWERED[lang] in page and WE_WILL_ANSWER[lang] not in page


@pytest.mark.parametrize(
    "lang,within", [("kk", "Сілтеме мына уақытқа дейін жарамды:"), ("ru", "Ссылка действует до")]
)
def test_the_page_after_a_request_says_how_long_its_link_works(client, person, lang, within):
    """The page after sending a request said a link was on its way and nothing of its seven
    days: a person who leaves the mail for next week finds a link that no longer works and a
    request closed unconfirmed. It names the day and hour (tests/forms/test_thanks_dates.py)."""
    page = client.get(web_request(client, lang, "access")["Location"]).content.decode()
    assert within in page
