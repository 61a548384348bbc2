"""A second factor's code works once, even posted twice at the same moment (compliance T7): two
sign-ins with one authenticator code, or one recovery code, and two enrolments with one code,
on gunicorn's two workers and PostgreSQL. Both read the device before either saved it used (its
last step, the recovery code deleted), and both got in; the second enrolment replaced the
recovery codes the first one's page had shown. Now the device is locked while its code is
checked (emalu/staff.py `StaffLoginForm._chosen_device`, emalu/enrolment.py `enrol`).

Two first visits of the code step at once each made an authenticator; now the one is made with
the staff member's row locked (emalu/enrolment.py `_unconfirmed_device`).

The two requests meet for sure: this test holds the staff member's device rows (or their own
row) locked, as a slow transaction of another request would, until both requests wait on them,
then lets go."""

import base64
import re
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django_otp.oath import totp

from tests.live import gunicorn, live_database, query, request, shell

pytestmark = pytest.mark.live
KEY = "3132333435363738393031323334353637383930"  # the officer's TOTP secret (hex)
RECOVERY = "a1b2c3d4e5"
PASSWORD = "twice-officer-pass-123"
# The steps of 30 s a code stays good for, each way: the posts wait for each other (at_once), which
# on a loaded machine outlasted the one step a device allows by default, and both were refused.
# What the tests ask is whether one code works twice, not how long it works.
PATIENT = 100
SETUP = f"""
from django.contrib.auth.models import User
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
u = User.objects.create_superuser("twice", "twice@example.kz", "{PASSWORD}")
TOTPDevice.objects.create(user=u, name="phone", key="{KEY}", confirmed=True, tolerance={PATIENT})
recovery = StaticDevice.objects.create(user=u, name="recovery", confirmed=True)
StaticToken.objects.create(device=recovery, token="{RECOVERY}")
User.objects.create_user("newbie", "newbie@example.kz", "{PASSWORD}", is_staff=True)
User.objects.create_user("newcomer", "newcomer@example.kz", "{PASSWORD}", is_staff=True)
"""
DEVICES = """
SELECT 1 FROM otp_totp_totpdevice d JOIN auth_user u ON u.id = d.user_id
  WHERE u.username = %(user)s FOR UPDATE OF d;
SELECT 1 FROM otp_static_staticdevice d JOIN auth_user u ON u.id = d.user_id
  WHERE u.username = %(user)s FOR UPDATE OF d;
SELECT 1 FROM otp_static_statictoken t JOIN otp_static_staticdevice d ON d.id = t.device_id
  JOIN auth_user u ON u.id = d.user_id WHERE u.username = %(user)s FOR UPDATE OF t;
"""
# The staff member's own row: a new device's row waits on it (its foreign key), and so does
# the enrolment that locks it to make the one device.
PERSON = "SELECT 1 FROM auth_user WHERE username = %(user)s FOR UPDATE;"

FRESH = {"CONN_MAX_AGE": "0"}  # a database connection of its own for each request
WAITING = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'"


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        # Each post connects anew, after the rows are held, as a worker's first request does:
        # at_once must see it wait all the same (it did not, and both posts answered 503).
        gunicorn(url, tmp_path_factory.mktemp("codes"), workers=2, **FRESH) as (port, server),
    ):
        shell(SETUP, server.env)
        yield port, url


class Browser:
    """One person's browser: its cookies, and the form token of the last page it opened."""

    def __init__(self, port):
        self.port, self.cookies, self.csrf = port, {}, None

    def go(self, method, path, **fields):
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.csrf, **fields})
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, answer, page = request(self.port, method, path, body if method == "POST" else None,
                                       headers)  # fmt: skip
        for cookie in answer.get_all("Set-Cookie") or []:
            name, value = cookie.split(";")[0].split("=", 1)
            self.cookies[name] = value
        page = page.decode()
        if found := re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page):
            self.csrf = found.group(1)
        return status, answer, page


def at_once(url, user, posts, locks=DEVICES):
    """Run `posts` (callables) at the same moment: the user's rows (`locks`) held locked until
    every one waits on them in PostgreSQL (or has ended), then let go. Their answers.

    Who waits is asked on a connection of its own, each time in a new transaction: PostgreSQL
    shows a transaction the sessions as they were when it first looked, so the holding one,
    asking, never saw a post whose worker connected after that (a worker's first request), held
    on until the site's statement timeout cancelled both posts' waits, and they answered 503."""
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    dsn = url.replace("postgres://", "postgresql://")
    with psycopg.connect(dsn) as held, psycopg.connect(dsn, autocommit=True) as watch:
        for statement in locks.split(";")[:-1]:
            held.execute(statement, {"user": user})
        with ThreadPoolExecutor(len(posts)) as pool:
            running = [pool.submit(post) for post in posts]
            # Until all wait, or one has ended (answered, or refused before it reached the rows).
            while watch.execute(WAITING, [name]).fetchone()[0] < len(posts):
                if any(r.done() for r in running):
                    break
                time.sleep(0.05)
            held.rollback()
            return [r.result() for r in running]


