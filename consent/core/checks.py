from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.checks import Error, register

from consent.common.checks import database_check

from .purposes import DATA_FIELDS, PURPOSES


@register()
def check_purposes(app_configs, **kwargs):
    """Compliance L5 and L17: every purpose has a term and only approved, known data."""
    errors = []
    for code, purpose in PURPOSES.items():
        if not purpose.term_years or purpose.term_years <= 0:
            errors.append(
                Error(f"Purpose '{code}' has no term.", hint="Set term_years.", id="consent.E001")
            )
        unknown = set(purpose.fields) - DATA_FIELDS.keys()
        if unknown:
            errors.append(
                Error(f"Purpose '{code}' lists unknown data {sorted(unknown)}.", id="consent.E002")
            )
    return errors


@register()
def check_operator(app_configs, **kwargs):
    """Compliance L3 and L20: production needs the BIN and the responsible person."""
    if settings.DEBUG:
        return []
    op = settings.OPERATOR
    # It said «OPERATOR bin is not set», the settings' key, where /etc/emalu/env names OPERATOR_BIN.
    return [
        Error(
            f"{env} is not set (required unless DEBUG).",
            hint=f"Set {env} in /etc/emalu/env (README, Configuration).",
            id=f"consent.{cid}",
        )
        for key, env, cid in [
            ("bin", "OPERATOR_BIN", "E003"),
            ("responsible_person", "RESPONSIBLE_PERSON", "E004"),
            ("responsible_contact", "RESPONSIBLE_CONTACT", "E005"),
        ]
        if not op[key].strip()
    ]


@register(deploy=True)
def check_data_location(app_configs, **kwargs):
    """Compliance L18: the database (uploaded files are rows in it), cache and mail relay are on
    hosts in Kazakhstan. Every message passes the mail relay, confirmation links before any consent
    included, so a relay abroad could not be covered by the cross-border consent."""
    from urllib.parse import urlsplit

    from django.core.checks import Warning as CheckWarning

    allowed = set(settings.DATA_HOSTS_IN_KAZAKHSTAN)
    hosts = {"DATABASE_URL": settings.DATABASES["default"].get("HOST") or ""}
    location = settings.CACHES["default"].get("LOCATION") or ""
    if "://" in str(location):  # Redis and the like; local memory has no host
        hosts["CACHE_URL"] = urlsplit(str(location)).hostname or ""
    mail_host = settings.MAILERS["default"].get("OPTIONS", {}).get("host")
    if mail_host is not None:
        hosts["EMAIL_URL"] = mail_host
    return [
        CheckWarning(
            f"{name} points at {host!r}, which is not on the list of hosts in Kazakhstan.",
            hint="Add the host to DATA_HOSTS_IN_KAZAKHSTAN once you have confirmed where it is.",
            id="consent.W001",
        )
        for name, host in hosts.items()
        if host not in allowed
    ]


