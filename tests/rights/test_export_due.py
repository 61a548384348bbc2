"""The access export says what the person's pages and mails say of a request past its due date
(compliance L8, L10): the date, that it has passed, and an apology, in the person's language,
by the one rule (Ticket.is_overdue, rights/answer_due.txt). It gave the bare date, which read
as a promise the desk already showed broken."""

import json
import re
import subprocess
from datetime import date, datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest

from consent.common.text import plain_text
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.rights.test_promised_dates import PASSED, SORRY, day
from tests.rights.test_selfservice import open_page

ALMATY = ZoneInfo("Asia/Almaty")


def requests_by_reference(export):
    return {row["reference"]: row for row in json.loads(export.content)["requests"]}


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_export_says_a_due_date_has_passed_as_her_page_does(
    client, person, time_machine, tmp_path, lang
):
    """A correction asked on Monday 16 November 2026 is due on Tuesday 17 (1 working day); a
    withdrawal asked the same day, on 7 December (15). On Saturday 21 she downloads her data."""
    time_machine.move_to(datetime(2026, 11, 16, 12, tzinfo=ALMATY), tick=False)
    late = ticket_open(kind="correct", email=person.email, language=lang, channel="email")
    ticket_verify(late)
    on_time = ticket_open(kind="withdraw", email=person.email, language=lang, channel="email",
                          purpose="marketing")  # fmt: skip
    ticket_verify(on_time)
    time_machine.move_to(datetime(2026, 11, 21, 10, tzinfo=ALMATY), tick=False)
    assert Ticket.objects.get(pk=late.pk).is_overdue
    assert not Ticket.objects.get(pk=on_time.pk).is_overdue

    open_page(client, lang)
    rows = requests_by_reference(client.post(f"/{lang}/my-data/export/", {"format": "json"}))
    note = rows[late.reference]["due_passed"]
    assert rows[late.reference]["due_date"] == "2026-11-17"  # the law's date stays as it is
    # A program reads the JSON: its dates in words have plain spaces (test_plain_files).
    assert plain_text(day(lang, date(2026, 11, 17))) in note and plain_text(PASSED[lang]) in note
    assert SORRY[lang] in note.lower()
    assert rows[on_time.reference]["due_passed"] == ""  # not passed: the date says it all
    assert all(row["due_passed"] == "" for ref, row in rows.items() if ref != late.reference)
    # The same words as her own page, which reads the same rule.
    page = unescape(re.sub(r"[ \n]+", " ", client.get(f"/{lang}/my-data/").content.decode()))
    assert note in plain_text(page)

    pdf = client.post(f"/{lang}/my-data/export/", {"format": "pdf"})
    (tmp_path / "export.pdf").write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", tmp_path / "export.pdf", "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert SORRY[lang] in " ".join(text.split()).lower()
