"""What /healthz and /metrics report (issue 19): each part the site needs, judged against the
HEALTH_* settings. Figures only: counts, ages and times, never an address or a name."""

import threading
import time
import uuid
from contextlib import suppress
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Count, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from post_office.models import STATUS, Email

from consent.common.clock import clock_offset, clock_wrong
from consent.common.refusals import READ_ONLY
from consent.core.claims import LEASE
from consent.core.form_texts import forms_waiting
from consent.core.jobs import BACKUP, last_run
from consent.core.keys import KEYS_WINDOW, keys_used, note_and_compare, settings_not_shared
from consent.core.withheld import WAITING
from consent.marketing.models import Campaign, CampaignRecipient
from emalu.db.login import login_too_strong
from emalu.models import CacheSeen

# Set by UntrustedProxyMiddleware in the shared cache, so that whichever worker or host answers
# /healthz knows that one of them saw X-Forwarded-For from a peer outside TRUSTED_PROXIES.
UNTRUSTED_PROXY_KEY = "emalu:health:untrusted-proxy"
UNTRUSTED_PROXY_REMEMBERED = 24 * 3600
# The id of the cache a host uses (one_cache): every host sharing it reads the same.
CACHE_ID = "emalu:health:cache-id"


def untrusted_proxy_seen() -> None:
    # A cache that is down is reported by /healthz itself.
    with suppress(Exception):
        cache.set(UNTRUSTED_PROXY_KEY, int(time.time()), UNTRUSTED_PROXY_REMEMBERED)


def database() -> dict:
    """Answering, and taking writes: a hot standby answers «SELECT 1» and refuses every form."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if connection.vendor == "postgresql":
            cursor.execute("SELECT current_setting('transaction_read_only')")
            if cursor.fetchone()[0] == "on":
                return {"status": "error", "cause": READ_ONLY}
    return {"status": "ok"}


def clock() -> dict:
    """This host's clock against the database server's (consent/common/clock.py): a host
    whose clock is off dates what it records wrongly, and its jobs refuse to run."""
    offset = clock_offset()
    status = "error" if clock_wrong(offset) else "ok"
    return {"status": status, "ahead_seconds": round(offset.total_seconds())}


def shared_cache() -> dict:
    token = str(time.monotonic_ns())
    cache.set("emalu:health:probe", token, 30)
    return {"status": "ok" if cache.get("emalu:health:probe") == token else "error"}


def _waiting_mail(now: datetime):
    """Mail in the outbox waiting to go: queued, or tried and waiting for its next try; not a
    message scheduled for later that has never been tried, nor one expired, which is never
    sent (a letter whose attachments were deleted: rights/erasure.py). A sender's lease moves
    a mail's time at most LEASE ahead (core.claims): such a mail is still waiting."""
    leased = Q(scheduled_time__lte=now + LEASE)
    due = Q(scheduled_time__isnull=True) | leased | Q(number_of_retries__gt=0)
    live = Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    return Email.objects.filter(due, live, status__in=WAITING)


def mail_queue(now: datetime) -> dict:
    oldest = _waiting_mail(now).aggregate(oldest=Min("created"))["oldest"]
    age = int((now - oldest).total_seconds()) if oldest else 0
    ok = age <= settings.HEALTH_MAIL_QUEUE_MAX_AGE.total_seconds()
    return {"status": "ok" if ok else "error", "oldest_seconds": age}


def failed_mail(now: datetime) -> dict:
    """Mail given up on (after every retry) within the last day."""
    count = Email.objects.filter(status=STATUS.failed, last_updated__gte=now - timedelta(days=1))
    count = count.count()
    return {"status": "ok" if count <= settings.HEALTH_FAILED_MAIL_MAX else "error", "count": count}


def campaigns(now: datetime) -> dict:
    """A campaign being sent ("sending") must move: the sending job (`queue_sending`, on
    emalu-campaigns.timer, every minute) queues it batch by batch. One with nothing queued for
    HEALTH_CAMPAIGN_STALL, since "send" was pressed or since its latest batch, is stuck: the
    timer stopped, or every run fails on it. The marketer read «being queued for sending» for
    ever, the people never got it, and /healthz said all was well."""
    # The latest batch by the index on (campaign, queued_at): Max() over the join read every
    # recipient row of the campaign on each probe (68 ms for 100,000 of them, against 0.06).
    latest = CampaignRecipient.objects.filter(campaign=OuterRef("pk")).order_by("-queued_at")
    progress = Coalesce(Subquery(latest.values("queued_at")[:1]), "sent_at", "created_at")
    moved = Campaign.objects.filter(status=Campaign.Status.SENDING).annotate(moved=progress)
    times = list(moved.values_list("moved", flat=True))
    still = max((int((now - t).total_seconds()) for t in times), default=0)
    ok = still <= settings.HEALTH_CAMPAIGN_STALL.total_seconds()
    return {"status": "ok" if ok else "error", "sending": len(times), "still_seconds": still}


