"""Withdrawing consent and unsubscribing: the gate closes at once, data goes only when no purpose
keeps it (compliance L14, L15)."""

import pytest

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, LedgerEntry, Source, StoredFile, Subject
from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE
from consent.rights.models import Ticket

from .conftest import Status, act, confirm, mails_to, web_request


def test_withdraw_closes_the_gate_at_once_then_staff_refuse_with_reasons(
    client, officer_client, person
):
    web_request(client, "ru", "withdraw", purpose=SERVICE)
    ticket = confirm(client, "ru")
    assert not gate.may_process(person, SERVICE)  # at confirmation, before staff act
    assert gate.may_process(person, MARKETING)
    # Art. 8(2): an obligation to the person not yet fulfilled may keep the service's consent,
    # so the panel offers the refusal (a withdrawal of the news it does not: Ticket.refusable).
    panel = officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'value="refuse"' in panel
    act(
        officer_client,
        ticket,
        action="refuse",
        reason="Art. 8(2): the contract is not yet fulfilled.",
    )
    ticket.refresh_from_db()
    assert ticket.status == Status.REFUSED
    answer = mails_to("asel@example.kz")[-1]
    assert "Art. 8(2)" in answer.message and "Здравствуйте" in answer.message


def test_withdraw_all_then_destroy(
    client, officer_client, person, django_capture_on_commit_callbacks
):
    web_request(client, "kk", "withdraw")
    ticket = confirm(client)
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, ticket)
    assert not Subject.objects.filter(pk=person.pk).exists()


def test_withdraw_one_purpose_keeps_the_data_for_the_others(
    client, officer_client, person, django_capture_on_commit_callbacks
):
    from django.utils import translation

    from consent.core.purposes import PURPOSES

    web_request(client, "ru", "withdraw", purpose=MARKETING)
    ticket = confirm(client, "ru")
    assert not gate.may_process(person, MARKETING)  # at confirmation, before staff act
    assert gate.may_process(person, SERVICE)
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, ticket)
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    assert Subject.objects.filter(pk=person.pk, email="asel@example.kz").exists()
    assert gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
    assert not AuditEvent.objects.filter(action="subject_destroy").exists()
    close = AuditEvent.objects.get(action="request_close")
    assert close.actor_label == "alice" and close.detail == {"status": "done", "kept": [SERVICE]}
    answer = mails_to("asel@example.kz")[-1]
    with translation.override("ru"):
        marketing = str(PURPOSES[MARKETING].name)
    assert "Здравствуйте" in answer.message and ticket.reference in answer.message
    assert marketing in answer.message and "уничтожены" not in answer.message


def test_withdrawing_the_service_consent_erases_what_only_the_service_needed(
    client, officer_client, texts, make_subject, settings, tmp_path,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    """Legal item 14: marketing needs only the name and the address; the rest goes."""
    from consent.core.models import Guardian, Submission

    settings.MEDIA_ROOT = tmp_path
    StoredFile.objects.create(name="p.jpg", content=b"encrypted photo", size=15)
    kept = make_subject(full_name="Әсел Қасымова", email="asel@example.kz",
                        phone="+77011234567", birth_place="Өскемен", photo="p.jpg")  # fmt: skip
    sent = {"full_name": "Әсел Қасымова", "email": "asel@example.kz", "phone": "+77011234567",
            "message": "Менің өтінішім"}  # fmt: skip
    Submission.objects.create(subject=kept, source="application_form", language="kk", data=sent)
    Guardian.objects.create(subject=kept, full_name="Ана", contact="+77017654321")
    consent_grant(kept, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM)
    consent_grant(kept, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    web_request(client, "kk", "withdraw", purpose=SERVICE)
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, confirm(client))
    kept.refresh_from_db()
    assert (kept.full_name, kept.email) == ("Әсел Қасымова", "asel@example.kz")
    assert (kept.phone, kept.birth_place, kept.photo.name) == (None, "", "")
    assert not Submission.objects.exists()  # the application was the service's alone
    assert Guardian.objects.get().contact == ""
    assert not StoredFile.objects.filter(name="p.jpg").exists()
    assert gate.may_process(kept, MARKETING) and not gate.may_process(kept, SERVICE)
    edit = AuditEvent.objects.get(action="subject_edit", detail__has_key="fields")
    assert set(edit.detail["fields"]) == {"phone", "birth_place", "photo", "guardian"}


def test_withdraw_of_the_only_consent_destroys(
    client, officer_client, texts, make_subject, django_capture_on_commit_callbacks
):
    only = make_subject(email="asel@example.kz")
    consent_grant(only, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    # cross-border consent is a condition of processing, no purpose to keep data for
    consent_grant(only, texts[CROSS_BORDER], language="kk", source=Source.CONTACT_FORM)
    web_request(client, "kk", "withdraw", purpose=SERVICE)
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, confirm(client))
    assert not Subject.objects.filter(pk=only.pk).exists()


def test_a_blocked_person_withdrawing_one_purpose_is_not_destroyed(
    client, officer_client, person, django_capture_on_commit_callbacks
):
    from consent.core.ledger import subject_block

    subject_block(person, reason="complaint", source=Source.ADMIN)
    web_request(client, "kk", "withdraw", purpose=MARKETING)
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, confirm(client))
    assert Subject.objects.filter(pk=person.pk).exists() and gate.is_blocked(person)
    assert Ticket.objects.get().status == Status.DONE


