"""/healthz and /metrics as an operator's monitoring reads them (issue 19 item 4)."""

import io
import socket
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from post_office.models import STATUS, Email

from consent.core.jobs import last_run
from consent.core.models import JobRun
from tests.site.test_logs import console

pytestmark = pytest.mark.django_db
ADDRESS = "aigerim.health@example.kz"


def health(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    return response.status_code, response.json()


def mail(status, age=timedelta(0), **fields):
    email = Email.objects.create(
        to=[ADDRESS], from_email="noreply@example.kz", subject="s", status=status, **fields
    )
    Email.objects.filter(pk=email.pk).update(
        created=timezone.now() - age, last_updated=timezone.now() - age
    )
    return email


def ran(job, ago):
    """A run of `job` that went to the end `ago`."""
    at = timezone.now() - ago
    # A record of successes per period (the once-per-period jobs') or of every run: /healthz
    # reads either through last_run.
    fields = {f.name for f in JobRun._meta.fields}
    ended = {"succeeded": True} if "succeeded" in fields else {"period": at.isoformat()}
    JobRun.objects.create(job=job, started_at=at, finished_at=at, **ended)


def others_ran(*jobs):
    """Each of `jobs` went to the end an hour ago: a test of another job's age sees it alone."""
    for name in jobs:
        ran(name, timedelta(hours=1))


def installed(ago):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE django_migrations SET applied = %s", [timezone.now() - ago])


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_all_well_answers_200_naming_every_part(client, texts):
    mail(STATUS.queued, timedelta(minutes=5))
    mail(STATUS.sent, timedelta(days=3))
    status, body = health(client)
    assert status == 200
    assert body["status"] == "ok" and body["failing"] == [] and body["warnings"] == []
    parts = {"database", "cache", "mail_queue", "failed_mail", "retention", "proxy"}
    assert parts <= set(body) and all(body[p]["status"] == "ok" for p in parts)
    assert 290 <= body["mail_queue"]["oldest_seconds"] <= 400
    assert ADDRESS not in str(body)


def test_a_dead_cache_is_named(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/1",
        }
    }
    status, body = health(client)
    assert (status, body["failing"]) == (503, ["cache"])
    assert body["cache"] == {"status": "unavailable", "error": "ConnectionError"}


def test_an_outage_is_logged_where_it_starts_and_ends(client, settings, monitoring_probes):
    """A monitoring probing each minute through an outage: the journal says when the cache
    went and when it came back, not two ERROR lines at every probe (ours and Django's
    «Service Unavailable: /healthz»), which buried the outage's start under an hour of copies."""
    working = settings.CACHES
    down = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/1"}  # fmt: skip
    with console() as lines:
        settings.CACHES = {"default": down}
        assert [health(client)[0] for _ in range(5)] == [503] * 5
        settings.CACHES = working
        assert [health(client)[0] for _ in range(3)] == [200] * 3
    said = [(line["level"], line["message"]) for line in lines if line["logger"] != "emalu.request"]
    assert said == [
        ("ERROR", "healthz: failing: cache"),
        ("INFO", "healthz: well again (was failing: cache)"),
    ]
    assert [line["status"] for line in lines if line["logger"] == "emalu.request"] == [503] * 5 + [
        200
    ] * 3


@pytest.fixture
def monitoring_probes(monkeypatch):
    """This process's last /healthz found all well (an earlier test's probe may have failed)."""
    monkeypatch.setattr("emalu.views._failing_before", [])


def test_mail_waiting_too_long_is_named(client):
    mail(STATUS.queued, timedelta(hours=2))
    status, body = health(client)
    assert (status, body["failing"]) == (503, ["mail_queue"])
    assert body["mail_queue"]["oldest_seconds"] >= 7200
    assert ADDRESS not in str(body)


def test_mail_retried_for_hours_is_named(client):
    """Each retry moves the scheduled time ahead; the wait counts from the mail's creation."""
    soon = timezone.now() + timedelta(minutes=5)
    mail(STATUS.requeued, timedelta(hours=3), scheduled_time=soon, number_of_retries=18)
    assert health(client)[1]["failing"] == ["mail_queue"]


def test_mail_scheduled_for_later_is_not_late(client):
    mail(STATUS.queued, timedelta(hours=2), scheduled_time=timezone.now() + timedelta(hours=1))
    assert health(client)[0] == 200


def test_mail_leased_by_a_sender_is_still_waiting(client):
    """A sender's lease moves scheduled_time ahead (core.claims): one killed on the same mail
    run after run left it «scheduled for later» five minutes in six, and /healthz said well."""
    from consent.core.claims import claim, lease

    mail(STATUS.queued, timedelta(hours=2))
    lease(claim(10))
    assert health(client)[1]["failing"] == ["mail_queue"]


