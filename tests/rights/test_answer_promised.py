"""A letter that only says its writer will answer («Спасибо за письмо. Я отвечу в ближайшее
время.», «Жақын арада жауап беремін», «I will get back to you shortly»), the way a busy person or
a mail program's acknowledgement sent without a header naming it a machine writes (compliance
L7). Replying to the answer of a request already done, it opened a request of its own («other»,
fifteen working days for an officer) and was answered with a confirmation link, which the
program acknowledged again. It asks nothing: kept with the request it answers, no one mailed;
standing alone, set aside unanswered (asked_nothing.REPLYING)."""

from email.message import EmailMessage

import pytest
from post_office.models import Email

from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import message, untouched

PROMISES = {
    "ru": "Спасибо за письмо. Я отвечу в ближайшее время.",
    "ru, received": "Здравствуйте! Ваше письмо получено. Я свяжусь с вами позже.",
    "kk": "Сәлеметсіз бе! Хатыңыз үшін рахмет. Жақын арада жауап беремін.",
    "en": "Thank you for your email. I will get back to you shortly.",
}


def answering(mail, body, n):
    """A reply to our `mail` in its thread, quoting it, as mail programs write one."""
    reply = EmailMessage()
    reply["From"], reply["To"] = "asel@example.kz", "em.alu.plus@mail.kz"
    reply["Subject"], reply["Message-ID"] = f"Re: {mail.subject}", f"<reply{n}@example.kz>"
    reply["In-Reply-To"] = mail.message_id
    quoted = "\n".join(f"> {line}" for line in mail.message.splitlines())
    reply.set_content(f"{body}\n\n{quoted}")
    return reply.as_bytes()


@pytest.mark.parametrize("body", PROMISES.values(), ids=PROMISES)
def test_a_promise_to_answer_under_a_done_request_is_kept_with_it_unanswered(person, body):
    done = ingest(message("", body="Отпишите меня от рассылки", message_id="<first@x>"))
    assert done.status == Ticket.Status.DONE
    for n in range(3):  # the program acknowledges each mail it gets; none is sent
        filed = ingest(answering(Email.objects.latest("id"), body, n))
        assert filed.status == Ticket.Status.FILED and filed.regarding == done
    assert Email.objects.count() == 1  # the unsubscribe's own answer
    assert not Ticket.objects.open().exists()


@pytest.mark.parametrize("body", PROMISES.values(), ids=PROMISES)
def test_a_promise_to_answer_alone_is_set_aside(person, body):
    entry = ingest(message("", body=body))
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
    assert not Email.objects.exists() and untouched(person)


BESIDE = ["Я отвечу позже, а пока удалите мои данные.",
          "Жақын арада жауап беремін. Деректерімді жойыңыз.",
          "I will get back to you shortly. Please delete my data."]  # fmt: skip


@pytest.mark.parametrize("body", BESIDE)
def test_a_promise_beside_a_request_is_the_request(person, body):
    ticket = ingest(message("", body=body))
    assert isinstance(ticket, Ticket) and ticket.type == Ticket.Type.DESTROY
