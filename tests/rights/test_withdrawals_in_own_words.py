"""Withdrawals written as people write them, not as the policy words them (compliance L7, L14,
L15), each taken through the intake as mailed, plain or HTML only, in capitals, with «е» for «ё»,
above a quoted reply. Found by writing them, each wrong on the code before:

- two objects listed: «…на звонки и рассылку», «…на рассылку, звонки», «Жарнамаға және қоңырауға
  берген келісімімді…» stopped the news and dropped the calls without a word; «…на рассылку и
  трансграничную передачу» left the transfer abroad going;
- the object before a dash or a colon: «Звонки — согласие отзываю», «Қоңыраулар: келісімімді кері
  қайтарамын» withdrew every consent; «Рассылка: согласие отзываю» too;
- a later start: «С 1 марта отзываю согласие», «1 наурыздан бастап…» withdrew at once;
- the policy's own subject line above a letter that names one consent («Только на рассылку»)
  withdrew every one.
"""

from email.message import EmailMessage

import pytest

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import news_only_stopped, untouched

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type, Limit = Ticket.Type, Ticket.Limit
POLICY_RU = "Отзыв согласия на обработку персональных данных"
POLICY_KK = "Дербес деректерді өңдеуге келісімді кері қайтарып алу"
QUOTE = "\n\n12.11.2026, 10:15, ЕМ АЛУ плюс <em.alu.plus@mail.kz> написал:\n> Новости курса"


def mailed(subject_line, body, dress):
    """The letter as the person's mail program sends it, dressed one of the ways people write."""
    if dress == "capitals":
        body = body.upper()
    elif dress == "ё as е":
        body = body.replace("ё", "е").replace("Ё", "Е")
    elif dress == "quoted reply":
        body += QUOTE
    msg = EmailMessage()
    msg["From"] = "Әсел <asel@example.kz>"
    msg["To"] = "em.alu.plus@mail.kz"
    msg["Subject"] = subject_line
    msg["Message-ID"] = "<own-words@example.kz>"
    if dress == "html only":
        msg.set_content(f"<html><body><div>{body}</div></body></html>", subtype="html")
    else:
        msg.set_content(body)
    return msg.as_bytes()


DRESSES = ["plain", "capitals", "ё as е", "quoted reply", "html only"]

CALLS_BESIDE_THE_NEWS = [
    "Отзываю согласие на рассылку и звонки",
    "Отзываю своё согласие на звонки и рассылку",
    "Отзываю согласие на звонки и на рассылку",
    "Отзываю согласие на рассылку, звонки",
    "Отзываю согласие на звонки, рассылку.",
    "Отзываю согласие на рассылку, смс и звонки",
    "Рассылка и звонки: согласие отзываю",
    "Хабарламаларға және қоңырауларға берген келісімімді кері қайтарамын",
    "Қоңырауларға және хабарламаларға берген келісімімді кері қайтарамын",
    "Жарнамаға және қоңырауға берген келісімімді кері қайтарамын",
    "habarlamalarğa jáne qońyraýlarğa bergen kelisimimdi keri qaıtaramyn",
]


