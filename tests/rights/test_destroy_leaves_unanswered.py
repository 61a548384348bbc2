"""A destruction closes the person's other requests unanswered (erasure.subject_destroy: no
data is left to answer them with), and the desk says which before the officer carries it out
(compliance L8, L13). A person who on Tuesday asked for a copy of their data and withdrew every
consent lost the copy when the officer carried out the withdrawal first: the panel said only
that the data would go, and the access request, due on Friday, closed as «no data held» with
no word to them."""

import re

import pytest

from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login

from .conftest import act

SAID = {
    "kk": "Деректермен бірге адамның мына басқа өтініштері де жауапсыз жабылады, себебі оларға "
          "жауап беретін деректер қалмайды; алдымен соларға жауап беріңіз: "
          "№ {ref}, деректерге қол жеткізу, жауап беру мерзімі 04.12.2026.",
    "ru": "Вместе с данными без ответа закроются и эти другие запросы человека: отвечать на них "
          "будет нечем; сначала ответьте на них: № {ref}, доступ к данным, срок ответа "
          "04.12.2026.",
}  # fmt: skip
ONLY = {"kk": "Орындау адамның барлық деректерін жояды.",
        "ru": "Выполнение уничтожит все данные этого человека."}  # fmt: skip


def panel(desk, ticket, lang):
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    return re.sub(r"\s+", " ", html.replace("\xa0", " "))


@pytest.fixture
def on_tuesday(time_machine):
    """Tuesday 1 December 2026, before Әсел consents (a request stops only the consents given
    by the person's last word on it: one given after stands)."""
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)


@pytest.fixture
def tuesday(on_tuesday, person, time_machine):
    """Әсел's access request and her withdrawal of every consent, both confirmed on Tuesday 1
    December 2026, and her unsubscribe, which a destruction carries out too."""
    made = [ticket_open(kind=kind, email=person.email, language="kk", channel="web")
            for kind in ("access", "unsubscribe", "withdraw")]  # fmt: skip
    for ticket in made:
        ticket_verify(ticket)
    time_machine.move_to("2026-12-02 10:00+05:00", tick=False)
    return [Ticket.objects.get(pk=ticket.pk) for ticket in made]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_panel_names_the_requests_a_destruction_leaves_unanswered(
    client, privacy_officer, tuesday, lang
):
    access, unsubscribe, withdrawal = tuesday
    desk = verified_login(client, privacy_officer)
    shown = panel(desk, withdrawal, lang)
    assert f"{ONLY[lang]} {SAID[lang].format(ref=access.reference)}" in shown
    assert f"№ {unsubscribe.reference}," not in shown  # carried out by the destruction too
    act(desk, access, "do")  # answered first: nothing is left unanswered
    assert Ticket.objects.get(pk=access.pk).status == Ticket.Status.DONE
    shown = panel(desk, withdrawal, lang)
    assert ONLY[lang] in shown and SAID[lang][:40] not in shown


def test_a_correction_answered_by_destroying_names_them_too(client, privacy_officer, person):
    """«Destroy instead of correcting» destroys as a destruction does, and says so alike."""
    access = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    correction = ticket_open(kind="correct", email=person.email, language="kk", channel="web",
                             message="Тегім қате: Қасымова")  # fmt: skip
    for ticket in (access, correction):
        ticket_verify(ticket)
    shown = panel(verified_login(client, privacy_officer), correction, "ru")
    said = "закроются и эти другие запросы человека: отвечать на них будет нечем; сначала "
    assert f"{said}ответьте на них: № {access.reference}, доступ к данным" in shown


CLOSED_BY = {"kk": "деректерімен бірге жабылды, оларды жойған өтініш:",
             "ru": "закрыт вместе с данными человека, уничтоженными по запросу:"}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_closed_with_the_data_names_the_request_that_destroyed_it(
    client, privacy_officer, tuesday, lang
):
    """The access request left unanswered read «closed: no data held» on its page, its related
    requests «—»: nothing said that another request had destroyed the data it asked for."""
    access, _unsubscribe, withdrawal = tuesday
    desk = verified_login(client, privacy_officer)
    act(desk, withdrawal, "do")
    assert Ticket.objects.get(pk=access.pk).status == Ticket.Status.NO_DATA
    link = f'<a href="/admin/rights/ticket/{withdrawal.pk}/change/">№ {withdrawal.reference}</a>'
    assert f"{CLOSED_BY[lang]} {link}" in panel(desk, access, lang)
