"""What the officer types in «Reason or answer» on carrying out a request reaches the person in
the letter, set apart under its own heading in the person's language, and stays with the
request (but for a destruction's, which the request keeps no more than anything else written
about the person: test_destroyed_words.py): the box said so, but for an answer of fixed text (a
correction, an access answer, a destruction) the words were dropped."""

import pytest
from django.core import mail

from consent.core.models import AuditEvent
from consent.rights.models import Ticket

from .conftest import act, mails_to

Type, Status = Ticket.Type, Ticket.Status
# Written in the request's language, as the desk asks (answer_language.py): the letter is
# wholly the person's (L24).
WORDS = {
    "kk": "Құжатыңызды 2 желтоқсанда алдық; сұрақтар болса, 8 727 000 00 00 нөміріне "
    "қоңырау шалыңыз.",
    "ru": "Ваш документ получен 2 декабря; если есть вопросы, звоните по номеру 8 727 000 00 00.",
}
HEADING = {"kk": "Өтінішіңізді қараған қызметкердің түсініктемесі:",
           "ru": "Комментарий сотрудника, рассмотревшего ваш запрос:"}  # fmt: skip


def confirmed(kind, language):
    from consent.rights.tickets import ticket_open, ticket_verify

    ticket = ticket_open(kind=kind, email="asel@example.kz", language=language, channel="web")
    ticket_verify(ticket)
    return Ticket.objects.get(pk=ticket.pk)


def letter_to_person():
    """The answer's text: from the outbox, or, for a destruction, sent without a trace."""
    sent = [m.body for m in mail.outbox if "asel@example.kz" in m.to]
    return (sent or [m.message for m in mails_to("asel@example.kz")])[-1]


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize(
    "kind, fields",
    [(Type.CORRECT, {"document": "Куәлік № 0451", "phone": "+77057654321"}),
     (Type.ACCESS, {}), (Type.DESTROY, {}), (Type.BLOCK, {})],
)  # fmt: skip
def test_the_officers_words_reach_the_person_and_stay_with_the_request(
    privacy_officer_client, person, kind, fields, language, django_capture_on_commit_callbacks
):
    ticket = confirmed(kind, language)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(privacy_officer_client, ticket, reason=WORDS[language], **fields)
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    letter = letter_to_person()
    assert f"{HEADING[language]}\n{WORDS[language]}" in letter  # set apart, under its heading
    other = HEADING["ru" if language == "kk" else "kk"]
    assert other not in letter  # the rest of the letter in the person's language
    if kind == Type.DESTROY:  # the letter told them; the request keeps nothing anyone wrote
        assert ticket.outcome == ""
    else:
        assert ticket.outcome.endswith(f"{HEADING[language]}\n{WORDS[language]}")
    closing = AuditEvent.objects.filter(action=AuditEvent.Action.REQUEST_CLOSE).latest("id")
    assert closing.detail.get("officer_words") is True


def test_nothing_typed_adds_nothing(privacy_officer_client, person):
    ticket = confirmed(Type.ACCESS, "kk")
    act(privacy_officer_client, ticket, reason="  \u200b ")
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE and HEADING["kk"] not in ticket.outcome
    assert HEADING["kk"] not in letter_to_person()


def test_a_refusal_still_needs_its_reasons(privacy_officer_client, person):
    ticket = confirmed(Type.CORRECT, "kk")
    page = act(privacy_officer_client, ticket, action="refuse", reason=" ").content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and "errorlist" in page