# One post let into the desk, the other given the sign-in page again (refused): not an error
# page, a 503 from waiting out the statement timeout, which is no refusal of the code.
ONCE = [(200, ""), (302, "/admin/")]


def signs_in(port, code):
    """A browser opens the sign-in page (ahead, as a person would), then, called, signs in with
    `code`: the answer's status and where it sends the browser."""
    browser = Browser(port)
    browser.go("GET", "/admin/login/")

    def post():
        fields = {"username": "twice", "password": PASSWORD, "otp_token": code, "next": "/admin/"}
        status, answer, _ = browser.go("POST", "/admin/login/", **fields)
        return status, answer.get("Location", "")

    return post


def patient(url, user):
    """The authenticator the site made for `user` takes a code PATIENT steps old."""
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as conn:
        conn.execute(
            "UPDATE otp_totp_totpdevice SET tolerance = %s"
            " WHERE user_id = (SELECT id FROM auth_user WHERE username = %s)",
            [PATIENT, user],
        )


def test_one_authenticator_code_posted_twice_at_once_signs_in_once(site):
    port, url = site
    code = f"{totp(bytes.fromhex(KEY)):06d}"
    assert sorted(at_once(url, "twice", [signs_in(port, code), signs_in(port, code)])) == ONCE


def test_one_recovery_code_posted_twice_at_once_signs_in_once(site):
    port, url = site
    tries = [signs_in(port, RECOVERY), signs_in(port, RECOVERY)]
    assert sorted(at_once(url, "twice", tries)) == ONCE


def test_one_enrolment_code_posted_twice_at_once_enrols_once(site):
    """Both pages had the person's password and showed the same QR code: one gives the
    recovery codes, and they are the ones that work; the other asks for the next code."""
    port, url = site
    browsers = [Browser(port), Browser(port)]
    for browser in browsers:
        browser.go("GET", "/admin/enrol/")
        browser.go("POST", "/admin/enrol/", username="newbie", password=PASSWORD)
        _, _, page = browser.go("GET", "/admin/enrol/")
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page).group(1)
    code = f"{totp(base64.b32decode(secret)):06d}"
    patient(url, "newbie")

    def enrols(browser):
        return lambda: browser.go("POST", "/admin/enrol/", code=code)

    answers = at_once(url, "newbie", [enrols(b) for b in browsers])
    shown = [codes for _, _, page in answers
             if (codes := re.findall(r"<li><code>([0-9a-f]{10})</code></li>", page))]  # fmt: skip
    kept = query(url, "SELECT token FROM otp_static_statictoken t JOIN otp_static_staticdevice d"
                      " ON d.id = t.device_id JOIN auth_user u ON u.id = d.user_id"
                      " WHERE u.username = 'newbie'")  # fmt: skip
    assert len(shown) == 1 and sorted(shown[0]) == sorted(t for (t,) in kept)
    # The other page is sent to sign in: it showed the authenticator's secret again, as if
    # the code were wrong, though that authenticator was now the person's second factor.
    other = [(status, answer["Location"]) for status, answer, page in answers
             if not re.search("<li><code>", page)]  # fmt: skip
    assert other == [(302, "/admin/login/")]


def test_two_first_visits_of_the_code_step_at_once_make_one_authenticator(site):
    """Two tabs open the code step at the same moment: both found no authenticator and each made
    one, so one page's QR code could never be confirmed and every later visit was a 500. Now
    both pages, and the next visit, show the one authenticator, and its code enrols."""
    port, url = site
    browsers = [Browser(port), Browser(port)]
    for browser in browsers:
        browser.go("GET", "/admin/enrol/")
        browser.go("POST", "/admin/enrol/", username="newcomer", password=PASSWORD)

    def visits(browser):
        return lambda: browser.go("GET", "/admin/enrol/")

    pages = at_once(url, "newcomer", [visits(b) for b in browsers], locks=PERSON)
    later = browsers[0].go("GET", "/admin/enrol/")
    assert [status for status, _, _ in [*pages, later]] == [200, 200, 200]
    secrets = {re.search(r'<code class="secret">([A-Z2-7]+)</code>', p).group(1)
               for _, _, p in [*pages, later]}  # fmt: skip
    assert len(secrets) == 1
    code = f"{totp(base64.b32decode(secrets.pop())):06d}"
    patient(url, "newcomer")
    _, _, done = browsers[1].go("POST", "/admin/enrol/", code=code)
    assert len(re.findall(r"<li><code>([0-9a-f]{10})</code></li>", done)) == 10
