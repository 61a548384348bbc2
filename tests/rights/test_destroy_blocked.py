"""Destroying a blocked person's data (compliance L12, L13; Art. 25(2)(8) of Law 94-V): at the
person's own request, or when the block ends with a finding of unlawful processing; never as
the answer to something else. The desk says which, in the officer's language."""

import pytest

from consent.core import gate
from consent.core.ledger import subject_block
from consent.core.models import AuditEvent, Source, Subject, Tombstone
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import act, confirm, mails_to, web_request

Status = Ticket.Status


def told(response):
    return [str(m) for m in response.context["messages"]]


def blocked_with(person, kind):
    """The person is blocked (a complaint under check) and has a confirmed request of `kind`."""
    subject_block(person, reason="complaint under check", source=Source.ADMIN)
    ticket = ticket_open(kind=kind, email=person.email, language="ru", channel="email")
    ticket_verify(ticket)
    return Ticket.objects.get(pk=ticket.pk)


def page_of(desk, ticket, language):
    desk.cookies["django_language"] = language
    return desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()


@pytest.mark.parametrize("language, note", [
    ("ru", "Закон допускает уничтожение заблокированных данных по просьбе самого человека"),
    ("kk", "Заң бұғатталған деректерді адамның өз өтініші бойынша жоюға рұқсат етеді"),
])  # fmt: skip
def test_a_blocked_persons_own_request_destroys_their_data_and_says_so(
    client, desk, person, mailoutbox, django_capture_on_commit_callbacks, language, note
):
    """Before, the panel said nothing of the block and the destruction went through unmarked."""
    web_request(client, "ru", "destroy")
    subject_block(person, reason="complaint under check", source=Source.ADMIN)
    ticket = confirm(client, "ru")
    assert note in page_of(desk, ticket, language)
    with django_capture_on_commit_callbacks(execute=True):
        done = act(desk, ticket)
    assert len(told(done)) == 1
    assert not Subject.objects.filter(pk=person.pk).exists()
    assert Tombstone.objects.filter(request_ref=ticket.reference).exists()
    closed = AuditEvent.objects.get(action="request_close", object_id=str(ticket.pk))
    assert closed.detail["blocked"] is True
    assert "Ваш запрос" in mailoutbox[-1].subject


def test_a_blocked_persons_correction_is_not_answered_by_destroying(desk, person):
    """Before, "destroy instead of correcting" destroyed blocked data the person never asked
    to have destroyed."""
    ticket = blocked_with(person, "correct")
    page = page_of(desk, ticket, "ru")
    assert 'value="destroy_instead"' not in page
    assert "можно только отказать" in page
    refused = act(desk, ticket, "destroy_instead", reason="Не подтверждено")
    assert "Для этого запроса такое действие не предусмотрено" in refused.content.decode()
    # Even past the panel, the operation refuses it.
    from django.core.exceptions import ValidationError

    from consent.rights.answers import ticket_destroy_instead

    with pytest.raises(ValidationError, match="Заблокированные данные уничтожаются только"):
        ticket_destroy_instead(ticket, reason="Не подтверждено", actor=None)
    assert Subject.objects.filter(pk=person.pk).exists() and gate.is_blocked(person)
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN


def test_a_block_that_ends_with_a_finding_of_unlawful_processing_destroys_the_data(
    desk, person, mailoutbox, django_capture_on_commit_callbacks
):
    ticket = blocked_with(person, "unblock")
    page = page_of(desk, ticket, "ru")
    assert "Уничтожить данные: обработка признана неправомерной" in page
    empty = act(desk, ticket, "destroy_unlawful", reason=" ")
    assert "Напишите вывод" in empty.content.decode()
    assert Subject.objects.filter(pk=person.pk).exists()

    finding = "Проверка установила, что данные получены без согласия."
    with django_capture_on_commit_callbacks(execute=True):
        done = act(desk, ticket, "destroy_unlawful", reason=finding)
    assert told(done) == ["Готово: данные уничтожены, ответ заявителю отправлен."]
    assert not Subject.objects.filter(pk=person.pk).exists()
    closed = AuditEvent.objects.get(action="request_close", object_id=str(ticket.pk))
    assert closed.detail["unlawful"] is True and closed.detail["blocked"] is True
    assert finding in mailoutbox[-1].body and mailoutbox[-1].to == ["asel@example.kz"]


