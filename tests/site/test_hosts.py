"""Issue 19, item 2: no host-local state. Two gunicorn "hosts" with different MEDIA_ROOTs on one
PostgreSQL: a photo uploaded through one is downloaded by staff through the other, and its
destruction through either leaves it nowhere: no row, no file on either host, nothing in a full
pg_dump."""

import json
import re
import subprocess
from contextlib import ExitStack, contextmanager
from datetime import timedelta

import pytest

from tests.forms.photos import LIVE, png, post_photo
from tests.live import (
    PYTHON,
    ROOT,
    gunicorn,
    live_database,
    query,
    request,
    running_host,
)

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.requires_tool("pg_dump", apt="postgresql-client"),
]
KEY = "3132333435363738393031323334353637383930"  # the officer's TOTP secret (hex)
SETUP = f"""
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
u = User.objects.create_user("dana", "dana@example.kz", "officer-pass-123456", is_staff=True)
u.groups.add(Group.objects.get(name="privacy_officer"))
TOTPDevice.objects.create(user=u, name="phone", key="{KEY}", confirmed=True)
"""
DESTROY = """
from django.contrib.auth.models import User
from consent.core.models import Subject
from consent.rights.answers import ticket_destroy
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
subject = Subject.objects.get()
ticket = ticket_open(kind="destroy", email=subject.email, language="kk", channel="email")
ticket_verify(ticket)
ticket_destroy(Ticket.objects.get(pk=ticket.pk), actor=User.objects.get(username="dana"))
"""


def manage(server, *args):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=server.env, check=True,
                          capture_output=True, text=True).stdout  # fmt: skip


def cookies_of(headers, jar):
    for cookie in headers.get_all("Set-Cookie") or []:
        name, _, value = cookie.split(";")[0].partition("=")
        jar[name] = value
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def staff_session(port):
    """Sign in through the admin's login page with the password and a TOTP code: the cookies."""
    from urllib.parse import urlencode

    from django_otp.oath import totp

    jar = {}
    status, headers, body = request(port, "GET", "/admin/login/")
    cookie = cookies_of(headers, jar)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
    form = {"csrfmiddlewaretoken": csrf, "username": "dana", "password": "officer-pass-123456",
            "otp_token": f"{totp(bytes.fromhex(KEY)):06d}", "next": "/admin/"}  # fmt: skip
    status, headers, _ = request(port, "POST", "/admin/login/", urlencode(form), {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
        "Referer": f"http://127.0.0.1:{port}/admin/login/"})  # fmt: skip
    assert status == 302, status
    return cookies_of(headers, jar)


def on_disk(*roots):
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


@pytest.fixture(scope="module")
def hosts(django_db_setup, django_db_blocker, tmp_path_factory):
    """The two hosts on one database, with Dana, the officer, signed in: both destruction tests
    run on them (each posts a photo of its own and leaves nothing behind)."""
    tmp = tmp_path_factory.mktemp("hosts")
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp / "a", **LIVE) as (port_a, host_a),
        gunicorn(url, tmp / "b", **LIVE) as (port_b, host_b),
    ):
        assert host_a.env["MEDIA_ROOT"] != host_b.env["MEDIA_ROOT"]
        manage(host_a, "shell", "-c", SETUP)
        # Signed in once: a second sign-in within the TOTP step would be a code used again.
        staff = staff_session(port_b)
        medias = [tmp / "a" / "media", tmp / "b" / "media"]
        yield url, {"a": (port_a, host_a), "b": (port_b, host_b)}, staff, medias


@pytest.mark.parametrize("destroyed_on", ["a", "b"])
def test_a_photo_is_served_and_destroyed_by_every_host(hosts, destroyed_on):
    url, servers, staff, medias = hosts
    port_a, port_b = servers["a"][0], servers["b"][0]
    # The other test's destruction left its tombstone: this one must add its own.
    [(tombstones,)] = query(url, "SELECT count(*) FROM consent_tombstone")
    assert post_photo(port_a, png((40, 30)))[0] == 302  # uploaded through host a
    [(pk,)] = query(url, "SELECT id FROM consent_submission")
    [(stored,)] = query(url, "SELECT encode(content, 'hex') FROM consent_storedfile")

    status, headers, photo = request(port_b, "GET", f"/admin/consent/submission/{pk}/photo/",
                                     headers={"Cookie": staff})  # fmt: skip
    assert status == 200 and photo.startswith(b"\xff\xd8\xff")  # the JPEG, through host b
    assert "attachment" in headers["Content-Disposition"]

    manage(servers[destroyed_on][1], "shell", "-c", DESTROY)
    assert query(url, "SELECT count(*) FROM consent_storedfile") == [(0,)]
    assert query(url, "SELECT count(*) FROM consent_submission") == [(0,)]
    assert on_disk(*medias) == []  # no file on either host, then or now
    dump = subprocess.run(["pg_dump", "--data-only", "--inserts",
                           url.replace("postgres://", "postgresql://")],
                          check=True, capture_output=True, text=True).stdout  # fmt: skip
    assert stored[:64] not in dump and "consent_storedfile VALUES" not in dump
    assert dump.count("INSERT INTO public.consent_tombstone") > tombstones


