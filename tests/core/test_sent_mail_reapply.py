"""`sent_mail reapply` (docs/deploy/backups.md, step 4) with the list made of the senders'
journal, which reaches back past the backup (README step 8 keeps it longer than the dumps): a
mail sent before the backup and re-queued by an officer before it (the person said they never
got it) is due in the dump with its first delivery on record. The journal's line for that first
delivery is no proof that the re-queued mail went: recorded as sent, it was never sent again,
and nothing said so."""

import io

import pytest
from django.core.management import call_command
from post_office.models import STATUS, Email, Log

pytestmark = pytest.mark.django_db

FIRST, AGAIN = "250 2.0.0 Ok: queued as 4AbCd", "250 2.0.0 Ok: queued as 9XyZw"


@pytest.fixture
def requeued():
    """Sent once (its delivery logged), then re-queued by an officer: due in the dump."""
    mail = Email.objects.create(to=["asel@example.kz"], from_email="noreply@emaluplus-vko.kz",
                                subject="Сәлем", message="Сәлем", status=STATUS.queued,
                                message_id="<1.2.3@emaluplus-vko.kz>")  # fmt: skip
    Log.objects.create(email=mail, status=STATUS.sent, message=FIRST)
    return mail


def reapply(tmp_path, *lines):
    listed = tmp_path / "sent.csv"
    listed.write_text("message_id,reply\n" + "".join(f'"{m}","{r}"\n' for m, r in lines))
    out = io.StringIO()
    call_command("sent_mail", "reapply", str(listed), stdout=out)
    return out.getvalue()


def test_a_delivery_the_dump_already_knows_does_not_mark_the_requeued_mail_sent(tmp_path, requeued):
    said = reapply(tmp_path, (requeued.message_id, FIRST))
    assert "recorded as sent: 0, left to send: 1" in said
    requeued.refresh_from_db()
    assert requeued.status == STATUS.queued  # the officer's resend goes, once


def test_a_delivery_after_the_dump_marks_it_sent_whatever_the_order_of_the_lines(
    tmp_path, requeued
):
    said = reapply(tmp_path, (requeued.message_id, FIRST), (requeued.message_id, AGAIN))
    assert "recorded as sent: 1, left to send: 0" in said
    requeued.refresh_from_db()
    assert requeued.status == STATUS.sent
    assert sorted(requeued.logs.values_list("message", flat=True)) == [FIRST, AGAIN]