def test_mail_given_up_on_in_the_last_day_is_named(client, settings):
    mail(STATUS.failed, timedelta(days=2))  # older: seen yesterday
    assert health(client)[0] == 200
    mail(STATUS.failed, timedelta(hours=1))
    status, body = health(client)
    assert (status, body["failing"]) == (503, ["failed_mail"])
    assert body["failed_mail"]["count"] == 1
    settings.HEALTH_FAILED_MAIL_MAX = 1
    assert health(client)[0] == 200


def test_retention_not_run_for_two_days_is_named(client):
    ran("retention", timedelta(days=2))
    status, body = health(client)
    assert (status, body["failing"]) == (503, ["retention"])
    ran("retention", timedelta(hours=20))
    assert health(client)[0] == 200


def test_retention_never_run_is_named_once_the_site_is_older_than_the_limit(client):
    installed(timedelta(hours=1))
    assert health(client)[0] == 200
    installed(timedelta(days=2))
    others_ran("backup", "digest", "outgrown")  # the backup's own age: test_backup_age.py
    status, body = health(client)
    assert (status, body["failing"]) == (503, ["retention"])
    assert body["retention"]["last_success"] is None


@pytest.mark.parametrize(
    "name, command", [("digest", "send_request_digest"), ("outgrown", "close_outgrown_requests")]
)
def test_a_daily_job_whose_timer_never_ran_is_named_until_its_command_runs(client, name, command):
    """emalu-digest.timer (the officers' deadlines each morning) or emalu-outgrown.timer (a
    parent's request closed when the child turns 18) not enabled, or failing at every start:
    /healthz said all was well, for it judged retention, the mailbox and the backup alone."""
    installed(timedelta(days=2))
    others_ran(*{"retention", "backup", "digest", "outgrown"} - {name})
    status, body = health(client)
    assert (status, body["failing"]) == (503, [name])
    assert body[name] == {"status": "error", "last_success": None}
    call_command(command, stdout=io.StringIO())  # what the timer's unit runs
    status, body = health(client)
    assert (status, body["failing"]) == (200, [])
    ran(name, timedelta(hours=27))  # a day and more since: a day's run missed
    JobRun.objects.filter(job=name, finished_at__gt=timezone.now() - timedelta(hours=2)).delete()
    assert health(client)[1]["failing"] == [name]


def test_intake_is_judged_only_when_the_mailbox_is_read(client, settings):
    ran("retention", timedelta(hours=1))
    ran("intake", timedelta(hours=1))
    assert "intake" not in health(client)[1]
    settings.IMAP_URL = "imaps://requests:secret@mail.example.kz/INBOX"
    status, body = health(client)
    assert (status, body["failing"]) == (503, ["intake"])
    ran("intake", timedelta(minutes=5))
    assert health(client)[0] == 200


def test_the_retention_command_records_its_successes_only(client, monkeypatch):
    installed(timedelta(days=2))
    others_ran("backup", "digest", "outgrown")

    def broken(**kwargs):
        raise RuntimeError("disk full")

    command = "consent.rights.management.commands.enforce_retention.enforce_retention"
    with monkeypatch.context() as m:
        m.setattr(command, broken)
        with pytest.raises(RuntimeError):
            call_command("enforce_retention")
    assert last_run("retention") is None
    assert health(client)[1]["failing"] == ["retention"]
    call_command("enforce_retention", stdout=io.StringIO())
    assert last_run("retention").finished_at > timezone.now() - timedelta(minutes=1)
    assert health(client)[0] == 200


def test_a_proxy_not_trusted_is_a_warning_not_a_failure(client, settings, monkeypatch, texts):
    from emalu.middleware import UntrustedProxyMiddleware

    monkeypatch.setattr(UntrustedProxyMiddleware, "warned", False)
    monkeypatch.setattr(UntrustedProxyMiddleware, "noted_at", None)
    settings.TRUSTED_PROXIES = []
    client.get("/kk/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    status, body = health(client)
    assert (status, body["warnings"], body["failing"]) == (200, ["proxy"], [])
    assert body["proxy"]["status"] == "warning"
    assert "203.0.113.9" not in str(body)


def as_host(client, settings, host):
    """/healthz as asked of `host`: the same database, a cache and a SECRET_KEY of its own."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": f"health-{host}"}}  # fmt: skip
    settings.SECRET_KEY = f"the {host} host's key, fifty characters long or longer"
    return health(client)


def test_a_host_with_a_cache_of_its_own_is_named_on_every_host(client, settings):
    """Two hosts of one database, the second's CACHE_URL reaching a Redis of its own (a copied
    127.0.0.1): it counted rate limits and lockouts apart and kept pages the first had changed,
    and /healthz was 200 on both, shared_keys included, whatever keys they held, for neither
    compared its keys with the other's. Their keys are compared through the database now, their
    caches apart or not. A host's cache emptied (Redis restarted) is no second cache."""
    assert as_host(client, settings, "first")[1]["one_cache"] == {"status": "ok",
                                                                  "other_caches": 0}  # fmt: skip
    as_host(client, settings, "second")  # its first answer: no other cache noted since its own
    for host in ("first", "second"):
        status, body = as_host(client, settings, host)
        assert (status, body["failing"]) == (503, ["shared_keys", "one_cache"]), host
        assert body["one_cache"] == {"status": "error", "other_caches": 1}
        assert body["shared_keys"]["differs"] == ["SECRET_KEY"]
    caches["default"].clear()  # the second host's Redis restarted empty; the first one is gone
    status, body = as_host(client, settings, "second")
    assert body["one_cache"] == {"status": "ok", "other_caches": 0}
    assert (status, body["failing"]) == (503, ["shared_keys"])  # the first one's key is still known