def _installed_at() -> datetime | None:
    return MigrationRecorder.Migration.objects.aggregate(first=Min("applied"))["first"]


def job(name: str, max_age: timedelta, now: datetime) -> dict:
    """The job's last success must be within `max_age`. One that has never run is given
    `max_age` from the site's installation (its first migration) to run for the first time."""
    run = last_run(name)
    last = run.finished_at if run else None
    since = last or _installed_at() or now
    ok = now - since <= max_age
    return {"status": "ok" if ok else "error", "last_success": last.isoformat() if last else None}


def forms() -> dict:
    """A form whose consent text is not in force yet (a fresh install) takes nothing: a warning
    naming the purposes whose text to publish (the log and `check --deploy` say where)."""
    waiting = sorted(forms_waiting())
    return {"status": "warning" if waiting else "ok", "waiting_for": waiting}


def login_role() -> dict:
    """A warning, as check --deploy's emalu.W009 is (emalu/db/login.py): a host whose login owns
    the tables or is a superuser serves, but a request may leave the runtime role. A host
    started before that check, or reloaded since, is seen here. Silenced with emalu.W009 by the
    test suite's settings only: a host's environment cannot (emalu/guards.py)."""
    if "emalu.W009" in settings.SILENCED_SYSTEM_CHECKS:
        return {"status": "ok"}
    what = login_too_strong(connection)
    return {"status": "warning" if what else "ok", "login_is": what or "runtime"}


def proxy() -> dict:
    """A warning, not a failure: anyone who reaches gunicorn directly can send the header, and
    must not be able to turn /healthz red by it."""
    seen = cache.get(UNTRUSTED_PROXY_KEY)
    return {"status": "ok" if seen is None else "warning", "untrusted_peer_seen_at": seen}


def shared_keys() -> dict:
    """SECRET_KEY signs (forms, sign-ins, emailed links); MEDIA_ENCRYPTION_KEY's first key
    encrypts and all of its keys decrypt (photos, access answers). The key a host signs or
    encrypts with must be one every other host reads. After a key is changed on every host, the
    old one is still named until KEYS_WINDOW has passed: what was made with it fails meanwhile."""
    differs = [
        name for name, used, readable in keys_used() if note_and_compare(name, used, readable)
    ]
    return {"status": "error" if differs else "ok", "differs": differs}


def same_settings() -> dict:
    """The variables every host must hold alike (consent/common/shared_settings.py: a
    request's due date, retention's grace, the links in mail, the operator named) that a host
    held otherwise within KEYS_WINDOW, by name: their /etc/emalu/env files differ. A warning,
    as a proxy not trusted is: the site serves, by the wrong rule on one host. After one is
    changed on every host, named until KEYS_WINDOW has passed."""
    differs = settings_not_shared(note=True)
    return {"status": "warning" if differs else "ok", "differs": differs}


def one_cache(now: datetime) -> dict:
    """Whether every host that answered /healthz within KEYS_WINDOW uses this host's cache. Each
    names its cache by an id kept in it, and notes that id in the database, which all hosts
    share: a host whose CACHE_URL reaches a Redis of its own (a copied 127.0.0.1, another
    database number or CACHE_KEY_PREFIX) named another, and was well by every other part,
    while it counted rate limits and lockouts apart and kept pages the others had changed (its
    keys are compared with theirs all the same: shared_keys notes them in the database)."""
    made = cache.add(CACHE_ID, uuid.uuid4().hex, None)
    mine = cache.get(CACHE_ID)
    if made:
        # A cache new or emptied (a Redis restarted without its data): the ids before it went
        # with it, and the hosts that shared them share this one.
        CacheSeen.objects.exclude(cache_id=mine).delete()
    seen = CacheSeen(cache_id=mine, seen_at=now)
    CacheSeen.objects.bulk_create(
        [seen], update_conflicts=True, unique_fields=["cache_id"], update_fields=["seen_at"]
    )
    since = now - timedelta(seconds=KEYS_WINDOW)
    others = CacheSeen.objects.filter(seen_at__gte=since).exclude(cache_id=mine).count()
    return {"status": "error" if others else "ok", "other_caches": others}


