"""Issue 18 item 2: no public page scrolls sideways at 195, 320, 390 or 768 px, in kk or ru (195
px is a 390 px phone at 200 % zoom, WCAG 1.4.10's reflow), nor on a 360 px phone set to its
largest text (200 %, WCAG 1.4.4); and
compliance T4 for the public side: no page meets a CSP violation or logs a console error.

Every page a visitor can meet is visited in headless Chromium on the served site, once a language
for both checks: each page of
the URLconf's language-prefixed patterns (the list comes from the URLconf, so a new page cannot
be forgotten: `test_every_public_pattern_is_visited_or_declared_no_page` fails until it is
added), the states that only a post shows (a form with errors, the rate limit, thank-you pages,
a 404) and the pages behind emailed links, opened from the mails the site queued
(tests/pages.py walks them all).

On each of them too: headings go down one level at a time (a screen reader's list of headings
has no gap), the window's title names what the page's heading says (the first thing a screen
reader reads of a new page), and the language switch leads to the same page in the other
language.
"""

import json
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.translation import gettext

from tests.live import gunicorn, live_database, shared, shell
from tests.pages import SETUP, problems, walk
from tests.site.line_breaks import BAD_BREAKS, LINKS_RUN_TOGETHER, SPACE_LOST

WIDTHS = (195, 320, 390, 768)
# A 360 px phone with the system's largest text (Android's 200 %): the text doubles, the window
# does not. A button's word, «Деректерімді ашу», and a legend pushed the page sideways.
LARGE_TEXT = 360
LANGS = ("kk", "ru")
OTHER = {"kk": "ru", "ru": "kk"}

# Patterns outside the language prefix are no visitor's page: machine endpoints and the staff side.
NOT_PUBLIC = {
    "healthz",
    "metrics",
    "robots",
    "favicon",
    "sitemap",
    "cookie_choice",
    "analytics_config",
    "staff_enrol",
}
# Language-prefixed patterns that answer a post with a redirect or a file, never a page of their
# own; the page they lead to is visited.
NOT_PAGES = {
    "my_data_consent": "redirects to my_data",
    "my_data_parent": "redirects to my_data",
    "my_data_export": "a PDF or JSON download",
    "my_data_leave": "redirects to my_data",
    "my_data_language": "redirects to my_data",
    "my_data_children_withdraw": "redirects to my_data_children",
    "my_data_children_export": "a PDF or JSON download",
    "my_data_children_request": "redirects to my_data_children",
}


def public_pattern_names():
    """(names under the language prefix, names outside it), from the URLconf."""
    prefixed, other = set(), set()
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            prefixed |= {p.name for p in pattern.url_patterns}
        elif isinstance(pattern, URLResolver):
            other.add(pattern.app_name or str(pattern.pattern))  # the admin
        else:
            other.add(pattern.name)
    return prefixed, other


def test_every_public_pattern_is_visited_or_declared_no_page():
    prefixed, other = public_pattern_names()
    assert other - {"admin"} == NOT_PUBLIC, "a pattern outside the language prefix: a page?"
    assert set(NOT_PAGES) <= prefixed
    # The browser test below records what it visited; here, what it must visit.
    missing = sorted(prefixed - set(NOT_PAGES) ^ MUST_VISIT)
    assert not missing, (
        "a public URL pattern is not visited by test_no_page_scrolls_sideways: add it to "
        f"MUST_VISIT and a visit to tests/pages.py: {missing}"
    )


MUST_VISIT = {
    "home", "about", "services", "service", "contacts", "privacy", "privacy_version",
    "contact_form", "application_form", "newsletter_form", "form_thanks", "marketing_confirm",
    "request_new", "unsubscribe", "unsubscribed", "cookie_settings", "my_data", "self_service_open",
    "my_data_request", "request_verify", "form_consent_confirm", "my_data_children",
}  # fmt: skip


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    """The served site with the mails of SETUP queued, and a second one that rate-limits every
    post (FORM_RATE_LIMIT 0/60), for the refusal page."""
    env = {"FORM_MIN_FILL_SECONDS": "0", "FORM_RATE_LIMIT": "1000/60"}
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("wide"), **env) as (port, server),
        gunicorn(url, tmp_path_factory.mktemp("strict"),
                 FORM_RATE_LIMIT="0/60") as (strict_port, _),
    ):  # fmt: skip
        links = json.loads(shell(SETUP, server.env))
        yield f"http://127.0.0.1:{port}", f"http://127.0.0.1:{strict_port}", links


WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
  .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
  + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')"""


# Visible headings going down more than one level (h1 then h3): "h1 h3" for each.
SKIPPED_HEADINGS = """() => {
  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.getClientRects().length).map(h => +h.tagName[1]);
  return levels.slice(1).map((level, i) => [levels[i], level]).filter(([a, b]) => b > a + 1)
    .map(([a, b]) => `h${a} h${b}`);
}"""


