"""One settings module, read from the environment (see .env.example for every variable)."""

from datetime import timedelta
from pathlib import Path

import environ

from emalu.csp import SECURE_CSP  # noqa: F401
from emalu.env import Env
from emalu.guards import silenceable, trusted_proxies
from emalu.logs import logging_settings
from emalu.mailers import mailers, post_office
from emalu.release import code_digest
from emalu.stack import (  # noqa: F401  the program's own parts, which nothing here configures
    AUTH_PASSWORD_VALIDATORS,
    AUTHENTICATION_BACKENDS,
    FILE_UPLOAD_HANDLERS,
    INSTALLED_APPS,
    MIDDLEWARE,
    ROOT_URLCONF,
    TEMPLATES,
    URLIZE_ASSUME_HTTPS,
    WSGI_APPLICATION,
)

BASE_DIR = Path(__file__).resolve().parent.parent

env = Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
# No default outside debugging: a production host must never run on a known key.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key" if DEBUG else environ.Env.NOTSET)
# Earlier keys, still accepted on what they signed: a rotation keeps a year's unsubscribe links
# (and every other emailed link, form and sign-in) working (README, "Changing SECRET_KEY").
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env.hosts("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.origins("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.site_address(
    "SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "https://emaluplus-vko.kz"
)
ADMIN_URL = env.path("ADMIN_URL", default="admin/")


# Database: SQLite under var/ for `make run`; PostgreSQL in CI and production, where it must be
# named: a host whose file lacked it ran on a SQLite file of its own, and `check` said only that
# a migration was missing.
_LOCAL = f"sqlite:///{BASE_DIR / 'var' / 'emalu.sqlite3'}"
DATABASES = {"default": env.db_url("DATABASE_URL", default=_LOCAL if DEBUG else env.NOTSET)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Requests run as the runtime role, which may only SELECT and INSERT on the ledger and the
    # audit log; `migrate` runs as the login (owner) role. See docs/architecture.md.
    DATABASES["default"]["ENGINE"] = "emalu.db"
    DATABASES["default"]["APP_ROLE"] = env("DATABASE_APP_ROLE", default="emalu_app")
    # Parameters travel separately from the SQL instead of being quoted into it by Python:
    # a campaign of 100,000 emails spent most of its time quoting text (make bench).
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True
    # A database host that does not answer (frozen, firewalled) held each connection
    # attempt for minutes, every worker stuck: refused after 5 s (T13); `?connect_timeout=` wins.
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 5)
    # Seconds before a query is cancelled: a page's (503), a command's (emalu/db); 0 is none.
    DATABASES["default"]["STATEMENT_TIMEOUT"] = env.int("DATABASE_STATEMENT_TIMEOUT", 20)
    DATABASES["default"]["JOB_STATEMENT_TIMEOUT"] = env.int("DATABASE_JOB_STATEMENT_TIMEOUT", 0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite (`make run`) locks no rows: `select_for_update` is a no-op there, and a transaction
    # takes the write lock only at its first write. Two senders after two pages answered at once
    # claimed the same mails, both sent them, and one then failed «database is locked» (up to
    # ten copies of one letter). IMMEDIATE takes the write lock at BEGIN: a second transaction
    # that would write waits for the first to commit, as a locked row makes it wait elsewhere.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("transaction_mode", "IMMEDIATE")
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sites sharing one Redis (staging beside production) keep apart by CACHE_KEY_PREFIX: page
# generations, pages and rate counts. (django-environ drops ?key_prefix= for Django's backend.)
CACHES = {
    "default": {
        **env.cache_url("CACHE_URL", default="locmemcache://"),
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", default=""),
    }
}


# Languages: Kazakh first and default, Russian second.
LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language a visitor chose with the switch, for an address that names none (emalu/language.py):
# «kk» or «ru», host-only, a year.
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
FORMAT_MODULE_PATH = ["emalu.formats"]
USE_I18N = True
# Not a variable: every legal date (a request's receipt and deadline, a breach's, a minor's age)
# is the local date in Kazakhstan (consent/common/dates.py), and two hosts must count the same.
TIME_ZONE = "Asia/Almaty"
USE_TZ = True
# Legal moments are read from the host's clock: one more than this off the database server's
# (the clock every host shares) runs no job, does not start, and /healthz names it
# (consent/common/clock.py). NTP keeps a host within milliseconds; a minute is a clock not kept
# at all, or hours of a zone taken for UTC.
HOST_CLOCK_TOLERANCE = timedelta(minutes=1)

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded personal data (photos) is kept in the database (STORAGES below); MEDIA_ROOT is only
# where files stored before that are moved in from (migration consent.0022).
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
# Photos and other personal files are stored encrypted (consent/core/photos.py): Fernet keys,
# comma-separated, the first one encrypts. Production has no default (check consent.E008);
# make one with
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.
MEDIA_ENCRYPTION_KEY = env.list(
    "MEDIA_ENCRYPTION_KEY",
    default=["ZGV2LW9ubHktaW5zZWN1cmUtbWVkaWEta2V5LTAwMDA="] if DEBUG else [],  # dev-only key
)
STORAGES = {
    # Uploaded files (the photos, encrypted before they are saved) are rows in PostgreSQL, so
    # that every app host reads and destroys the same ones (consent/core/files.py).
    "default": {"BACKEND": "consent.core.files.DatabaseStorage"},
    # Personal files that other code writes (post_office's attachments: the access answers),
    # encrypted like the photos, in the database too, and served by no URL.
    "private": {"BACKEND": "consent.core.photos.EncryptedStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "emalu.static_files.SiteStaticStorage"  # WhiteNoise's compressed manifest
    },
}

# Mail (emalu/mailers.py): the console for `make run`; production: smtp+tls://user:pass@host:587.
MAILERS = mailers(
    env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://127.0.0.1:25")
)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="«ЕМ АЛУ плюс» <noreply@emaluplus-vko.kz>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The right-most field of each campaign mail's Feedback-ID (consent/marketing/mailing.py), by
# which Gmail's feedback loop (Postmaster Tools) counts spam reports per campaign.
FEEDBACK_SENDER_ID = env.sender_id("FEEDBACK_SENDER_ID", default="emaluplus")

# The code this process runs (emalu/release.py): the page cache keeps each release's pages apart.
RELEASE = code_digest(BASE_DIR)
# Seconds the proxy may keep a public page that holds nothing of the visitor's (no form, no
# token): an edit shows everywhere within this long (consent/common/pagecache.py, issue 21).
PAGE_PROXY_SECONDS = env.int("PAGE_PROXY_SECONDS", default=10)

# Security headers and cookies (compliance T1, T2, T5).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# HTTPS is gunicorn's word (FORWARDED_ALLOW_IPS, emalu/gunicorn.py), not any peer's header.
SECURE_PROXY_SSL_HEADER = None
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Where an address may hold an emailed link's secret, the referrer passed on is the origin alone:
# every answer to such an address (emalu/middleware.py), and the pages gunicorn and nginx send by
# themselves, which cannot read an address as the site does. The next page read the secret in
# document.referrer and its analytics sent it abroad. Not «no-referrer»: a browser then posts the
# link page's button with «Origin: null», which the CSRF check refuses.
LINK_REFERRER_POLICY = "strict-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_NAME = "sessionid" if DEBUG else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if DEBUG else "__Host-csrftoken"
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# The Content Security Policy is SECURE_CSP, imported from emalu/csp.py.

# The operator (compliance L3, L20): who collects the data, and who answers for it.
OPERATOR = {
    "name_kk": env("OPERATOR_NAME_KK", default="«ЕМ АЛУ плюс» ЖШС"),
    "name_ru": env("OPERATOR_NAME_RU", default="ТОО «ЕМ АЛУ плюс»"),
    # Under DEBUG a placeholder of zeros stands in for the real BIN, which is not in the repo.
    "bin": env("OPERATOR_BIN", default="000000000000" if DEBUG else ""),
    "address_kk": env("OPERATOR_ADDRESS_KK", default=""),
    "address_ru": env("OPERATOR_ADDRESS_RU", default=""),
    "email": env("OPERATOR_EMAIL", default="em.alu.plus@mail.kz"),
    "site": env("OPERATOR_SITE", default="https://emaluplus-vko.kz/"),
    "responsible_person": env("RESPONSIBLE_PERSON", default=""),
    "responsible_contact": env("RESPONSIBLE_CONTACT", default=""),
    "data_location_kk": env("DATA_LOCATION_KK", default="Қазақстан Республикасы"),
    "data_location_ru": env("DATA_LOCATION_RU", default="Республика Казахстан"),
}

# Logs (issue 19): one JSON object a line on stderr (the journal), each with the request's id;
# one line per request (emalu.logs.RequestLogMiddleware); no link secret (compliance T18), no IP
# and no query string. Errors (500s) are mailed to ADMINS with personal data scrubbed.
ADMINS = [a.strip() for a in env.list("ADMINS", default=[]) if a.strip()]
# Check ids `check --deploy` (emalu.service's start) passes over, comma-separated: only a warning
# with no guarantee behind it (emalu.W001 with no proxy); any other stops every command, naming
# what the check guards (emalu/guards.py).
SILENCED_SYSTEM_CHECKS = silenceable(
    "SILENCED_SYSTEM_CHECKS", env.list("SILENCED_SYSTEM_CHECKS", default=[])
)
DEFAULT_EXCEPTION_REPORTER_FILTER = "emalu.logs.PrivateExceptionReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "emalu.logs.PrivateExceptionReporter"
LOGGING = logging_settings(
    level=env.choice("LOG_LEVEL", "INFO", ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"])
)
CROSS_BORDER_PROCESSORS = env.list("CROSS_BORDER_PROCESSORS", default=[])
CSRF_FAILURE_VIEW = "emalu.errors.csrf_failure"
# Peers whose X-Forwarded-For is believed (the reverse proxy); nobody else can choose their IP.
# Behind the documented nginx: 127.0.0.1 (`check --deploy` warns when it is empty, emalu.W001).
# Addresses or networks (CIDR): 127.0.0.1 behind nginx on the same host; add the load balancer's
# network (e.g. 10.0.0.0/24) when one stands in front (docs/deploy/nginx.conf). Malformed, or a
# public network (0.0.0.0/0: every visitor chooses their address): no start (emalu/guards.py).
TRUSTED_PROXIES = trusted_proxies("TRUSTED_PROXIES", env.networks("TRUSTED_PROXIES", default=[]))
# /healthz (emalu/health.py) answers 503 when mail has waited longer than this, when more mail
# than this was given up on in the last day, or when a job or the backup has not run this long.
HEALTH_MAIL_QUEUE_MAX_AGE = timedelta(minutes=env.int("HEALTH_MAIL_QUEUE_MAX_MINUTES", 30, least=1))
HEALTH_FAILED_MAIL_MAX = env.int("HEALTH_FAILED_MAIL_MAX", default=0)
HEALTH_INTAKE_MAX_AGE = timedelta(minutes=env.int("HEALTH_INTAKE_MAX_MINUTES", 30, least=1))
HEALTH_RETENTION_MAX_AGE = timedelta(hours=env.int("HEALTH_RETENTION_MAX_HOURS", 26, least=1))
HEALTH_DIGEST_MAX_AGE = timedelta(hours=env.int("HEALTH_DIGEST_MAX_HOURS", 26, least=1))
HEALTH_OUTGROWN_MAX_AGE = timedelta(hours=env.int("HEALTH_OUTGROWN_MAX_HOURS", 26, least=1))
HEALTH_BACKUP_MAX_AGE = timedelta(hours=env.int("HEALTH_BACKUP_MAX_HOURS", 26, least=1))
# Days scripts/backup keeps a dump (docs/deploy/backups.md): the same variable, read from the same
# /etc/emalu/env, so that the letter confirming a destruction says how long backups hold the data.
BACKUP_KEEP_DAYS = env.int("BACKUP_KEEP_DAYS", 56, least=1)
# A campaign being sent with nothing queued for this long is stuck (health.py::campaigns).
HEALTH_CAMPAIGN_STALL = timedelta(minutes=env.int("HEALTH_CAMPAIGN_STALL_MINUTES", 15, least=1))
# /metrics (Prometheus text format) answers only `Authorization: Bearer <METRICS_TOKEN>`; unset:
# no metrics at all; /healthz names its parts to it too, from outside TRUSTED_PROXIES. Make
# one with `python -c "import secrets; print(secrets.token_urlsafe())"`.
METRICS_TOKEN = env("METRICS_TOKEN", default="")

# The outbox and its retries (emalu/mailers.py).
POST_OFFICE = post_office(retry_seconds=env.int("MAIL_RETRY_SECONDS", default=600))
# `make run` has no timer to send the outbox: each page sends what is due once it is answered,
# by the sender the timer runs, with its holds (consent/core/delivery.py::sent_after_the_page).
MAIL_SENT_AFTER_EACH_PAGE = DEBUG
STAFF_NOTIFY_EMAIL = env("STAFF_NOTIFY_EMAIL", default=OPERATOR["email"])
# Public forms: at most N posts per window (seconds) from one IP; and at least this many seconds
# between showing a form and its submission (bots are faster).
FORM_RATE_LIMIT = env.rate("FORM_RATE_LIMIT", "5/60")
FORM_MIN_FILL_SECONDS = env.int("FORM_MIN_FILL_SECONDS", default=3)
# Append-only rows a visitor can cause without signing in are bounded per address and window
# ("N/seconds"): cookie-banner answers (beyond it a refusal holds unlogged, a withdrawal is logged
# once for the acceptance it ends, an acceptance is not taken: consent.cookies.banner.log_choice)
# and audit rows of failed staff sign-ins (beyond it they are counted, not written one by one).
COOKIE_CHOICE_RATE_LIMIT = env.rate("COOKIE_CHOICE_RATE_LIMIT", "20/600")
FAILED_LOGIN_AUDIT_LIMIT = env.rate("FAILED_LOGIN_AUDIT_LIMIT", "20/600")
DATA_UPLOAD_MAX_MEMORY_SIZE = 7 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
# Days an answered inquiry or application is kept before retention erases it, and the person
# with it when no other consent stands (the service purpose is achieved; compliance L5): time
# for a follow-up question to reach the same record.
SERVICE_ACHIEVED_GRACE_DAYS = env.int("SERVICE_ACHIEVED_GRACE_DAYS", default=30)
# Requests: working days to answer (Law 94-V; access: 3 until a lawyer confirms; compliance L8).
ACCESS_REQUEST_DAYS = env.int("ACCESS_REQUEST_DAYS", 3, least=1)
# IMAP mailbox for requests by email: imaps://user:password@host:993/INBOX
IMAP_URL = env.secret_url("IMAP_URL", default="")

# Analytics (compliance L19): nothing loads before the visitor accepts on the cookie banner.
# With neither ID set there is no banner at all. The script addresses are settings so that tests
# can serve stand-ins on loopback.
GA_MEASUREMENT_ID = env("GA_MEASUREMENT_ID", default="")
YANDEX_METRICA_ID = env("YANDEX_METRICA_ID", default="")
GA_SCRIPT_URL = env("GA_SCRIPT_URL", default="https://www.googletagmanager.com/gtag/js")
YANDEX_SCRIPT_URL = env("YANDEX_SCRIPT_URL", default="https://mc.yandex.ru/metrika/tag.js")
# Hosts the scripts talk to once loaded (added to the CSP for visitors who accepted only).
ANALYTICS_CONNECT_HOSTS = env.list(
    "ANALYTICS_CONNECT_HOSTS",
    default=["https://*.google-analytics.com", "https://*.analytics.google.com",
             "https://*.googletagmanager.com", "https://mc.yandex.ru", "https://mc.yandex.com"],
)  # fmt: skip
# Data location (compliance L18): `check --deploy` warns when the database (which holds the
# uploaded files too), the cache or the mail relay is not here. Loopback and a local socket are
# this host; add the hosts you have confirmed are in Kazakhstan.
DATA_HOSTS_IN_KAZAKHSTAN = [
    *["", "127.0.0.1", "localhost", "::1"],
    *env.list("DATA_HOSTS_IN_KAZAKHSTAN", default=[]),
]

# Two-factor login for staff (TOTP, django-otp): the admin admits only verified sessions.
OTP_TOTP_ISSUER = "emaluplus-vko.kz"
# No one reads another's second factor in the admin: a superuser sees no TOTP key, QR code or
# recovery code of a device once it exists (each staff member enrols their own, emalu/staff.py).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# A staff session ends after this long without a request (public sessions keep Django's age).
STAFF_IDLE_SECONDS = env.int("STAFF_IDLE_SECONDS", 3600, least=1)
# And, however busy, this long after its sign-in: a copied session cookie kept alive by requests
# opens nothing past it (NIST SP 800-63B, AAL2: 12 hours; ASVS 5.0 7.3.2).
STAFF_SESSION_MAX_SECONDS = env.int("STAFF_SESSION_MAX_SECONDS", 12 * 3600, least=60)
LOGIN_URL = "admin:login"
# After signing in from a login page whose next is missing or leads off the site.
LOGIN_REDIRECT_URL = "admin:index"

# Lockout after repeated failed sign-ins, per user and IP (django-axes; compliance T6). The IP is
# consent.common.net.client_ip (X-Forwarded-For counts only from TRUSTED_PROXIES), an IPv6 one
# as its /64 (consent.common.ratelimit.lockout_ip).
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_RESET_ON_SUCCESS = True
# Refused attempts during a lockout are not new failures (and are not audited again).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "consent.common.ratelimit.lockout_ip"
AXES_LOCKOUT_CALLABLE = "emalu.lockout.locked_out"
AXES_VERBOSE = False
# An account's failures from every address within the cool-off, past which it takes no password
# from an address it never signed in from (emalu/lockout.py): the guesses one spread
# over many addresses gets, each hour.
SIGN_IN_ACCOUNT_FAILURE_LIMIT = env.int(
    "SIGN_IN_ACCOUNT_FAILURE_LIMIT", 20, least=AXES_FAILURE_LIMIT
)
# How long the sign-in records are kept (consent.rights.sign_ins.sign_ins_expire, nightly; the
# reasons in docs/compliance.md, T6): failures in axes' failure log 90 days, staff sign-ins (who,
# when, from which IP and browser) a year. An attempt goes once its cool-off is over.
SIGN_IN_FAILURES_KEPT_DAYS = env.int("SIGN_IN_FAILURES_KEPT_DAYS", 90, least=1)
STAFF_SIGN_INS_KEPT_DAYS = env.int("STAFF_SIGN_INS_KEPT_DAYS", 365, least=1)
# Alerts to the responsible person (RESPONSIBLE_CONTACT, when it is an email address).
ALERT_FAILED_LOGINS = env.int("ALERT_FAILED_LOGINS", 10, least=1)  # within 10 minutes
ALERT_BULK_EXPORTS = env.int("ALERT_BULK_EXPORTS", 20, least=1)  # by one person within an hour
