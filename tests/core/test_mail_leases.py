"""A sender holds its mails by a lease, not by row locks kept while the mail server answers.

The sender kept its claim's row locks for the whole batch, SMTP included (a minute of a slow
relay): an officer's destruction of a person with mail in that batch, or a correction cleaning
up old mail, waited for it, and past the statement timeout (20 s) was cancelled, a 503 for the
officer and a mail to ADMINS. Now the claim is a lease (consent/core/claims.py): the mail server
is talked to with no lock held, and an outcome is recorded only for a mail still the sender's.

Real parts: the outbox in PostgreSQL, committed by each side (a copy of the live tests'
database, the cases in a process of their own, as tests/core/test_one_at_a_time.py runs them),
and aiosmtpd on loopback holding a message until the test lets it answer, so that what each
case proves does not depend on timing.
"""

import asyncio
import os
import subprocess
import threading
from collections import Counter

import pytest
from django.db import connection, connections

from tests.core.test_one_at_a_time import returned, run_cases
from tests.core.test_senders import QUEUE, received, statuses
from tests.live import PYTHON, ROOT, Inbox, free_port, live_database, query, run_case, smtp_relay

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks"),
]


class HoldsTheFirst(Inbox):
    """A mail server that holds the first message it is given, the sender waiting for its reply
    to DATA, until `release` is set (`arrived` says it is in); with `keep_first` off, it then
    refuses it (its sender is gone). The others it takes at once."""

    def __init__(self, keep_first=True):
        super().__init__()
        self.arrived, self.release, self.keep_first = (
            threading.Event(),
            threading.Event(),
            keep_first,
        )

    async def handle_DATA(self, server, session, envelope):
        if not self.arrived.is_set():
            self.arrived.set()
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 60)
            if not self.keep_first:
                return "451 try again later"
        return await super().handle_DATA(server, session, envelope)


def _in_thread(work, results, key):
    try:
        results[key] = work()
    except BaseException as error:  # said in the case's result
        results[key] = repr(error)
    finally:
        connections.close_all()


def _queued_to(address):
    from post_office.models import STATUS, Email

    return Email.objects.create(from_email="noreply@emaluplus-vko.kz", to=[address],
                                subject="Жауап", message="Сәлем", status=STATUS.queued,
                                message_id=f"<{address}>")  # fmt: skip


def _while_held(port, keep_first, meanwhile):
    """send_batch() in a thread of its own, its first mail held by the mail server while
    `meanwhile()` runs in another: (whether `meanwhile` finished before the server answered,
    waiting for no lock; what it returned; the batch; the server)."""
    from consent.core.delivery import send_batch
    from tests.core.test_one_at_a_time import until_it_waits_for_a_lock

    server, results = HoldsTheFirst(keep_first), {}
    with smtp_relay(server, port=port):
        sender = threading.Thread(target=_in_thread, args=(send_batch, results, "batch"))
        sender.start()
        assert server.arrived.wait(60), results
        other = threading.Thread(target=_in_thread, args=(meanwhile, results, "meanwhile"))
        other.start()
        until_it_waits_for_a_lock(other)
        done_first = not other.is_alive()
        server.release.set()
        sender.join(60)
        other.join(60)
    return done_first, results["meanwhile"], results["batch"], server


def destroyed_while_held(port):
    """A person destroyed while the sender waits for the mail server's reply to their mail."""
    from post_office.models import Email, Log

    from consent.core.models import Subject
    from consent.rights.erasure import subject_destroy

    person = Subject.objects.create(full_name="Әсел", email="asel.held@example.kz", language="kk")
    mail = _queued_to(person.email)

    def destroy():
        subject_destroy(person, request_ref="R-1")
        return not Email.objects.filter(id=mail.id).exists()

    done_first, gone, batch, server = _while_held(port, True, destroy)
    return {"destroyed while held": done_first, "mail gone": gone,
            "batch": batch if isinstance(batch, str) else batch._asdict(), "mail id": mail.id,
            "row": Email.objects.filter(id=mail.id).exists(),
            "logs": Log.objects.filter(email_id=mail.id).count(),
            "handed over": len(server.messages)}  # fmt: skip


def second_sender_while_held(port):
    """A second sender run while the first waits for the mail server's reply to the one mail."""
    from post_office.models import Email

    from consent.core.delivery import send_batch

    mail = _queued_to("dana.once@example.kz")
    done_first, second, first, server = _while_held(port, True, lambda: send_batch()._asdict())
    return {"second waited for nothing": done_first, "second": second,
            "first sent": first if isinstance(first, str) else first.sent, "mail id": mail.id,
            "status": Email.objects.get(id=mail.id).status,
            "received": len(server.messages)}  # fmt: skip


def withdrawn_while_leased(port):
    """An access answer withdrawn (its letter expired, its files deleted: outbox.
    attachments_delete) while it waits, leased, behind a mail the server holds."""
    from django.core.files.base import ContentFile
    from post_office.models import Attachment

    from consent.core.files import file_delete
    from consent.rights.outbox import attachments_delete

    _queued_to("first.held@example.kz")
    answer = _queued_to("gulnar.answer@example.kz")
    attached = Attachment(name="R-7.pdf")
    attached.file.save("R-7.pdf", ContentFile(b"%PDF old answer"), save=True)
    answer.attachments.add(attached)

    def withdraw():
        for storage, name in attachments_delete(Attachment.objects.filter(pk=attached.pk)):
            file_delete(storage, name)

    done_first, _, batch, server = _while_held(port, True, withdraw)
    return {"withdrawn while held": done_first, "handed over": len(server.messages),
            "batch": batch if isinstance(batch, str) else batch._asdict(),
            "answer id": answer.id}  # fmt: skip