def test_a_host_whose_env_differs_in_a_setting_all_hold_alike_is_named_not_shown(hosts):
    """A second host started from an older copy of /etc/emalu/env (ACCESS_REQUEST_DAYS 10 where
    the others count 3, another address of the operator) dated each access request it took a
    week later, and every check and /healthz passed. Its start says so in the journal (consent.
    I002; it starts: a setting changed on purpose is changed on one host after another), and
    /healthz on every host names the variables while it serves, never their values."""
    _url, servers, _staff, _medias = hosts
    port_a, host_a = servers["a"]
    # The two test hosts each mail links to their own port: SITE_URL is named from the start.
    before = json.loads(request(port_a, "GET", "/healthz")[2])["same_settings"]["differs"]
    assert before == ["SITE_URL"]
    older = {**host_a.env, "ACCESS_REQUEST_DAYS": "10", "OPERATOR_ADDRESS_RU": "Старый адрес"}
    with running_host(older) as second:
        output = second.start()[1]  # its start, then it serves a page
        second.ask("from consent.core.keys import note_keys; note_keys()")
    said = [line for line in output.splitlines() if "consent.I002" in line]
    assert said == ["?: (consent.I002) ACCESS_REQUEST_DAYS, OPERATOR_ADDRESS_RU, SITE_URL: a host "
                    "(this one before its restart, or another) held a different value in the last "
                    "10 minutes (its pages or /healthz noted a digest of it)."], output  # fmt: skip
    assert "Старый" not in output
    body = request(port_a, "GET", "/healthz")[2]
    assert "same_settings" in json.loads(body)["warnings"]
    assert json.loads(body)["same_settings"]["differs"] == [
        "ACCESS_REQUEST_DAYS", "OPERATOR_ADDRESS_RU", "SITE_URL"]  # fmt: skip
    assert "Старый".encode() not in body and b'"10"' not in body


def test_every_setting_all_hosts_hold_alike_is_named_as_the_env_file_names_it():
    """same_settings names what the operator edits: each a variable .env.example documents."""
    from consent.common.shared_settings import shared_settings
    from emalu.checks_names import documented_names

    assert set(shared_settings()) - documented_names() == set()
    assert {"ACCESS_REQUEST_DAYS", "OPERATOR_BIN", "RESPONSIBLE_PERSON"} <= set(shared_settings())


def test_every_variable_is_held_alike_or_said_to_be_the_hosts_own():
    """Each variable .env.example documents is noted for every host (same_settings), or is said
    to differ by host on purpose (PER_HOST), or has a part of its own (OWN_PART), and only one:
    ALERT_FAILED_LOGINS, MAIL_RETRY_SECONDS and the cookie and audit rates were in none, and a
    variable added later would be too."""
    from consent.common.shared_settings import OWN_PART, PER_HOST, shared_settings
    from emalu.checks_names import documented_names

    noted = set(shared_settings())
    assert noted | PER_HOST | OWN_PART == documented_names()
    assert noted & PER_HOST == noted & OWN_PART == PER_HOST & OWN_PART == set()


@pytest.mark.parametrize(
    ("variable", "setting", "value"),
    [("ALERT_FAILED_LOGINS", "ALERT_FAILED_LOGINS", 3),
     ("MAIL_RETRY_SECONDS", "POST_OFFICE", {"RETRY_INTERVAL": timedelta(seconds=60)}),
     ("HEALTH_INTAKE_MAX_MINUTES", "HEALTH_INTAKE_MAX_AGE", timedelta(minutes=5)),
     ("COOKIE_CHOICE_RATE_LIMIT", "COOKIE_CHOICE_RATE_LIMIT", (3, 60))],
)  # fmt: skip
def test_a_host_holding_another_count_is_told_apart(settings, variable, setting, value):
    """A host whose alert threshold, mail retry or health limit differs notes another digest of
    that variable, so the others' /healthz and its start name it (settings_not_shared)."""
    from consent.common.shared_settings import shared_settings

    before = shared_settings()
    if isinstance(value, dict):
        value = {**getattr(settings, setting), **value}
    setattr(settings, setting, value)
    after = shared_settings()
    assert {name for name in before if before[name] != after[name]} == {variable}


def test_two_sites_on_one_redis_keep_apart():
    """Staging beside production on one Redis: with their own CACHE_KEY_PREFIX, a page
    generation (or a page, or a rate count) set by one is not seen by the other."""
    from tests.live import redis_cache, site_env

    def site(cache):
        return running_host(site_env("postgres://postgres@127.0.0.1:5432/postgres", **cache))

    write = "from django.core.cache import cache; cache.set('pagecache:generation', 'staging')"
    read = "from django.core.cache import cache; print(cache.get('pagecache:generation'))"
    with (
        redis_cache(5) as staging,
        redis_cache(5) as production,
        site(staging) as on_staging,
        site(production) as on_production,
    ):
        on_staging.ask(write)
        assert on_staging.ask(read).strip() == "staging"
        assert on_production.ask(read).strip() == "None"