def test_an_unblock_request_of_someone_not_blocked_offers_no_destruction(desk, person):
    ticket = ticket_open(kind="unblock", email=person.email, language="ru", channel="email")
    ticket_verify(ticket)
    assert "destroy_unlawful" not in page_of(desk, ticket, "ru")
    refused = act(desk, ticket, "destroy_unlawful", reason="x")
    assert "Для этого запроса такое действие не предусмотрено" in refused.content.decode()
    assert Subject.objects.filter(pk=person.pk).exists()


@pytest.mark.parametrize("purpose, destroys", [("", True), ("marketing", False)])
def test_a_blocked_persons_withdrawal_says_whether_it_destroys(desk, person, purpose, destroys):
    """A withdrawal of one purpose while another consent stands keeps the data: the block note
    must not promise a destruction that does not happen."""
    subject_block(person, reason="complaint under check", source=Source.ADMIN)
    ticket = ticket_open(kind="withdraw", email=person.email, language="ru", channel="web",
                         purpose=purpose)  # fmt: skip
    ticket_verify(ticket)
    page = page_of(desk, ticket, "ru")
    assert ("Закон допускает уничтожение заблокированных данных" in page) is destroys
    act(desk, ticket)
    assert Subject.objects.filter(pk=person.pk).exists() is not destroys


@pytest.mark.parametrize("language, note", [
    ("ru", "Обработка данных этого человека уже заблокирована"),
    ("kk", "Бұл адамның деректерін өңдеу бұғатталып қойған"),
])  # fmt: skip
def test_a_second_request_to_block_is_answered_blocked_not_refused(desk, person, language, note):
    """A request to block from a person already blocked (sent twice, by the form and by email,
    or reopened because its answer never came): «carry out» was refused with «unblock or
    destroy first», so the officer could only refuse it, and the person was told that their
    request to block was refused while their data was blocked."""
    from consent.core.models import LedgerEntry

    ticket = blocked_with(person, "block")
    assert note in page_of(desk, ticket, language)
    act(desk, ticket)
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE and gate.is_blocked(person)
    assert LedgerEntry.objects.filter(subject=person, kind="block").count() == 1
    assert "Обработка ваших данных заблокирована" in mails_to(person.email)[-1].message
    closing = AuditEvent.objects.filter(action="request_close").latest("id")
    assert closing.detail["already_blocked"] is True and closing.actor_label == "olga"


# What the officer may do with a blocked person's request to be carried out: refuse it, or wait
# for the block to be lifted by their request to unblock; never «unblock or destroy first».
ONLY_REFUSED = {
    "kk": ("бұл өтініш орындалмады", "бұғаттан шығару туралы өтінішіне",
           "тек себебін көрсетіп бас тартуға болады"),
    "ru": ("запрос не выполнен", "запрос о\xa0разблокировании",
           "можно только отказать с\xa0указанием причин"),
}  # fmt: skip
MISFIT = {"kk": "алдымен бұғаттан шығарыңыз", "ru": "сначала разблокируйте"}


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("kind", ["correct"])  # access: test_blocked_access.py
def test_carrying_out_a_blocked_persons_request_says_what_is_left_to_the_officer(
    desk, person, kind, language
):
    """The panel offers «carry out» beside «refuse»; pressed for a blocked person it answered
    «unblock or destroy first, or refuse», though no officer lifts a block or destroys blocked
    data at will. It now says the request was not carried out, that until the block is lifted
    by the person's request to unblock it can only be refused with reasons, and nothing
    happens."""
    ticket = blocked_with(person, kind)
    page = page_of(desk, ticket, language)
    assert 'value="do"' in page
    fields = {"full_name": person.full_name, "email": person.email} if kind == "correct" else {}
    done = act(desk, ticket, "do", **fields).content.decode()
    assert all(words in done for words in ONLY_REFUSED[language]), done
    assert MISFIT[language] not in done
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and gate.is_blocked(person)
    assert not AuditEvent.objects.filter(action__in=["subject_export", "subject_edit"]).exists()
