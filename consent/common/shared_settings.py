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
# on every host"), as the settings hold it. Every other variable .env.example documents is in
# PER_HOST or OWN_PART (tests/site/test_hosts.py holds the three to the file): ALERT_*,
# MAIL_RETRY_SECONDS and the cookie and audit rates were once in none, and two hosts counted one
# shared log's failures or one shared queue's retries by other numbers, with nothing said.
SHARED_SETTINGS = (
    "ACCESS_REQUEST_DAYS", "SERVICE_ACHIEVED_GRACE_DAYS", "SITE_URL", "ADMIN_URL", "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS", "DEFAULT_FROM_EMAIL", "FEEDBACK_SENDER_ID", "STAFF_NOTIFY_EMAIL",
    "CROSS_BORDER_PROCESSORS", "GA_MEASUREMENT_ID", "YANDEX_METRICA_ID", "FORM_MIN_FILL_SECONDS",
    "FORM_RATE_LIMIT", "STAFF_IDLE_SECONDS", "STAFF_SESSION_MAX_SECONDS", "GA_SCRIPT_URL",
    "YANDEX_SCRIPT_URL", "ANALYTICS_CONNECT_HOSTS", "PAGE_PROXY_SECONDS",
    # Terms a person is told or that retention keeps to, on whichever host writes the letter or
    # wins the night's run: a host with another BACKUP_KEEP_DAYS than the backup's told each
    # person it destroyed a term the dumps did not keep to, and nothing named it.
    "BACKUP_KEEP_DAYS", "SIGN_IN_FAILURES_KEPT_DAYS", "STAFF_SIGN_INS_KEPT_DAYS",
    # Counted over what every host writes (the audit log, the shared cache, the mail queue): a
    # host with a higher ALERT_FAILED_LOGINS stayed silent on the same failures another reported.
    "ALERT_FAILED_LOGINS", "ALERT_BULK_EXPORTS", "COOKIE_CHOICE_RATE_LIMIT",
    "FAILED_LOGIN_AUDIT_LIMIT", "SIGN_IN_ACCOUNT_FAILURE_LIMIT",
)  # fmt: skip
# The same, where the setting is named otherwise than its variable (a variable: a setting's name,
# or a setting and its key): /healthz judges the shared state (the queue, the mailbox, the night's
# jobs) by them, and one host said it failed while another said it was fine.
SHARED_AS = {
    "MAIL_RETRY_SECONDS": ("POST_OFFICE", "RETRY_INTERVAL"),
    "HEALTH_MAIL_QUEUE_MAX_MINUTES": ("HEALTH_MAIL_QUEUE_MAX_AGE",),
    "HEALTH_FAILED_MAIL_MAX": ("HEALTH_FAILED_MAIL_MAX",),
    "HEALTH_RETENTION_MAX_HOURS": ("HEALTH_RETENTION_MAX_AGE",),
    "HEALTH_DIGEST_MAX_HOURS": ("HEALTH_DIGEST_MAX_AGE",),
    "HEALTH_OUTGROWN_MAX_HOURS": ("HEALTH_OUTGROWN_MAX_AGE",),
    "HEALTH_BACKUP_MAX_HOURS": ("HEALTH_BACKUP_MAX_AGE",),
    "HEALTH_INTAKE_MAX_MINUTES": ("HEALTH_INTAKE_MAX_AGE",),
    "HEALTH_CAMPAIGN_STALL_MINUTES": ("HEALTH_CAMPAIGN_STALL",),
}
# What may differ by host on purpose: its place in the network, its size, its own logs, its own
# start, its own error mail.
PER_HOST = frozenset({
    "GUNICORN_BIND", "FORWARDED_ALLOW_IPS", "TRUSTED_PROXIES", "SECURE_SSL_REDIRECT",
    "GUNICORN_WORKERS", "GUNICORN_THREADS", "GUNICORN_TIMEOUT", "GUNICORN_WORKER_MEMORY_MB",
    "GUNICORN_ACCESS_LOG", "LOG_LEVEL", "CONN_MAX_AGE", "DATABASE_STATEMENT_TIMEOUT",
    "DATABASE_JOB_STATEMENT_TIMEOUT", "STATIC_ROOT", "MEDIA_ROOT", "DATA_HOSTS_IN_KAZAKHSTAN",
    "SILENCED_SYSTEM_CHECKS", "ADMINS", "DEBUG",
})  # fmt: skip
# What has a part of its own (consent/core/keys.py for the keys, /healthz's one_cache for the
# cache) or holds a password (the URLs, the role a URL logs in as): never noted here.
OWN_PART = frozenset({
    "SECRET_KEY", "SECRET_KEY_FALLBACKS", "MEDIA_ENCRYPTION_KEY", "CACHE_URL", "CACHE_KEY_PREFIX",
    "DATABASE_URL", "DATABASE_APP_ROLE", "EMAIL_URL", "IMAP_URL", "METRICS_TOKEN",
})  # fmt: skip


def _held(setting: str, *keys: str) -> object:
    value = getattr(settings, setting)
    for key in keys:
        value = value[key]
    return value


def shared_settings() -> dict[str, str]:
    """{variable: its value as this host's settings hold it} of each setting every host must
    hold alike: SHARED_SETTINGS, SHARED_AS and the operator's details (settings.OPERATOR)."""
    values = {name: getattr(settings, name) for name in SHARED_SETTINGS}
    values |= {name: _held(*held) for name, held in SHARED_AS.items()}
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
