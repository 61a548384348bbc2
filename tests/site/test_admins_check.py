"""Who hears of a server error: ADMINS. Empty, or with an entry no mail reaches, a production
host answered 500s that nobody was told of (the error mail fails silently, emalu/mailers.py).
emalu.service's `check --deploy --fail-level WARNING` now refuses the start, naming ADMINS."""

import subprocess

import pytest

from emalu.checks_addresses import check_admins
from tests.live import PYTHON, ROOT, live_database, redis_cache, site_env

KEY = "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA="
CHECK = [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]


@pytest.mark.parametrize(
    ("admins", "debug", "refused"),
    [
        ([], False, True),
        (["ops@"], False, True),  # half an address
        (["ops@emaluplus-vko.kz;dev@emaluplus-vko.kz"], False, True),  # «;» for «,»
        # Name and address as other tools write them: parseaddr read the address and the start
        # passed, but Django's mail refuses the entry («Invalid address») and no report went.
        (["Ops:ops@emaluplus-vko.kz"], False, True),
        (["dev@emaluplus-vko.kz", "Ops: ops@emaluplus-vko.kz"], False, True),
        (["ops@emaluplus-vko.kz (Ops)"], False, False),  # a comment after it: Django sends it
        # The «>» left off: the deprecated sanitize_address read it whole and the start passed;
        # Django's mail reads it with Python's email API and refuses it («missing trailing '>'»).
        (["Ops <ops@emaluplus-vko.kz"], False, True),
        (["ops@emaluplus-vko.kz"], False, False),
        (["Ops <ops@emaluplus-vko.kz>", "dev@emaluplus-vko.kz"], False, False),
        ([], True, False),  # `make run`: the console shows the error
    ],
)
def test_a_production_host_no_error_mail_reaches_does_not_start(admins, debug, refused, settings):
    settings.ADMINS, settings.DEBUG = admins, debug
    said = check_admins(None)
    assert [w.id for w in said] == (["emalu.W007"] if refused else [])
    assert all("ADMINS" in w.msg and "ADMINS" in w.hint for w in said)


@pytest.mark.live
@pytest.mark.django_db
def test_the_start_names_admins_and_takes_them_as_the_readme_writes_them(django_db_blocker):
    """As the operator meets it: /etc/emalu/env without ADMINS, then with the README's
    comma-separated list typed with spaces after the commas."""
    with django_db_blocker.unblock(), live_database() as url, redis_cache(13) as cache:
        env = site_env(url, **cache, TRUSTED_PROXIES="127.0.0.1", SECURE_SSL_REDIRECT="true",
                       ALLOWED_HOSTS="emaluplus-vko.kz", MEDIA_ENCRYPTION_KEY=KEY)  # fmt: skip
        env.pop("ADMINS")
        alone = subprocess.run(CHECK, cwd=ROOT, env=env, capture_output=True, text=True)
        assert alone.returncode == 1
        assert "(emalu.W007) ADMINS is empty" in alone.stderr, alone.stderr
        env["ADMINS"] = "ops@emaluplus-vko.kz, dev@emaluplus-vko.kz"
        heard = subprocess.run(CHECK, cwd=ROOT, env=env, capture_output=True, text=True)
        assert heard.returncode == 0, heard.stderr


@pytest.mark.parametrize(
    ("name", "value", "refused"),
    [
        ("DEFAULT_FROM_EMAIL", "noreply@", True),  # every mail's sender: no relay takes it
        ("DEFAULT_FROM_EMAIL", "«ЕМ АЛУ плюс» <noreply@emaluplus-vko.kz>", False),
        ("DEFAULT_FROM_EMAIL", "«ЕМ АЛУ плюс» <noreply@emaluplus-vko.kz", True),  # no «>»
        ("STAFF_NOTIFY_EMAIL", "office@emaluplus-vko.kz,dpo@emaluplus-vko.kz", True),
        ("STAFF_NOTIFY_EMAIL", "office@emaluplus-vko.kz", False),
        ("RESPONSIBLE_CONTACT", "dpo@emaluplus-vko.kz", False),
        ("RESPONSIBLE_CONTACT", "dpo@", True),
        ("RESPONSIBLE_CONTACT", "+7 701 123 45 67", False),  # a telephone: no alert mailed
    ],
)
def test_an_address_the_site_mails_from_or_to_that_is_none_stops_the_start(
    settings, name, value, refused
):
    """Taken as it was, its mail failed at the relay a day of retries later; for the sender,
    every mail of the site did. Named at the start now, without the value (emalu.W010)."""
    from emalu.checks_addresses import check_site_addresses

    settings.DEBUG = False
    if name == "RESPONSIBLE_CONTACT":
        settings.OPERATOR = {**settings.OPERATOR, "responsible_contact": value}
    else:
        setattr(settings, name, value)
    said = check_site_addresses(None)
    assert [w.id for w in said] == (["emalu.W010"] if refused else [])
    assert all(w.msg.startswith(f"{name} is not one email address") for w in said)
    assert all(value not in w.msg for w in said)


@pytest.mark.parametrize(
    ("imap_url", "notices_to", "warned"),
    [
        ("imaps://office%40emaluplus-vko.kz:pw@mail.kz/INBOX", "office@emaluplus-vko.kz", True),
        ("imaps://Office%40EMALUPLUS-vko.kz:pw@mail.kz/INBOX", "office@emaluplus-vko.kz", True),
        ("imaps://requests%40emaluplus-vko.kz:pw@mail.kz/", "office@emaluplus-vko.kz", False),
        ("imaps://requests:pw@mail.kz/INBOX", "requests@emaluplus-vko.kz", False),  # no address
        ("", "office@emaluplus-vko.kz", False),  # no mailbox read
    ],
)
def test_notices_to_staff_sent_to_the_mailbox_the_intake_reads_stop_the_start(
    settings, imap_url, notices_to, warned
):
    """Each notice came back to the intake, was set aside as the site's own mail and deleted
    from the mailbox: staff heard of new submissions only in the digest (emalu.W011)."""
    from emalu.checks_addresses import check_notices_not_read_by_intake

    settings.DEBUG, settings.IMAP_URL, settings.STAFF_NOTIFY_EMAIL = False, imap_url, notices_to
    said = check_notices_not_read_by_intake(None)
    assert [w.id for w in said] == (["emalu.W011"] if warned else [])
    assert all("pw" not in w.msg + w.hint and notices_to not in w.msg for w in said)