@pytest.mark.parametrize("dress", DRESSES)
@pytest.mark.parametrize("body", CALLS_BESIDE_THE_NEWS)
def test_calls_listed_beside_the_news_reach_the_officer(person, body, dress):
    """The news stop as asked; the calls, no purpose of ours, are the officer's to read."""
    ticket = ingest(mailed("", body, dress))
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.UNREAD
    assert ticket.limits["stops"] == [MARKETING]
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Отзываю согласие на рассылку и трансграничную передачу",
    "Отзываю согласие на рассылку, трансграничную передачу",
    "Жарнамаға және шетелге беруге берген келісімімді кері қайтарамын",
])  # fmt: skip
def test_the_transfer_abroad_listed_beside_the_news_is_withdrawn_too(person, texts, body):
    consent_grant(person, texts[CROSS_BORDER], language="ru", source=Source.CONTACT_FORM)
    ticket = ingest(mailed("", body, "plain"))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, CROSS_BORDER)
    assert not gate.may_process(person, CROSS_BORDER) and not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Отзываю согласие на рассылку и больше не пишите",
    "Отзываю согласие на рассылку, спасибо",
    "Отзываю согласие на рассылку, пожалуйста",
    "Отзываю согласие на рассылку, данное ранее",
])  # fmt: skip
def test_what_follows_the_news_but_is_no_object_stops_the_news_only(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert ticket.type == Type.UNSUBSCRIBE and not ticket.limits
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("dress", DRESSES)
@pytest.mark.parametrize("body", [
    "Звонки — согласие отзываю",
    "Звонки: согласие отзываю",
    "Звонки - согласие отзываю!",
    "Звонки и смс — согласие отзываю",
    "Қоңыраулар: келісімімді кері қайтарамын",
    "Qońyraýlar — kelisimimdi keri qaıtaramyn",
])  # fmt: skip
def test_an_object_before_a_dash_that_is_no_purpose_reaches_the_officer(person, body, dress):
    ticket = ingest(mailed("", body, dress))
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.UNREAD
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Рассылка: согласие отзываю",
    "Рассылка — согласие отзываю",
    "Рассылка: отказываюсь",
    "Хабарламалар — келісімімді кері қайтарамын",
])  # fmt: skip
def test_the_news_before_a_dash_or_a_colon_withdraw_the_news_only(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert news_only_stopped(ticket, person)


@pytest.mark.parametrize("body", [
    "Заявление: отзываю согласие",
    "Здравствуйте: отзываю согласие",
    "Өтініш: келісімімді кері қайтарамын",
])  # fmt: skip
def test_a_heading_or_a_greeting_before_a_colon_is_no_object(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, "")


@pytest.mark.parametrize("body", [
    "habarlamalarğa bergen kelisimimdi keri qaıtaramyn",
    "Habarlamalarga bergen kelisimimdi keri qaitaramyn",
    "jańalyqtarğa bergen kelisimimdi keri qaıtaramyn",
    "Kelisimimdi keri qaitaramyn, habarlamalarga",
])  # fmt: skip
def test_the_news_in_latin_letters_withdraw_the_news_only(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, MARKETING)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "qońyraýlarğa bergen kelisimimdi keri qaıtaramyn",
    "Otzyvayu soglasie na zvonki",
])  # fmt: skip
def test_calls_in_latin_letters_reach_the_officer(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.UNREAD
    assert untouched(person)


LATER = [
    "с 1 марта отзываю согласие на звонки",
    "С 1 марта отзываю согласие на рассылку",
    "С 1 марта отзываю согласие",
    "Отзываю согласие на обработку персональных данных с 1 марта",
    "Начиная с 1 марта прошу отозвать моё согласие",
    "С 01.03.2027 отзываю согласие на обработку персональных данных",
    "Со следующего месяца отзываю согласие на рассылку",
    "С понедельника отзываю согласие",
    "Отпишите меня от рассылки с 1 мая",
    "1 наурыздан бастап келісімімді кері қайтарамын",
    "Мен 1 наурыздан бастап хабарламаларға берген келісімімді кері қайтарамын",
    "Келесі айдан бастап жаңалықтардан бас тартамын",
]


@pytest.mark.parametrize("dress", DRESSES)
@pytest.mark.parametrize("body", LATER)
def test_a_later_start_is_done_by_no_one_but_the_officer(person, body, dress):
    """Nothing can wait for a date, and done at once it ends more than asked: for the officer."""
    ticket = ingest(mailed("", body, dress))
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.LATER
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "С сегодняшнего дня отзываю согласие",
    "Отзываю согласие с этого момента",
    "Бүгіннен бастап келісімімді кері қайтарамын",
    "Осы сәттен бастап келісімімді кері қайтарамын",
])  # fmt: skip
def test_a_start_now_withdraws_now(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, "")
    assert not gate.may_process(person, MARKETING) and not gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "С 2020 года получаю вашу рассылку, отпишите меня",
    "Курс начинается с 1 марта. Отпишите меня от рассылки",
])  # fmt: skip
def test_a_date_that_starts_nothing_asked_stops_the_news_at_once(person, body):
    ticket = ingest(mailed("", body, "plain"))
    assert ticket.type == Type.UNSUBSCRIBE and not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("subject_line", ["Отзыв согласия", POLICY_RU])
def test_a_later_start_under_the_subject_line_is_the_officers(person, subject_line):
    ticket = ingest(mailed(subject_line, "Здравствуйте.\nС 1 марта.\nСпасибо", "plain"))
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.LATER
    assert untouched(person)


@pytest.mark.parametrize("lang, said", [("ru", "более поздней даты"), ("kk", "кейінгі күннен")])
def test_the_desk_says_why_a_later_start_was_not_done(person, desk, lang, said):
    ticket = ingest(mailed("", "С 1 марта отзываю согласие", "plain"))
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="letter-limits"' in html and said in html


POLICY_SUBJECT_ONE_PURPOSE = [
    (POLICY_RU, "Прошу отозвать согласие на рассылку"),
    (POLICY_RU, "Только на рассылку"),
    (POLICY_RU, "Здравствуйте!\nНа рассылку.\nСпасибо"),
    (POLICY_RU, "Рассылка"),
    (POLICY_RU, "Хочу отказаться от рассылки"),
    (f"Re: {POLICY_RU}", "Только на рассылку, пожалуйста"),
    (f"Re: {POLICY_RU}", "Отзываю только на рассылку"),
    (POLICY_KK, "Қайтарамын тек жаңалықтарға"),
    # It withdrew every consent beside the unsubscribe (test_intake's «loses neither» had it so).
    ("Жеке деректерді өңдеуге келісімді қайтарып алу", "Хабарламалардан бас тартамын"),
    (POLICY_KK, "Тек жаңалықтарға"),
    (POLICY_KK, "Жарнамалық хабарламаларға берген келісімімді ғана"),
    (POLICY_KK, "Хабарламаларға берген келісімімді қайтарамын"),
]


@pytest.mark.parametrize("dress", DRESSES)
@pytest.mark.parametrize("subject_line, body", POLICY_SUBJECT_ONE_PURPOSE)
def test_the_policy_subject_line_withdraws_what_the_letter_names(person, subject_line, body,
                                                                  dress):  # fmt: skip
    ticket = ingest(mailed(subject_line, body, dress))
    assert news_only_stopped(ticket, person)


def test_the_policy_subject_line_above_calls_reaches_the_officer(person):
    ticket = ingest(mailed(POLICY_RU, "Отзываю согласие на звонки", "plain"))
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.UNREAD
    assert untouched(person)


@pytest.mark.parametrize("body", ["Спасибо", "Отзываю согласие на обработку персональных данных"])
def test_the_policy_subject_line_alone_still_withdraws_every_consent(person, body):
    ticket = ingest(mailed(POLICY_RU, body, "plain"))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, "")
    assert not gate.may_process(person, MARKETING) and not gate.may_process(person, SERVICE)