# Where the skip link is before and on focus, in the document's coordinates: hidden wholly above
# the page, then wholly in view (WCAG 2.4.1, 2.4.7). Focus goes back where it was.
SKIP_LINK = """() => {
  const a = document.querySelector('.skip-link'), was = document.activeElement;
  const place = () => { const r = a.getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right}; };
  const hidden = place();
  a.focus({preventScroll: true});
  const shown = place();
  a.blur();
  if (was && was !== document.body) was.focus({preventScroll: true});
  const width = document.documentElement.clientWidth;
  const wrong = [];
  if (hidden.bottom > 0) wrong.push(`${Math.round(hidden.bottom)} px of it show before focus`);
  if (shown.top < 0 || shown.left < 0 || shown.right > width)
    wrong.push(`on focus at ${Math.round(shown.left)}..${Math.round(shown.right)} px ` +
               `across, ${Math.round(shown.top)} px down, in a ${width} px page`);
  return wrong.join('; ');
}"""


# Controls whose words are cut at their box's edge, which no scroll of the page brings into view:
# a file box wider inside than out («Choose File IM», the name of the photo attached cut off) and a
# list box whose chosen line is wider than the box (a closed list box never wraps). A field that
# scrolls what was typed in it (a text box) is not counted: its words are the visitor's to scroll;
# nor a file box out of sight, whose button and file name the page writes (static/js/file-field.js).
CLIPPED = """() => {
  const ink = document.createElement('canvas').getContext('2d');
  return [...document.querySelectorAll('main input[type=file], main select, main button')]
    .filter(e => e.getClientRects().length && !e.matches('.file-enhanced')).filter(e => {
      if (e.scrollWidth > e.clientWidth + 1) return true;
      if (e.tagName !== 'SELECT' || !e.selectedOptions.length) return false;
      const style = getComputedStyle(e);
      ink.font = style.font;
      const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return ink.measureText(e.selectedOptions[0].text).width > room;
    }).map(e => `${e.tagName.toLowerCase()}#${e.id || e.name}`);
}"""

# Pages whose title is not their heading: the home page is titled with the company's name, the
# privacy policy with its name in the glossary (its heading is the document's own title).
TITLED_OTHERWISE = {"home", "privacy", "privacy-v1"}


class Visits:
    """Measures the page in view at every width; keeps what overflowed, what was seen and what
    went wrong on each page (CSP violations, console errors, skipped heading levels, a language
    switch that leads elsewhere)."""

    def __init__(self):
        self.overflows, self.seen, self.problems = [], set(), {}
        self.headings, self.switches, self.titles, self.skip_links = {}, {}, {}, []
        self.clipped, self.spaces, self.breaks = [], [], []

    def check(self, page, what):
        if found := problems(page):
            self.problems[f"{what} ({page.url})"] = found
        assert page.locator("h1").count() >= 1, f"{what}: no page at {page.url}"
        if skipped := page.evaluate(SKIPPED_HEADINGS):
            self.headings[f"{what} ({page.url})"] = skipped
        heading = page.locator("h1").first.inner_text().strip()
        title = page.title()
        if page.locator(".error-summary").count():  # a form sent back with errors says so first
            with translation.override(urlsplit(page.url).path.split("/")[1]):
                title = title.removeprefix(f"{gettext('Error:')} ")
        if what not in TITLED_OTHERWISE and not title.startswith(heading):
            self.titles[f"{what} ({page.url})"] = f"{page.title()!r} for {heading!r}"
        if wrong := self.switch_problem(page):
            self.switches[f"{what} ({page.url})"] = wrong
        path = urlsplit(page.url).path
        try:
            with translation.override(path.split("/")[1]):  # the prefix resolves in its language
                self.seen.add(resolve(path).url_name)
        except Resolver404:
            self.seen.add("404")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 740})
            scroll, inner = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            if scroll > inner:
                self.overflows.append(f"{what} ({page.url}) at {width}px: {scroll}px wide, "
                                      f"{page.evaluate(WIDEST)}")  # fmt: skip
            if wrong := page.evaluate(SKIP_LINK):
                self.skip_links.append(f"{what} ({page.url}) at {width}px: {wrong}")
            if lost := page.evaluate(SPACE_LOST):
                self.spaces.append(f"{what} ({page.url}) at {width}px: {lost}")
            if bad := page.evaluate(BAD_BREAKS) + page.evaluate(LINKS_RUN_TOGETHER):
                self.breaks.append(f"{what} ({page.url}) at {width}px: {bad}")
        page.set_viewport_size({"width": LARGE_TEXT, "height": 740})
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > LARGE_TEXT:
            self.overflows.append(f"{what} ({page.url}) at {LARGE_TEXT}px, 200 % text: "
                                  f"{scroll}px wide, {page.evaluate(WIDEST)}")  # fmt: skip
        if clipped := page.evaluate(CLIPPED):
            self.clipped.append(f"{what} ({page.url}): {clipped}")
        page.evaluate("document.documentElement.style.fontSize = ''")

    @staticmethod
    def switch_problem(page):
        """What is wrong with the page's language switch, or None: it must name this page's
        address under the other language's prefix, query included, and open a page in that
        language (GET, as the link does, with the visitor's cookies)."""
        here = urlsplit(page.url)
        lang = here.path.split("/")[1]
        other = OTHER[lang]
        # A link, or on a form page the button that posts the form there (same address).
        switch = page.locator(f'nav.lang a[hreflang="{other}"], nav.lang button[value="{other}"]')
        href = switch.get_attribute("href") or switch.get_attribute("formaction")
        expected = f"/{other}/" + here.path.removeprefix(f"/{lang}/")
        expected += f"?{here.query}" if here.query else ""
        # A link names the choice it makes (emalu/language.py), answered by the page's address.
        chosen = f"switch_language={other}"
        shown = href.replace(f"?{chosen}", "").replace(f"&{chosen}", "")
        if shown != expected:
            return f"links to {shown}, not {expected}"
        answer = page.request.get(urljoin(page.url, href))
        html = answer.text()
        if f'<html lang="{other}">' not in html or "<h1" not in html:
            return f"{href} answered {answer.status} with no page in {other}"
        return None


