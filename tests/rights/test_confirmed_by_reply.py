"""«Подтверждаю, удаляйте» written back to the confirmation mail is the person's answer to their
own request, not a request to be told of a deletion (compliance L7, informed.OWN_TELLING). The
first person «подтверждаю» was read as «подтвердите» (confirm to me): an access request was
opened, due in three working days, and the person was sent a second link, for «access to
data», which they never asked for. It is filed with the request it answers, and they are told
that only the link confirms it."""

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
