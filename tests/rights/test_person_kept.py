"""A person's page says why their data is held as it is (compliance L5, L12): blocked, since
when, by the answer to which request, with the reason the officer recorded; left by the nightly
retention for staff to decide, why, since when and by which request. The page said neither: the
block showed only as refused download links, and a person the digest named «to decide» had no
word of it on their own page."""

import re

import pytest
from django.utils.html import strip_tags

from consent.core.ledger import consent_withdraw
from consent.core.models import Source
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import act, confirm, web_request

BLOCKED = {"kk": "Өңдеу бұғатталған", "ru": "Обработка заблокирована"}
REVIEW = {"kk": "Қызметкерлердің шешіміне дейін сақталады", "ru": "Хранятся до решения сотрудников"}
SINCE = {"kk": "Қашан басталды: 2026 жылғы 1 желтоқсан, 10:",
         "ru": "Когда началось: 1 декабря 2026 г., 10:"}  # fmt: skip
DECIDED = {"kk": "Негізі: № {ref} өтінішіне берілген жауап",
           "ru": "Основание: ответ на запрос № {ref}"}  # fmt: skip
WORDS = {"kk": "Көрсетілген себеп: Шағым тексерілуде", "ru": "Указанная причина: Шағым тексерілуде"}
OPEN = {"kk": "Себебі: адамның өтініші ашық", "ru": "Причина: открыт запрос человека"}
ON_BLOCK = {"kk": "Себебі: өңдеу бұғатталған: тексерістен кейін шешіңіз",
            "ru": "Причина: обработка заблокирована: решите после проверки"}  # fmt: skip


@pytest.fixture
def morning(time_machine):
    """1 December 2026, 10:00 in Almaty, before anything of the test is made: a person made
    before the clock moved back would have consents dated after every event of the test."""
    time_machine.move_to("2026-12-01 10:00+05:00")


def page(desk, person, lang):
    desk.cookies["django_language"] = lang
    response = desk.get(f"/admin/consent/subject/{person.pk}/change/")
    assert response.status_code == 200
    text = strip_tags(response.content.decode()).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_person_s_page_says_since_when_by_which_request_and_why(
    morning, client, desk, person, lang
):
    web_request(client, "kk", "block")
    ticket = confirm(client, "kk")
    assert BLOCKED[lang] not in page(desk, person, lang)
    act(desk, ticket, reason="Шағым тексерілуде")
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.DONE
    shown = page(desk, person, lang)
    assert BLOCKED[lang] in shown
    assert SINCE[lang] in shown
    assert DECIDED[lang].format(ref=ticket.reference) in shown
    assert WORDS[lang] in shown
    # Blocked, no purpose may process them: retention leaves them for staff, and says so,
    # without a second date and request beside the block's.
    assert REVIEW[lang] in shown and ON_BLOCK[lang] in shown
    assert shown.count(SINCE[lang]) == 1
    html = desk.get(f"/admin/consent/subject/{person.pk}/change/").content.decode()
    assert f'href="/admin/rights/ticket/{ticket.pk}/change/"' in html


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_person_kept_for_an_open_request_says_which_and_since_when(morning, desk, person, lang):
    """Every consent withdrawn, a request still open: the nightly retention keeps the data for
    staff, and the page names the request, since it came."""
    for purpose in (SERVICE, MARKETING):
        consent_withdraw(person, purpose, source=Source.SELF_SERVICE)
    ticket = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    ticket_verify(ticket)
    shown = page(desk, person, lang)
    assert BLOCKED[lang] not in shown
    assert REVIEW[lang] in shown and OPEN[lang] in shown
    assert SINCE[lang] in shown
    assert f"№ {ticket.reference}" in shown


def test_a_person_whose_data_a_purpose_needs_has_no_such_note(desk, person):
    shown = page(desk, person, "kk")
    assert BLOCKED["kk"] not in shown and REVIEW["kk"] not in shown


