"""A request opened on the person's own page is confirmed as it is opened (the link to the page
showed the address is theirs), and gets the receipt one from the public form gets once its link
is pressed: its number, its type and the date we answer by, in the person's language
(email/request_confirmed, sent by tickets.ticket_confirmed whichever way it was confirmed). It
got none, and the person kept no word of the date the page said once."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from consent.rights.models import Ticket
from tests.rights.conftest import confirm, mails_to, web_request
from tests.rights.test_selfservice import open_page
from tests.rights.test_selfservice_once import request_form_data

ALMATY = ZoneInfo("Asia/Almaty")
# A correction received on Monday 16 November 2026 is due the next working day.
DUE = {"kk": "2026 жылғы 17 қараша", "ru": "17 ноября 2026 г."}
TYPE = {"kk": "түзету", "ru": "исправлени"}


def receipts(lang):
    """The receipts mailed to the person, as read: the text part, its words held together by
    no-break spaces read as spaces."""
    mails = [m for m in mails_to("asel@example.kz") if DUE[lang] in m.message.replace("\xa0", " ")]
    return [re.sub(r"\s+", " ", m.message.replace("\xa0", " ")) for m in mails]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_opened_on_one_s_page_gets_the_receipt_with_its_due_date(
    client, person, time_machine, lang
):
    time_machine.move_to(datetime(2026, 11, 16, 12, tzinfo=ALMATY), tick=False)
    open_page(client, lang)
    response = client.post(f"/{lang}/my-data/request/", request_form_data(client, lang))
    assert response.status_code == 302
    ticket = Ticket.objects.get(subject=person, type="correct")
    [receipt] = receipts(lang)
    assert ticket.reference in receipt and TYPE[lang] in receipt.lower()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_public_form_s_request_still_gets_it_once_its_link_is_pressed(
    client, person, time_machine, lang
):
    time_machine.move_to(datetime(2026, 11, 16, 12, tzinfo=ALMATY), tick=False)
    web_request(client, lang, "correct")
    assert receipts(lang) == []  # not before the link is pressed
    ticket = confirm(client, lang)
    [receipt] = receipts(lang)
    assert ticket.reference in receipt