def destroyed_while_recorded():
    """A person destroyed while the sender records their mail as sent (its transaction open)."""
    from post_office.models import Email

    from consent.core.claims import lease, settle
    from consent.core.delivery import _record
    from consent.core.models import Subject
    from consent.rights.erasure import subject_destroy
    from tests.core.test_one_at_a_time import both_at_once

    person = Subject.objects.create(full_name="Ерлан", email="erlan.rec@example.kz", language="kk")
    mail = _queued_to(person.email)
    lease([mail])

    def record():
        assert settle(mail)
        _record([(mail, "250 2.0.0 Ok: queued as 4Xyz")], [], 1)

    def destroy():
        subject_destroy(person, request_ref="R-2")

    both_at_once(record, destroy)  # raises what either raised
    return Email.objects.filter(id=mail.id).exists()


def send_later(seconds):
    """send_queued() run `seconds` from now: (sent, not sent)."""
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from consent.core.delivery import send_queued

    with time_machine.travel(timezone.now() + timedelta(seconds=seconds), tick=True):
        return list(send_queued())


def test_a_person_destroyed_while_their_mail_is_with_the_relay_is_destroyed_at_once(
    django_db_blocker,
):
    port = free_port()
    with django_db_blocker.unblock(), live_database() as url:
        case = run_case(url, "tests.core.test_mail_leases", "destroyed_while_held", port,
                        EMAIL_URL=f"smtp://127.0.0.1:{port}")  # fmt: skip
    # The officer's destruction did not wait for the mail server (it waited the whole batch).
    assert case["destroyed while held"], case
    assert case["mail gone"] is True, case
    # The mail was handed to the relay; of the person gone, nothing was recorded, and the batch
    # ended without an error.
    assert case["handed over"] == 1
    assert (case["row"], case["logs"]) == (False, 0)
    assert case["batch"]["sent"] == [] and case["batch"]["failed"] == [], case
    assert case["batch"]["gone"] == [case["mail id"]], case


def test_an_answer_withdrawn_while_leased_is_not_sent(django_db_blocker):
    """A letter expired while its sender held it leased (an access answer withdrawn when its
    request is reopened, or its files deleted) went out all the same: renew() asked only
    whether the lease was still the sender's, and the person got the old answer too."""
    port = free_port()
    with django_db_blocker.unblock(), live_database() as url:
        case = run_case(url, "tests.core.test_mail_leases", "withdrawn_while_leased", port,
                        EMAIL_URL=f"smtp://127.0.0.1:{port}")  # fmt: skip
    assert case["withdrawn while held"], case
    assert case["handed over"] == 1, case  # the held one only
    assert case["answer id"] not in case["batch"]["sent"] + case["batch"]["failed"], case


def test_a_person_destroyed_while_the_sender_records_their_mail_is_destroyed_with_its_log(
    django_db_blocker,
):
    """The destruction waits for the record's commit and deletes the log row it wrote with the
    mail: it deleted the logs it saw first, then the mail, and the log row written meanwhile
    failed its commit (IntegrityError), the officer's action lost."""
    with django_db_blocker.unblock(), live_database() as url:
        outcomes = run_cases(url, "tests.core.test_mail_leases", ("destroyed_while_recorded",))
    assert (
        returned(outcomes, "destroyed_while_recorded") is False
    )  # the mail gone, with its log row


def test_a_second_sender_meanwhile_neither_waits_nor_sends_the_mail_in_hand(django_db_blocker):
    port = free_port()
    with django_db_blocker.unblock(), live_database() as url:
        case = run_case(url, "tests.core.test_mail_leases", "second_sender_while_held", port,
                        EMAIL_URL=f"smtp://127.0.0.1:{port}")  # fmt: skip
    assert case["second waited for nothing"], case
    assert case["second"]["sent"] == [] and case["second"]["failed"] == [], case
    assert case["first sent"] == [case["mail id"]], case
    assert (case["status"], case["received"]) == (0, 1), case  # sent, once


def test_a_sender_killed_mid_batch_leaves_its_mails_to_the_run_after_its_lease(
    django_db_blocker, tmp_path
):
    from consent.core.claims import LEASE

    with (
        smtp_relay(HoldsTheFirst(keep_first=False)) as (inbox, port),
        django_db_blocker.unblock(),
        live_database() as url,
    ):
        query(url, QUEUE % 3)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": url,
               "EMAIL_URL": f"smtp://127.0.0.1:{port}", "TMPDIR": str(tmp_path)}  # fmt: skip
        sender = subprocess.Popen([PYTHON, "manage.py", "send_queued_mail"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        assert inbox.arrived.wait(60)
        sender.kill()  # mid-batch: the first mail with the relay, two more claimed
        sender.wait()
        inbox.release.set()
        relay = {"EMAIL_URL": f"smtp://127.0.0.1:{port}"}
        # The next minute's run: the lease still runs, the mails are another sender's.
        assert run_case(url, "tests.core.test_mail_leases", "send_later", 60, **relay) == [0, 0]
        lapsed = LEASE.total_seconds() + 1
        assert run_case(url, "tests.core.test_mail_leases", "send_later", lapsed, **relay) == [3, 0]
        assert statuses(url) == {0: 3}  # sent, none left queued
        retried = query(url, "SELECT count(*) FROM post_office_email WHERE number_of_retries > 0")
        assert retried[0][0] == 0  # the sender's death spent no retry
    counts = received(inbox)
    assert len(counts) == 3 and set(counts.values()) == {1}, Counter(counts.values())