@register(deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Rate limits and the page cache's generations must be the same for every worker. A cache
    that keeps nothing (CACHE_URL=dummycache://) passed every check: each count started again
    at 1, and no form limit, cookie-answer bound or sign-in audit bound was ever reached."""
    from django.core.checks import Warning as CheckWarning

    backend = settings.CACHES["default"]["BACKEND"]
    if "DummyCache" in backend:
        said = (
            "CACHE_URL is dummycache://, which keeps nothing: every rate count would start "
            "again at 1, and no form limit or bound on append-only rows would ever be reached."
        )
    elif "LocMemCache" in backend:
        said = (
            "CACHE_URL is local memory: each gunicorn worker would count rate limits and keep "
            "public pages on its own, so an edited page could show for minutes in the others."
        )
    else:
        return []
    return [
        CheckWarning(
            said,
            hint="Set CACHE_URL to a shared cache, e.g. redis://127.0.0.1:6379/1.",
            id="consent.W002",
        )
    ]


@register()
def check_analytics_ids(app_configs, **kwargs):
    """The analytics IDs are written into a script and a CSP: only their documented shapes."""
    import re

    shapes = [
        ("GA_MEASUREMENT_ID", r"G-[A-Z0-9]{4,20}", "G-XXXXXXXXXX", "E006"),
        ("YANDEX_METRICA_ID", r"[0-9]{1,12}", "digits only", "E007"),
    ]
    return [
        Error(f"{name} is not a valid ID.", hint=f"Expected {shape}.", id=f"consent.{cid}")
        for name, pattern, shape, cid in shapes
        if getattr(settings, name) and not re.fullmatch(pattern, getattr(settings, name))
    ]


@register()
def check_processors_abroad(app_configs, **kwargs):
    """Compliance L2, L18 (Art. 8(4)(5), 16): the cross-border consent names each processor
    abroad as configured, so each entry says where it is: «Name (country)». «Mailgun» alone
    told the person who, but not in which country their data would be."""
    import re

    return [
        Error(
            f"CROSS_BORDER_PROCESSORS entry {name!r} does not name its country.",
            hint="Write each processor as «Name (country)», e.g. «Mailgun (USA)».",
            id="consent.E013",
        )
        for name in settings.CROSS_BORDER_PROCESSORS
        if not re.fullmatch(r"\S.*\S \([^()]*\w[^()]*\)", name.strip())
    ]


@register()
def check_media_encryption_key(app_configs, **kwargs):
    """Compliance L22: photos are stored encrypted, so production needs a key of its own."""
    from cryptography.fernet import Fernet

    keys = settings.MEDIA_ENCRYPTION_KEY
    if not keys and not settings.DEBUG:
        return [
            Error(
                "MEDIA_ENCRYPTION_KEY is not set.",
                hint="Set MEDIA_ENCRYPTION_KEY to a Fernet key (see .env.example).",
                id="consent.E008",
            )
        ]
    errors = []
    for number, key in enumerate(keys, 1):
        try:
            Fernet(key)
        except ValueError:
            errors.append(
                Error(
                    f"Key {number} of MEDIA_ENCRYPTION_KEY is not a Fernet key.",
                    hint="Each key is 32 bytes in url-safe base64 (Fernet.generate_key()).",
                    id="consent.E009",
                )
            )
    return errors


@register(deploy=True)
def check_media_keys_shared(app_configs, **kwargs):
    """Compliance L22: a host must read what every other host encrypts. One started without a
    key another host encrypts with (an env file not copied, an old key dropped before every
    host had the new one first) showed those photos as unreadable and failed the access answers
    it mailed; it does not start (emalu.service runs `check --deploy`)."""
    from .keys import media_keys_not_shared

    why = media_keys_not_shared(first_only=False)
    if not why:
        return []
    return [
        Error(
            f"MEDIA_ENCRYPTION_KEY: {why}: this host could not read what that host stores.",
            hint="Give every host the same MEDIA_ENCRYPTION_KEY, all its keys in the same order "
            "(copy /etc/emalu/env). Drop an old key only once every host runs with the new one "
            "first and `manage.py encrypt_photos` has run (README, MEDIA_ENCRYPTION_KEY).",
            id="consent.E012",
        )
    ]


@database_check(deploy=True)
def check_settings_shared(app_configs, **kwargs):
    """A host whose /etc/emalu/env differs from the running hosts' in a setting every host must
    hold alike (an older copy, an edit made on one host) counted a request's due date or
    retention's grace by other days, mailed other links, or named another operator, by whichever
    host took the request. Said at the start, in the journal (information: a setting changed on
    purpose is changed on one host after the other, and the first to restart must start);
    /healthz names it as `same_settings` until the hosts agree."""
    from django.core.checks import Info

    from .keys import ANY_HOST, KEYS_WINDOW, settings_not_shared

    differs = settings_not_shared(note=False)
    if not differs:
        return []
    return [
        Info(
            f"{', '.join(differs)}: a host ({ANY_HOST}) held a different value in the "
            f"last {KEYS_WINDOW // 60} minutes (its pages or /healthz noted a digest of it).",
            hint="Give every host the same values (copy /etc/emalu/env, then change only "
            "GUNICORN_BIND, FORWARDED_ALLOW_IPS and TRUSTED_PROXIES where README says so) and "
            "restart emalu on each; /healthz names them under same_settings until they agree.",
            id="consent.I002",
        )
    ]


# What the zone database must say of the site's zone, for its legal dates to be right: Kazakhstan
# has kept one zone, UTC+5, since 1 March 2024 (tzdata 2024a); before, Almaty was UTC+6.
ZONE_FACTS = {"Asia/Almaty": (datetime(2024, 3, 1, 12, tzinfo=UTC), timedelta(hours=5))}


@register()
def check_time_zone(app_configs, **kwargs):
    """Every legal date is the local date in Almaty (compliance L8): a zone database older than
    the change puts every moment between 23:00 and midnight on the next day, and a deadline
    counted from it a working day late. Read from the host's database now, not from Django's
    cached zone."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if settings.TIME_ZONE not in ZONE_FACTS:
        return []
    moment, expected = ZONE_FACTS[settings.TIME_ZONE]
    try:
        offset = moment.astimezone(ZoneInfo.no_cache(settings.TIME_ZONE)).utcoffset()
    except ZoneInfoNotFoundError:
        offset = None
    if offset == expected:
        return []
    said = "no such zone" if offset is None else f"UTC{_hours(offset)}"
    return [
        Error(
            f"The time zone database gives {settings.TIME_ZONE} as {said} on {moment:%Y-%m-%d}, "
            f"not UTC{_hours(expected)}: every legal date would be wrong.",
            hint="Update the host's tzdata package (2024a or later).",
            id="consent.E010",
        )
    ]


@database_check(deploy=True)
def check_clock(app_configs, **kwargs):
    """Every legal date is read from this host's clock (compliance L8): one hours off dates
    each request, consent and daily job wrongly. `check --deploy` (emalu.service's start, the
    release's first step) compares it with the database server's. A database it cannot reach
    says nothing here: the site starts and answers 503 for what needs it (compliance T13)."""
    from consent.common.clock import clock_wrong

    wrong = clock_wrong()
    hint = "Synchronise the clocks (systemd-timesyncd or chrony), then start again."
    return [Error(wrong, hint=hint, id="consent.E011")] if wrong else []


def _hours(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@database_check(named=True)
def check_form_texts(app_configs, **kwargs):
    """Art. 8(4)(7): each public form's consent texts name the data that form collects. Read
    from the database, so a database check, run only where the command names a database
    (`migrate` does, at every release, before it changes anything; `check --database
    default`): the release's `check --deploy`, which runs before `migrate` and stops at a
    warning, must not stop on what only an officer can publish. The admin index says the same
    to the officers and content editors, in their language."""
    from django.core.checks import Warning as CheckWarning
    from django.utils import translation

    from .form_texts import texts_unnamed

    with translation.override(None):  # English, as every check speaks
        return [
            CheckWarning(
                f"The {found.form.name} shows the consent text of '{found.purpose}' (version "
                f"{found.text.version}), which names {sorted(found.named)}; the form collects "
                f"{sorted(found.wanted)}.",
                hint="Publish a new version of that consent text (admin: Consent texts).",
                id="consent.W003",
            )
            for found in texts_unnamed()
        ]


@database_check(named=True)
def check_published_digests(app_configs, **kwargs):
    """Compliance L4: each published consent text, policy version and operator's document still
    gives the SHA-256 published with it (core.digests). Triggers refuse any change to them, but
    not someone with the owner's rights who bypasses them; the evidence would then present the
    changed words. A database check (`check --database default`, and every `migrate`), as
    check_form_texts: a warning, for the operator to restore the words from a backup; the
    evidence and the access answer say of each grant concerned that its text is not proven."""
    from django.core.checks import Warning as CheckWarning

    from .digests import digests_broken

    return [
        CheckWarning(
            f"The words kept of the {what} do not give the SHA-256 published with it: they "
            "were changed in the database after publication.",
            hint="Restore the published words from a backup; until then the consent evidence "
            "says its grants are not proven.",
            id="consent.W004",
        )
        for what in digests_broken()
    ]


@database_check(deploy=True)
def check_forms_waiting(app_configs, **kwargs):
    """A fresh install's forms answer «not available yet» until the consent texts they need are
    published: told to the operator at every start (emalu.service's `check --deploy`) as
    information, never a warning, which would keep the site, and the admin where an officer
    publishes them, from starting. A database that cannot answer, or has no tables yet (before
    `migrate`), says nothing here."""
    from django.core.checks import Info
    from django.utils import translation

    from .form_texts import forms_waiting, waiting_for

    with translation.override(None):  # English, as every check speaks
        waiting = [waiting_for(purpose, forms) for purpose, forms in forms_waiting().items()]
    return [Info(line, id="consent.I001") for line in waiting]