UNTIL_18 = {
    "kk": "Шешім қабылдау мерзімі — 2028 жылғы 5 мамыр: сол күні адамға 18 жас толады",
    "ru": "Решить нужно до 5 мая 2028 г.: в этот день человеку исполнится 18 лет",
}
UNDER_18 = {"kk": "Себебі: туған күні бойынша 18 жасқа толмаған",
            "ru": "Причина: по дате рождения нет 18 лет"}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_person_corrected_under_18_is_kept_since_the_correction_until_their_birthday(
    morning, desk, person, lang
):
    """Their date of birth corrected to show them 16: the consents they gave alone stop, and
    their page says since when, by which request, and the day it ends unless decided first."""
    ticket = ticket_open(kind=Ticket.Type.CORRECT, email=person.email, language="kk",
                         channel="email", message="Туған күнім қате")  # fmt: skip
    ticket_verify(ticket)
    act(desk, Ticket.objects.get(pk=ticket.pk), birth_date="05.05.2010",
        document="Туу туралы куәлік № 1")  # fmt: skip
    shown = page(desk, person, lang)
    assert REVIEW[lang] in shown and UNDER_18[lang] in shown
    assert SINCE[lang] in shown
    assert f"№ {ticket.reference}" in shown
    assert UNTIL_18[lang] in shown


NEVER_CONFIRMED = {
    "kk": "келісім электрондық хатпен келген, бірақ ешкім растамаған өтініш бойынша кері "
    "қайтарып алынды",
    "ru": "согласие отозвано по запросу из письма, который никто не подтвердил",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_withdrawal_mailed_in_their_name_and_never_confirmed_is_named_with_its_day(
    morning, desk, privacy_officer, person, time_machine, lang
):
    """Anyone can mail a withdrawal in a person's name: it stops processing as it arrives, and,
    never confirmed, leaves the person for staff. The page says by which request, and since the
    withdrawal, not since the officer closed it."""
    from datetime import timedelta

    from django.utils import timezone

    from consent.rights.intake import ingest
    from tests.staff import verified_login

    from .conftest import message

    ticket = ingest(message("Отзыв согласия на обработку персональных данных",
                            message_id="<forged@x>"))  # fmt: skip
    time_machine.move_to(timezone.now() + timedelta(days=8))  # the link expired unused
    act(verified_login(desk, privacy_officer), ticket, "close")
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.NOT_CONFIRMED
    shown = page(desk, person, lang)
    assert REVIEW[lang] in shown and NEVER_CONFIRMED[lang] in shown
    assert SINCE[lang] in shown  # the day it arrived and withdrew, 1 December
    assert f"№ {ticket.reference}" in shown


def test_one_persons_plan_is_what_the_nightly_plan_says_of_them(morning, person, make_subject):
    """The page asks retention_plan about one person (`only`): it answers as the night's plan
    does for each, a person held, one destroyed and one whose consent stands."""
    from consent.core.ledger import subject_block
    from consent.rights.retention import retention_plan

    blocked = make_subject(full_name="Болат Сейітов")
    subject_block(blocked, reason="Шағым", source=Source.ADMIN)
    asking = make_subject(full_name="Дана Ахметова")
    ticket_open(kind="access", email=asking.email, language="kk", channel="web")
    gone = make_subject(full_name="Ерлан Омаров")  # no consent on record: left for staff
    everyone = retention_plan()
    for who in (person, blocked, asking, gone):
        alone = retention_plan(only=who.pk)
        assert dict(alone["review"]).get(who.pk) == dict(everyone["review"]).get(who.pk)
        assert (who.pk in alone["destroy"]) == (who.pk in everyone["destroy"])
        assert [e for e in alone["expire"] if e[0] == who.pk] == [
            e for e in everyone["expire"] if e[0] == who.pk]  # fmt: skip


ASKED_AGAIN = {
    "kk": ("Себебі: келісім қайта сұралды", "Қашан басталды: 2026 жылғы 1 желтоқсан",
           "Шешім қабылдау мерзімі — 2029 жылғы 30 қараша"),
    "ru": ("Причина: согласие запрошено повторно", "Когда началось: 1 декабря 2026 г.",
           "Решить нужно до 30 ноября 2029 г."),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_consent_asked_again_says_since_the_new_text_and_until_the_term_ends(
    client, privacy_officer, texts, make_subject, settings, time_machine, lang
):
    from tests.staff import verified_login

    from .test_asked_again import consented_then_asked_again

    person = consented_then_asked_again(texts, make_subject, settings, time_machine)
    shown = page(verified_login(client, privacy_officer), person, lang)
    assert REVIEW[lang] in shown
    assert all(words in shown for words in ASKED_AGAIN[lang]), shown
