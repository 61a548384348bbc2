"""A request opened by hand with an earlier day of receipt can be overdue the moment it is
opened: Law 94-V counts the deadline from the request's receipt, and waiting for the person's
confirmation does not stop it. One due date, and one «overdue», everywhere: the opening form
(before saving), the officers' notice, the desk's list and its filter, the admin index, the
person's page in the admin, and the person's confirmation page and own page."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format
from post_office.models import Email

from consent.rights.models import Ticket
from tests.rights.conftest import confirm_link
from tests.rights.test_selfservice import open_page
from tests.staff import staff_member, verified_login

WORDS = {
    "kk": {"form": "бұл өтініштің мерзімі өтіп кеткен", "notice": "мерзімі өтіп кеткен",
           "overdue": "мерзімі өткен", "waiting": "өтініш берушіні күтуде",
           "none": "Мерзімі өткен өтініштер жоқ", "page": "Бұл күн өтіп кетті"},
    "ru": {"form": "он уже просрочен", "notice": "уже просрочен", "overdue": "просрочен",
           "waiting": "ожидает заявителя", "none": "Просроченных запросов нет",
           "page": "уже прошёл"},
}  # fmt: skip


def day(lang, d, kind="DATE_FORMAT"):
    with translation.override(lang):
        return date_format(d, kind)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_received_before_its_deadline_passed_is_overdue_everywhere(
    make_subject, time_machine, lang
):
    """Thursday 3 December 2026: an access request (3 working days) telephoned on Friday 20
    November is due on Wednesday 25 November."""
    asel = make_subject(full_name="Әсел Қасымова", email="asel@example.kz", language=lang)
    time_machine.move_to("2026-12-03 10:00+05:00", tick=False)
    officer = verified_login(Client(headers={"accept-language": lang}),
                             staff_member("dana", "privacy_officer"))  # fmt: skip
    url = f"/admin/consent/subject/{asel.pk}/open-request/"
    said = {"kind": "access", "language": lang, "purpose": "", "message": "Позвонила",
            "received_at_0": "2026-11-20", "received_at_1": ""}  # fmt: skip
    # The form says so before anything is saved, and saves once the officer confirms.
    warned = officer.post(url, said).content.decode()
    assert (
        WORDS[lang]["form"] in warned
        and day(lang, date(2026, 11, 25), "SHORT_DATE_FORMAT") in warned
    )
    assert not Ticket.objects.exists()
    assert officer.post(url, {**said, "overdue_seen": "on"}).status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.due_date == date(2026, 11, 25) and ticket.is_waiting
    # The officers' notice warns, in the language Dana works the admin in (emalu/staff.py).
    notice = Email.objects.get(to=["dana@example.kz"])
    received = day(lang, date(2026, 11, 20))  # the long date, as every mail writes it
    assert WORDS[lang]["notice"] in notice.subject and received in notice.message
    # The desk: the list, its filter and the index agree.
    listed = officer.get("/admin/rights/ticket/").content.decode()
    assert f"{WORDS[lang]['overdue']} · {WORDS[lang]['waiting']}" in listed
    assert ticket.reference in officer.get("/admin/rights/ticket/?due=overdue").content.decode()
    index = officer.get("/admin/").content.decode()
    assert WORDS[lang]["none"] not in index and "?due=overdue" in index
    # Her page in the admin lists the request as the desk does: it showed the bare date.
    page = officer.get(f"/admin/consent/subject/{asel.pk}/change/").content.decode()
    assert f"{WORDS[lang]['overdue']} · {WORDS[lang]['waiting']}" in page
    # The person: the same date, said to have passed, before and after confirming.
    person = Client()
    path = confirm_link()
    for page in (person.get(path), person.post(path)):
        html = page.content.decode()
        assert day(lang, date(2026, 11, 25)) in html and WORDS[lang]["page"] in html
        assert day(lang, date(2026, 12, 3)) not in html
    open_page(person, lang)
    own = person.get(f"/{lang}/my-data/").content.decode()
    assert day(lang, date(2026, 11, 25)) in own and day(lang, date(2026, 12, 3)) not in own


ROOT = Path(__file__).resolve().parents[2]
# The digest lists the overdue apart, under their own heading: its rows need not say it again.
GROUPED = {"templates/email/staff_digest.txt", "templates/email/staff_digest.html"}


def test_every_template_that_names_a_due_date_says_when_it_has_passed():
    """A request's due date reaches a person or an officer in a template that also reads the
    one rule of its having passed (Ticket.is_overdue) or includes the part that does: the
    re-typed and withdrawal mails promised a later day (answer_by), the reopened notice a
    date gone as if still to come."""
    shown = re.compile(r"\.(due_date|answer_by)\b")
    found = []
    for path in sorted(ROOT.glob("**/templates/**/*.*")):
        if ".venv" in path.parts or "var" in path.parts or path.suffix not in (".html", ".txt"):
            continue
        text = path.read_text()
        name = str(path.relative_to(ROOT))
        if shown.search(text) and name not in GROUPED:
            found.append(name)
            assert "is_overdue" in text, f"{name} shows a due date but not that it has passed"
    assert "consent/rights/templates/rights/answer_due.txt" in found and len(found) >= 5


REOPENED = {"kk": "мерзімі өтіп кеткен", "ru": "уже просрочен"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_reopened_after_its_due_date_is_told_as_overdue(make_subject, time_machine, lang):
    """A reopened request whose answer never went out, told to the officers after its due
    date: the notice said «open again and due on» a day gone."""
    from consent.core.models import StaffProfile
    from consent.rights.alerts import notify_reopened
    from consent.rights.tickets import ticket_open

    officer = staff_member("dana", "privacy_officer")
    StaffProfile.objects.create(user=officer, language=lang)
    make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    time_machine.move_to("2026-11-20 10:00+05:00", tick=False)
    ticket = ticket_open(kind="access", email="asel@example.kz", language="kk", channel="email")
    time_machine.move_to("2026-12-03 10:00+05:00", tick=False)
    Email.objects.all().delete()
    notify_reopened(Ticket.objects.get(pk=ticket.pk))
    notice = Email.objects.get(to=["dana@example.kz"])
    for text in (notice.message, notice.html_message):
        assert REOPENED[lang] in text and day(lang, date(2026, 11, 25)) in text, text
