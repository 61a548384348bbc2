"""From midnight in Almaty on a child's 18th birthday (whatever the UTC date) their parent no
longer acts for them (Art. 7(1), 24; compliance L6). A mail queued to the parent about the child
before that midnight went out after it, when the mail server had been down or the queue long;
and a request the parent asked for the child stayed open on the desk until someone touched it.
Now the sender holds such a mail at the moment of sending (core.delivery), with an audit row,
and a job run just after midnight closes the request, telling the parent."""

import pytest
from django.core import mail
from django.core.management import call_command
from post_office.models import Email

from consent.core.delivery import send_queued
from consent.core.models import AuditEvent
from consent.rights.models import Ticket

from .conftest import act, mails_to
from .test_guardian_of_age import FATHER, PARENT_TOLD, asked, officer
from .test_guardian_rights import with_child

HELD = AuditEvent.Action.MAIL_HELD_OF_AGE


@pytest.fixture
def son(texts, make_subject, time_machine):
    """Ерболат turns 18 on 5 December 2026; on the 4th his father asks, on his page, for his
    data to be blocked (as in test_guardian_of_age)."""
    time_machine.move_to("2026-12-04 10:00+05:00", tick=False)
    return with_child(make_subject, texts, name="Ерболат Сейітов", email="erbolat@x.kz",
                      born="2008-12-05", parent=FATHER, parent_name="Сейіт")  # fmt: skip


def delivered_to(address):
    return [m for m in mail.outbox if address in m.to]


@pytest.mark.parametrize(("moment", "of_age"), [
    ("2026-12-04 18:59Z", False),  # 23:59 in Almaty on the 4th: still his father's to read
    ("2026-12-04 19:00:01Z", True),  # 00:00:01 in Almaty on the 5th, the UTC date the 4th
])  # fmt: skip
def test_an_answer_queued_to_the_parent_before_midnight_is_held_after_it(
    son,
    desk,
    privacy_officer,
    time_machine,
    moment,
    of_age,
):
    ticket = asked("ru", son[1])
    time_machine.move_to("2026-12-04 23:50+05:00", tick=False)
    act(officer(desk, privacy_officer, "kk"), ticket, reason="по просьбе отца")
    answer = mails_to(FATHER)[-1]  # queued at 23:50, the mail server down until `moment`
    assert ticket.reference in answer.subject
    time_machine.move_to(moment, tick=False)
    mail.outbox.clear()
    send_queued()
    subjects = [m.subject for m in delivered_to(FATHER)]
    assert (answer.subject in subjects) is not of_age
    answer.refresh_from_db()
    assert (answer.status == 0) is not of_age  # post_office's «sent»
    # the answer and the request's receipt, both queued before midnight
    held = AuditEvent.objects.filter(action=HELD, subject_ref=son[0].pk)
    assert held.count() == (2 if of_age else 0)
    send_queued()  # a later run does not send them either, nor write another row
    assert len(delivered_to(FATHER)) == len(subjects) and held.count() == (2 if of_age else 0)


def test_the_parents_open_request_is_closed_just_after_midnight_and_the_parent_told(
    son,
    time_machine,
):
    ticket = asked("ru", son[1])
    time_machine.move_to("2026-12-04 23:59+05:00", tick=False)
    send_queued()  # what he was mailed on the 4th reached him on the 4th
    call_command("close_outgrown_requests")
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.OPEN
    time_machine.move_to("2026-12-05 00:01+05:00", tick=False)  # 19:01 on the 4th in UTC
    call_command("close_outgrown_requests")
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CLOSED and ticket.closed_at is not None
    mail.outbox.clear()
    send_queued()  # the notice is about the request, not the child's data: it goes
    (told,) = delivered_to(FATHER)
    assert ticket.reference in told.subject and PARENT_TOLD["ru"] in told.body
    assert "Ерболат" not in told.body
    call_command("close_outgrown_requests")  # a second host's timer the same day: nothing
    notices = Email.objects.filter(to__icontains=FATHER, message__contains=PARENT_TOLD["ru"])
    assert notices.count() == 1
