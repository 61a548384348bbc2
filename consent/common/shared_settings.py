"""The settings every host must hold alike, and what they are: the variables of /etc/emalu/env
that count days, make links, name the operator or fill public pages. consent/core/keys.py notes
them for /healthz (`same_settings`); the page cache keeps pages by their digest
(consent/common/pagecache.py), so a page made with the old value is not served after a change."""

import hashlib
from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# Each variable of /etc/emalu/env whose value must be the same on every host (README, "The same
# on every host"), as the settings hold it. Not here: what differs by host on purpose
# (GUNICORN_BIND, FORWARDED_ALLOW_IPS, TRUSTED_PROXIES), what has its own part (the keys, the
# cache: one_cache) and what holds a password (the URLs).
SHARED_SETTINGS = (
    "ACCESS_REQUEST_DAYS", "SERVICE_ACHIEVED_GRACE_DAYS", "SITE_URL", "ADMIN_URL", "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS", "DEFAULT_FROM_EMAIL", "FEEDBACK_SENDER_ID", "STAFF_NOTIFY_EMAIL",
    "CROSS_BORDER_PROCESSORS", "GA_MEASUREMENT_ID", "YANDEX_METRICA_ID", "FORM_MIN_FILL_SECONDS",
    "FORM_RATE_LIMIT", "STAFF_IDLE_SECONDS", "STAFF_SESSION_MAX_SECONDS", "GA_SCRIPT_URL",
    "YANDEX_SCRIPT_URL", "ANALYTICS_CONNECT_HOSTS",
    # Terms a person is told or that retention keeps to, on whichever host writes the letter or
    # wins the night's run: a host with another BACKUP_KEEP_DAYS than the backup's told each
    # person it destroyed a term the dumps did not keep to, and nothing named it.
    "BACKUP_KEEP_DAYS", "SIGN_IN_FAILURES_KEPT_DAYS", "STAFF_SIGN_INS_KEPT_DAYS",
)  # fmt: skip


def shared_settings() -> dict[str, str]:
    """{variable: its value as this host's settings hold it} of each setting every host must
    hold alike: SHARED_SETTINGS and the operator's details (settings.OPERATOR)."""
    values = {name: getattr(settings, name) for name in SHARED_SETTINGS}
    for key, value in settings.OPERATOR.items():
        plain = key.startswith(("responsible_", "data_location_"))
        values[key.upper() if plain else f"OPERATOR_{key.upper()}"] = value
    return {name: repr(value) for name, value in values.items()}


@cache
def settings_digest() -> str:
    """A digest of shared_settings(): what a public page is made with besides the code
    (settings.RELEASE) and the rows of the database (the page cache's generation). Kept for the
    process, whose settings are read at its start; made anew when a test overrides one."""
    values = sorted(shared_settings().items())
    return hashlib.sha256(repr(values).encode()).hexdigest()[:16]


@receiver(setting_changed)
def _forget_digest(**kwargs: object) -> None:
    settings_digest.cache_clear()
