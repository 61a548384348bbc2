"""Compliance T4: the CSP breaks nothing in a real browser (Debian's headless Chromium).

Every page of T2 (tests/site/test_headers.py) in both languages, then, as a privacy officer
signed in with password and TOTP, the admin's index, every changelist and add form, and the
change forms of a page, a subject, a request (with its desk panel) and an outbox email:
0 `securitypolicyviolation` events and 0 console errors on each.
"""

import subprocess
import time

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from tests.forms.test_browser import browser  # noqa: F401  (fixture)
from tests.live import PYTHON, ROOT, gunicorn, live_database
from tests.site.test_headers import PUBLIC_URLS, THANKS, url_names

# No django_db mark: Playwright runs an event loop in this thread and the ORM refuses to run
# beside one. Set-up goes through `manage.py shell` against the served site's database.
pytestmark = [pytest.mark.live, pytest.mark.browser]
KEY = "3132333435363738393031323334353637383930"  # the officer's TOTP secret (hex)
SETUP = f"""
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice
from consent.core.models import Subject
from consent.rights.tickets import ticket_open
from post_office.models import Email
from emalu.models import Page
u = User.objects.create_superuser("csp", "csp@example.kz", "csp-officer-pass-123")
TOTPDevice.objects.create(user=u, name="phone", key="{KEY}", confirmed=True)
s = Subject.objects.create(full_name="Әсел Қасымова", email="csp@example.kz", language="kk")
r = ticket_open(kind="access", email="csp@example.kz", language="kk", channel="web")
print(s.pk, r.pk, Page.objects.get(slug="about").pk, Email.objects.latest("id").pk)
"""
LISTEN = """
window.__cspv = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspv.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""
# No HTML document to check:
NOT_PAGES = {"healthz", "robots", "favicon", "sitemap", "analytics_config"}


def public_paths():
    paths = []
    for lang in ("kk", "ru"):
        with translation.override(lang):
            paths += [
                reverse(name, kwargs=kw)
                for name, (kw, status, _) in PUBLIC_URLS.items()
                if name not in NOT_PAGES and status != 405
            ]  # POST-only: nothing to show
            paths += [reverse("form_thanks", args=[kind]) for kind in THANKS]
    return paths


def staff_paths(subject, ticket, page, mail):
    paths = [
        reverse(f"admin:{p.name}")
        for _, p in url_names(admin.site.urls[0])
        if p.name == "index" or p.name.endswith(("_changelist", "_add"))
    ]
    paths.append(reverse("admin:emalu_page_change", args=[page]))
    paths.append(reverse("admin:consent_subject_change", args=[subject]))
    paths.append(reverse("admin:rights_ticket_change", args=[ticket]))
    paths.append(reverse("admin:post_office_email_change", args=[mail]))  # the confirmation
    return paths


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("csp")) as (port, server),
    ):
        command = [PYTHON, "manage.py", "shell", "-v", "0", "-c", SETUP]
        done = subprocess.run(command, cwd=ROOT, env=server.env, check=True,
                              capture_output=True, text=True)  # fmt: skip
        yield f"http://127.0.0.1:{port}", [int(n) for n in done.stdout.split()]


def check(page, base, path):
    """Open `path`; return what went wrong there (CSP violations, console errors)."""
    page.problems = []
    response = page.goto(base + path)
    violations = page.evaluate("async () => { await document.fonts.ready; return window.__cspv; }")
    errors = [f"{text} {named}".strip() for text, named in page.problems]
    return response.status, violations + errors


def open_page(browser):  # noqa: F811
    """A tab that records CSP violations and console errors.

    Chromium reports a document's own 4xx status as a console error ("Failed to load
    resource"), and may deliver that message after the next navigation has begun. Such a
    message is matched by the URL it names against the documents that answered 4xx, not by
    which page happens to be open when it arrives: a missing image or script still counts."""
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.problems, refused = [], set()

    def on_response(response):
        if response.request.is_navigation_request() and response.status >= 400:
            refused.add(response.url)

    def on_console(message):
        if message.type != "error":
            return
        named = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and named in refused:
            return
        page.problems.append((message.text, named))

    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda e: page.problems.append((str(e), "")))
    return page


def test_no_csp_violation_or_console_error_on_any_page(site, browser):  # noqa: F811
    from django_otp.oath import totp

    base, (subject, ticket, page_id, mail) = site
    started = time.monotonic()
    visitor = open_page(browser)
    found = {path: check(visitor, base, path) for path in public_paths()}

    officer = open_page(browser)
    officer.goto(base + "/admin/login/")
    officer.fill("#id_username", "csp")
    officer.fill("#id_password", "csp-officer-pass-123")
    officer.fill("#id_otp_token", f"{totp(bytes.fromhex(KEY)):06d}")
    officer.click("input[type=submit], button[type=submit]")
    officer.wait_for_url(base + "/admin/")
    staff = staff_paths(subject, ticket, page_id, mail)
    found |= {path: check(officer, base, path) for path in staff}

    print(f"T4: {len(found)} pages in {time.monotonic() - started:.1f} s")
    assert {path: problems for path, (_, problems) in found.items() if problems} == {}
    request_page = reverse("admin:rights_ticket_change", args=[ticket])
    assert found[request_page][0] == 200 and found["/admin/emalu/page/add/"][0] == 200
    assert sum(status == 200 for status, _ in found.values()) > 60
