"""The keys every host must share (README, "The same on every host"), as the hosts note them in
the database they all share: each /healthz, and each web process once a minute while it serves
(`note_keys`), notes a digest of the key its host signs (SECRET_KEY) or encrypts
(MEDIA_ENCRYPTION_KEY's first) with (consent.core.models.KeySeen), so that a host can tell a key
another used within KEYS_WINDOW that it cannot read. /healthz names it
(emalu/health.py::shared_keys); a host that cannot read what another signs or encrypts does not
start (`key_not_shared`), and `encrypt_photos` does not re-encrypt under a key another host
cannot read (`media_keys_not_shared`). The notes were once kept in Redis, which keeps nothing on
disk: a Redis restarted or flushed let a host with a key of its own start until the others noted
theirs again. The digest is keyed by the key itself (HMAC): neither the key nor anything it can
be found from without guessing it is stored or logged.

The settings every host must hold alike (SHARED_SETTINGS) are noted the same way, by a digest of
their value: a second host whose /etc/emalu/env was an older copy, or edited apart, counted a
request's due date (ACCESS_REQUEST_DAYS) or retention's grace (SERVICE_ACHIEVED_GRACE_DAYS) by
other days, mailed other links or showed another operator, by whichever host took the request,
and nothing said so. /healthz names each (`same_settings`) and `check --deploy` says it at the
start (consent.I002); neither stops a host, for a setting changed on purpose is changed on one
host after the other."""

import hashlib
import time
from contextlib import suppress
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone
from django.utils.crypto import salted_hmac

from consent.common.shared_settings import shared_settings

from .models import KeySeen

KEYS_WINDOW = 10 * 60
# Who noted a key or a value the notes do not say: on a site of one host, the host itself
# before its restart with a new key, which a message naming «another host» sent looking for.
ANY_HOST = "this one before its restart, or another"
NOTE_EVERY = 60  # seconds between a web process's notes of its keys
_noted_at: float | None = None


def keys_used() -> list[tuple[str, str, list[str]]]:
    """(name, the key this host signs or encrypts with, the keys it reads) of each shared key."""
    media = settings.MEDIA_ENCRYPTION_KEY
    return [
        ("SECRET_KEY", settings.SECRET_KEY, [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]),
        *([("MEDIA_ENCRYPTION_KEY", media[0], media)] if media else []),
    ]


def key_digest(key: str) -> str:
    """A key's digest: it names the key in the database and says nothing of it (here, and
    where set_aside.py notes which SECRET_KEY its digests were made under)."""
    digest = salted_hmac("emalu.health.keys", "on every host", secret=key, algorithm="sha256")
    return digest.hexdigest()[:16]


def _seen(name: str) -> set[str]:
    """The digests of the keys hosts used for `name` within KEYS_WINDOW."""
    since = timezone.now() - timedelta(seconds=KEYS_WINDOW)
    return set(KeySeen.objects.filter(name=name, seen_at__gte=since)
               .values_list("digest", flat=True))  # fmt: skip


def note_and_compare(name: str, used: str, readable: list[str]) -> bool:
    """Note that this host uses key `used` for `name`; whether a host used another, within
    KEYS_WINDOW, that is not among the keys this host reads (`readable`)."""
    mine = KeySeen(name=name, digest=key_digest(used), seen_at=timezone.now())
    KeySeen.objects.bulk_create([mine], update_conflicts=True, unique_fields=["name", "digest"],
                                update_fields=["seen_at"])  # fmt: skip
    return bool(_seen(name) - {key_digest(k) for k in readable})


def note_keys() -> None:
    """Note this host's keys (and its shared settings' values), at most once every NOTE_EVERY
    seconds in this process: a site that serves pages keeps its keys known to a host that
    starts, monitored or not. A database that is down (or not yet migrated) is reported by
    /healthz."""
    global _noted_at
    if _noted_at is not None and time.monotonic() - _noted_at < NOTE_EVERY:
        return
    _noted_at = time.monotonic()
    with suppress(DatabaseError):
        for name, used, readable in keys_used():
            note_and_compare(name, used, readable)
        settings_not_shared(note=True)


def key_not_shared(name: str) -> str:
    """Why the key `name` is not the same on this host as on a host that noted its key within
    KEYS_WINDOW, or "": that host signs or encrypts with a key this one does not read. Unknown
    (the database down or not yet migrated, no host noted) is "": emalu.E001 and /healthz say so."""
    readable = next((keys for n, _, keys in keys_used() if n == name), [])
    try:
        seen = _seen(name)
    except DatabaseError:
        return ""
    if not readable or not seen - {key_digest(k) for k in readable}:
        return ""
    return (
        f"a host ({ANY_HOST}) used a {name} this host does not have in the last "
        f"{KEYS_WINDOW // 60} minutes (its pages or /healthz noted a keyed digest of it in the "
        "database)"
    )


def media_keys_not_shared(*, first_only: bool) -> str:
    """Why MEDIA_ENCRYPTION_KEY is not yet the same on every host that noted its key within
    KEYS_WINDOW, or "": another host encrypts with a key this one cannot read (it lacks it),
    or, with `first_only` (before re-encrypting everything under this host's first key), with
    any key but this host's first (that host lacks the new key, or has not been restarted with
    it). Unknown (the database down or not yet migrated, no host noted) is "": emalu.E001 and
    /healthz say so."""
    keys = settings.MEDIA_ENCRYPTION_KEY
    try:
        seen = _seen("MEDIA_ENCRYPTION_KEY")
    except DatabaseError:
        return ""
    known = {key_digest(k) for k in (keys[:1] if first_only else keys)}
    if not keys or not seen - known:
        return ""
    lacking = "other than this host's first" if first_only else "this host does not have"
    return (
        f"a host ({ANY_HOST}) encrypted with a MEDIA_ENCRYPTION_KEY {lacking} in the last "
        f"{KEYS_WINDOW // 60} minutes (its pages or /healthz noted it)"
    )


def _value_digest(name: str, value: str) -> str:
    """A setting's digest: equal values, equal digests, on every host (nothing secret is here)."""
    return hashlib.sha256(f"{name}={value}".encode()).hexdigest()[:16]


def settings_not_shared(*, note: bool) -> list[str]:
    """The variables of SHARED_SETTINGS (and the operator's) a host held otherwise than this one
    within KEYS_WINDOW, by name (never the value); with `note`, this host's values are noted
    first, as its keys are."""
    mine = {name: _value_digest(name, value) for name, value in shared_settings().items()}
    now = timezone.now()
    if note:
        KeySeen.objects.bulk_create(
            [KeySeen(name=name, digest=digest, seen_at=now) for name, digest in mine.items()],
            update_conflicts=True, unique_fields=["name", "digest"], update_fields=["seen_at"],
        )  # fmt: skip
    since = now - timedelta(seconds=KEYS_WINDOW)
    seen = KeySeen.objects.filter(name__in=mine, seen_at__gte=since).values_list("name", "digest")
    return sorted({name for name, digest in seen if digest != mine[name]})