@pytest.mark.parametrize("purpose,destroys", [(MARKETING, False), ("", True)])
def test_desk_panel_says_whether_a_withdrawal_destroys(
    client, officer_client, person, purpose, destroys
):
    from django.utils import translation
    from django.utils.html import escape

    from consent.rights.desk import ActionForm

    web_request(client, "kk", "withdraw", purpose=purpose)
    ticket = confirm(client)
    response = officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/")
    html = response.content.decode()
    assert 'name="desk_action" value="do"' in html
    with translation.override(response["Content-Language"]):
        note = escape(str(ActionForm(ticket=ticket).do_note()))
        destroy_note = escape(str(ActionForm(ticket=Ticket(type="destroy")).do_note()))
    assert note in html
    assert (destroy_note in html) is destroys


def test_unsubscribe_is_in_force_at_confirmation(client, person):
    web_request(client, "kk", "unsubscribe")
    # anyone can type any address into the web form: nothing changes before the link is used
    assert gate.may_process(person, MARKETING)
    ticket = confirm(client)
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    row = LedgerEntry.objects.get(subject=person, kind="withdraw", purpose=MARKETING)
    assert (row.source, row.reason, row.actor) == ("request_form", ticket.reference, None)


def other_language_words(lang):
    """Words that mark a mail as written in the other language."""
    return ["Здравствуйте", "согласие", "обработ"] if lang == "kk" else ["Сәлеметсіз", "келісім"]


@pytest.mark.parametrize(
    "lang,subject_line,greeting",
    [("kk", "Жеке деректерді өңдеуге келісімді қайтарып алу", "Сәлеметсіз бе"),
     ("ru", "Отзыв согласия на обработку персональных данных", "Здравствуйте")],
)  # fmt: skip
def test_a_withdrawal_mailed_from_an_address_on_record_stops_processing_on_arrival(
    client, officer_client, person, lang, subject_line, greeting,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    """Issue 17 item 4 (compliance L14): stopping processing discloses nothing, so it happens
    when the mail arrives, as for an unsubscribe; what destroys data waits for the link."""
    from django.utils import translation

    from consent.core.purposes import PURPOSES
    from consent.rights.intake import ingest

    from .conftest import message

    ticket = ingest(message(subject_line, message_id=f"<withdraw-{lang}@x>"))
    assert (ticket.type, ticket.language, ticket.purpose) == ("withdraw", lang, "")

    # The ledger: a withdrawal of every consent given, from the email, at arrival.
    withdrawn = LedgerEntry.objects.filter(subject=person, kind="withdraw")
    assert sorted(withdrawn.values_list("purpose", flat=True)) == [MARKETING, SERVICE]
    assert set(withdrawn.values_list("source", "reason")) == {("email_request", ticket.reference)}
    # The gate: closed at once.
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
    # Nothing destroyed, exported or changed before the person confirms; staff cannot act yet.
    assert ticket.status == Status.UNVERIFIED and ticket.verified_at is None
    assert Subject.objects.filter(pk=person.pk, phone="+77011234567").exists()
    assert not AuditEvent.objects.filter(action__in=["subject_destroy", "subject_edit"]).exists()
    act(officer_client, ticket)  # "carry out" is not offered before confirmation: a form error
    assert Subject.objects.filter(pk=person.pk).exists()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.UNVERIFIED

    # The mail, in their language: processing stopped for what, and what happens next.
    mail = mails_to("asel@example.kz")[-1]
    with translation.override(lang):
        names = [str(PURPOSES[code].name) for code in (SERVICE, MARKETING)]
    assert greeting in mail.message and ticket.reference in mail.message
    assert all(name in mail.message and name in mail.html_message for name in names)
    assert f"/{lang}/requests/confirm/" in mail.message
    assert not any(word in mail.message + mail.subject for word in other_language_words(lang))

    # Confirming adds nothing to the ledger; then staff carry it out by the due date.
    ticket = confirm(client, lang)
    assert ticket.status == Status.OPEN and withdrawn.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, ticket)
    assert not Subject.objects.filter(pk=person.pk).exists()


def test_a_withdrawal_mailed_for_one_purpose_stops_only_that_one(texts, person):
    from consent.rights.intake import ingest

    from .conftest import message

    consent_grant(person, texts[CROSS_BORDER], language="ru", source=Source.CONTACT_FORM)
    ticket = ingest(message("Отзыв согласия на трансграничную передачу"))
    assert (ticket.type, ticket.purpose, ticket.status) == ("withdraw", CROSS_BORDER, "unverified")
    assert not gate.may_process(person, CROSS_BORDER)
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


