"""A withdrawal mailed from an address on record stops, as it arrives, the consents it names
that are in force (compliance L14), and its letter ends by telling someone who did not send it
that processing has stopped and they can consent again. When nothing stopped (none of the
consents named was in force, or each was given again after the letter reached us) the letter
said so at its top and then, at its end, that processing had stopped: a person who never sent it
was told their data was no longer used, and asked to give a consent that stands. Nothing stopped,
the letter says what any request's does: without the link nothing is done."""

import pytest

from consent.core import gate
from consent.core.purposes import CROSS_BORDER, SERVICE

from .conftest import mails_to, message

STOPPED = {"kk": "өңдеу тоқтатылды", "ru": "обработка уже прекращена"}
NOTHING = {"kk": "ешқандай әрекет жасалмайды", "ru": "без подтверждения мы ничего не сделаем"}
NONE_IN_FORCE = {"kk": "күшінде болған жоқ", "ru": "не действовало"}
# A withdrawal of the consent to processing abroad, which the person never gave.
ABROAD = {"kk": "Трансшекаралық беруге келісімімді қайтарамын",
          "ru": "Отзыв согласия на трансграничную передачу"}  # fmt: skip


def read(text):
    return " ".join(text.replace("\xa0", " ").split())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawal_that_stopped_nothing_does_not_say_processing_stopped(texts, person, lang):
    from consent.rights.intake import ingest

    ticket = ingest(message(ABROAD[lang], message_id=f"<abroad-{lang}@x>"))
    assert (ticket.type, ticket.purpose, ticket.language) == ("withdraw", CROSS_BORDER, lang)
    assert gate.may_process(person, SERVICE)  # nothing stopped: the one named was never given
    mail = mails_to("asel@example.kz")[-1]
    for text in (read(mail.message), read(mail.html_message)):
        assert NONE_IN_FORCE[lang] in text, text
        assert STOPPED[lang] not in text and NOTHING[lang] in text, text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawal_that_stopped_a_consent_still_says_so(texts, person, lang):
    from consent.rights.intake import ingest

    subject_line = {"kk": "Жеке деректерді өңдеуге келісімді қайтарып алу",
                    "ru": "Отзыв согласия на обработку персональных данных"}[lang]  # fmt: skip
    ingest(message(subject_line, message_id=f"<all-{lang}@x>"))
    assert not gate.may_process(person, SERVICE)
    mail = mails_to("asel@example.kz")[-1]
    for text in (read(mail.message), read(mail.html_message)):
        assert STOPPED[lang] in text and NOTHING[lang] not in text, text


@pytest.mark.parametrize("lang", ["ru"])
def test_a_withdrawal_beside_another_request_that_stopped_nothing_does_not_say_so(
    texts, person, lang
):
    from consent.rights.intake import ingest

    ticket = ingest(message("Прошу предоставить копию моих персональных данных",
                            body="Также отзываю согласие на трансграничную передачу.",
                            message_id="<beside@x>"))  # fmt: skip
    assert ticket.type == "access" and ticket.limits.get("withdrew"), ticket.limits
    mail = mails_to("asel@example.kz")[-1]
    for text in (read(mail.message), read(mail.html_message)):
        assert STOPPED[lang] not in text and NOTHING[lang] in text, text
