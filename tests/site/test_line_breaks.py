"""Where the lines of a page and of a mail end on a phone, in a real browser on the served site
(production settings: its address, https://emaluplus-vko.kz, is in every mail's links): no
address shown as text ends a line at its hyphen, no short number begins a line alone after the
noun whose phrase it ends (tests/site/line_breaks.py measures what the page shows).

Every width from 195 px (a 390 px phone at 200 % zoom) to 600 px, 3 px apart: where a line ends
depends on the width to the pixel, and the public walk's four widths (test_no_sideways_scroll.py)
meet a given word at a line's end only by chance. The pages whose own words have them: the
services (the demo's «услуги 1.», «Демо: услуга 1»), the policy («https://emaluplus-vko.kz/»),
the form under which the consent texts and the policy's version stand, the home page (the
site's address)."""

import re

import pytest

from tests.live import gunicorn, live_database, query, shell
from tests.pages import open_tab, submit
from tests.site.line_breaks import BAD_BREAKS

pytestmark = [pytest.mark.live, pytest.mark.browser]

WIDTHS = range(195, 601, 3)
PAGES = ["/", "/services/", "/services/demo-1/", "/privacy/1/", "/contact/"]
# The holds taken out of what the page shows: the same text as the browser breaks it by itself.
UNHELD = """() => document.querySelectorAll('span.one-line, span[style="white-space:nowrap"]')
  .forEach(s => s.replaceWith(...s.childNodes))"""


# A parent named on a child's form, not yet confirmed by the child: asking for a link to their
# data, they are mailed the address of the request page to ask for it (email/self_service_unknown).
GUARDIANS = """
from consent.core.models import Guardian, Subject
for lang in ("kk", "ru"):
    kid = Subject.objects.create(full_name="Айгерім Серікқызы", email=f"kid-{lang}@example.kz")
    Guardian.objects.create(subject=kid, full_name="Гүлнар Серікова",
                            contact=f"parent-{lang}@example.kz", pending=True)
"""


# The site's own address in its mails, as production writes it: https://emaluplus-vko.kz/….
ENV = {"FORM_MIN_FILL_SECONDS": "0", "SITE_URL": "https://emaluplus-vko.kz",
       "ALLOWED_HOSTS": "127.0.0.1,emaluplus-vko.kz"}  # fmt: skip


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("lines"), **ENV) as (port, server),
    ):
        shell(GUARDIANS, server.env)
        yield f"http://127.0.0.1:{port}", url


@pytest.fixture
def page(browser):
    page = open_tab(browser)
    yield page
    page.context.close()


# The bad breaks in view and the page's width, read together.
MEASURE = f"() => [({BAD_BREAKS})(), document.documentElement.scrollWidth]"


def bad_breaks(page, until=None):
    """Each bad break met at any width, with the first width it was met at; and the first width
    the page was wider than (what is held on one line still fits, or breaks where it must).
    With `until`, the widths stop at the first where a break saying it is met: a test that asks
    whether the measure sees one at any width needs none after."""
    found = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        breaks, wide = page.evaluate(MEASURE)  # one call a width: each is a round trip
        for bad in breaks:
            found.setdefault(bad, width)
        if wide > width:  # held, yet it fits
            found.setdefault("wider than the window", width)
        if until and any(until in bad for bad in breaks):
            break
    return [f"at {width} px: {bad}" for bad, width in found.items()]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_page_ends_a_line_where_a_reader_misreads_it(site, page, lang):
    """«услуги» ended one line and «1.» began the next, read as a list's numbering; and
    «https://emaluplus-» one, read as a word hyphenated, the address typed from it nobody's."""
    base, _ = site
    for path in PAGES:
        page.goto(f"{base}/{lang}{path}")
        assert bad_breaks(page) == [], path
    assert page.problems == []


def test_the_measure_sees_what_the_holds_prevent(site, page):
    """The pages above do meet such breaks when nothing holds them: the test above would fail."""
    base, _ = site
    for path, seen in [("/ru/services/", "before a number"), ("/kk/privacy/1/", "hyphen")]:
        page.goto(f"{base}{path}")
        page.evaluate(UNHELD)
        assert any(seen in bad for bad in bad_breaks(page, until=seen)), path


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_mail_ends_a_line_at_a_hyphen_of_the_link_it_shows(site, page, lang):
    """The link a mail shows as text (here the request page's, to a parent who asked for a link
    to their data): the same on a phone's mail reader, with the hold in the mail itself, as no
    style sheet comes with it."""
    base, url = site
    email = f"parent-{lang}@example.kz"
    page.goto(f"{base}/{lang}/my-data/")
    page.fill("#id_email", email)
    submit(page)
    [(html,)] = query(url, f"SELECT html_message FROM post_office_email WHERE \"to\" = '{email}'")
    assert "https://emaluplus-vko.kz/" in re.sub(r"</?span[^>]*>", "", html)
    page.goto("about:blank")  # not under the site's CSP, which refuses a mail's own styles
    page.set_content(html)
    assert bad_breaks(page) == []
    page.evaluate(UNHELD)
    assert any("hyphen" in bad for bad in bad_breaks(page, until="hyphen"))
