"""Dan presses "send" on a campaign to the whole list. Queuing 30,000 mails took the request
~20 s (100,000: half a minute), gunicorn killed the worker at 30 s, the transaction rolled back,
nothing was sent, Dan saw an error page, and pressing again did the same. The press now only
marks the campaign as being sent; the sending job on the outbox timer queues it in committed
batches, each person once, and goes on where a run that died stopped."""

import re

import psycopg
import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection
from post_office.models import Email

from consent.core.models import AuditEvent
from consent.marketing.campaigns import campaign_start, queue_sending
from consent.marketing.models import Campaign, CampaignRecipient
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_marketer_desk import CHANGELIST, WRITTEN, digest_shown, send
from tests.site.language import counted


def progress(client, campaign):
    """The campaign page's progress line."""
    page = client.get(f"{CHANGELIST}{campaign.pk}/change/").content.decode()
    return re.search(r'field-progress.*?<div class="readonly">([^<]*)<', page, re.S)[1]


def once_each(campaign):
    """The outbox addresses of the campaign's mails, which must be each recipient's once."""
    ids = CampaignRecipient.objects.filter(campaign=campaign).values("outbox_message_id")
    return sorted(a for e in Email.objects.filter(message_id__in=ids) for a in e.to)


def test_the_press_returns_at_once_and_the_job_queues_everyone_once(texts, marketer_client):
    people = sorted(confirmed(f"p{i}@example.kz", "ru" if i % 2 else "kk").email for i in range(5))
    campaign = Campaign.objects.create(**WRITTEN)
    digest = digest_shown(marketer_client, campaign)

    [(level, text)] = send(marketer_client, campaign, digest)

    assert level == "info" and "(қазіргі алушылар саны: 5)" in text
    campaign.refresh_from_db()
    assert campaign.status == "sending" and not Email.objects.exists()
    assert campaign.sent_by.username == "dan" and campaign.sent_at is not None
    start = AuditEvent.objects.get(action="campaign_start")
    assert start.actor_label == "dan" and start.detail == {"audience": 5}
    assert progress(marketer_client, campaign) == counted("кезекке қойылуда: әзірге 0 / 5")
    # Pressed again (a double click, a second tab) while it goes out: not sent twice.
    [(level, text)] = send(marketer_client, campaign, digest)
    assert level == "warning" and "жіберілуде" in text

    call_command("send_campaigns", batch_size=2)

    assert once_each(campaign) == people
    campaign.refresh_from_db()
    assert (campaign.status, campaign.recipient_count) == ("sent", 5)
    sent = AuditEvent.objects.get(action="campaign_send")
    assert sent.actor_label == "dan" and sent.detail == {"recipients": 5}
    assert progress(marketer_client, campaign) == "барлығы кезекке қойылды: 5"
    assert queue_sending() == 0 and Email.objects.count() == 5


def test_progress_is_in_the_marketers_language(texts, marketer_client):
    confirmed("a@example.kz")
    campaign = Campaign.objects.create(**WRITTEN)
    send(marketer_client, campaign)
    page = marketer_client.get(f"{CHANGELIST}{campaign.pk}/change/", HTTP_ACCEPT_LANGUAGE="ru")
    assert counted("ставится в\xa0очередь: пока 0 из 1") in page.content.decode()


def test_an_unsubscribe_while_the_job_queues_stops_the_mail_not_yet_queued(
    texts, client, monkeypatch
):
    """The job reads the list, then queues it batch by batch (100,000 people take minutes).
    A subscriber who unsubscribes meanwhile, by the link of the last campaign, before their
    batch is queued, gets none of this one: an unsubscribe is in force before the next send
    (Art. 24(1)(5); compliance L15)."""
    from consent.marketing import campaigns
    from consent.marketing.campaigns import unsubscribe_token

    first, second = confirmed("first@example.kz"), confirmed("second@example.kz")
    earlier = Campaign.objects.create(**WRITTEN)
    campaign = Campaign.objects.create(**{**WRITTEN, "title": "December"})
    campaign_start(campaign)
    real_batch = campaigns._queue_batch

    def batch_then_unsubscribe(*args):
        queued = real_batch(*args)
        if not CampaignRecipient.objects.filter(subject=second).exists():
            token = unsubscribe_token(second.pk, earlier.pk)
            assert client.post(f"/kk/unsubscribe/{token}/",
                               {"List-Unsubscribe": "One-Click"}).status_code == 200  # fmt: skip
        return queued

    monkeypatch.setattr(campaigns, "_queue_batch", batch_then_unsubscribe)
    queue_sending(batch_size=1)
    assert once_each(campaign) == [first.email]
    campaign.refresh_from_db()
    assert (campaign.status, campaign.recipient_count) == ("sent", 1)


# --- with real commits, in processes of their own (tests/core/test_one_at_a_time.py) ----------

DIES = """
    CREATE FUNCTION die() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF (SELECT count(*) FROM consent_campaignrecipient) >= 2 THEN
        RAISE EXCEPTION 'host died'; END IF;
      RETURN NEW; END $$;
    CREATE TRIGGER die BEFORE INSERT ON consent_campaignrecipient FOR EACH ROW
      EXECUTE FUNCTION die();"""


def owner():
    """A connection of the tables' owner (the login role), which may add a trigger."""
    db = connection.settings_dict
    dsn = f"host={db['HOST']} port={db['PORT']} user={db['USER']} dbname={db['NAME']}"
    return psycopg.connect(dsn, autocommit=True)


def started(n):

    people = sorted(confirmed(f"p{i}@example.kz").email for i in range(n))
    campaign = Campaign.objects.create(**WRITTEN)
    assert campaign_start(campaign) == n
    return people, campaign


def crash_and_resume():
    people, campaign = started(5)
    with owner() as owner_db:  # the host dies while it queues the third person
        owner_db.execute(DIES)
        try:
            queue_sending(batch_size=1)
        except DatabaseError as error:
            died = "host died" in str(error)
        finally:
            owner_db.execute("DROP TRIGGER die ON consent_campaignrecipient; DROP FUNCTION die()")
    kept = len(once_each(campaign))  # the batches committed before it died
    resumed = queue_sending(batch_size=1)
    return [
        died,
        kept,
        resumed,
        once_each(campaign) == people,
        Campaign.objects.get(pk=campaign.pk).status,
    ]


def two_jobs_at_once():
    from tests.core.test_one_at_a_time import both_at_once

    people, campaign = started(6)
    first, second = both_at_once(lambda: queue_sending(2), lambda: queue_sending(2))
    return [
        first + second,
        once_each(campaign) == people,
        Campaign.objects.get(pk=campaign.pk).status,
    ]


@pytest.fixture
def database(django_db_setup, django_db_blocker):
    from tests.live import live_database

    with django_db_blocker.unblock(), live_database() as url:
        yield url


live = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks, a trigger")


@live
@pytest.mark.live
def test_a_run_that_dies_half_way_is_resumed_without_sending_anyone_twice(database):
    from tests.live import run_case

    assert run_case(database, __name__, "crash_and_resume") == [True, 2, 3, True, "sent"]


@live
@pytest.mark.live
def test_two_jobs_at_once_queue_each_person_once(database):
    from tests.live import run_case

    assert run_case(database, __name__, "two_jobs_at_once") == [6, True, "sent"]
