"""Compliance T4 for the staff side: the CSP breaks nothing in a real browser (Debian's
headless Chromium).

As a privacy officer signed in with password and TOTP, the admin's index, every changelist and
add form, and the change forms of a page, a subject, a request (with its desk panel), an
outbox email, a campaign and a breach (with its draft notice, whose style attribute the CSP
refused): 0 `securitypolicyviolation` events and 0 console errors on each. The public side,
every page state a visitor meets in kk and ru, is checked on the walk of
tests/site/test_no_sideways_scroll.py.
"""

import time

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.live import gunicorn, live_database, shell
from tests.pages import open_tab, problems
from tests.site.test_headers import url_names

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
from consent.marketing.models import Campaign
from consent.rights.breaches import breach_record
from consent.rights.models import Breach
from django.utils import timezone
u = User.objects.create_superuser("csp", "csp@example.kz", "csp-officer-pass-123")
TOTPDevice.objects.create(user=u, name="phone", key="{KEY}", confirmed=True)
from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import MARKETING
from consent.core.texts import current_text
s = Subject.objects.create(full_name="Әсел Қасымова", email="csp@example.kz", language="kk")
# A subscriber, so that «Send» sends (with no one to receive it, it leaves the campaign unsent).
consent_grant(s, current_text(MARKETING), language="kk", source=Source.NEWSLETTER_FORM)
r = ticket_open(kind="access", email="csp@example.kz", language="kk", channel="web")
c = Campaign.objects.create(title="N", subject_line_kk="Жаңалық", body_kk="Қараша")
b = breach_record(Breach(detected_at=timezone.now(), description="Ноутбук ұрланды"))
print(s.pk, r.pk, Page.objects.get(slug="about").pk, Email.objects.latest("id").pk, c.pk, b.pk)
"""


def staff_paths(subject, ticket, page, mail, campaign, breach):
    paths = [
        reverse(f"admin:{p.name}")
        for _, p in url_names(admin.site.urls[0])
        if p.name == "index" or p.name.endswith(("_changelist", "_add"))
    ]
    paths.append(reverse("admin:emalu_page_change", args=[page]))
    paths.append(reverse("admin:consent_subject_change", args=[subject]))
    paths.append(reverse("admin:rights_ticket_change", args=[ticket]))
    paths.append(reverse("admin:post_office_email_change", args=[mail]))  # the confirmation
    # A draft's page: its framed previews and the «send» form beside them.
    paths.append(reverse("admin:marketing_campaign_change", args=[campaign]))
    # A breach's page: its draft notice to the authorised body, as plain text that wraps.
    paths.append(reverse("admin:rights_breach_change", args=[breach]))
    return paths


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("csp")) as (port, server),
    ):
        yield f"http://127.0.0.1:{port}", [int(n) for n in shell(SETUP, server.env).split()]


def check(page, base, path):
    """Open `path`: (its status, what went wrong there)."""
    response = page.goto(base + path)
    return response.status, problems(page)


def test_no_csp_violation_or_console_error_on_any_staff_page(site, browser):
    from django_otp.oath import totp

    base, (subject, ticket, page_id, mail, campaign, breach) = site
    started = time.monotonic()
    officer = open_tab(browser)
    officer.goto(base + "/admin/login/")
    officer.fill("#id_username", "csp")
    officer.fill("#id_password", "csp-officer-pass-123")
    officer.fill("#id_otp_token", f"{totp(bytes.fromhex(KEY)):06d}")
    officer.click("input[type=submit], button[type=submit]")
    officer.wait_for_url(base + "/admin/")
    staff = staff_paths(subject, ticket, page_id, mail, campaign, breach)
    found = {path: check(officer, base, path) for path in staff}
    # «Send» pressed on the campaign's page: the post and the page it returns to.
    campaign_page = reverse("admin:marketing_campaign_change", args=[campaign])
    officer.goto(base + campaign_page)
    officer.click("#campaign-send button[type=submit]")
    officer.wait_for_selector(".messagelist .info")
    found[f"{campaign_page} (sent)"] = (200, problems(officer))

    print(f"T4: {len(found)} pages in {time.monotonic() - started:.1f} s")
    assert {path: wrong for path, (_, wrong) in found.items() if wrong} == {}
    request_page = reverse("admin:rights_ticket_change", args=[ticket])
    assert found[request_page][0] == 200 and found["/admin/emalu/page/add/"][0] == 200
    # The rest answer 200 but the add forms of append-only rows (403): the pages were there.
    assert {status for status, _ in found.values()} == {200, 403}
    assert sum(status == 200 for status, _ in found.values()) > 30
