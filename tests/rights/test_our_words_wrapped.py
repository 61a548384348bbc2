"""Our own words come back as mail programs carry them (compliance L7): a paragraph of our privacy
page pasted and hard-wrapped at 72 characters, a line beginning with a capital inside its
sentence; our mail quoted with «> » and wrapped again, its last words on lines without the mark;
and a phrase the intake reads, a staff member's row too, written above a pasted sentence of ours.
"""

import textwrap
from itertools import pairwise

import pytest

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.reading import html_text

from .conftest import mails_to, message, untouched
from .test_recognition import staff_officer

Type = Ticket.Type
WIDTH = 72  # where mail programs wrap a line they send (RFC 3676 suggests at most 78)
ASKS_WHAT = {"ru": "Мне пришло это письмо, что это?", "kk": "Маған мына хат келді, бұл не?"}


def wrapped(text, width=WIDTH):
    """`text` as a mail program sends it: each paragraph's lines broken where a word ends."""
    return "\n".join("\n".join(textwrap.wrap(line, width)) or line for line in text.split("\n"))


def quoted(text, width=WIDTH):
    """`text` quoted in a reply and wrapped to `width` as Outlook's plain text and many webmails
    do: «> » before each line of ours, then the line broken where a word ends, the mark left on
    its first piece only."""
    lines = []
    for line in text.split("\n"):
        lines += textwrap.wrap(f"> {line}", width) if line.strip() else [">"]
    return "\n".join(lines)


def our_line():
    """The line of our last mail to Әсел that names our address."""
    return next(line for line in mails_to("asel@example.kz")[-1].message.split("\n") if "@" in line)


def privacy_lines(client, lang):
    """The privacy page's paragraphs that tell a person what to write to us, and where."""
    page = html_text(client.get(f"/{lang}/privacy/").content.decode()).split("\n")
    told = [line for line in page if "@" in line and len(line) > WIDTH]
    assert told
    return "\n\n".join(told)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_our_page_pasted_and_hard_wrapped_asks_nothing(client, person, lang):
    """The privacy page's paragraphs pasted under «что это?» and wrapped at 72 characters: a
    line beginning «Пользователь…», «Операторға…» inside a sentence was read as a sentence of
    no one's, and «…с пометкой «Обновление персональных данных».» opened a correction, «…«Отзыв
    согласия…» a request of the writer's."""
    pasted = wrapped(privacy_lines(client, lang))
    assert any(line[:1].isupper() and not before.endswith(".")
               for before, line in pairwise(pasted.split("\n")))  # fmt: skip
    found = ingest(message("Хат", message_id="<wrapped@x>", body=f"{ASKS_WHAT[lang]}\n\n{pasted}"))
    assert getattr(found, "type", Type.OTHER) == Type.OTHER and untouched(person)
    # What the writer asks above it is still read.
    asked = {"ru": "Отписываюсь от рассылки.", "kk": "Жаңалықтардан бас тартамын."}[lang]
    ticket = ingest(message("Хат", message_id="<asked@x>", body=f"{asked}\n\n{pasted}"))
    assert ticket.type == Type.UNSUBSCRIBE
    assert gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("width", [WIDTH, 60, 40])
def test_our_mail_quoted_and_wrapped_again_asks_nothing(client, person, contact_data, lang, width):
    """Our acknowledgement and the privacy page quoted in a reply, re-wrapped by the writer's mail
    program: the words it carried out of each quoted line stood without «>», and «em.alu.plus@…
    с пометкой «Отзыв согласия на обработку персональных данных».» withdrew every consent as
    it arrived."""
    client.post(f"/{lang}/contact/", contact_data(message="Вопрос о курсах"))
    ours = f"{mails_to('asel@example.kz')[-1].message}\n\n{privacy_lines(client, lang)}"
    reply = quoted(ours, width)
    assert any(line.strip() and not line.startswith(">") for line in reply.split("\n"))
    body = f"{ASKS_WHAT[lang]}\n\n{reply}"
    found = ingest(message("Re: Хат", message_id=f"<quoted-{width}@x>", body=body))
    assert getattr(found, "type", Type.OTHER) == Type.OTHER and untouched(person)
    # An answer written right under a quoted line, no blank line between, is the writer's.
    answer = {"ru": "Отписываюсь от рассылки.", "kk": "Жаңалықтардан бас тартамын."}[lang]
    first = reply.split("\n")[0]
    body = f"{first}\n{answer}\n\n{reply}"
    ticket = ingest(message("Re: Хат", message_id=f"<answered-{width}@x>", body=body))
    assert ticket.type == Type.UNSUBSCRIBE


@pytest.mark.parametrize("lang, phrase, kind", [
    ("ru", "Отозвать согласие.", Type.WITHDRAW),  # also our consent page's button
    ("kk", "Деректерді жою.", Type.DESTROY),  # also our request form's type
])  # fmt: skip
def test_a_phrase_the_intake_reads_above_our_words_is_the_writers(
    client, person, contact_data, lang, phrase, kind
):
    """«Отозвать согласие.» written above a line of our mail: a row of the phrase table, and a
    short sentence of ours too (a button), it was read as ours beside our mail and set aside
    with it; nothing was withdrawn. Only the policy's own phrases were never ours."""
    client.post(f"/{lang}/contact/", contact_data(message="Вопрос о курсах"))
    where = our_line()
    ticket = ingest(message("Хат", message_id="<row@x>", body=f"{phrase}\n{where}"))
    assert ticket.type == kind


def test_a_phrase_staff_add_in_the_admin_is_never_ours(client, person, contact_data):
    """A privacy officer adds «Разблокирование обработки», the desk's own name of the request,
    as a phrase: a letter written so above a line of our mail it answers opens the request."""
    client.post("/ru/contact/", contact_data(message="Вопрос о курсах"))
    where = our_line()
    body = f"Разблокирование обработки.\n{where}"
    found = ingest(message("Хат", message_id="<before@x>", body=body))
    assert getattr(found, "type", Type.OTHER) == Type.OTHER  # set aside: no phrase yet
    staff_officer(client)
    response = client.post("/admin/rights/intakephrase/add/", {
        "phrase": "Разблокирование обработки", "type": "unblock", "language": "ru",
        "active": "on", "note": "the desk's own words",
    })  # fmt: skip
    assert response.status_code == 302, response.content.decode()
    assert ingest(message("Хат", message_id="<after@x>", body=body)).type == Type.UNBLOCK
