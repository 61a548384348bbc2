"""A letter from an address that changed hands (attack5). Asel asked by mail for her data's
destruction; the desk then corrected her address, and her old mailbox, «asel@example.kz», is
Marat's now. Marat's replies to her thread, or quoting her request's number, were filed on
her request, and our mail told him of it as his own: «Ваше письмо отменяет ваш запрос
№ R-81 … лицо, ответственное …, закроет запрос № R-81», an officer's step to cancel what
Asel asked. A request is the sender's only while its person holds the address it came from
(threads.from_sender); Asel, writing from her corrected address, still answers hers."""

import re

import pytest
from post_office.models import Email

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import address_corrected, mails_to, message

OLD, NEW = "asel@example.kz", "asel.new@example.kz"
# Marat's letters: a question, a change and a taking back of «her» request.
WORDS = {
    "question": "Когда будет готово?",
    "change": "Передумала, не удаление, а доступ к моим данным.",
    "taking back": "Отмените моё удаление.",
}


@pytest.fixture
def handed_on(person, make_subject):
    """Asel's destruction request by mail; her address corrected; Marat at her old one."""
    asked = ingest(message("Удаление данных", sender=OLD, message_id="<asel@x>",
                           body="Здравствуйте. Удалите мои данные."))  # fmt: skip
    address_corrected(person, NEW)
    make_subject(full_name="Марат Оспанов", email=OLD)
    return asked


def _quoting(asked, how, words, sender=OLD):
    """A reply to Asel's request: by its number in the subject line, in the text, or by the
    thread of our mail about it (In-Reply-To), as a mail program writes one."""
    ref = f"№ R-{asked.pk}"
    if how == "subject":
        return message(f"Re: {ref}", sender=sender, message_id=f"<{how}@m>", body=words)
    if how == "text":
        return message("Re: Өтініш", sender=sender, message_id=f"<{how}@m>",
                       body=f"{ref}\n\n{words}")  # fmt: skip
    ours = next(
        m.message_id
        for m in Email.objects.all()  # her link, sent before the correction
        if re.search(rf"R-{asked.pk}\b", m.subject)
    )
    letter = message("Re: Запрос", sender=sender, message_id=f"<{how}@m>", body=words)
    return letter.replace(b"Message-ID:", f"In-Reply-To: {ours}\r\nMessage-ID:".encode(), 1)


@pytest.mark.parametrize("how", ["subject", "text", "thread"])
@pytest.mark.parametrize("words", WORDS.values(), ids=WORDS.keys())
def test_a_letter_from_her_old_address_is_not_filed_on_her_request(handed_on, how, words):
    told = len(mails_to(OLD))
    opened = ingest(_quoting(handed_on, how, words))
    assert isinstance(opened, Ticket)
    assert opened.regarding_id is None
    # Marat is told nothing of Asel's request: not its number, not that it is «his».
    for mail in mails_to(OLD)[told:]:
        assert not re.search(rf"R-{handed_on.pk}\b", f"{mail.subject}\n{mail.message}")
    handed_on.refresh_from_db()
    assert handed_on.status == Ticket.Status.UNVERIFIED


@pytest.mark.parametrize("how", ["subject", "text"])
def test_she_still_answers_her_request_from_her_corrected_address(handed_on, how):
    opened = ingest(_quoting(handed_on, how, WORDS["taking back"], sender=NEW))
    assert opened.regarding_id == handed_on.pk
