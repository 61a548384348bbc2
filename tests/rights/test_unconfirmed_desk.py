"""What the desk does with a request nobody can confirm any more, as the night would (consent.rights
.expiring, compliance L8, L9), seen by a privacy officer in kk and ru.

An attacker spends Asel's hourly budget of links: her next request's link is held back. A week
on she can no longer confirm it, and the night closes it; the officer could not: her panel
offered no «close» and said only that it closes by itself. She now closes it as the night would
(«identity not confirmed», her audit row, nothing mailed to the address). Whoever closes it, it
keeps why in the person's language, for its page and her export: the night's closing kept none.
A stranger's request said «close it» and never that it closes by itself, nor when."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from consent.core.models import AuditEvent
from consent.rights.expiring import NIGHTLY_RUN
from consent.rights.export import export_json
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.retention import enforce_retention
from consent.rights.tickets import ticket_open
from tests.staff import verified_login

from .conftest import act, mails_to, message, web_request
from .test_held_back_links import links_used_up

Status = Ticket.Status
START = "2027-01-11 10:00+05:00"
# Why it closed, in the request's language, as the request keeps it.
NO_LINK = {"kk": "Өтініш расталмады: жеті күн ішінде оны растайтын сілтеме жіберілмеді",
           "ru": "Запрос не удалось подтвердить: за семь дней ссылка для"}  # fmt: skip
LINK_UNUSED = {"kk": "Өтініш біз жіберген сілтеме арқылы жеті күн ішінде расталмады",
               "ru": "Запрос не был подтверждён в течение семи дней по ссылке"}  # fmt: skip
NO_DATA = {"kk": "Өтініш келген мекенжаймен байланысты дербес деректер бізде жоқ",
           "ru": "У нас нет персональных данных, связанных с адресом"}  # fmt: skip
HELD_NOTE = {"kk": "ашылғаннан бері бір апта ішінде растау сілтемесі жіберілмеді",
             "ru": "за неделю с его открытия ссылка для подтверждения так и не ушла"}  # fmt: skip
CAN_CLOSE = {"kk": "бір апта ішінде расталмады, сілтеме жіберілмеді: жабуға болады",
             "ru": "не подтверждён за неделю, ссылка не отправлялась: можно закрыть"}  # fmt: skip
STATISTICS = {"kk": "Бұл хат сайтқа кіру статистикасы туралы",
              "ru": "Это письмо о статистике посещений"}  # fmt: skip
FORWARDED = {"kk": "басқа адам туралы қайта жіберілген", "ru": "переслали нам о другом человеке"}
CLOSES_ON = {
    "kk": "ол белгіленген күні ({}) түнде өздігінен жабылады",
    "ru": "он закроется сам {} ночью",
}


@pytest.fixture
def many_forms(settings):
    settings.FORM_RATE_LIMIT = "1000/60"  # the per-connection limit is not what is tested


def text(response):
    return response.content.decode().replace("\xa0", " ")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_officer_closes_a_request_whose_link_was_held_back_as_the_night_would(
    client, person, many_forms, desk, privacy_officer, time_machine, lang
):
    time_machine.move_to(START, tick=False)
    links_used_up(client, "kk")
    web_request(client, lang, "access")  # its link held back by the spent budget
    held = Ticket.objects.get(type="access")
    assert held.link_sent_at is None and held.language == lang
    mailed = len(mails_to("asel@example.kz"))

    time_machine.move_to(timezone.now() + timedelta(days=6, hours=23))  # she could still get it
    verified_login(desk, privacy_officer)
    desk.cookies["django_language"] = lang
    act(desk, held, "close")
    assert Ticket.objects.get(pk=held.pk).status == Status.UNVERIFIED

    time_machine.move_to(timezone.now() + timedelta(hours=2))  # a week and an hour: the night's
    verified_login(desk, privacy_officer)
    desk.cookies["django_language"] = lang
    page = text(desk.get(f"/admin/rights/ticket/{held.pk}/change/"))
    assert 'value="close"' in page and HELD_NOTE[lang] in page
    closable = desk.get("/admin/rights/ticket/?due=closable").content.decode()
    assert f">№\xa0{held.reference}</a>" in closable  # the desk's list reads the same rule
    assert CAN_CLOSE[lang] in closable  # and its row says so
    act(desk, held, "close")
    held.refresh_from_db()
    assert held.status == Status.NOT_CONFIRMED and held.closed_at == timezone.now()
    assert held.outcome.replace("\xa0", " ").startswith(NO_LINK[lang])
    row = AuditEvent.objects.get(action="request_close", object_id=str(held.pk))
    assert row.actor_label == "olga" and row.detail == {"status": "not_confirmed"}
    assert len(mails_to("asel@example.kz")) == mailed  # nothing to an address never confirmed
    assert held.pk not in enforce_retention()["expired"]  # closed once, by her


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_night_keeps_why_it_closed_a_request_in_the_persons_language(
    client, person, make_subject, many_forms, desk, privacy_officer, time_machine, lang
):
    time_machine.move_to(START, tick=False)
    links_used_up(client, "kk")
    web_request(client, lang, "access")
    held = Ticket.objects.get(type="access")
    bolat = make_subject(full_name="Болат Сейітов", email="bolat@example.kz")
    late = ticket_open(kind="block", email=bolat.email, language=lang, channel="email")
    stranger = ticket_open(kind="access", email="nobody@example.kz", language=lang,
                           channel="web")  # fmt: skip
    assert held.link_sent_at is None and late.link_sent_at is not None

    time_machine.move_to(timezone.now() + timedelta(days=7, hours=1))
    plan = enforce_retention()
    assert {held.pk, late.pk, stranger.pk} <= set(plan["expired"])
    kept = {t.pk: t.outcome.replace("\xa0", " ") for t in Ticket.objects.all()}
    assert kept[held.pk].startswith(NO_LINK[lang])
    assert kept[late.pk].startswith(LINK_UNUSED[lang])
    assert kept[stranger.pk].startswith(NO_DATA[lang])

    verified_login(desk, privacy_officer)
    desk.cookies["django_language"] = lang
    page = text(desk.get(f"/admin/rights/ticket/{held.pk}/change/"))
    assert NO_LINK[lang] in page  # the request's page says why it closed
    exported = json.loads(export_json(person, lang))
    outcomes = {r["reference"]: r["outcome"] for r in exported["requests"]}
    assert outcomes[held.reference].startswith(NO_LINK[lang])  # her export says why, too
    exported = json.loads(export_json(bolat, lang))
    assert exported["requests"][0]["outcome"].startswith(LINK_UNUSED[lang])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_strangers_request_says_on_what_local_date_it_closes_by_itself(
    desk, privacy_officer, texts, time_machine, lang
):
    """Opened at 10:00 Almaty on 11 January, it can be confirmed until 10:00 on the 18th, after
    that night's run: the run of the 19th closes it. One opened at 02:00 on the 12th expires
    before the run of the 19th, which closes it too. Almaty's dates, whatever UTC's."""
    time_machine.move_to(START, tick=False)
    day = ticket_open(kind="access", email="one@example.kz", language="kk", channel="web")
    time_machine.move_to("2027-01-12 02:00+05:00", tick=False)  # 11 January, 21:00 in UTC
    night = ticket_open(kind="access", email="two@example.kz", language="ru", channel="web")
    verified_login(desk, privacy_officer)
    desk.cookies["django_language"] = lang
    for ticket in (day, night):
        page = text(desk.get(f"/admin/rights/ticket/{ticket.pk}/change/"))
        assert CLOSES_ON[lang].format("19.01.2027") in page, page

    time_machine.move_to(f"2027-01-18 {NIGHTLY_RUN:%H:%M}+05:00", tick=False)
    assert not enforce_retention()["expired"]
    time_machine.move_to(f"2027-01-19 {NIGHTLY_RUN:%H:%M}+05:00", tick=False)
    assert sorted(enforce_retention()["expired"]) == [day.pk, night.pk]
    # The hour the desk counts from is the hour the night's timer starts the run:
    # tests/site/test_nightly_time.py.


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_letter_about_the_statistics_reads_as_one_and_says_when_it_closes(
    desk, privacy_officer, texts, person, time_machine, lang
):
    """Its panel read «forwarded to us about someone else: open that person's own request»,
    and said nothing of the night that closes it a week on."""
    time_machine.move_to(START, tick=False)
    statistics = ingest(message("Отзыв согласия на аналитику", body="Отключите Яндекс Метрику."))
    assert statistics.limits == {"analytics": True}
    verified_login(desk, privacy_officer)
    desk.cookies["django_language"] = lang
    page = text(desk.get(f"/admin/rights/ticket/{statistics.pk}/change/"))
    assert STATISTICS[lang] in page and FORWARDED[lang] not in page
    assert CLOSES_ON[lang].format("19.01.2027") in page
