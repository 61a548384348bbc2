"""The staff side in a real browser (Debian's headless Chromium): the two-factor enrolment a new
staff member meets, and the desk an officer works at 1280 px."""

import io
import re
import urllib.parse

import pytest
from PIL import Image

from tests.live import gunicorn, live_database, shell

# No django_db mark: Playwright runs an event loop in this thread and the ORM refuses to run
# beside one. Set-up goes through `manage.py shell` against the served site's database.
pytestmark = [pytest.mark.live, pytest.mark.browser]
KEY = "3132333435363738393031323334353637383930"  # the officer's TOTP secret (hex)
SETUP = f"""
import datetime
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice
from consent.common.dates import local_today
from consent.core.audit import audit
from consent.core.models import AuditEvent, Subject
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_create
u = User.objects.create_superuser("desk", "desk@example.kz", "desk-officer-pass-123")
TOTPDevice.objects.create(user=u, name="phone", key="{KEY}", confirmed=True)
User.objects.create_user("newbie", "newbie@example.kz", "newbie-pass-123456", is_staff=True)
today = local_today()
long_login = User.objects.create_user("nurmukhamedova.aigerim.kairatkyzy", is_staff=True)
for n, (days, kind) in enumerate([(-3, "destroy"), (0, "correct"), (9, "automated_objection")]):
    s = Subject.objects.create(full_name=f"Әсел Қасымова-Сейітжанова {{n}}",
                               email=f"person{{n}}@example.kz", language="kk")
    t = ticket_create(kind=kind, subject=s, email=s.email, language="kk", channel="email",
                      notify=False, status=Ticket.Status.OPEN)
    Ticket.objects.filter(pk=t.pk).update(due_date=today + datetime.timedelta(days=days),
                                          assignee=long_login if n == 2 else None)
ticket_create(kind="access", subject=s, email=s.email, language="kk", notify=False,
              channel=Ticket.Channel.SELF_SERVICE, status=Ticket.Status.DONE)
for kind, status in [("block", Ticket.Status.REFUSED), ("access", Ticket.Status.DONE)]:
    t = ticket_create(kind=kind, subject=s, email=s.email, language="kk", notify=False,
                      channel="email", status=status,
                      verified_at=datetime.datetime.now(datetime.UTC))
# The access answer mailed (access.ticket_answer_access records its export): one to send again.
audit(AuditEvent.Action.SUBJECT_EXPORT, subject=s, obj=t)
# An audit log of ten pages, each of whose numbers its paginator lists (Django's, to ten).
from consent.core.audit import audit_row, audit_rows
audit_rows([audit_row(AuditEvent.Action.SUBJECT_VIEW, subject=s) for _ in range(920)])
# A name typed without spaces, and a breach told late: the people's list and the register.
Subject.objects.create(full_name="Қасымова" * 12, email="long@example.kz")
from consent.rights.breaches import breach_record
from consent.rights.models import Breach
now = datetime.datetime.now(datetime.UTC)
breach_record(Breach(detected_at=now - datetime.timedelta(days=9), description="Ноутбук жоғалды",
                     people_affected=3, regulator_notified_at=now, subjects_notified=True,
                     subjects_notified_at=now))
# The content editor's services, as the demo's: their list has seven columns.
from emalu.models import Service
for n in (1, 2, 3):
    Service.objects.create(slug=f"service-{{n}}", order=n, title_kk=f"Демо: {{n}}-қызмет",
                           title_ru=f"Демо: услуга {{n}}", is_published=True, is_demo=True)
"""


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("desk")) as (port, server),
    ):
        shell(SETUP, server.env)
        yield f"http://127.0.0.1:{port}"