@pytest.fixture(scope="module", params=LANGS)
def walked(request):
    """What the walk of the public site in one language found, made once for the whole run and
    every check (the workers that run this module's tests read it; only the one that makes it
    starts the site and Chromium)."""

    def make():
        base, strict, links = request.getfixturevalue("site")
        visits = Visits()
        walk(request.getfixturevalue("browser"), base, strict, links, request.param, visits.check)
        return {**vars(visits), "seen": sorted(visits.seen)}

    found = shared.made_once(f"public-walk-{request.param}", make)
    return SimpleNamespace(**{**found, "seen": set(found["seen"])})


@pytest.mark.live
@pytest.mark.browser
def test_no_page_scrolls_sideways(walked):
    assert not walked.overflows, "\n".join(walked.overflows)
    assert walked.seen >= MUST_VISIT, sorted(MUST_VISIT - walked.seen)


@pytest.mark.live
@pytest.mark.browser
def test_no_space_is_lost_before_a_number_kept_with_its_ending(walked):
    """«Дербес деректерді өңдеу саясаты,1-нұсқа» under every form: see line_breaks.SPACE_LOST."""
    assert not walked.spaces, "\n".join(walked.spaces)


@pytest.mark.live
@pytest.mark.browser
def test_no_line_ends_where_a_reader_misreads_it(walked):
    """On every state of the public site, at the walk's widths: no address ends a line at its
    hyphen, no short number begins one alone after its noun (tests/site/line_breaks.py; every
    width of the pages whose own words have them: tests/site/test_line_breaks.py), and no link
    of a list wraps onto the next one's row (the footer's, at 320 px)."""
    assert not walked.breaks, "\n".join(walked.breaks)


@pytest.mark.live
@pytest.mark.browser
def test_no_control_cuts_its_words_with_the_largest_text(walked):
    """WCAG 1.4.4 on a 360 px phone with its text at 200 %: the photo's file box showed «Choose
    File N» (no file) or «IM» of the photo's name, and the service's list box «Қызметті таңд»."""
    assert not walked.clipped, "\n".join(walked.clipped)


@pytest.mark.live
@pytest.mark.browser
def test_the_skip_link_shows_only_on_focus_and_then_whole(walked):
    """Hidden by a fixed 3 rem, the skip link's lower lines showed over the page wherever its
    words took two lines or more (a narrow screen, 200 % zoom); on focus it must be in view."""
    assert not walked.skip_links, "\n".join(walked.skip_links)


@pytest.mark.live
@pytest.mark.browser
def test_headings_go_down_one_level_at_a_time(walked):
    """WCAG 1.3.1 as axe's heading-order checks it: the services page listed its services as h3
    straight under its h1."""
    assert walked.headings == {}


@pytest.mark.live
@pytest.mark.browser
def test_the_title_says_what_the_page_says(walked):
    """WCAG 2.4.2: a page reached by an emailed link kept the title of its question after the
    answer ("Confirm your subscription" over "Subscription confirmed", "Unsubscribe" over "You
    are unsubscribed") and over "The link does not work"."""
    assert walked.titles == {}


@pytest.mark.live
@pytest.mark.browser
def test_the_language_switch_keeps_the_visitor_on_the_same_page(walked):
    """On every state: the 404 page's switch led back to itself in the same language, and on the
    self-service page shown again after a refused request (/my-data/request/) it opened an empty
    405 page."""
    assert walked.switches == {}


@pytest.mark.live
@pytest.mark.browser
def test_no_public_page_meets_a_csp_violation_or_a_console_error(walked):
    """T4 on every state of the public site: pages, forms sent with errors, the rate limit,
    thank-you pages, the 404, emailed links and the self-service pages behind them."""
    assert walked.problems == {}
