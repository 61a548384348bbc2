"""Retention on one host while a person writes through another (compliance L5, L14).

The nightly job reads its plan first and writes after, person by person: minutes apart on a large
database. A person whose consent had ended, who sent the contact form again through host A while
host B's retention ran, had the consent they had just given expired at once (an `expire` row
after their new `grant`), and was then destroyed with the message they had just sent; a form
whose held consent its owner confirmed meanwhile was erased as never confirmed; a stranger's old
request was forgotten as a stranger's although a form had just made him a person on record. Each
person (or address) is now locked and asked again before retention writes anything about them."""

import subprocess
import time

import pytest

from tests.live import PYTHON, ROOT, live_database, query, running_host, site_env

pytestmark = pytest.mark.live

EMAIL = "dana@example.kz"
ENDED = f"""
from datetime import timedelta
from django.utils import timezone
from consent.core.models import LedgerEntry, Source, Subject
from consent.core.purposes import SERVICE
from consent.core.texts import current_texts
long_ago = timezone.now() - timedelta(days=3 * 365 + 1)
dana = Subject.objects.create(full_name="Дана Омарова", email="{EMAIL}", language="kk")
LedgerEntry.objects.bulk_create([LedgerEntry(
    subject=dana, purpose=SERVICE, kind="grant", text=current_texts()[SERVICE],
    source=Source.CONTACT_FORM, at=long_ago, expires_at=long_ago + timedelta(days=3 * 365))])
"""
# Host A: the contact form's operation, sent and not yet committed when retention starts.
SENDING = f"""
from django.db import transaction
from consent.core.models import Source
from consent.core.submissions import submission_record
transaction.set_autocommit(False)
submission_record(source=Source.CONTACT_FORM, language="kk", request=None,
                  data={{"full_name": "Дана Омарова", "email": "{EMAIL}", "message": "Сәлем"}},
                  consents={{"service": True}})
"""
# A form whose service consent waited on its address's owner, who had withdrawn it, past the
# week it waits (core.held); the person's news keeps them on record.
HELD = """
from datetime import timedelta
from django.utils import timezone
from consent.core.ledger import consent_grant, consent_withdraw
from consent.core.models import Held, Source, Subject, Submission
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import current_texts
texts = current_texts()
erlan = Subject.objects.create(full_name="Ерлан Беков", email="erlan@example.kz", language="kk")
consent_grant(erlan, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
consent_grant(erlan, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
consent_withdraw(erlan, SERVICE, source=Source.SELF_SERVICE)
form = Submission.objects.create(subject=erlan, source=Source.CONTACT_FORM, language="kk",
                                 data={"message": "Бағасы қанша?"}, consent_held=Held.WITHDRAWN,
                                 held={"texts": {SERVICE: texts[SERVICE].pk}})
Submission.objects.filter(pk=form.pk).update(created_at=timezone.now() - timedelta(days=8))
"""
# Host A: he gives the service consent again on his page, not yet committed.
CONFIRMING = """
from django.db import transaction
from consent.core.ledger import consent_grant, subject_lock
from consent.core.models import Source, Subject
from consent.core.purposes import SERVICE
from consent.core.texts import current_texts
transaction.set_autocommit(False)
erlan = Subject.objects.get(email="erlan@example.kz")
subject_lock(erlan)
consent_grant(erlan, current_texts()[SERVICE], language="kk", source=Source.SELF_SERVICE)
"""
# A stranger's request, answered long before the grace period: retention forgets its words.
STRANGER = """
from datetime import timedelta
from django.utils import timezone
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open
asked = ticket_open(kind="access", email="nurlan@example.kz", language="ru", channel="web",
                    message="Что вы обо мне храните?")
Ticket.objects.filter(pk=asked.pk).update(status=Ticket.Status.NO_DATA,
                                          closed_at=timezone.now() - timedelta(days=40))
"""
# Host A: the same address sends the contact form, which makes him a person on record.
WRITING = SENDING.replace(EMAIL, "nurlan@example.kz")
SENT = "from django.db import transaction; transaction.commit(); transaction.set_autocommit(True)"


