"""A person who asks for no mail until a date, and says nothing of being away («Не присылайте
мне письма до 15 декабря», «15 желтоқсанға дейін маған хат жібермеңіз», «Please don't email me
until December 15»), or for a pause («Приостановите рассылку»), asks for a while (compliance L7,
L15). The news cannot be paused: the
Russian and Kazakh letters were unsubscribed for good with the plain answer «you will receive no
more news», which read as if the person had asked to leave, and the English one opened «other»,
fifteen working days during which the news went on.

Decided: the stop is done as the letter arrives, in every language alike (a pause honoured later
would send what the person asked not to get, and no campaign knows a date), and the answer, in
the letter's language, says that we cannot pause, that the news stay stopped and how to
subscribe again; the desk tells the officer the same. An out-of-office reply («Я в отпуске. Не
присылайте…до 15 декабря») still asks nothing (test_out_of_office_stop.py)."""

import pytest
from django.conf import settings
from django.utils import translation

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest

from .conftest import mails_to, message

PAUSE = ("You asked us to send nothing for a while. We cannot pause the news and offers, so we "
         "have stopped them now, and they will not start again by themselves. Whenever you want "
         "them again, subscribe on our website:")  # fmt: skip
DESK = ("This email asks for no news or offers for a while (until a date, or a pause). They "
        "cannot be paused, so they were stopped as it arrived and stay stopped; the answer told "
        "the person so, and how to subscribe again when they want them.")  # fmt: skip

UNTIL = {
    "ru, the reported letter": ("", "Не присылайте мне письма до 15 декабря", "ru"),
    "ru, polite": ("Рассылка", "Здравствуйте! Пожалуйста, не присылайте мне письма до 15 "
                   "декабря, я буду занята.\nСпасибо", "ru"),
    "kk": ("", "15 желтоқсанға дейін маған хат жібермеңіз", "kk"),
    "kk, the news": ("", "Жаңалықтарды қаңтарға дейін жібермеңізші", "kk"),
    "en": ("", "Please don't email me until December 15.", "kk"),  # her record's language
    "ru, a pause": ("", "Приостановите рассылку, пожалуйста", "ru"),
    "ru, on pause until": ("Рассылка", "Поставьте, пожалуйста, рассылку на паузу до января",
                           "ru"),
    "kk, for a while": ("", "Таратылымды уақытша тоқтатыңыз", "kk"),
    "ru, till the new year": ("", "Не присылайте рекламу до Нового года", "ru"),
}  # fmt: skip


def said(text, lang):
    with translation.override(lang):
        return translation.gettext(text)


@pytest.mark.parametrize("subject_line,body,lang", UNTIL.values(), ids=UNTIL)
def test_a_stop_until_a_date_is_done_and_the_answer_says_it_lasts(
    person, desk, subject_line, body, lang
):
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.language, ticket.status) == ("unsubscribe", lang, "done")
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    [mail] = mails_to("asel@example.kz")
    assert said(PAUSE, lang) in mail.message  # in the letter's language, wholly
    assert f"{settings.SITE_URL}/{lang}/newsletter/" in mail.message
    assert said(PAUSE, lang) in mail.html_message.replace("\n", " ")
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert said(DESK, lang) in page


def test_a_stop_for_good_says_nothing_of_a_pause(person):
    ticket = ingest(message("", body="Больше не присылайте мне писем"))
    assert ticket.type == "unsubscribe" and ticket.limits == {}
    [mail] = mails_to("asel@example.kz")
    assert said(PAUSE, "ru") not in mail.message and "/newsletter/" not in mail.message


def test_a_stop_named_beside_the_pause_is_a_plain_unsubscribe(person):
    body = "Отпишите меня от рассылки. До 15 декабря я в любом случае не читаю почту."
    ticket = ingest(message("", body=body))
    assert ticket.type == "unsubscribe" and ticket.limits == {}


@pytest.mark.parametrize("body", ["Не присылайте мне рассылку", "Таратылымды тоқтатыңыз"])
def test_a_plain_stop_of_the_newsletter_unsubscribes(person, body):
    """«Не присылайте мне рассылку», «Таратылымды тоқтатыңыз» opened «other» (0032)."""
    ticket = ingest(message("", body=body))
    assert ticket.type == "unsubscribe" and ticket.limits == {}
    assert not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("body", ["Не надо приостанавливать рассылку", "Приостановите рассылку?",
                                  "Вы приостановили рассылку?"])  # fmt: skip
def test_a_pause_asked_about_or_declined_stops_nothing(person, body):
    ticket = ingest(message("", body=body))
    assert ticket.type == "other" and gate.may_process(person, MARKETING)


def test_a_pause_beside_another_question_is_read_by_an_officer_with_no_pause_note(person):
    """The news stop as any unsubscribe beside more does (besides.py); the officer answers it,
    and no note says the answer told of the pause, which the confirmation mail does not."""
    ticket = ingest(message("", body="Приостановите рассылку до января. Когда начнётся курс?"))
    assert ticket.type == "other" and ticket.limits == {}
    assert not gate.may_process(person, MARKETING)