METRICS_TOKEN = "m" * 40


def test_metrics_need_the_token(client, settings):
    assert client.get("/metrics").status_code == 404  # no token set: no metrics at all
    settings.METRICS_TOKEN = METRICS_TOKEN
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer " + "x" * 40).status_code == 404


def test_metrics_count_by_status_without_personal_data(client, settings):
    settings.METRICS_TOKEN = METRICS_TOKEN
    mail(STATUS.queued, timedelta(minutes=1))
    mail(STATUS.sent)
    mail(STATUS.sent)
    ran("retention", timedelta(hours=1))
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {METRICS_TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    text = response.content.decode()
    assert 'emalu_mail_outbox{status="queued"} 1\n' in text
    assert 'emalu_mail_outbox{status="sent"} 2\n' in text
    assert 'emalu_health_ok{part="cache"} 1\n' in text
    assert 'emalu_job_last_success_timestamp_seconds{job="retention"} ' in text
    assert "# TYPE emalu_requests gauge" in text
    assert ADDRESS not in text


def test_a_campaign_stuck_in_sending_is_named(client, make_subject):
    """The marketer's "send" only marks the campaign; the mail timer's job queues it. With the
    timer stopped (or each run failing on it) the campaign read «being queued for sending» for
    ever, nobody got it, and /healthz answered 200."""
    from consent.marketing.models import Campaign, CampaignRecipient

    now = timezone.now()
    stuck = Campaign.objects.create(title="t", subject_line_kk="s", body_kk="b",
                                    status=Campaign.Status.SENDING,
                                    sent_at=now - timedelta(minutes=20))  # fmt: skip
    status, body = health(client)
    assert (status, body["failing"]) == (503, ["campaigns"])
    assert body["campaigns"]["sending"] == 1 and body["campaigns"]["still_seconds"] >= 1200

    # A large campaign pressed two hours ago whose latest batch went two minutes ago is moving.
    person = make_subject()
    CampaignRecipient.objects.create(campaign=stuck, subject=person,
                                     queued_at=now - timedelta(minutes=2))  # fmt: skip
    Campaign.objects.filter(pk=stuck.pk).update(sent_at=now - timedelta(hours=2))
    status, body = health(client)
    assert status == 200 and body["campaigns"]["status"] == "ok"

    # Queued in full, it is no longer being sent, however long ago it was.
    Campaign.objects.filter(pk=stuck.pk).update(status=Campaign.Status.SENT)
    CampaignRecipient.objects.filter(campaign=stuck).update(queued_at=now - timedelta(days=2))
    assert health(client)[1]["campaigns"] == {"status": "ok", "sending": 0, "still_seconds": 0}


def test_a_campaign_being_sent_is_judged_by_its_latest_batch_alone(db, make_subject):
    """/healthz reads a sending campaign's latest batch by the index on (campaign, queued_at):
    the maximum over the join read every recipient row of a large campaign on each probe."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consent.marketing.models import Campaign, CampaignRecipient
    from emalu.health import campaigns

    sending = Campaign.objects.create(
        title="t", subject_line_kk="s", body_kk="b", status=Campaign.Status.SENDING
    )
    CampaignRecipient.objects.create(campaign=sending, subject=make_subject())
    with CaptureQueriesContext(connection) as queries:
        assert campaigns(timezone.now())["status"] == "ok"
    (query,) = [
        q["sql"] for q in queries.captured_queries if "consent_campaignrecipient" in q["sql"]
    ]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the plan as on a large table
        cursor.execute(f"EXPLAIN {query}")  # nosec B608: our own query, captured above
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # One entry of the index, the latest, not all of them (an aggregate over the join)
    assert "campaign_latest_batch" in plan and "Limit" in plan