def test_healthz_names_a_key_another_host_signs_or_encrypts_with_that_this_one_cannot_read(
    django_db_blocker,
):
    """Two hosts with different SECRET_KEYs refused each other's forms (shown again, nothing
    stored) and links, and no check could see it; a host without the first MEDIA_ENCRYPTION_KEY
    cannot read photos stored through the others. Each host here is a process of its own on
    one database and one Redis, asking what /healthz asks."""
    from tests.live import redis_cache, site_env

    old, new = (
        "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA=",
        "bmV3LW1lZGlhLWVuY3J5cHRpb24ta2V5LTAwMDAwMDA=",
    )
    ask = "import json; from emalu import health; print(json.dumps(health.shared_keys()))"

    @contextmanager
    def hosts(url, cache, *keys):
        """A running host for each of `keys` (the variables it differs by): each answers as
        /healthz does when asked (`health(host)`)."""
        with ExitStack() as stack:
            base = {"SECRET_KEY": "s" * 50, "MEDIA_ENCRYPTION_KEY": old}
            envs = [site_env(url, **cache, **{**base, **own}) for own in keys]
            yield [stack.enter_context(running_host(env)) for env in envs]

    def health(host):
        return json.loads(host.ask(ask).splitlines()[-1])

    with (
        django_db_blocker.unblock(),
        live_database() as url,
        redis_cache(5) as cache,
        hosts(url, cache, {}, {}, {"SECRET_KEY": "t" * 50}) as (first, second, third),
    ):
        assert health(first) == health(second) == {"status": "ok", "differs": []}
        assert health(third)["differs"] == ["SECRET_KEY"]  # a third
        assert health(first)["differs"] == ["SECRET_KEY"]  # and the first ones see it too
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        redis_cache(5) as cache,
        hosts(url, cache, {"MEDIA_ENCRYPTION_KEY": f"{new},{old}"}, {}) as (renewed, other),
    ):
        # A new encryption key put first, the old one kept: this host reads what the others
        # store; they cannot read what it stores, until they have the new key too.
        assert health(renewed)["status"] == "ok"
        assert health(other)["differs"] == ["MEDIA_ENCRYPTION_KEY"]
        assert health(renewed)["status"] == "ok"


# A host as it serves: notes its keys as /healthz does, shows a form (its token) and reads the
# tokens of the forms other hosts showed (argv: the tokens). JSON on the last line.
SERVES = """
import json, sys
from emalu import health
from forms_app.abuse import new_token, read_token
print(json.dumps({"shared_keys": health.shared_keys(), "token": new_token(),
                  "reads": [read_token(t) is not None for t in TOKENS]}))
"""


def test_secret_key_changed_host_by_host_in_two_rounds_refuses_no_form_on_any_host(
    django_db_blocker,
):
    """README's rotation was one round: each host restarted with the new key first and the old
    in SECRET_KEY_FALLBACKS. A host restarted so signed forms and links the hosts not yet
    restarted refused (a form shown again, nothing stored; a mailed link «damaged») until the
    last was restarted. In two rounds (first the new key in SECRET_KEY_FALLBACKS on every host,
    then the swap) every host reads what every other signs at each step, and each starts."""
    from tests.live import redis_cache, site_env

    old, new = "o" * 50, "n" * 50
    rounds = [{"SECRET_KEY": old}, {"SECRET_KEY": old, "SECRET_KEY_FALLBACKS": new},
              {"SECRET_KEY": new, "SECRET_KEY_FALLBACKS": old}]  # fmt: skip
    with django_db_blocker.unblock(), live_database() as url, redis_cache(5) as cache:

        def host(step):
            return running_host(site_env(url, **cache, **rounds[step]))

        def serves(host, *tokens):
            code = SERVES.replace("TOKENS", repr(list(tokens)))
            return json.loads(host.ask(code).splitlines()[-1])

        def starts(host):  # before it serves, as emalu.service's ExecStartPre
            return "emalu.E002" not in host.start()[1]

        with host(0) as a0:
            a = serves(a0)  # host a serves with the old key; b, restarted in round 1, reads it
            with host(1) as b1:
                assert starts(b1)
                b = serves(b1, a["token"])
            assert b["reads"] == [True] and b["shared_keys"]["status"] == "ok"
            # Round 2: b first signs with the new key; a, still in round 1, reads it.
            with host(2) as b2, host(1) as a1:
                assert starts(b2)
                b = serves(b2, a["token"])
                a = serves(a1, b["token"])
            assert a["reads"] == [True] and a["shared_keys"]["status"] == "ok"
            assert b["reads"] == [True] and b["shared_keys"]["status"] == "ok"
            # The one round README gave: a host not yet restarted refused the new key's forms.
            assert serves(a0, b["token"])["reads"] == [False]
