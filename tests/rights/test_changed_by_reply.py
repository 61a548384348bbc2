"""A reply to the confirmation mail that changes the request it answers («Передумала, не доступ,
а удалите мои данные», «Ойымды өзгерттім: қол жеткізу емес, деректерімді жойыңыз») opened the
new request beside the old one: the access request still waited for its link, and the person
got two links, one for what they no longer want (compliance L7, L8). The changed request takes
the place of the one it changes: one link goes, for the new request, and once it is pressed
the one it changes is closed, its link confirming nothing now (not as the letter arrives:
anyone can write in the person's name, tests/rights/test_forged_change.py)."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import confirm_link, mails_to, message, untouched

Type, Status = Ticket.Type, Ticket.Status


def gmail(answer, confirmation):
    quoted = "\n".join(f"> {line}" if line else ">" for line in confirmation.splitlines())
    attribution = "вс, 6 дек. 2026 г. в 10:00, «ЕМ АЛУ плюс» <em.alu.plus@mail.kz>:"
    return f"{answer}\n\n{attribution}\n\n{quoted}"


def outlook(answer, confirmation):
    head = ("From: «ЕМ АЛУ плюс» <em.alu.plus@mail.kz>\nSent: Sunday, December 6, 2026 10:00 AM\n"
            "To: asel@example.kz\nSubject: Растаңыз")  # fmt: skip
    return f"{answer}\n\n________________________________\n{head}\n\n{confirmation}"


def asked_then_answered(asked, answer, shape):
    first = ingest(message("", message_id="<asked@x>", body=asked))
    confirmation = mails_to("asel@example.kz")[-1]
    before, link = len(mails_to("asel@example.kz")), confirm_link()
    reply = ingest(message(f"Re: {confirmation.subject}", message_id="<answer@x>",
                           body=shape(answer, confirmation.message)))  # fmt: skip
    first.refresh_from_db()
    return first, reply, mails_to("asel@example.kz")[before:], link


@pytest.mark.parametrize("shape", [gmail, outlook])
@pytest.mark.parametrize("asked,answer", [
    ("Какие мои данные у вас хранятся?", "Передумала, не доступ, а удалите мои данные."),
    ("Какие мои данные у вас хранятся?", "Нет, не доступ, а удаление данных."),
    ("Какие мои данные у вас хранятся?", "Передумала. Удалите всё, что у вас есть обо мне."),
    ("Мен туралы қандай ақпарат бар?", "Ойымды өзгерттім: қол жеткізу емес, деректерімді жойыңыз."),
    ("Мен туралы қандай ақпарат бар?", "Жоқ, қол жеткізу емес, мен туралы бәрін жойыңыз."),
])  # fmt: skip
def test_a_reply_that_changes_the_request_replaces_it(client, person, asked, answer, shape):
    first, reply, mailed, old_link = asked_then_answered(asked, answer, shape)
    assert (reply.type, reply.status, reply.regarding_id) == (Type.DESTROY, Status.UNVERIFIED,
                                                              first.pk)  # fmt: skip
    links = [mail for mail in mailed if "/requests/confirm/" in mail.message]
    assert len(links) == 1 and reply.reference in links[0].message
    assert client.post(confirm_link()).status_code == 200  # the new request's link, pressed
    first.refresh_from_db()
    assert (first.type, first.status) == (Type.ACCESS, Status.CLOSED)
    assert reply.reference in first.outcome
    assert not Ticket.objects.filter(status=Status.UNVERIFIED).exists()
    client.get(old_link)  # the closed request's link, pressed after all
    first.refresh_from_db()
    assert first.status == Status.CLOSED and untouched(person)


@pytest.mark.parametrize("answer", [
    "И ещё удалите мои данные.",  # another request beside it: both stand
    "Сондай-ақ деректерімді жойыңыз.",
    "Не забудьте, а также удалите мои данные.",
])  # fmt: skip
def test_a_reply_asking_more_keeps_the_request_it_answers(person, answer):
    first, reply, *_ = asked_then_answered("Какие мои данные у вас хранятся?", answer, gmail)
    assert (first.type, reply.type, reply.is_filed) == (Type.ACCESS, Type.DESTROY, False)


@pytest.mark.parametrize("answer", ["Всё хорошо, спасибо!", "Удалите всё лишнее из письма."])
def test_a_reply_naming_no_request_changes_nothing(person, answer):
    first, *_ = asked_then_answered("Какие мои данные у вас хранятся?", answer, gmail)
    assert (first.type, first.status) == (Type.ACCESS, Status.UNVERIFIED)
    assert not Ticket.objects.filter(type=Type.DESTROY).exists()
