"""A letter that withdraws one consent with the general withdrawal verb («Прошу отозвать согласие
на рассылку», «Хабарламалар алуға келісімімді қайтарамын») withdraws that consent only
(compliance L7, L14, L15). The general phrase names no purpose and what the withdrawal was of
was not read: every consent was withdrawn as the letter arrived from an address on record, and
the person who wanted no more news lost the answer to their application and, once they
confirmed, their data. A withdrawal of personal data as a whole, or of none named, still
withdraws every one."""

import pytest
from django.utils import translation

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import CROSS_BORDER, MARKETING, PURPOSES, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.withdrawals import ticket_withdraw

from .conftest import confirm, mails_to, message, untouched

Type = Ticket.Type


def told(language):
    """The last mail to the person, and the names of the purposes in their language."""
    mail = mails_to("asel@example.kz")[-1]
    with translation.override(language):
        return mail.message, {code: str(p.name) for code, p in PURPOSES.items()}


@pytest.mark.parametrize(
    "subject_line,body,language",
    [
        ("Отзыв согласия", "Здравствуйте!\nПрошу отозвать согласие на рассылку.", "ru"),
        ("", "Отзываю своё согласие на получение новостей. Асель", "ru"),
        ("Отзыв согласия", "Добрый день. Отзываю согласие, данное на рассылку новостей.", "ru"),
        ("", "Сәлеметсіз бе! Жаңалықтар таратуға берген келісімімді кері қайтарып аламын.", "kk"),
        ("Отзыв согласия", "Хабарламалар алуға келісімімді қайтарамын.", "kk"),
        # The object before the phrase, or between its words: read only after it, every
        # consent was withdrawn.
        ("", "На рассылку согласие отзываю.", "ru"),
        ("Отзыв согласия", "Рассылку — согласие отзываю.", "ru"),
        ("", "Добрый день. Согласие на получение новостей прошу отозвать.", "ru"),
        ("", "Келісімімді жаңалықтарға кері қайтарып аламын.", "kk"),
        ("", "Жаңалықтар бойынша келісімімді қайтарып аламын.", "kk"),
    ],
)
def test_the_news_withdrawn_leave_the_service(client, person, subject_line, body, language):
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.purpose, ticket.language) == (Type.WITHDRAW, MARKETING, language)
    assert not gate.may_process(person, MARKETING)  # stopped as it arrived
    assert gate.may_process(person, SERVICE)  # the answer to their application goes on
    text, names = told(language)
    assert names[MARKETING] in text and names[SERVICE] not in text
    # Confirmed and carried out: the news consent ends, the data stays for the service.
    ticket = ticket_withdraw(confirm(client, language), actor=None)
    assert ticket.status == Ticket.Status.DONE and gate.may_process(person, SERVICE)
    person.refresh_from_db()
    assert person.email == "asel@example.kz" and person.full_name == "Әсел Қасымова"
    text, names = told(language)
    assert names[MARKETING] in text


@pytest.mark.parametrize(
    "body,language",
    [
        ("Прошу отозвать согласие на рассылку и на трансграничную передачу данных.", "ru"),
        ("Отзываю согласие на рассылку и на трансграничную передачу.", "ru"),
        ("Трансшекаралық беруге және жарнамаға келісімімді қайтарамын.", "kk"),
        ("На рассылку и на трансграничную передачу согласие отзываю.", "ru"),
    ],
)
def test_the_news_and_another_consent_withdraw_both(person, texts, body, language):
    consent_grant(person, texts[CROSS_BORDER], language="ru", source=Source.CONTACT_FORM)
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, CROSS_BORDER)
    assert not gate.may_process(person, MARKETING) and not gate.may_process(person, CROSS_BORDER)
    assert gate.may_process(person, SERVICE)
    text, names = told(language)
    assert names[MARKETING] in text and names[CROSS_BORDER] in text
    assert names[SERVICE] not in text


def test_the_service_withdrawn_leaves_the_news(person):
    ticket = ingest(
        message("Отзыв согласия", body="Прошу отозвать согласие на обработку моей заявки.")
    )
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, SERVICE)
    assert not gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "body",
    [
        "Прошу отозвать согласие на обработку персональных данных.",
        "Прошу отозвать согласие на рассылку и на обработку персональных данных.",
        "Отзываю согласие на рассылку и на обработку персональных данных.",
        "Отзываю все согласия, включая рассылку.",
        "Прошу отозвать согласие, так как рассылка надоела.",
        "Жеке деректерді өңдеуге келісімді қайтарып аламын.",
        # The destruction ends every consent, whichever the withdrawal beside it names.
        "Деректерімді жойыңыз және хабарламалар алуға келісімімді қайтарамын.",
        # Before the phrase too: the data as a whole, or a reason that names no object.
        "На обработку персональных данных согласие отзываю.",
        "На рассылку и на обработку персональных данных согласие отзываю.",
        "Рассылка надоела — согласие отзываю.",
        "В связи с надоевшей рассылкой согласие отзываю.",
        "Барлық келісімімді кері қайтарып аламын.",
        "I withdraw my consent to the processing of my personal data.",
        "I withdraw my consent to the newsletter and to the processing of my personal data.",
        "I withdraw my consent.",
    ],
)
def test_personal_data_as_a_whole_withdraw_every_consent(person, body):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, "")
    assert not gate.may_process(person, MARKETING) and not gate.may_process(person, SERVICE)


@pytest.mark.parametrize(
    "body",
    [
        "Я не отзываю согласие на получение новостей, просто спрашиваю про курс.",
        "Жаңалықтарға берген келісімімді қайтарып алмаймын.",
        "Прошу отозвать согласие на получение новостей, но рассылку оставьте.",
        "На рассылку согласие не отзываю.",
        "Келісімімді жаңалықтарға кері қайтарып алмаймын.",
        "I do not withdraw my consent to the newsletter.",
    ],
)
def test_a_withdrawal_denied_or_kept_stops_nothing(person, body):
    ticket = ingest(message("", body=body))
    assert ticket.type == Type.OTHER and untouched(person)


@pytest.mark.parametrize(
    "body",
    [
        "Hello! I withdraw my consent to the newsletter.",
        "Please withdraw consent for marketing emails.",
        "Please withdraw my newsletter consent.",
    ],
)
def test_an_english_letter_withdraws_the_news_it_names(client, person, body):
    """The intake reads the English phrase («withdraw consent») and answers in the language the
    person chose for our letters (Kazakh); the object after the phrase was not read."""
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.purpose, ticket.language) == (Type.WITHDRAW, MARKETING, "kk")
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    text, names = told("kk")
    assert names[MARKETING] in text and names[SERVICE] not in text
