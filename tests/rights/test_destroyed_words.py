"""Nothing the officer or the person wrote survives a destruction (Law 94-V Art. 18; compliance
L13). The officer's words typed beside a destruction (`closing.with_officer_words`), the reason
of a «destroy instead», a parent's destruction of what they gave for a child: each reached the
person in the letter and stayed in the request's outcome for good, whatever personal data the
officer had typed there. The request now keeps its number, type, status and dates only."""

import pytest
from django.core import mail

from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, Guardian, Source
from consent.core.purposes import SERVICE
from consent.rights.models import Ticket

from .conftest import act, confirm_link, web_request
from .traces import tables_holding

Type, Status = Ticket.Type, Ticket.Status
MARKER = "Zqtyped"
# What an officer may well type: a document, a telephone number, another person's name.
WORDS = f"Паспорт {MARKER} № 0451, звоните 8 701 555 44 33, спросите Ерлана {MARKER}ова."
PARENT = "gulnar@example.kz"


def confirmed(client, kind, address, **extra):
    web_request(client, "ru", kind, email=address, message=f"{MARKER}: моё сообщение", **extra)
    assert client.post(confirm_link(address)).status_code == 200
    ticket = Ticket.objects.filter(email=address).latest("id")
    assert ticket.status == Status.OPEN
    return ticket


@pytest.mark.parametrize("kind, action", [(Type.DESTROY, "do"), (Type.WITHDRAW, "do"),
                                          (Type.CORRECT, "destroy_instead")])  # fmt: skip
def test_nothing_typed_beside_a_destruction_survives_it(
    client, privacy_officer_client, person, kind, action, django_capture_on_commit_callbacks
):
    ticket = confirmed(client, kind, "asel@example.kz")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = act(privacy_officer_client, ticket, action, reason=WORDS)
    assert response.status_code == 200
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE and ticket.subject_id is None
    (letter,) = [m for m in mail.outbox if "asel@example.kz" in m.to]
    assert WORDS in letter.body  # the person was told, in the letter kept nowhere
    assert (ticket.email, ticket.message, ticket.outcome) == ("", "", "")
    assert tables_holding(MARKER) == []
    assert tables_holding("555 44 33") == []
    closing = AuditEvent.objects.filter(action=AuditEvent.Action.REQUEST_CLOSE).latest("id")
    assert ticket.reference and closing.object_id == str(ticket.pk)  # the record stays


def test_nothing_typed_beside_a_parents_destruction_survives_it(
    client, privacy_officer_client, texts, make_subject, django_capture_on_commit_callbacks
):
    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         birth_date="2012-05-17")  # fmt: skip
    guardian = Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact=PARENT)
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=guardian)  # fmt: skip
    ticket = confirmed(client, Type.DESTROY, PARENT)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(privacy_officer_client, ticket, reason=WORDS)
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    (letter,) = [m for m in mail.outbox if PARENT in m.to]
    assert WORDS in letter.body
    assert (ticket.email, ticket.message, ticket.outcome) == ("", "", "")
    assert tables_holding(MARKER) == [] and tables_holding(PARENT) == []
    assert tables_holding("Гүлнар") == []


WARNING = {"kk": "Мұнда басқа дербес деректерді жазбаңыз",
           "ru": "Не пишите здесь другие персональные данные"}  # fmt: skip


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_answer_box_warns_against_typing_other_personal_data(
    privacy_officer_client, person, client, language
):
    ticket = confirmed(client, Type.DESTROY, "asel@example.kz")
    privacy_officer_client.cookies["django_language"] = language
    page = privacy_officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/")
    assert WARNING[language] in page.content.decode()


def test_a_reason_for_reopening_goes_with_the_persons_data(
    client, privacy_officer_client, person, django_capture_on_commit_callbacks
):
    """The officer's reason for reopening a request was kept in its append-only audit row, for
    good, whatever it named; it is the request's now, and goes when the person is destroyed."""
    access = confirmed(client, Type.ACCESS, "asel@example.kz")
    with django_capture_on_commit_callbacks(execute=True):
        act(privacy_officer_client, access)
    page = privacy_officer_client.post(f"/admin/rights/ticket/{access.pk}/reopen/",
                                       {"reason": WORDS}, follow=True)  # fmt: skip
    assert WORDS in page.content.decode()  # shown on the request's page
    with django_capture_on_commit_callbacks(execute=True):
        act(privacy_officer_client, access)
    destroy = confirmed(client, Type.DESTROY, "asel@example.kz")
    with django_capture_on_commit_callbacks(execute=True):
        act(privacy_officer_client, destroy)
    assert Ticket.objects.get(pk=destroy.pk).status == Status.DONE
    assert tables_holding(MARKER) == []
    reopened = AuditEvent.objects.get(action=AuditEvent.Action.REQUEST_REOPEN)
    assert reopened.detail["reason_written"] is True  # what was done stays proved
