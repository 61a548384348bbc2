"""A letter filed with an open request, as the desk says it (compliance L7): the same request
sent again while the first is open (joining.file_repeat) is said to ask the same, not to quote
the first. The panel told the officer of every filed letter that it «was filed with the request
it quotes», and its status that it answers it: of a person who wrote again on Monday, having
heard nothing since Friday, and quoted no number at all."""

import re

import pytest

from consent.rights.intake import ingest
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login

from .conftest import mails_to, message

REPEATS = {
    "kk": "Бұл өтініш өзі қосылған өтінішті қайталайды",
    "ru": "Это сообщение повторяет запрос, к которому оно добавлено",
}
QUOTES = {
    "kk": "Бұл хат өзі сілтеме жасаған өтінішке қосылды",
    "ru": "Это письмо добавлено к запросу, номер которого в нём указан",
}
NO_DUE = {"kk": "өз мерзімі жоқ: № {ref} өтінішке қосылды",
          "ru": "своего срока нет: добавлен к запросу № {ref}"}  # fmt: skip
STATUS = {
    "kk": "жабылды: өзі жауап беретін немесе қайталайтын өтінішке қосылды",
    "ru": "закрыт: добавлен к запросу, на который отвечает или который повторяет",
}


def page(desk, ticket, lang):
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    return re.sub(r"\s+", " ", html.replace("\xa0", " "))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_same_request_written_again_is_said_to_repeat_it(
    client, privacy_officer, person, time_machine, lang
):
    time_machine.move_to("2026-12-04 17:00+05:00", tick=False)  # Friday
    first = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    ticket_verify(first)
    time_machine.move_to("2026-12-07 09:00+05:00", tick=False)  # Monday, no number quoted
    again = ingest(message("Запрос доступа", message_id="<again@x>",
                           body="Прошу предоставить копию моих персональных данных. "
                                "Я уже писала в пятницу."))  # fmt: skip
    assert (again.type, again.regarding_id, again.is_filed) == ("access", first.pk, True)
    desk = verified_login(client, privacy_officer)
    shown = page(desk, again, lang)
    assert REPEATS[lang] in shown and QUOTES[lang] not in shown
    assert STATUS[lang] in shown
    # It has no deadline of its own: the first one's is answered (it showed 10.12.2026).
    assert NO_DUE[lang].format(ref=first.reference) in shown
    assert {"kk": "10 желтоқсан", "ru": "10 декабря"}[lang] not in shown
    listing = desk.get("/admin/rights/ticket/?due=all").content.decode().replace("\xa0", " ")
    assert NO_DUE[lang].format(ref=first.reference) in listing


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_reply_quoting_the_request_is_still_said_to_quote_it(desk, person, lang):
    first = ingest(message("", message_id="<asked@x>", body="Удалите мои данные"))
    confirmation = mails_to("asel@example.kz")[-1]
    quoted = "\n".join(f"> {line}" for line in confirmation.message.splitlines())
    reply = ingest(message(f"Re: {confirmation.subject}", message_id="<answer@x>",
                           body=f"Подтверждаю, удаляйте\n\n{quoted}"))  # fmt: skip
    assert (reply.regarding_id, reply.is_filed) == (first.pk, True)
    shown = page(desk, reply, lang)
    assert QUOTES[lang] in shown and REPEATS[lang] not in shown
