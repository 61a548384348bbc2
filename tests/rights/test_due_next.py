"""«Due next working day» on the admin index, in the desk's filter and in the digest: one count
(TicketQuerySet.due_after), by the working-day calendar from the local date. The index counted
overdue and today only; the digest alone said what came next."""

import re
from datetime import date

import pytest
from post_office.models import Email

from consent.rights.digest import digest
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open
from tests.staff import verified_login

LONG = {"kk": "2026\xa0жылғы\xa017\xa0желтоқсан", "ru": "17\xa0декабря\xa02026\xa0г."}
SAID = {"kk": "мерзімі келесі жұмыс күні", "ru": "срок в\xa0следующий рабочий день"}


def requests_due(time_machine, *days):
    """A block, a correction and an access request opened on 10 December 2026, due on these
    days of December."""
    time_machine.move_to("2026-12-10 10:00+05:00", tick=False)
    made = [ticket_open(kind=kind, email="asel@example.kz", language="kk", channel="web")
            for kind in ("block", "correct", "access")]  # fmt: skip
    for ticket, day in zip(made, days, strict=True):
        Ticket.objects.filter(pk=ticket.pk).update(due_date=date(2026, 12, day))
    return made


def signed_in_at_one_in_the_night(client, privacy_officer, time_machine, lang):
    """The officer at 01:00 on Tuesday 15 December in Almaty (still Monday 14 in UTC)."""
    time_machine.move_to("2026-12-15 01:00+05:00", tick=False)
    staff = verified_login(client, privacy_officer)
    staff.cookies["django_language"] = lang
    return staff


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_due_next_working_day_skips_the_holiday_by_the_local_date(
    client, privacy_officer, person, time_machine, lang
):
    """01:00 on Tuesday 15 December 2026 in Almaty is still Monday 14 in UTC. The next working
    day after Tuesday 15 is Thursday 17 (Wednesday 16 is Independence Day): the request due on
    17 is due next, those due on 15 (today) and 18 are not."""
    made = requests_due(time_machine, 15, 17, 18)
    staff = signed_in_at_one_in_the_night(client, privacy_officer, time_machine, lang)
    index = staff.get("/admin/").content.decode()
    summary = index[index.index('id="desk-summary"') :]
    assert f"{SAID[lang]}" in summary and "(17.12.2026): 1" in summary
    assert "?due=next" in summary
    listed = staff.get("/admin/rights/ticket/?due=next").content.decode()
    assert set(re.findall(r">№\xa0(R-\d+)<", listed)) == {made[1].reference}
    Email.objects.all().delete()
    digest(date(2026, 12, 15))
    text = Email.objects.get(to=[privacy_officer.email]).message
    after = text[text.index(LONG[lang] + "):") :]
    assert f"- №\N{NO-BREAK SPACE}{made[1].reference} (" in after.split("\n\n")[0]


SUMMARY_LINES = re.compile(r"<p>(.*?)</p>", re.S)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_line_of_the_desk_summary_reads_as_one_sentence(
    client, privacy_officer, person, time_machine, lang
):
    """A line of the index's summary starts with a capital or a number, and the parts after
    its «·» go on in lower case, none ending a sentence before it: the Kazakh line read «мерзімі
    өткен 1 өтініш · мерзімі бүгін аяқталатын 1 өтініш · Мерзімі келесі жұмыс күні (17.12.2026):
    1», «растауды күтетін 3 өтініш», and with nothing overdue «Мерзімі өткен өтініштер жоқ. ·»."""
    made = requests_due(time_machine, 14, 15, 17)
    staff = signed_in_at_one_in_the_night(client, privacy_officer, time_machine, lang)
    for overdue in (True, False):
        if not overdue:
            Ticket.objects.filter(pk=made[0].pk).update(due_date=date(2026, 12, 18))
        index = staff.get("/admin/").content.decode()
        start = index.index('id="desk-summary"')
        summary = index[start : index.index("</div>", start)]
        lines = [
            " ".join(re.sub(r"<[^>]+>", " ", p).split()) for p in SUMMARY_LINES.findall(summary)
        ]
        assert len(lines) >= 4 and any(" · " in line for line in lines)
        for line in lines:
            first, *rest = line.split(" · ")
            assert first[0].isupper() or first[0].isdigit(), line
            assert all(part[0].islower() or part[0].isdigit() for part in rest), line
            assert not rest or not first.endswith("."), line