def _read(check, reachable: bool) -> dict:
    """A part the database answers: unknown while the store under it is down (the failing part
    is that store, named once), unavailable when its own query fails."""
    if not reachable:
        return {"status": "unknown"}
    try:
        return check()
    except DatabaseError as e:
        return {"status": "unavailable", "error": type(e).__name__}


def report() -> dict:
    """{"status": "ok" | "error", "failing": [part, ...], "warnings": [part, ...],
    part: {"status": ..., figures}}."""
    now = timezone.now()
    checks = {"database": database, "cache": shared_cache}
    database_parts = {
        "clock": clock,
        "mail_queue": lambda: mail_queue(now),
        "failed_mail": lambda: failed_mail(now),
        "retention": lambda: job("retention", settings.HEALTH_RETENTION_MAX_AGE, now),
        # The officers' morning digest (what falls due) and the closing of parents' requests
        # for children now 18: their timers stopped or never enabled, or every run failing,
        # /healthz had said all was well while officers went without their deadlines.
        "digest": lambda: job("digest", settings.HEALTH_DIGEST_MAX_AGE, now),
        "outgrown": lambda: job("outgrown", settings.HEALTH_OUTGROWN_MAX_AGE, now),
        "backup": lambda: job(BACKUP, settings.HEALTH_BACKUP_MAX_AGE, now),
        "campaigns": lambda: campaigns(now),
        "forms": forms,
        "login_role": login_role,
    }
    if settings.IMAP_URL:
        database_parts["intake"] = lambda: job("intake", settings.HEALTH_INTAKE_MAX_AGE, now)
    parts = {}
    for name, check in checks.items():
        try:
            parts[name] = check()
        except Exception as e:  # whatever the backend raises, the part is down
            parts[name] = {"status": "unavailable", "error": type(e).__name__}
    database_up = parts["database"]["status"] == "ok"
    cache_up = parts["cache"]["status"] == "ok"
    for name, check in database_parts.items():
        parts[name] = _read(check, database_up)
    parts["proxy"] = proxy() if cache_up else {"status": "unknown"}
    for name, check in {"shared_keys": shared_keys, "same_settings": same_settings}.items():
        parts[name] = _read(check, database_up)
    parts["one_cache"] = _read(lambda: one_cache(now), database_up and cache_up)
    # A part left unknown because the database or cache under it is down is not named again.
    failing = [name for name, part in parts.items() if part["status"] in ("error", "unavailable")]
    warnings = [name for name, part in parts.items() if part["status"] == "warning"]
    return {"status": "error" if failing else "ok", "failing": failing, "warnings": warnings,
            **parts}  # fmt: skip


# A stranger's /healthz (a load balancer, an uptime check, anyone) is answered from the last
# report this process made within this many seconds. Each report is some twelve queries, three
# of them writes (shared_keys, one_cache), and waits up to the connect timeout (5 s) when the
# database is down: a stranger asking in a loop loaded the database, or held every worker
# while it was down.
PUBLIC_REPORT_SECONDS = 10
_made: tuple[float, dict] | None = None
_making = threading.Lock()


def report_for(*, fresh: bool) -> dict:
    """report(), made anew when `fresh` (the monitoring) or when the last one of this process is
    older than PUBLIC_REPORT_SECONDS; one at a time in a process, so requests that arrive while
    one is made read it."""
    global _made
    with _making:
        age = time.time() - _made[0] if _made else None
        if not fresh and age is not None and 0 <= age < PUBLIC_REPORT_SECONDS:
            return _made[1]
        made = report()
        _made = (time.time(), made)
        return made


def forget_reports() -> None:
    """For tests: the next report is made anew."""
    global _made
    _made = None


def outbox_counts() -> dict[str, int]:
    """Mail in the outbox by status (sent, failed, queued, requeued)."""
    rows = Email.objects.values("status").annotate(n=Count("id")).order_by()
    return {STATUS._fields[r["status"]] if r["status"] is not None else "unqueued": r["n"]
            for r in rows}  # fmt: skip
