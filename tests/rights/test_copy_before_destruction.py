"""A letter asking for a copy of the data and for its destruction with either's object unsaid
(compliance L7; consent/rights/also.py): «Удалите мои данные, но сначала пришлите копию» opened a
destruction only, which once confirmed ended the data before the person had her copy;
«Алдымен деректерімнің көшірмесін жіберіңіз, содан кейін өшіріңіз» opened an access request with
the destruction listed nowhere; «После того как пришлёте копию, удалите всё» opened "other".

Decided, as for a copy and a destruction both named in full: the access request opens with its
own deadline and lists the destruction, which the person's one mail names and the desk shows;
nothing is destroyed on arrival nor by the access request's link. A copy of something else, or
a destruction of something named, is no bare right of the data."""

import pytest

from consent.core.models import Subject
from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from .conftest import confirm, mails_to, message, untouched

Type = Ticket.Type

BOTH = {
    "ru, the copy after «but first»": ("Удалите мои данные, но сначала пришлите копию", "ru"),
    "ru, the copy first, all deleted": ("После того как пришлёте копию, удалите всё", "ru"),
    "ru, the copy named first": ("Сначала пришлите мне копию, потом удалите мои данные", "ru"),
    "ru, lowercase, no commas": ("удалите мои данные но сначала пришлите копию плиз", "ru"),
    "kk, then delete": ("Алдымен деректерімнің көшірмесін жіберіңіз, содан кейін өшіріңіз",
                        "kk"),
    "kk, the copy after «but first»": ("Деректерімді жойыңыз, бірақ алдымен көшірмесін "
                                       "жіберіңіз", "kk"),
    "kk, Latin letters": ("Aldymen derekterimnin koshirmesin jiberiniz, sodan keiin oshiriniz",
                          "kk"),
    "ru, «before that»": ("Удалите меня из базы. Перед этим пришлите копию", "ru"),
    "kk, «before deleting»": ("Деректерімді жоймас бұрын көшірмесін жіберіңіз", "kk"),
}  # fmt: skip


@pytest.mark.parametrize("body, language", BOTH.values(), ids=BOTH)
def test_a_copy_and_a_bare_destruction_open_the_access_request_naming_both(
    client, person, body, language
):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.language, ticket.limits.get("also")) == (
        Type.ACCESS, language, [Type.DESTROY]
    )  # fmt: skip
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(Type.ACCESS))
    [mail] = mails_to("asel@example.kz")
    told = {"ru": "другой запрос (уничтожение данных)",
            "kk": "басқа да өтініш бар (деректерді жою)"}  # fmt: skip
    assert told[language] in mail.message
    confirm(client, language)  # the access request confirmed: the data and the copy stay
    assert Subject.objects.filter(pk=person.pk).exists() and untouched(person)


ONE = {
    "a copy of a contract": ("Удалите мои данные, но сначала пришлите копию договора",
                             Type.DESTROY),
    "a copy asked how": ("Удалите мои данные. Как получить копию?", Type.DESTROY),
    "a copy refused": ("Удалите мои данные, копию не присылайте", Type.DESTROY),
    "an item deleted beside a copy": ("Пришлите копию моих данных, потом удалите мой старый "
                                      "номер", Type.ACCESS),
    "kk, a deletion refused": ("Деректерімнің көшірмесін жіберіңіз, бірақ өшірмеңіз",
                               Type.ACCESS),
    "a bare copy alone": ("Пришлите копию, пожалуйста", Type.OTHER),
    "a bare deletion alone": ("Удалите всё", Type.OTHER),
    # «Before deleting» told of in another sentence asks no destruction: it opened one beside the
    # copy, named in the person's mail.
    "kk, before deleting I'll think": ("Мен деректерімді жоймас бұрын ойланып көрейін. "
                                       "Көшірмесін жіберіңіз", Type.OTHER),
    "kk, tell me before deleting": ("Деректерімді жоймас бұрын хабарлаңыз. Көшірмесін "
                                    "жіберіңіз", Type.OTHER),
}  # fmt: skip


@pytest.mark.parametrize("body, kind", ONE.values(), ids=ONE)
def test_a_copy_of_something_else_or_a_deletion_refused_is_no_second_right(person, body, kind):
    ticket = ingest(message("", body=body))
    assert ticket.type == kind
    assert Type.DESTROY not in (ticket.limits or {}).get("also", [])
    assert Type.ACCESS not in (ticket.limits or {}).get("also", [])


JOINED = {
    "«так как» before": "Так как я переезжаю удалите мои данные",
    "«так как» after": "Удалите мои данные так как я больше не клиент",
    "«как только»": "Как только сможете удалите мои данные",
}


@pytest.mark.parametrize("body", JOINED.values(), ids=JOINED)
def test_kak_joining_a_clause_is_no_question_of_how(person, body):
    """«Как» in «так как», «как только», «после того как» joins a clause: read as «how», it made
    the destruction a question of whether the writer could (whether.py), or no request at all."""
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.asked_whether) == (Type.DESTROY, False)


def test_a_real_question_of_how_is_still_one(person):
    ticket = ingest(message("", body="Как удалить мои данные?"))
    assert (ticket.type, ticket.asked_whether) == (Type.DESTROY, True)


QUESTIONED = {
    "ru, to whom by a pronoun": ("Удалите мои данные. Кому вы их передавали?", "ru"),
    "ru, passed to anyone": ("Удалите мои данные. Вы их кому-нибудь передавали?", "ru"),
    "kk, to whom by a pronoun": ("Деректерімді жойыңыз. Оларды кімге бердіңіздер?", "kk"),
}


@pytest.mark.parametrize("body, language", QUESTIONED.values(), ids=QUESTIONED)
def test_a_question_of_what_is_done_with_the_data_beside_a_destruction_is_answered_first(
    person, body, language
):
    """A question about the writer's own data asks for access (own_questions.py): beside a
    destruction it was lost, the destruction opened alone."""
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.language, ticket.limits.get("also")) == (
        Type.ACCESS, language, [Type.DESTROY]
    )  # fmt: skip


def test_a_question_of_when_beside_a_destruction_asks_no_access(person):
    ticket = ingest(message("", body="Удалите мои данные. Когда вы их удалите?"))
    assert ticket.type == Type.DESTROY and not ticket.limits


@pytest.mark.live
def test_fetched_from_the_mailbox_the_copy_is_asked_first(mailbox, person):
    """The same letter through the real path: delivered to the IMAP mailbox, fetched."""
    from django.core.management import call_command

    from .conftest import deliver

    deliver(mailbox, message("Өтініш", body="Алдымен деректерімнің көшірмесін жіберіңіз, содан "
                                            "кейін өшіріңіз", message_id="<live@x>"))  # fmt: skip
    call_command("fetch_request_mail")
    ticket = Ticket.objects.get()
    assert (ticket.type, ticket.language, ticket.limits["also"]) == (
        Type.ACCESS, "kk", [Type.DESTROY]
    )  # fmt: skip
    [mail] = mails_to("asel@example.kz")
    assert "басқа да өтініш бар (деректерді жою)" in mail.message and "запрос" not in mail.message
