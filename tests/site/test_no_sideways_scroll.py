"""Issue 18 item 2: no public page scrolls sideways at 320, 390 or 768 px, in kk or ru.

Every page a visitor can meet is visited in headless Chromium on the served site: each page of
the URLconf's language-prefixed patterns (the list comes from the URLconf, so a new page cannot
be forgotten: `test_every_public_pattern_is_visited` fails until it is added here), the states
that only a post shows (a form with errors, the rate limit, thank-you pages, a 404) and the pages
behind emailed links, opened from the mails the site queued.
"""

import json
import subprocess
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from tests.forms.test_browser import browser  # noqa: F401  (fixture)
from tests.live import PYTHON, ROOT, gunicorn, live_database

WIDTHS = (320, 390, 768)
LANGS = ("kk", "ru")

# Patterns outside the language prefix are no visitor's page: machine endpoints and the staff side.
NOT_PUBLIC = {"healthz", "robots", "sitemap", "cookie_choice", "analytics_config", "staff_enrol"}
# Language-prefixed patterns that answer a post with a redirect or a file, never a page of their
# own; the page they lead to is visited.
NOT_PAGES = {
    "my_data_consent": "redirects to my_data",
    "my_data_export": "a PDF or JSON download",
    "my_data_leave": "redirects to home",
}
# What the served site's database holds for the emailed-link pages, and the links it mailed.
SETUP = """
import json, re
from datetime import date
from dateutil.relativedelta import relativedelta
from post_office.models import Email
from consent.common.dates import local_today
from consent.core.ledger import consent_grant
from consent.core.models import Source, Subject
from consent.core.texts import current_text
from consent.marketing.campaigns import unsubscribe_token, unsubscribe_url
from consent.marketing.optin import optin_start
from consent.rights import selfservice
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open

adult = Subject.objects.create(full_name="Әсел Қасымова-Жақсыбекова", email="asel@example.kz",
                               phone="+77011234567", birth_date=date(1990, 5, 17),
                               birth_place="Өскемен")
teen = Subject.objects.create(full_name="Айгерім Серікқызы", email="teen@example.kz",
                              birth_date=local_today() - relativedelta(years=17))
for s in (adult, teen):
    consent_grant(s, current_text("service"), language="kk", source=Source.APPLICATION_FORM)
consent_grant(adult, current_text("marketing"), language="kk", source=Source.NEWSLETTER_FORM)

def mailed(pattern):
    return re.search(pattern, Email.objects.latest("id").message).group(0)

links = {}
for lang in ("kk", "ru"):
    for who in ("asel", "teen"):
        selfservice.link_send(f"{who}@example.kz", lang)
        links[f"open-{who}-{lang}"] = mailed(r"https?://\\S+/my-data/open/\\S+/")
    optin_start(f"news-{lang}@example.kz", "", lang)
    links[f"confirm-{lang}"] = mailed(r"https?://\\S+/newsletter/confirm/\\S+/")
    ticket_open(kind="destroy", email="asel@example.kz", language=lang, channel=Ticket.Channel.WEB)
    links[f"verify-{lang}"] = mailed(r"https?://\\S+/requests/confirm/\\S+/")
    links[f"unsubscribe-{lang}"] = unsubscribe_url(unsubscribe_token(adult.pk, 0), lang)
print(json.dumps(links))
"""


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
    assert prefixed - set(NOT_PAGES) == MUST_VISIT, (
        "a public URL pattern is not visited by test_no_page_scrolls_sideways: add it to "
        f"MUST_VISIT and a visit below: {sorted(prefixed - set(NOT_PAGES) ^ MUST_VISIT)}"
    )


MUST_VISIT = {
    "home", "about", "services", "contacts", "privacy", "privacy_version", "contact_form",
    "application_form", "newsletter_form", "form_thanks", "marketing_confirm", "request_new",
    "unsubscribe", "cookie_settings", "my_data", "self_service_open", "my_data_request",
    "request_verify",
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
        gunicorn(url, tmp_path_factory.mktemp("strict"), workers=1,
                 FORM_RATE_LIMIT="0/60") as (strict_port, _),
    ):  # fmt: skip
        command = [PYTHON, "manage.py", "shell", "-v", "0", "-c", SETUP]
        done = subprocess.run(command, cwd=ROOT, env=server.env, check=True, capture_output=True,
                              text=True)  # fmt: skip
        links = json.loads(done.stdout)
        yield f"http://127.0.0.1:{port}", f"http://127.0.0.1:{strict_port}", links


WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
  .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
  + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')"""


# Posts the consent switch as its button does (under 18 the page offers no button to press).
SWITCH = """give => {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = location.pathname + 'consent/';
  const token = document.querySelector('[name=csrfmiddlewaretoken]').value;
  for (const [name, value] of [['csrfmiddlewaretoken', token], ['purpose', 'marketing'],
                               ['give', give]]) {
    const input = Object.assign(document.createElement('input'), {type: 'hidden', name, value});
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}"""


class Visits:
    """Measures the page in view at every width; keeps what overflowed and what was seen."""

    def __init__(self):
        self.overflows, self.seen = [], set()

    def check(self, page, what):
        assert page.locator("h1").count() >= 1, f"{what}: no page at {page.url}"
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


def submit(page):
    with page.expect_navigation():
        page.click("main button[type=submit]")


@pytest.mark.live
@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_no_page_scrolls_sideways(site, browser, lang):  # noqa: F811
    base, strict, links = site
    visits = Visits()
    context = browser.new_context()
    page = context.new_page()
    for path in ("/", "/about/", "/services/", "/contacts/", "/privacy/", "/privacy/1/",
                 "/contact/", "/apply/", "/newsletter/", "/requests/new/", "/cookies/",
                 "/my-data/", "/contact/thanks/", "/apply/thanks/", "/newsletter/thanks/",
                 "/request/thanks/", "/my-data/thanks/", "/no-such-page/"):  # fmt: skip
        page.goto(f"{base}/{lang}{path}")
        visits.check(page, path)
    # Forms sent empty, and the application of someone under 18 without a guardian.
    for path in ("/contact/", "/newsletter/", "/requests/new/", "/my-data/"):
        page.goto(f"{base}/{lang}{path}")
        submit(page)
        visits.check(page, f"{path} with errors")
    page.goto(f"{base}/{lang}/apply/")
    page.fill("#id_full_name", "Айгерім Серікқызы")
    page.fill("#id_birth_date", "2015-01-01")
    submit(page)
    visits.check(page, "application of a minor with errors")
    # The rate limit's answer: the form again, with when to send it.
    page.goto(f"{strict}/{lang}/contact/")
    page.fill("#id_message", "Сәлеметсіз бе! " * 20)
    submit(page)
    visits.check(page, "the rate-limited contact form")
    # Emailed links: each asks before it acts; then the page behind it.
    for name in ("confirm", "verify", "unsubscribe"):
        page.goto(links[f"{name}-{lang}"])
        visits.check(page, f"the {name} link")
        submit(page)
        visits.check(page, f"the {name} link, used")
    page.goto(links[f"verify-{lang}"])  # used already
    visits.check(page, "a used confirmation link")
    for who in ("asel", "teen"):
        own = browser.new_context()
        mine = own.new_page()
        mine.goto(links[f"open-{who}-{lang}"])
        visits.check(mine, "the self-service link")
        submit(mine)
        visits.check(mine, f"the self-service page of {who}")
        with mine.expect_navigation():  # withdraw; under 18, give (and be told a guardian must)
            mine.evaluate(SWITCH, "0" if who == "asel" else "1")
        visits.check(mine, f"the self-service page of {who}, a consent switched")
        with mine.expect_navigation():
            mine.click("main form.public-form button[type=submit]")  # no type chosen
        visits.check(mine, f"the self-service request of {who} with errors")
        own.close()
    page.goto(links[f"open-asel-{lang}"])  # spent
    submit(page)
    visits.check(page, "a used self-service link")
    context.close()
    assert visits.overflows == []
    assert visits.seen >= MUST_VISIT, sorted(MUST_VISIT - visits.seen)
