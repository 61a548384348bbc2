"""A setting of /etc/emalu/env that switched a legal or security guarantee off without a word
(emalu/guards.py). SILENCED_SYSTEM_CHECKS=emalu.W009 was taken: a web host logging in to
PostgreSQL as the tables' owner or a superuser started, though a request could then RESET ROLE
and rewrite the append-only ledger, and /healthz hid `login_role`; .env.example said «never»,
and nothing held to it. Each is refused now by every command, emalu.service's start first, in
one line naming the check or the variable and what to do. The settings are production's
(emalu.settings), loaded in a process of their own as a host loads them."""

import subprocess

import pytest

from tests.live import PYTHON, ROOT, site_env

START = [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
SETTING = "from django.conf import settings; print(settings.{})"


def production(tmp_path, **variables):
    """A production host's environment: emalu.settings, nothing the test suite silences."""
    return site_env("postgres://emalu_app@127.0.0.1:5432/emalu", STATIC_ROOT=str(tmp_path),
                    DJANGO_SETTINGS_MODULE="emalu.settings", **variables)  # fmt: skip


def run(command, env):
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("silenced", "guards"),
    [
        ("emalu.W009", "the append-only consent ledger and audit log"),
        # One allowed id beside it, and spaces after the comma, do not let it through.
        ("emalu.W001, emalu.W009", "the append-only consent ledger and audit log"),
        ("consent.E011", "the host's clock, from which every legal date is read"),
        ("emalu.E002", "one SECRET_KEY on every host"),
        ("emalu.W002", "the mailed links"),
        ("consent.W001", "the data kept in Kazakhstan"),
        ("consent.W002", "rate limits and the lockout counted once for every worker"),
        ("emalu.E005", "the static files collected for this code"),
        # Django's own: a weak SECRET_KEY, HSTS, DEBUG in production.
        ("security.W009", "Django's HTTPS, HSTS, cookie and header settings"),
        ("security.W004", "Django's HTTPS, HSTS, cookie and header settings"),
        ("security.W018", "Django's HTTPS, HSTS, cookie and header settings"),
    ],
)
def test_a_check_that_guards_a_guarantee_cannot_be_silenced(tmp_path, silenced, guards):
    check = silenced.split(",")[-1].strip()
    done = run(START, production(tmp_path, SILENCED_SYSTEM_CHECKS=silenced))
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"SILENCED_SYSTEM_CHECKS names {check}, which guards {guards}"), line
    assert "a host may not pass it over" in line
    assert f"remove {check} from SILENCED_SYSTEM_CHECKS in /etc/emalu/env" in line
    assert "only emalu.W001 and security.W008 may be silenced" in line


def test_an_id_no_check_has_is_refused_too(tmp_path):
    """A typo («emalu.W01») silenced nothing and said nothing: the warning it was meant for
    still stopped the start, with the id in the file looking as if it had been heard."""
    done = run(START, production(tmp_path, SILENCED_SYSTEM_CHECKS="emalu.W01"))
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith("SILENCED_SYSTEM_CHECKS names emalu.W01: a host may not pass it over")


def test_a_host_with_no_proxy_may_still_silence_the_proxy_warning(tmp_path):
    """emalu.W001 has no guarantee behind it where visitors reach gunicorn directly: there is
    no proxy for TRUSTED_PROXIES to name; security.W008 where SECURE_SSL_REDIRECT is off behind
    a proxy that redirects to HTTPS itself (README, Configuration)."""
    env = production(tmp_path, SILENCED_SYSTEM_CHECKS="emalu.W001,security.W008")
    done = run(
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", SETTING.format("SILENCED_SYSTEM_CHECKS")],
        env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['emalu.W001', 'security.W008']"


@pytest.mark.parametrize("proxies", ["0.0.0.0/0", "127.0.0.1,::/0", "95.56.0.0/16", "8.0.0.0/7"])
def test_trusted_proxies_that_take_in_every_visitor_are_refused(tmp_path, proxies):
    """TRUSTED_PROXIES=0.0.0.0/0 (or any public network) was taken: every visitor could write
    the address the form limits, the sign-in lockout and the audit log count them by in
    X-Forwarded-For, one anew for each post, and no check said a word."""
    network = proxies.split(",")[-1]
    done = run(START, production(tmp_path, TRUSTED_PROXIES=proxies))
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"TRUSTED_PROXIES names {network}, a public network of "), line
    assert "Name the proxies themselves: 127.0.0.1 behind the nginx on the host" in line


