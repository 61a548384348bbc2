"""The desk's numbers and help, as the officer reads them, true of what was done. A parent's
request for a child, confirmed and closed with a letter because the child came of age, was
«closed unconfirmed» on the index's chart and «not answered» in the register and the
statistics (statistics.ANSWERED). The index's «4 awaiting confirmation · 6 can be closed
unconfirmed» read as if the 6 were among the 4, though those include requests whose link was
never sent. The reopen form said its reason is kept in the audit log, which keeps only that
one was written."""

import csv
import io
import re

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from consent.core.models import AuditEvent
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import act
from .test_guardian_of_age import asked, officer, son  # noqa: F401 (a fixture)
from .test_work_charts import table_row

Status = Ticket.Status
ON_TIME = {"kk": "мерзімінде жауап берілді", "ru": "отвечено в срок"}


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_confirmed_request_closed_as_the_child_came_of_age_counts_as_answered(
    son,  # noqa: F811
    desk,
    privacy_officer,
    time_machine,
    lang,
):
    """Asked by the father on his page on Friday 4 December (confirmed: his page's link opened
    it), closed on the 5th, Ерболат's 18th birthday, with a letter telling the father why: an
    answer on time, in the chart, the register and the statistics alike."""
    ticket = asked(lang, son[1])
    assert ticket.verified_at is not None
    time_machine.move_to("2026-12-05 10:00+05:00", tick=False)
    desk = officer(desk, privacy_officer, lang)
    act(desk, ticket, action="outgrown")
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED and ticket.due_date >= ticket.closed_at.date()

    html = desk.get("/admin/").content.decode()
    # received, answered on time, answered late, closed not answered, still open
    assert table_row(html, "chart-requests", "30.11") == [1, 1, 0, 0, 0]
    register = csv_rows(desk.get("/admin/rights/ticket/register.csv?due=all"))
    (row,) = [r for r in register[1:] if r[0].endswith(ticket.reference)]
    assert row[-1] == ON_TIME[lang]
    statistics = csv_rows(desk.get("/admin/rights/ticket/statistics-requests.csv"))
    assert [r[2:] for r in statistics[1:]] == [["1", "1", "0"]]  # received, answered, late


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_closed_as_never_confirmed_still_counts_as_not_answered(
    desk, person, time_machine, lang
):
    """The other side of the rule: a forwarded letter about someone else, closed at once, was
    never confirmed by anyone, and is not counted as an answer."""
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    forwarded = ticket_open(kind="other", email=person.email, language=lang, channel="email",
                            limits={"forwarded": True}, about_someone_else=True)  # fmt: skip
    desk.cookies["django_language"] = lang
    act(desk, forwarded, action="close")
    forwarded.refresh_from_db()
    assert forwarded.status == Status.CLOSED and forwarded.verified_at is None
    html = desk.get("/admin/").content.decode()
    assert table_row(html, "chart-requests", "30.11") == [1, 0, 0, 1, 0]


def summary_lines(desk):
    index = desk.get("/admin/").content.decode()
    start = index.index('id="desk-summary"')
    block = index[start : index.index("</div>", start)]
    lines = re.findall(r"<p>(.*?)</p>", block, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", line).split()) for line in lines]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_index_does_not_read_the_closable_as_some_of_those_awaiting(
    desk, person, time_machine, lang
):
    """One link sent and still good, one gone unpressed past its seven days, and two strangers'
    requests no link went for: 2 links sent and not pressed, 3 that can be closed. The index
    said «2 awaiting confirmation · 3 can be closed unconfirmed» on one line."""
    time_machine.move_to("2026-11-20 10:00+05:00", tick=False)
    ticket_open(kind="access", email=person.email, language=lang, channel="web")
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    ticket_open(kind="block", email=person.email, language=lang, channel="web")
    for n in (1, 2):
        ticket_open(kind="destroy", email=f"stranger{n}@example.kz", language=lang, channel="web")
    desk.cookies["django_language"] = lang
    lines = summary_lines(desk)
    with translation.override(lang):
        sent = ngettext("Confirmation link sent, not pressed yet: %(counter)s",
                        "Confirmation link sent, not pressed yet: %(counter)s", 2)  # fmt: skip
        closable = ngettext(
            "Can be closed unconfirmed (link expired, or none could be sent): %(counter)s",
            "Can be closed unconfirmed (link expired, or none could be sent): %(counter)s",
            3,
        )
    assert sent % {"counter": 2} in lines and closable % {"counter": 3} in lines  # each alone


REOPEN_HELP = {
    "kk": "аудит журналына тек себептің жазылғаны ғана түседі",
    "ru": "в\xa0журнале аудита отмечается только то, что причина написана",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_reopen_form_says_where_its_reason_is_kept(desk, person, lang):
    """The help said the reason is kept «in the audit log for good»; the request keeps it (its
    page, the person's copy of their data) and it goes with the person's data, the audit row
    noting only that one was written."""
    ticket = ticket_open(kind="destroy", email=person.email, language=lang, channel="web")
    ticket_verify(ticket)
    desk.cookies["django_language"] = lang
    act(desk, Ticket.objects.get(pk=ticket.pk), "refuse", reason="Шарт әлі орындалуда.")
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert REOPEN_HELP[lang] in page
    ticket.refresh_from_db()
    desk.post(f"/admin/rights/ticket/{ticket.pk}/reopen/",
              {"reason": "Хат жеткен жоқ", "closed_at": ticket.closed_at.isoformat()})  # fmt: skip
    ticket.refresh_from_db()
    assert ticket.is_open and "Хат жеткен жоқ" in ticket.reopen_reasons.values()
    row = AuditEvent.objects.filter(detail__reason_written=True).get()
    assert "Хат жеткен жоқ" not in str(row.detail)
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "Хат жеткен жоқ" in page
