"""The owner of an address answers a request they did not send (compliance L7), as the
confirmation mail asks them to, through the real mailbox (Dovecot over TLS): their «I did not
send it» is filed with that request for the officers, never read as the request again."""

import pytest
from django.core.management import call_command

from consent.core import gate
from consent.core.models import Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket
from tests.rights.conftest import deliver, left, mails_to, message

pytestmark = pytest.mark.live

NOT_MINE = {
    "ru": ("Я не отправляла запрос на удаление данных! Кто это сделал?", "Удалите мои данные"),
    "kk": ("Мен деректерімді жоюды сұраған жоқпын. Бұл қате.", "Деректерімді жойыңыз"),
}


@pytest.mark.parametrize("lang", NOT_MINE)
def test_i_did_not_send_it_is_filed_with_the_request(mailbox, person, lang):
    """Someone asked in Asel's name to destroy her data. Her answer, «I did not send a request
    to delete my data», named the destruction and was taken as one more: joined to the forged
    request as its repetition, the officers read a destruction asked twice."""
    denial, forged = NOT_MINE[lang]
    deliver(mailbox, message("", message_id="<forged@x>", body=forged))
    call_command("fetch_request_mail")
    first = Ticket.objects.get()
    confirmation = mails_to("asel@example.kz")[-1]
    quoted = "\n".join(f"> {line}" for line in confirmation.message.splitlines())
    deliver(mailbox, message(f"Re: {confirmation.subject}", message_id="<denial@x>",
                             body=f"{denial}\n\n{quoted}"))  # fmt: skip
    call_command("fetch_request_mail")
    reply = Ticket.objects.exclude(pk=first.pk).get()
    assert (first.type, reply.type, reply.regarding_id) == ("destroy", "other", first.pk)
    assert reply.is_filed and reply.language == lang
    assert Ticket.objects.filter(type="destroy").count() == 1
    assert Subject.objects.filter(pk=person.pk).exists()
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)
    assert left(mailbox) == 0
