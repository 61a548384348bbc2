"""One home for «open», «overdue» and «due today» (compliance L8): the admin index's summary,
the daily digest and the desk's list read TicketQuerySet.open/overdue/due_on/waiting, so that
for any request they say the same. The summary counted with filters of its own, which agreed
with the rule only while nobody changed either."""

import re
from datetime import date

from django.utils import translation
from django.utils.translation import gettext
from post_office.models import Email

from consent.rights.digest import digest
from consent.rights.models import Ticket
from consent.rights.models.ticket_queries import TicketQuerySet
from consent.rights.tickets import ticket_open, ticket_verify

TODAY = date(2026, 11, 25)  # a Wednesday, a working day


def opened(kind, received, *, confirmed, time_machine):
    time_machine.move_to(f"{received} 10:00+05:00", tick=False)
    ticket = ticket_open(kind=kind, email="asel@example.kz", language="kk", channel="web")
    if confirmed:
        ticket_verify(ticket)
    return ticket


def dashboard(client):
    """What the admin index's summary counts, as the template is given it."""
    response = client.get("/admin/")
    for template, context in zip(response.templates, response.context, strict=True):
        if template.name == "admin/rights/desk_summary.html":
            return {key: context[key] for key in ("open", "overdue", "today", "waiting")}
    raise AssertionError("no desk summary on the admin index")


def listed(client, due):
    html = client.get(f"/admin/rights/ticket/?due={due}").content.decode()
    return set(re.findall(r">№\xa0(R-\d+)<", html))


def digested():
    """The references under each heading of today's digest, by its heading."""
    Email.objects.all().delete()
    digest(TODAY)
    sections, heading = {}, None
    for line in Email.objects.get().message.splitlines():
        if line.startswith("- "):
            sections[heading].add(line[2:].removeprefix("№\N{NO-BREAK SPACE}").split()[0])
        elif line.endswith(":"):
            heading = line
            sections[heading] = set()
    with translation.override("kk"):  # the officer's notices, in the language she reads
        return {due: sections.get(gettext(heading), set())
                for due, heading in (("overdue", "Overdue:"), ("today", "Due today:"))}  # fmt: skip


def agree(client):
    """The three places, side by side: {overdue, today} as each sees them."""
    counts = dashboard(client)
    on_list = {due: listed(client, due) for due in ("overdue", "today", "waiting")}
    in_digest = digested()
    for due in ("overdue", "today"):
        assert counts[due] == len(on_list[due]) == len(in_digest[due]), due
        assert on_list[due] == in_digest[due], due
    assert counts["waiting"] == len(on_list["waiting"])
    assert counts["open"] == len(listed(client, "open"))
    return on_list


def test_the_summary_the_digest_and_the_list_say_the_same_of_each_request(
    officer_client, person, time_machine
):
    late = opened("block", "2026-11-02", confirmed=True, time_machine=time_machine)
    waiting = opened("correct", "2026-11-24", confirmed=False, time_machine=time_machine)
    on_time = opened("withdraw", "2026-11-25", confirmed=True, time_machine=time_machine)
    assert waiting.due_date == TODAY and on_time.due_date > TODAY
    time_machine.move_to("2026-11-25 10:00+05:00", tick=False)

    on_list = agree(officer_client)
    assert on_list["overdue"] == {late.reference}
    assert on_list["today"] == {waiting.reference} == on_list["waiting"]
    assert on_time.reference not in set().union(*on_list.values())


def test_a_change_of_the_rule_in_its_home_reaches_all_three(
    officer_client, person, time_machine, monkeypatch
):
    """Whatever the rule says, the three follow it from its one home: here a rule counting the
    due day itself as passed, which the summary's own filter did not follow."""
    late = opened("block", "2026-11-02", confirmed=True, time_machine=time_machine)
    waiting = opened("correct", "2026-11-24", confirmed=False, time_machine=time_machine)
    time_machine.move_to("2026-11-25 10:00+05:00", tick=False)
    monkeypatch.setattr(
        TicketQuerySet, "overdue", lambda self, today: self.open().filter(due_date__lte=today)
    )
    on_list = agree(officer_client)
    assert on_list["overdue"] == {late.reference, waiting.reference}
    assert Ticket.objects.overdue(TODAY).count() == 2