def test_a_withdrawal_mailed_from_an_unknown_address_changes_nothing(person):
    from consent.rights.intake import ingest

    from .conftest import message

    entries = LedgerEntry.objects.count()
    ticket = ingest(message("Отзыв согласия на обработку персональных данных",
                            sender="stranger@example.kz"))  # fmt: skip
    assert ticket.subject is None and LedgerEntry.objects.count() == entries
    assert gate.may_process(person, SERVICE)
    assert "/requests/confirm/" not in mails_to("stranger@example.kz")[-1].message


def test_a_withdrawal_typed_into_the_web_form_waits_for_the_link(client, person):
    """Anyone can type anyone's address into a web form: nothing changes before the link."""
    web_request(client, "ru", "withdraw")
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)
    confirm(client, "ru")
    assert not gate.may_process(person, SERVICE)


@pytest.mark.parametrize(
    "body", ["Как отозвать согласие на обработку данных, если я передумаю?",
             "Келісімді қалай қайтарып алуға болады?"],
)  # fmt: skip
def test_a_question_about_withdrawing_withdraws_nothing(person, body):
    """Processing stops on arrival only for a request, never for a question about one. A
    question of how is the withdrawal's request, asked whether (test_asked_whether.py): due as
    a withdrawal, acting on nothing before the person's link."""
    from consent.rights.intake import ingest

    from .conftest import message

    ticket = ingest(message("Вопрос", body=body))
    assert (ticket.type, ticket.asked_whether, ticket.status) == ("withdraw", True, "unverified")
    assert not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


def test_a_withdrawal_of_a_consent_never_given_says_so(texts, person):
    from consent.rights.intake import ingest

    from .conftest import message

    ticket = ingest(message("Отзыв согласия на трансграничную передачу"))
    assert ticket.purpose == CROSS_BORDER and ticket.status == "unverified"
    mail = mails_to("asel@example.kz")[-1]
    assert (
        "Ни одно из отзываемых согласий не действовало" in mail.message
        and "/ru/requests/confirm/" in mail.message
    )
    assert gate.may_process(person, SERVICE)


def test_withdrawing_the_service_consent_leaves_no_copy_in_the_access_answer_mailed_before(
    officer, texts, make_subject, django_capture_on_commit_callbacks
):
    """Legal items 13 and 14: the phone erased on withdrawal must not stay in the outbox, in the
    access answer (JSON and PDF) mailed days before, kept there for a resend or a retry."""
    from post_office.models import Attachment

    from consent.rights.access import ticket_answer_access
    from consent.rights.tickets import ticket_open, ticket_verify
    from consent.rights.withdrawals import ticket_withdraw

    kept = make_subject(full_name="Әсел Қасымова", email="asel@example.kz", phone="+77011234567")
    consent_grant(kept, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_grant(kept, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    tickets = {}
    for kind, purpose in (("access", ""), ("withdraw", SERVICE)):
        ticket = ticket_open(kind=kind, email=kept.email, language="kk", channel="email",
                             purpose=purpose)  # fmt: skip
        ticket_verify(ticket)
        tickets[kind] = Ticket.objects.get(pk=ticket.pk)
    with django_capture_on_commit_callbacks(execute=True):
        ticket_answer_access(tickets["access"], actor=officer)
    assert any(b"+77011234567" in a.file.read() for a in Attachment.objects.all())
    with django_capture_on_commit_callbacks(execute=True):
        ticket_withdraw(tickets["withdraw"], actor=officer)
    kept.refresh_from_db()
    assert kept.phone is None and gate.may_process(kept, MARKETING)
    assert not [a.name for a in Attachment.objects.all() if b"+77011234567" in a.file.read()]


def test_a_mailed_withdrawal_never_confirmed_destroys_no_one(
    officer_client, officer, person, time_machine, django_capture_on_commit_callbacks
):
    """Anyone can send mail in a person's name. A withdrawal mailed so stops processing as it
    arrives, and its link goes to the person, who never presses it; a week on, the officer
    closes the request as «identity not confirmed», which does nothing to anyone's data. The
    next night's retention found no consent standing and destroyed the person. Now it leaves
    them for staff, the withdrawal standing as it was."""
    from datetime import timedelta

    from django.utils import timezone

    from consent.rights.intake import ingest
    from consent.rights.retention import WITHDRAWN_UNCONFIRMED, enforce_retention
    from tests.staff import verified_login

    from .conftest import message

    ticket = ingest(message("Отзыв согласия на обработку персональных данных",
                            message_id="<forged@x>"))  # fmt: skip
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
    time_machine.move_to(timezone.now() + timedelta(days=8))  # the link expired unused
    act(verified_login(officer_client, officer), ticket, "close")
    assert Ticket.objects.get(pk=ticket.pk).status == "not_confirmed"
    with django_capture_on_commit_callbacks(execute=True):
        plan = enforce_retention()
    assert Subject.objects.filter(pk=person.pk, phone="+77011234567").exists()
    assert (person.pk, WITHDRAWN_UNCONFIRMED) in plan["review"]
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
