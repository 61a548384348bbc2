"""«Подтверждаю, удаляйте» written back to the confirmation mail is the person's answer to their
own request, not a request to be told of a deletion (compliance L7, informed.OWN_TELLING). The
first person «подтверждаю» was read as «подтвердите» (confirm to me): an access request was
opened, due in three working days, and the person was sent a second link, for «access to
data», which they never asked for. It is filed with the request it answers, and they are told
that only the link confirms it."""

import re

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message, untouched

Type = Ticket.Type


@pytest.mark.parametrize("answer", [
    "Подтверждаю, удаляйте",
    "Подтверждаю удаление",
    "Да, это я. Подтверждаю удаление.",
])  # fmt: skip
def test_confirming_by_reply_is_filed_with_the_request(person, answer):
    first = ingest(message("", message_id="<asked@x>", body="Удалите мои данные"))
    confirmation = mails_to("asel@example.kz")[-1]
    quoted = "\n".join(f"> {line}" for line in confirmation.message.splitlines())
    attribution = '05.12.2026, 10:00, "«ЕМ АЛУ плюс»" <em.alu.plus@mail.kz>:'  # Yandex
    reply = ingest(message(f"Re: {confirmation.subject}", message_id="<answer@x>",
                           body=f"{answer}\n\n{attribution}\n{quoted}"))  # fmt: skip
    assert (reply.type, reply.regarding_id, reply.is_filed) == (Type.OTHER, first.pk, True)
    assert not Ticket.objects.filter(type=Type.ACCESS).exists()
    told = mails_to("asel@example.kz")[-1].message
    assert first.reference in told and "/requests/confirm/" in told
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Пришлите подтверждение удаления",
    "Подтвердите, что мои данные удалены",
    "Информацию об удалении данных пришлите",
])  # fmt: skip
def test_asking_to_be_told_of_a_deletion_is_still_access(person, body):
    assert ingest(message("", body=body)).type == Type.ACCESS


def test_a_link_quoted_or_pasted_is_kept_on_the_desk_without_its_secret(client, desk, person):
    """A reply quotes the mail it answers, and a person pastes the link they were sent: the
    request kept the link's secret in its text, read on the desk and kept for years, where it
    still confirmed the person's request (seven days), opened their page (an hour) or stopped
    their news (a year). The desk reads the letter with «[token]» in its place, and the same
    letter again still joins the first."""
    from django.urls import reverse

    from .test_selfservice import ask_link

    first = ingest(message("", message_id="<asked@x>", body="Удалите мои данные"))
    confirmation = mails_to("asel@example.kz")[-1].message
    ask_link(client, "ru")
    own_page = mails_to("asel@example.kz")[-1].message
    link = re.search(r"https?://\S+/my-data/open/(\S+)/", own_page)
    secrets = [re.search(r"/requests/confirm/(\S+)/", confirmation)[1], link[1]]
    quoted = "\n".join(f"> {line}" for line in confirmation.splitlines())
    reply = ingest(message("Re: запрос", message_id="<reply@x>", body=f"Да, это я.\n\n{quoted}"))
    pasted = f"Здравствуйте! Ссылка {link[0]} не открывается, что делать?"
    letter = ingest(message("Ссылка", message_id="<pasted@x>", body=pasted))
    again = ingest(message("Ссылка", message_id="<again@x>", body=pasted))
    assert (reply.regarding_id, letter.type, again.regarding_id) == (first.pk, "other", letter.pk)
    shown = [desk.get(reverse("admin:rights_ticket_change", args=[t.pk])) for t in (reply, letter)]
    pages = "".join(page.content.decode() for page in shown)
    assert "Да, это я." in pages and "Ссылка http" in pages and "/my-data/open/[token]/" in pages
    stored = "".join(Ticket.objects.values_list("message", flat=True))
    assert not any(secret in pages or secret in stored for secret in secrets)
