"""The mail that answers a withdrawal names the purposes it stopped under a sentence that agrees
with how many there are. A person who withdrew only the news read «мы прекратили обработку ваших
персональных данных для следующих целей: - Новости и специальные предложения» and «мына
мақсаттар үшін»: most withdrawals name one purpose, and the sentence spoke of several whatever
the list held. It is chosen by the count now (ngettext), in the mail that answers the withdrawal
and in the one that answers a withdrawal asked beside another request."""

import pytest
from django.utils import translation

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import CROSS_BORDER, MARKETING, PURPOSES
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message

Type = Ticket.Type

# What announces the list, for one purpose and for more than one.
ANNOUNCED = {"ru": ("для следующей цели:", "для следующих целей:"),
             "kk": ("мына мақсат үшін", "мына мақсаттар үшін")}  # fmt: skip


@pytest.mark.parametrize(
    "language, body, kind, stopped",
    [
        ("ru", "Прошу отозвать согласие на рассылку.", Type.WITHDRAW, [MARKETING]),
        ("kk", "Хабарламалар алуға келісімімді қайтарамын.", Type.WITHDRAW, [MARKETING]),
        ("ru", "Отзываю согласие на рассылку и на трансграничную передачу.", Type.WITHDRAW,
         [MARKETING, CROSS_BORDER]),
        ("kk", "Трансшекаралық беруге және жарнамаға келісімімді қайтарамын.", Type.WITHDRAW,
         [MARKETING, CROSS_BORDER]),
        # Beside a correction: the request's own confirmation mail says what was withdrawn.
        ("ru", "Отзываю согласие на трансграничную передачу и исправьте фамилию.", Type.CORRECT,
         [CROSS_BORDER]),
    ],
)  # fmt: skip
def test_the_sentence_before_the_purposes_agrees_with_their_number(
    person, texts, language, body, kind, stopped
):
    consent_grant(person, texts[CROSS_BORDER], language="kk", source=Source.CONTACT_FORM)
    ticket = ingest(message("", body=body))
    assert ticket.type == kind
    [mail] = mails_to("asel@example.kz")
    one, many = ANNOUNCED[language]
    said, not_said = (one, many) if len(stopped) == 1 else (many, one)
    with translation.override(language):
        names = [str(PURPOSES[code].name).replace("\N{NO-BREAK SPACE}", " ") for code in stopped]
    for text in (mail.message, mail.html_message):
        text = text.replace("\N{NO-BREAK SPACE}", " ")
        assert said in text and not_said not in text, text
        assert all(name in text for name in names), text