def new_page(browser, lang, width=1280, **options):
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        extra_http_headers={"Accept-Language": lang},
        **options,
    )
    return context.new_page()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_new_staff_member_scans_the_enrolment_code(site, browser, lang):
    import zxingcpp

    page = new_page(browser, lang)
    page.goto(site + "/admin/login/")
    with page.expect_navigation():  # count() below does not wait for the next page
        page.click("a[href$='/admin/enrol/']")  # the login page leads to the enrolment
    assert page.locator("#header").count() == 1  # the admin's look, not the public site's
    assert page.locator(".site-header, .cookie-banner").count() == 0
    box = page.locator("#id_password").bounding_box()
    row = page.locator("#id_password").locator("xpath=..").bounding_box()
    assert box["width"] >= 0.8 * row["width"]  # the password box is the form's width
    page.fill("#id_username", "newbie")
    page.fill("#id_password", "newbie-pass-123456")
    page.locator("#id_password").press("Enter")
    page.wait_for_selector(".qr")

    shot = page.locator(".qr").screenshot()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)).convert("L"))
    assert len(found) == 1, "no readable QR code on the enrolment page"
    uri = found[0].text
    key = page.locator("code.secret").inner_text()
    assert uri.startswith("otpauth://totp/")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(uri).query)["secret"] == [key]
    page.context.close()


@pytest.fixture(scope="module")
def officer(site, browser):
    """The officer's signed-in session, once: a TOTP code works once, so a second sign-in in
    the same 30 seconds would be refused."""
    from django_otp.oath import totp

    page = new_page(browser, "kk")
    page.goto(site + "/admin/login/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", "desk-officer-pass-123")
    page.fill("#id_otp_token", f"{totp(bytes.fromhex(KEY)):06d}")
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(site + "/admin/")
    state = page.context.storage_state()
    page.context.close()
    return state


