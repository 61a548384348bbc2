"""A letter the intake cannot type opens "other", due in fifteen working days: our own term for
a question, not the law's (compliance L7, L8). Yet it may be a correction, a block or a
destruction in words the phrase table does not know, which the law gives one working day from
receipt; retyped when an officer reads it days later, it is overdue at once. The notice the
officers get on its arrival said only «due on» the fifteenth day. It now says, in each officer's
language, to read it today, and on what day a request of the soonest type would be due."""

import pytest
from post_office.models import Email

from consent.rights.tickets import ticket_open

from .test_alerts import officers_in_two_languages  # noqa: F401 (a fixture)

READ_TODAY = {"dana": "өтініштің түрін өзгертіңіз", "ruslan": "измените тип запроса"}
# Received on Tuesday 15 December 2026, the eve of Independence Day: one working day is Thursday.
SOONEST = {"dana": "17\xa0желтоқсан", "ruslan": "17\xa0декабря"}


def notices():
    return {m.to[0].split("@")[0]: m for m in Email.objects.filter(to__contains="@example.kz")
            .exclude(to=["asel@example.kz"])}  # fmt: skip


@pytest.mark.usefixtures("officers_in_two_languages")
def test_the_officers_are_told_to_read_an_untyped_request_today_and_when_the_soonest_is_due(
    texts, make_subject, time_machine
):
    make_subject(email="asel@example.kz")
    time_machine.move_to("2026-12-15 10:00+05:00", tick=False)
    ticket_open(kind="access", email="asel@example.kz", language="ru", channel="email")
    ticket_open(kind="other", email="asel@example.kz", language="ru", channel="web")  # chosen
    for mail in Email.objects.exclude(to=["asel@example.kz"]):  # typed ones, or chosen
        assert not any(said in mail.message for said in READ_TODAY.values())
    Email.objects.all().delete()

    ticket_open(kind="other", email="asel@example.kz", language="ru", channel="email")

    found = notices()
    for name in ("dana", "ruslan"):
        for body in (found[name].message, found[name].html_message):
            assert READ_TODAY[name] in body and SOONEST[name] in body, body
