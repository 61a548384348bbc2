"""The newcomer journey in one browser session, on the served site, with real mail.

A visitor opens the site, switches language, reads the policy, applies with consents, gets the
acknowledgement by SMTP, confirms the newsletter, unsubscribes in one click, files a withdrawal and
confirms it; a privacy officer signs in with a password and a TOTP code, finds the ticket with its
due date, answers it, and sees the ledger and audit rows it left.
"""

import re
import subprocess

import pytest

from tests import live
from tests.live import PYTHON, ROOT, free_port, gunicorn, live_database, smtp_relay
from tests.pages import open_tab

pytestmark = [pytest.mark.live, pytest.mark.browser]
KEY = "3132333435363738393031323334353637383930"  # the officer's TOTP secret (hex)

SETUP = f"""
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
u = User.objects.create_user("dana", "dana@example.kz", "officer-pass-123456", is_staff=True)
u.groups.add(Group.objects.get(name="privacy_officer"))
TOTPDevice.objects.create(user=u, name="phone", key="{KEY}", confirmed=True)
from emalu.models import Service
Service.objects.create(slug="consult", is_published=True, title_kk="Кеңес", title_ru="Консультация",
                       summary_kk="Қысқаша", summary_ru="Кратко", body_kk="Мәтін", body_ru="Текст")
"""
CAMPAIGN = """
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
c = Campaign.objects.create(title="t", subject_line_kk="Жаңалықтар", body_kk="Қараша жаңалықтары")
print(campaign_send(c))
"""


class Inbox(live.Inbox):
    def text(self, message):
        part = message.get_payload()[0] if message.is_multipart() else message
        return part.get_payload(decode=True).decode()

    def link(self, to, pattern):
        for message in reversed(self.messages):
            if message["To"] == to and (m := re.search(pattern, self.text(message))):
                return m.group(0)
        raise AssertionError(f"no {pattern} in mail to {to}")


@pytest.fixture
def world(django_db_blocker, tmp_path):
    smtp_port = free_port()
    env = {"FORM_MIN_FILL_SECONDS": "0", "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}"}
    with (
        smtp_relay(Inbox(), port=smtp_port) as (inbox, _),
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path, **env) as (port, server),
    ):
        manage_env = server.env  # the served site's settings: keys, hashers, mail

        def manage(*args):
            command = [PYTHON, "manage.py", *args]
            done = subprocess.run(command, cwd=ROOT, env=manage_env, check=True,
                                  capture_output=True, text=True)  # fmt: skip
            return done.stdout

        manage("shell", "-c", SETUP)
        yield f"http://127.0.0.1:{port}", inbox, manage


def totp_now():
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(KEY)):06d}"


def test_newcomer_journey(world, browser):
    base, inbox, manage = world
    page = open_tab(browser)  # its CSP violations and console errors are checked at the end

    page.goto(base + "/")
    assert page.url.endswith("/kk/")
    with page.expect_navigation():  # page.url is the old page's until the next one commits
        page.click("a[hreflang=ru]")
    assert page.url.endswith("/ru/")
    with page.expect_navigation():
        page.click("a[hreflang=kk]")
    assert page.url.endswith("/kk/")
    page.click("footer a[href='/kk/privacy/']")
    assert "Жеке деректерді өңдеуге қатысты саясат" in page.inner_text("h1")

    page.click("nav a[href='/kk/services/']")
    page.click("main a[href='/kk/services/consult/']")
    page.click("main a[href='/kk/apply/?service=consult']")
    assert page.is_checked("input[name=service][value=consult]")  # chosen on the service's page
    page.fill("#id_full_name", "Жаңа Келуші")
    page.fill("#id_email", "newcomer@example.kz")
    page.fill("#id_phone", "8 701 555 44 33")
    page.fill("#id_birth_date", "1995-04-01")
    page.fill("#id_birth_place", "Өскемен")
    page.check("#id_consent_service")
    page.check("#id_consent_marketing")
    page.click("main button[type=submit]")
    page.wait_for_url("**/kk/apply/thanks/")

    manage("send_queued_mail", "--processes", "1")
    ack = next(m for m in inbox.messages if m["To"] == "newcomer@example.kz")
    assert "Сәлеметсіз бе" in inbox.text(ack)
    page.goto(inbox.link("newcomer@example.kz", r"http://\S+/newsletter/confirm/\S+/"))
    with page.expect_navigation():  # count() and content() do not wait for the answer
        page.click("main button[type=submit]")
    assert page.locator("h1").count() == 1 and "<form" not in page.content().split("<main")[1]

    assert manage("shell", "-v", "0", "-c", CAMPAIGN).strip() == "1"
    manage("send_queued_mail", "--processes", "1")
    page.goto(inbox.link("newcomer@example.kz", r"http://\S+/unsubscribe/\S+/"))
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "<form" not in page.content().split("<main")[1]

    page.goto(base + "/kk/requests/new/")
    page.check("input[name=type][value=withdraw]")
    page.fill("#id_email", "newcomer@example.kz")
    page.click("main button[type=submit]")
    page.wait_for_url("**/kk/request/thanks/")
    manage("send_queued_mail", "--processes", "1")
    page.goto(inbox.link("newcomer@example.kz", r"http://\S+/requests/confirm/\S+/"))
    with page.expect_navigation():  # confirmed before the officer looks for the ticket
        page.click("main button[type=submit]")

    officer = open_tab(browser)
    officer.goto(base + "/admin/login/")
    officer.fill("#id_username", "dana")
    officer.fill("#id_password", "officer-pass-123456")
    officer.fill("#id_otp_token", totp_now())
    officer.click("input[type=submit], button[type=submit]")
    officer.wait_for_url(base + "/admin/")
    assert officer.locator("#desk-summary").is_visible()
    officer.goto(base + "/admin/rights/ticket/?due=open")
    row = officer.locator("#result_list tbody tr").first
    assert "R-" in row.inner_text() and re.search(r"\d\d\.\d\d\.\d{4}", row.inner_text())
    row.locator("a").first.click()
    officer.fill("textarea[name=reason]", "Art. 8(2): the application is not yet answered.")
    with officer.expect_navigation():
        officer.click("button[name=desk_action][value=refuse]")
    officer.goto(base + "/admin/consent/ledgerentry/")
    ledger = officer.inner_text("#result_list")
    assert "withdraw" in ledger or "кері" in ledger
    officer.goto(base + "/admin/consent/auditevent/")
    audit = officer.inner_text("#result_list")
    assert "request_close" in audit or "өтініш" in audit.lower()
    manage("send_queued_mail", "--processes", "1")
    refusal = [m for m in inbox.messages if m["To"] == "newcomer@example.kz"][-1]
    assert "Art. 8(2)" in inbox.text(refusal)
    # Chromium logs every CSP violation as a console error too: none on any page of the journey.
    assert page.problems == [] and officer.problems == []