def test_trusted_proxies_as_the_readme_writes_them_are_taken(tmp_path):
    """127.0.0.1 behind nginx, a load balancer's private network, or its own public address; a
    cloud balancer's or a host-to-host VPN's shared range (100.64.0.0/10, RFC 6598), which the
    internet does not route either, was refused as public."""
    proxies = "127.0.0.1,10.0.0.0/24,95.56.10.20,fd00::/8,::1,100.64.0.0/10"
    env = production(tmp_path, TRUSTED_PROXIES=proxies)
    done = run(
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", SETTING.format("TRUSTED_PROXIES")], env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(proxies.split(","))


def test_a_cache_that_keeps_nothing_stops_the_start(tmp_path):
    """CACHE_URL=dummycache:// passed every check: each rate count started again at 1, and no
    form limit or bound on the append-only rows a visitor can cause was ever reached."""
    done = run(START, production(tmp_path, CACHE_URL="dummycache://"))
    assert done.returncode == 1
    [line] = [line for line in done.stderr.splitlines() if "consent.W002" in line]
    assert "CACHE_URL is dummycache://, which keeps nothing: every rate count would" in line


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("GA_SCRIPT_URL", "http://www.googletagmanager.com/gtag/js"),  # over http://
        ("YANDEX_SCRIPT_URL", "https://stats.example.com/tag.js"),
        ("ANALYTICS_CONNECT_HOSTS", "https://*.google-analytics.com,https://*.example.com"),
    ],
)
def test_analytics_from_a_host_the_consent_does_not_name_stops_the_start(tmp_path, name, value):
    """The analytics' addresses are variables so that the tests can serve stand-ins (README:
    «leave them»): set on a host, a visitor who accepted analytics loaded a script from, or
    sent to, a host their consent does not name, or over http://, and the CSP let it in."""
    done = run(START, production(tmp_path, **{name: value}))
    assert done.returncode == 1
    [line] = [line for line in done.stderr.splitlines() if "consent.W006" in line]
    assert f"{name} names a host that is not Google's or Yandex's over https://" in line
    assert value not in done.stderr


def test_the_analytics_hosts_env_example_gives_start(tmp_path):
    example = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    names = ("GA_SCRIPT_URL=", "YANDEX_SCRIPT_URL=", "ANALYTICS_CONNECT_HOSTS=")
    given = dict(line.split("=", 1) for line in example if line.startswith(names))
    assert len(given) == 3
    done = run(START, production(tmp_path, **given))
    assert "consent.W006" not in done.stderr


def test_yandex_metricas_own_hosts_give_start(tmp_path):
    """Yandex Metrica's list of the addresses a site's CSP lets it reach (its «Installing a
    tag on a site with CSP»): a visitor in Kazakhstan is counted at mc.yandex.kz, Webvisor over
    wss://. An operator who added them was stopped, told they were not Yandex's."""
    hosts = "https://mc.yandex.kz,wss://mc.yandex.kz,https://mc.webvisor.com,https://yastatic.net"
    done = run(START, production(tmp_path, ANALYTICS_CONNECT_HOSTS=hosts))
    assert "consent.W006" not in done.stderr, done.stderr
    done = run(
        START, production(tmp_path, ANALYTICS_CONNECT_HOSTS="wss://mc.yandex.kz.example.com")
    )
    assert "consent.W006" in done.stderr  # a name that only begins as Yandex's is not theirs
