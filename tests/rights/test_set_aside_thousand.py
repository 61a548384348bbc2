"""A thousand letters that cannot become requests, piped in on a Monday morning: every one is
kept and listed in the digest, but the officer's mailbox gets one notice at once and then one
summary. The flood is piped in once for the module (some 5 s of CPU each time): what a test
then does to it (the letters told of, the mail sent or deleted) goes back with its savepoint."""

from datetime import date

import pytest
import time_machine as clock
from django.contrib.auth import get_user_model
from django.core import mail
from post_office.models import Email

from consent.core.delivery import send_queued
from consent.rights.alerts import SET_ASIDE_WINDOW, tell_set_aside
from consent.rights.digest import REVIEW_LISTED, digest
from consent.rights.models import QuarantinedMessage
from tests.conftest import rows_for_the_module

from .test_set_aside_flood import FLOOD, flood, notices

pytestmark = pytest.mark.django_db
MONDAY = "2026-12-07 10:00+05:00"


@pytest.fixture(scope="module")
def entries(django_db_setup, django_db_blocker):
    """Alice, the officer (tests/conftest.py's `officer`), and the flood's letters, in order."""
    with rows_for_the_module(django_db_blocker):
        with clock.travel(MONDAY, tick=False):
            get_user_model().objects.create_superuser(
                "alice", "alice@example.kz", "pw-alice-123456"
            )
            letters = flood(FLOOD)
        yield letters


@pytest.fixture
def monday(time_machine):
    time_machine.move_to(MONDAY, tick=False)  # the flood's instant
    return time_machine


def test_a_thousand_letters_make_one_notice_then_one_summary(entries, monday):
    assert QuarantinedMessage.objects.count() == FLOOD  # every letter is kept
    (first,) = notices()  # the first at once, by its own number
    assert entries[0].reference in first.subject
    monday.shift(SET_ASIDE_WINDOW / 2)
    flood(FLOOD + 1, start=FLOOD)  # still within the hour: no mail
    assert tell_set_aside() == 0 and len(notices()) == 1

    monday.shift(SET_ASIDE_WINDOW / 2)
    assert tell_set_aside() == FLOOD  # the rest, in one summary
    summary = notices()[1]
    assert f"{FLOOD}" in summary.subject and f"{FLOOD}" in summary.message
    assert entries[1].reference in summary.message
    assert "/admin/rights/quarantinedmessage/" in summary.message
    assert tell_set_aside() == 0 and len(notices()) == 2
    assert not QuarantinedMessage.objects.filter(told_at=None).exists()

    # Delivered as real mail, in the officer's language (Kazakh by default).
    send_queued()
    assert [m.subject for m in mail.outbox] == [first.subject, summary.subject]
    assert "хаттар" in summary.subject


def test_the_digest_accounts_for_every_letter_of_the_flood(entries, monday):
    Email.objects.all().delete()
    assert digest(date(2026, 12, 8)) == 1
    text = notices()[0].message
    listed = [line for line in text.splitlines() if line.startswith("- Q-")]
    assert len(listed) == REVIEW_LISTED
    assert f"{FLOOD - REVIEW_LISTED}" in text
    assert "/admin/rights/quarantinedmessage/" in text