def waiting_for_a_lock(url):
    return query(url, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND wait_event_type = 'Lock'")[0][0]  # fmt: skip


def retention_meanwhile(url, setup, on_host_a):
    """Host B's nightly retention, started while host A holds `on_host_a` uncommitted; host A
    commits once B waits for the person (or B is done). What B printed. `setup`, committed
    before, is run on host A too: a process started for it alone was ~1.5 s of CPU a test."""
    env = site_env(url)
    with running_host(env) as host_a:
        host_a.ask(setup)
        host_a.ask(on_host_a)
        retention = subprocess.Popen([PYTHON, "manage.py", "enforce_retention"], cwd=ROOT,
                                     env=env, stdout=subprocess.PIPE, text=True,
                                     stderr=subprocess.STDOUT)  # fmt: skip
        for _ in range(600):
            if waiting_for_a_lock(url) or retention.poll() is not None:
                break
            time.sleep(0.1)
        host_a.ask(SENT)
        said = retention.communicate(timeout=120)[0]
    assert retention.returncode == 0, said
    return said


def test_a_person_who_writes_while_retention_runs_is_neither_expired_nor_destroyed(
    django_db_blocker,
):
    with django_db_blocker.unblock(), live_database() as url:
        said = retention_meanwhile(url, ENDED, SENDING)
        people = query(url, f"SELECT id FROM consent_subject WHERE email = '{EMAIL}'")
        assert len(people) == 1, said  # not destroyed with what she had just sent
        [(person,)] = people
        # Her consent stands: the latest event of the service purpose is the grant she just gave.
        events = query(url, f"SELECT kind FROM consent_ledgerentry WHERE subject_id = {person} "
                            "AND purpose = 'service' ORDER BY id")  # fmt: skip
        assert events == [("grant",), ("grant",)], said
        assert query(url, f"SELECT count(*) FROM consent_submission WHERE subject_id = {person}"
                          " AND data->>'message' = 'Сәлем'") == [(1,)]  # fmt: skip
        assert "did destroy subjects: []" in said


def test_a_form_whose_consent_is_confirmed_while_retention_runs_is_kept(django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        said = retention_meanwhile(url, HELD, CONFIRMING)
        kept = query(url, "SELECT s.data->>'message' FROM consent_submission s JOIN "
                          "consent_subject p ON p.id = s.subject_id "
                          "WHERE p.email = 'erlan@example.kz'")  # fmt: skip
        assert kept == [("Бағасы қанша?",)], said
        assert "did erase submissions without consent: []" not in said  # it was in the plan


def test_a_strangers_request_is_kept_once_a_form_makes_him_a_person_meanwhile(django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        said = retention_meanwhile(url, STRANGER, WRITING)
        asked = query(url, "SELECT email, message FROM consent_request WHERE type = 'access'")
        assert asked == [("nurlan@example.kz", "Что вы обо мне храните?")], said


# An email set aside whose senders are to be noted anew (after a SECRET_KEY change): the night's
# run rewrites it before it writes about anyone.
SET_ASIDE = (
    ENDED
    + """
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage
from tests.rights.conftest import message
ingest(message("Hello", sender="bot@example.kz", body="", message_id="<set-aside-1@x>"))
QuarantinedMessage.objects.update(senders_noted=False)
"""
)
# Host A: an officer destroys her (her request), not yet committed, in a transaction that also
# holds the set-aside entry retention rewrites first: it commits once retention waits for it.
DESTROYING = f"""
from django.db import transaction
from consent.core.models import Subject
from consent.rights.erasure import subject_destroy
from consent.rights.models import QuarantinedMessage
transaction.set_autocommit(False)
list(QuarantinedMessage.objects.select_for_update())
subject_destroy(Subject.objects.get(email="{EMAIL}"), request_ref="R-2026-00077")
"""


def test_a_person_an_officer_destroys_while_retention_runs_stops_no_run(django_db_blocker):
    """Retention read its plan, then the people it names: one destroyed through another host
    in between (a desk's destruction committed) ended the night's run on a KeyError, a
    traceback and exit 1, everyone after her left for the next hour's start."""
    with django_db_blocker.unblock(), live_database() as url:
        said = retention_meanwhile(url, SET_ASIDE, DESTROYING)
        assert "Traceback" not in said
        assert query(url, f"SELECT count(*) FROM consent_subject WHERE email = '{EMAIL}'") == [(0,)]
        assert query(url, "SELECT count(*) FROM consent_jobrun WHERE job = 'retention'") == [(1,)]