DUE = {"kk": ("мерзімі өткен", "бүгін"), "ru": ("просрочен", "сегодня")}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_desk_shows_the_due_date_without_scrolling_at_1280(site, browser, officer, lang):
    page = new_page(browser, lang, storage_state=officer)
    page.goto(site + "/admin/rights/ticket/")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 3  # the self-service download done at once is not in the open list
    width = page.evaluate("innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The table scrolls inside its own box, beside the menu and the filters: nothing may be
    # hidden there either.
    results = page.locator("#changelist .results")
    assert results.evaluate("(box) => box.scrollWidth <= box.clientWidth")
    right = results.bounding_box()["x"] + results.bounding_box()["width"]
    for i in range(3):
        cell = rows.nth(i).locator("td.field-due").bounding_box()
        assert cell["x"] + cell["width"] <= min(width, right)
    text = page.locator("#result_list tbody").inner_text()
    assert "Әсел Қасымова-Сейітжанова 0" in text  # the person, by name
    font = page.evaluate("""async () => { await document.fonts.ready;
        return [getComputedStyle(document.body).fontFamily,
                [...document.fonts].some((f) => f.family.replaceAll('"', "") === "Noto Sans"
                                                && f.status === "loaded")]; }""")
    assert font[0].startswith('"Noto Sans"') and font[1]  # the site's font, served here
    overdue, today = DUE[lang]
    assert re.search(overdue, rows.nth(0).inner_text(), re.I)
    assert re.search(today, rows.nth(1).inner_text(), re.I)
    page.context.close()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_list_fits_beside_the_menu_and_the_filters_at_1280(site, browser, officer, lang):
    """With the side menu open, a list of the desk's beside its filters has some 630 px: the
    breach register's last column was cut off in Russian (two headers of «уполномоченный
    орган»), and a name typed without spaces made the people's list 4,700 px wide."""
    page = new_page(browser, lang, storage_state=officer)
    page.goto(site + "/admin/")
    lists = page.locator("#content-main tr[class^='model-'] th a").all()
    desk = ("/admin/rights/", "/admin/consent/", "/admin/cookies/", "/admin/workdays/")
    lists = sorted(
        {a.get_attribute("href") for a in lists if a.get_attribute("href").startswith(desk)}
    )
    shown = []
    for url in lists:
        page.goto(site + url)
        results = page.locator("#changelist .results")
        if results.count() and page.locator("#result_list tbody tr").count():
            shown.append(url)
            assert page.locator("#nav-sidebar").is_visible()  # the menu open, as it opens
            fits = results.evaluate("(box) => box.scrollWidth <= box.clientWidth")
            assert fits and page.evaluate("document.documentElement.scrollWidth <= innerWidth"), url
    assert {"/admin/rights/breach/", "/admin/consent/subject/"} <= set(shown)
    page.context.close()


# What sticks out of a 360 px screen on the page in view, in one round trip: the page's own width
# and each element of `selector` (what it says) that lies outside 0..360 px across, or whose
# text spills over its box when `spilled`.
OFF_SCREEN = """([selector, spilled]) => [
  [document.documentElement.scrollWidth],
  ...[...document.querySelectorAll(selector)].filter(e => {
    const r = e.getBoundingClientRect();
    return r.left < 0 || r.right > 360 || (spilled && e.scrollWidth > e.clientWidth);
  }).map(e => e.innerText.trim().slice(0, 80)),
]"""


def off_screen(page, selector, spilled=False):
    """The page's width, and what of `selector` a 360 px phone cannot show (OFF_SCREEN)."""
    (width,), *outside = page.evaluate(OFF_SCREEN, [selector, spilled])
    return width, outside


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_desk_works_on_a_phone(site, browser, officer, lang):
    """At 360 px: the lists and every request's page (its panel, "send the answer again",
    "reopen") never push the page sideways, and every button is on the screen. The forms
    below the request were squeezed beside it and pushed a phone's page 60 px sideways; the
    list scrolled sideways in its own box, its status and due date off screen."""
    page = new_page(browser, lang, width=360, storage_state=officer)
    page.goto(site + "/admin/rights/ticket/?due=all")
    links = page.locator("#result_list tbody tr th a")
    urls = [links.nth(n).get_attribute("href") for n in range(links.count())]
    assert len(urls) == 6
    seen = set()
    for url in ["/admin/rights/ticket/", "/admin/rights/ticket/?due=all", *urls]:
        page.goto(site + url)
        # the status and due date of each row, whatever form comes after the request, its buttons
        width, outside = off_screen(
            page,
            "#result_list td.field-status_shown, #result_list td.field-due,"
            " #content-main ~ form, #content form button",
        )
        assert width <= 360 and not outside, (url, width, outside)
        seen |= {f for f in ("#desk-panel", "#resend-answer", "#reopen-panel", "#assign-panel")
                 if page.locator(f).count()}  # fmt: skip
    assert seen == {"#desk-panel", "#resend-answer", "#reopen-panel", "#assign-panel"}
    # Every other change list the index links (people, breaches, letters set aside, phrases,
    # the outbox, the audit log, the calendar, campaigns...): one card a row, none sideways,
    # none spilling over its neighbour (a date that would not wrap did).
    page.goto(site + "/admin/")
    lists = page.locator("#content-main tr[class^='model-'] th a").all()
    lists = sorted({a.get_attribute("href") for a in lists} - {"/admin/rights/ticket/"})
    assert len(lists) >= 8
    for url in lists:
        page.goto(site + url)
        width, outside = off_screen(page, "#result_list tbody tr > :is(th, td)", spilled=True)
        assert width <= 360 and not outside, (url, width, outside)
    page.context.close()


# What of the page is cut off, in one round trip: an element of the page (not one hidden for
# screen readers only) that reaches past the window's right edge or past the box that clips it,
# and a box that clips or scrolls its content sideways. Every <details> opened first.
CUT_OFF = r"""() => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const clips = (e) => getComputedStyle(e).overflowX !== 'visible';
  const named = (e) => `${e.tagName.toLowerCase()}.${e.className} «${
    (e.innerText || '').trim().slice(0, 40)}»`;
  const out = [];
  if (document.documentElement.scrollWidth > innerWidth) out.push('the page scrolls sideways');
  for (const e of document.querySelectorAll('#container *')) {
    const r = e.getBoundingClientRect();
    if (!r.width || e.closest('.visually-hidden')) continue;
    if (clips(e) && e.scrollWidth > e.clientWidth + 1) out.push(`${named(e)} scrolls sideways`);
    let box = e.parentElement;
    while (box && box !== document.body && !clips(box)) box = box.parentElement;
    const edge = box && box !== document.body ? box.getBoundingClientRect().right : innerWidth;
    if (r.right > edge + 0.5) out.push(`${named(e)} past the right edge`);
  }
  // A word of a list's or a chart's table broken over two lines, «ПОР|ЯДО|К», «2|026», «Қаз|ақ|ша»,
  // «R-|1»: each run of letters or digits (a request's number, «R-1», one) that the browser drew
  // on more than one line. On a desktop one wider than its cell may ever be (its max-width: a
  // name or a login typed without spaces, a long address) breaks where it must; on a phone one
  // in a string of more than any word a language has may break anywhere, as may a machine's.
  // A desktop's list too wide for its box with its words whole (static/js/admin-lists.js marks
  // it `squeezed`) breaks them where it must.
  const desktop = innerWidth >= 768;
  const measure = document.createElement('canvas').getContext('2d');
  for (const cell of document.querySelectorAll(
    '#result_list :is(th, td), table.chart-data :is(th, td)')) {
    if (desktop && cell.closest('#result_list.squeezed tbody')) continue;
    const widest = parseFloat(getComputedStyle(cell).maxWidth) || Infinity;  // 'none': no limit
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      measure.font = getComputedStyle(node.parentElement).font;
      for (const m of node.data.matchAll(/[\p{L}\p{N}]+(?:-\p{N}+)*/gu)) {
        const token = node.data.slice(0, m.index).split(/[ \t\n]/).pop()
          + node.data.slice(m.index).split(/[ \t\n]/)[0];  // unbreakable: nbsp joins
        if (desktop ? measure.measureText(token).width > widest
          : token.length > 30 || /[/@]|^\d+(\.\d+){3}$/.test(token)) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((q) => Math.round(q.top)));
        if (lines.size > 1) out.push(`«${m[0]}» broken over ${lines.size} lines`);
      }
    }
  }
  return out.slice(0, 5);
}"""


FONT_IN = """async () => {
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_nothing_on_the_index_or_a_list_is_cut_off(site, browser, officer, lang, width):
    """Every list the index links, the content editor's too, and the index with its charts'
    numbers, at a desktop's 1280 px and a phone's 390 px: nothing past an edge, no word broken
    mid-word, in a cell as in a header (on the desktop every cell broke its words anywhere, the
    people's «Қаз|ақ|ша», the requests' «R-|1», an address). The services list, seven columns in
    Russian, scrolled sideways in its box at 1280 and broke «ПОРЯДОК» and «2026» mid-word; on a
    phone the numbers under the charts broke anywhere, «30.11» as «30 .1 1», and, kept whole,
    ran past the screen's edge, «Закрыто, ответ не дан» cut off."""
    page = new_page(browser, lang, width=width, storage_state=officer)
    page.goto(site + "/admin/")
    lists = page.locator("#content-main tr[class^='model-'] th a").all()
    lists = sorted({a.get_attribute("href") for a in lists})
    assert "/admin/emalu/service/" in lists and page.locator(".work-charts").count() == 1
    squeezed = []
    for url in ["/admin/", *lists]:
        page.goto(site + url)
        # Measured as a reader sees it: with the site's font in and the list fitted to it
        # (static/js/admin-lists.js fits again once the font is in, before this resolves); a
        # loaded machine measured some lists still in the fallback font's widths.
        page.evaluate(FONT_IN)
        assert not page.evaluate(CUT_OFF), (url, page.evaluate(CUT_OFF))
        if page.locator("#result_list.squeezed").count():
            squeezed.append(url)
    # The people's and the requests' lists keep their words whole beside the menu and filters.
    assert not {"/admin/consent/subject/", "/admin/rights/ticket/"} & set(squeezed), squeezed
    page.context.close()
