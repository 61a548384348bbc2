"""In a real browser: before a choice and after Reject the browser contacts only the
site; after Accept the analytics hosts (a stand-in on 127.0.0.2) are requested. The banner is
answered without leaving the page, so a form keeps what the visitor typed."""

import http.server
import os
import threading
from urllib.parse import urlsplit

import pytest

from tests.live import NGINX, free_port, gunicorn, live_database, nginx
from tests.pages import open_tab
from tests.tools import launch_chromium

pytestmark = [pytest.mark.live, pytest.mark.browser]
# Cookies for a domain and for its parent need a name, not an address: the browser resolves
# this one to loopback itself.
DOMAIN = "emalu.test"
STUB_JS = b"window.__analytics_loaded = (window.__analytics_loaded || 0) + 1;"


class Stub(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript")
        self.end_headers()
        self.wfile.write(STUB_JS)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def stub():
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.2", port), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{port}"
    server.shutdown()


@pytest.fixture(scope="module")
def served(django_db_blocker, tmp_path_factory, stub):
    """gunicorn with analytics configured; (its port, a port for nginx, a folder)."""
    https_port, tmp = free_port(), tmp_path_factory.mktemp("cookies")
    env = {
        "GA_MEASUREMENT_ID": "G-TEST123",
        "YANDEX_METRICA_ID": "98765",
        "GA_SCRIPT_URL": f"{stub}/gtag/js",
        "YANDEX_SCRIPT_URL": f"{stub}/metrika/tag.js",
        "ANALYTICS_CONNECT_HOSTS": stub,
        "ALLOWED_HOSTS": f"127.0.0.1,www.{DOMAIN}",
        "CSRF_TRUSTED_ORIGINS": f"https://www.{DOMAIN}:{https_port}",
        # Every browser here is one address: beyond the bound an acceptance is not taken.
        "COOKIE_CHOICE_RATE_LIMIT": "1000/600",
    }
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp, **env) as (port, _),
    ):
        yield port, https_port, tmp, url


@pytest.fixture(scope="module")
def site(served):
    return f"http://127.0.0.1:{served[0]}"


@pytest.fixture(scope="module")
def named_site(served):
    """The same site as deployed: behind docs/deploy/nginx.conf over TLS (its __Host- cookies
    need it) and under a domain name (cookies for a domain and its parent need one)."""
    if not os.path.exists(NGINX):
        if os.environ.get("CI"):
            pytest.fail("CI must have Debian's nginx (.ci/run installs it)")
        pytest.skip("Debian's nginx is not installed (apt-get install nginx-light)")
    port, https_port, tmp, _ = served
    with nginx(port, tmp, port=https_port):
        yield f"https://www.{DOMAIN}:{https_port}"


@pytest.fixture(scope="module")
def browser(playwright_in_module):
    rule = f"--host-resolver-rules=MAP *.{DOMAIN} 127.0.0.1"
    browser = launch_chromium(playwright_in_module, rule)
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    page = open_tab(browser)  # its console errors, CSP violations among them, in page.problems
    page.hosts = []
    page.on("request", lambda r: page.hosts.append(urlsplit(r.url).netloc))
    yield page
    page.context.close()


def visit(page, url):
    page.hosts.clear()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return set(page.hosts)


def choose(page, selector):
    """Click a link or a button of the cookie form and wait for what it does: the banner on a
    page is answered in place by its script, the cookie settings page's own form and a link
    load a page. Hosts are counted by `visit` only, which waits for the network to go quiet."""
    in_place = f"form[data-in-place] {selector}"
    if page.locator(in_place).count():
        page.click(in_place)
        page.locator(".cookie-banner").wait_for(state="detached")
        return
    with page.expect_navigation():
        page.click(selector)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_analytics_only_after_accept(site, stub, page, lang):
    own, analytics = urlsplit(site).netloc, urlsplit(stub).netloc
    assert visit(page, f"{site}/{lang}/") == {own}  # before any choice
    assert page.locator(".cookie-banner").is_visible()

    choose(page, "button[value=reject]")
    assert visit(page, f"{site}/{lang}/about/") <= {own}
    assert page.locator(".cookie-banner").count() == 0

    choose(page, f"a[href='/{lang}/cookies/']")  # reopen from the footer
    choose(page, "button[value=accept]")
    hosts = visit(page, f"{site}/{lang}/")
    assert analytics in hosts and hosts <= {own, analytics}
    assert page.evaluate("window.__analytics_loaded") == 2  # both scripts ran

    page.goto(f"{site}/{lang}/cookies/")  # withdraw
    choose(page, "button[value=reject]")
    assert visit(page, f"{site}/{lang}/") <= {own}
    assert page.problems == []  # no CSP violation, no console error


def test_closing_the_banner_counts_as_reject(site, page):
    own = urlsplit(site).netloc
    visit(page, f"{site}/kk/")
    choose(page, ".cookie-close")
    assert visit(page, f"{site}/kk/services/") <= {own}
    assert page.locator(".cookie-banner").count() == 0


def test_reject_clears_analytics_cookies_of_every_domain(named_site, browser):
    """Scripts set _ga for the host alone, for the host as a domain and for the parent domain
    (Google Analytics picks the highest one the browser accepts); Reject leaves none of them."""
    context = browser.new_context(ignore_https_errors=True)  # the test certificate
    page = context.new_page()
    page.goto(f"{named_site}/kk/")
    for n, domain in enumerate(["", f"; domain=www.{DOMAIN}", f"; domain={DOMAIN}"]):
        page.evaluate(f"document.cookie = '_ga=GA1.1.{n}; path=/; max-age=3600{domain}'")
    page.evaluate(f"document.cookie = '_ym_uid=1; path=/; max-age=3600; domain={DOMAIN}'")
    names = [c["name"] for c in context.cookies()]
    assert names.count("_ga") == 3 and "_ym_uid" in names
    choose(page, "button[value=reject]")
    assert page.locator(".cookie-banner").count() == 0  # the answer was taken
    left = {(c["name"], c["domain"]) for c in context.cookies()}
    assert {name for name, _ in left} & {"_ga", "_ym_uid"} == set(), left
    context.close()


FORM_PAGES = ["/kk/contact/", "/ru/apply/", "/kk/newsletter/", "/ru/requests/new/", "/ru/my-data/"]
# What a visitor may type: Kazakh letters, an emoji, a zero-width joiner.
TYPED = "Әсел Қасымова 👩\u200d💻"
FILLED = """() => Array.from(document.querySelectorAll("main form [name]"), (e) =>
  [e.name, e.type === "checkbox" || e.type === "radio" ? e.checked : e.value])"""


def fill_in(page):
    """Type into every field of the page's form and tick its first box; what the fields hold."""
    for field in page.locator("main form :is(input[type=text], input[type=email], input[type=tel], "
                              "textarea):not([name=website])").all():  # fmt: skip
        field.fill(TYPED)
    for field in page.locator("main form input[type=date]").all():
        field.fill("1990-05-17")
    boxes = page.locator("main form input[type=checkbox]")
    if boxes.count():
        boxes.first.check()
    page.evaluate("window.__same_document = true")  # gone if the page loads again
    return page.evaluate(FILLED)


@pytest.mark.parametrize("button", ["button[value=accept]", ".cookie-buttons button[value=reject]",
                                    ".cookie-close"])  # fmt: skip
def test_answering_the_banner_keeps_what_was_typed(site, served, stub, browser, button):
    """Someone halfway through a form answers the banner: the answer is taken, the page and
    every field stay as they were, and the answer holds from the next page on. It is logged
    with the banner's wording in the language the page spoke (consent/cookies/wording.py)."""
    own, analytics = urlsplit(site).netloc, urlsplit(stub).netloc
    for path in FORM_PAGES:
        page = open_tab(browser)
        page.hosts = []
        page.on("request", lambda r, hosts=page.hosts: hosts.append(urlsplit(r.url).netloc))
        page.goto(f"{site}{path}")
        typed = fill_in(page)
        assert TYPED in [value for _, value in typed], path
        choose(page, button)
        assert page.evaluate(FILLED) == typed, path
        assert page.evaluate("window.__same_document") and page.url == f"{site}{path}"
        choice = {c["name"]: c["value"] for c in page.context.cookies()}["emalu_consent"]
        accepted = button.endswith("accept]")
        assert choice.split(".")[1] == ("accept" if accepted else "reject"), path
        assert last_wording_language(served[3]) == path[1:3], path
        hosts = visit(page, f"{site}{path[:4]}about/")  # the next page: the answer holds
        assert page.locator(".cookie-banner").count() == 0
        assert (analytics in hosts) == accepted and hosts <= {own, analytics}, path
        assert page.problems == [], path  # no CSP violation, no console error
        page.context.close()


def last_wording_language(url):
    """The language of the banner's wording the site logged its last answer with."""
    import psycopg

    with psycopg.connect(url) as conn:
        sql = """SELECT w.language FROM consent_cookiechoice c
                 JOIN cookies_bannerwording w ON w.id = c.wording_id ORDER BY c.id DESC LIMIT 1"""
        return conn.execute(sql).fetchone()[0]


def unmasked(fields):
    """The fields but the CSRF token, which a page masks afresh each time it is made."""
    return [field for field in fields if field[0] != "csrfmiddlewaretoken"]


@pytest.mark.parametrize("button", ["button[value=accept]", ".cookie-buttons button[value=reject]",
                                    ".cookie-close"])  # fmt: skip
def test_without_javascript_answering_the_banner_keeps_what_was_typed(site, browser, button):
    """The banner's buttons post the page's form to the page itself, which takes the answer and
    shows the form again as typed, boxes ticked as they were. Its own form's post came back to
    the page empty."""
    for path in FORM_PAGES:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{site}{path}")
        typed = fill_in(page)
        with page.expect_navigation():
            page.click(button)
        assert page.url == f"{site}{path}" and page.locator(".cookie-banner").count() == 0
        assert unmasked(page.evaluate(FILLED)) == unmasked(typed), path
        assert page.locator(".error-summary").count() == 0, path  # nothing was sent
        choice = {c["name"]: c["value"] for c in context.cookies()}["emalu_consent"]
        assert choice.split(".")[1] == ("accept" if button.endswith("accept]") else "reject")
        context.close()


@pytest.mark.parametrize("path", ["/kk/", "/ru/about/"])
def test_without_javascript_the_banner_of_a_page_without_a_form_answers(site, browser, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}{path}")
    with page.expect_navigation():
        page.click("button[value=reject]")
    assert page.url == f"{site}{path}" and page.locator(".cookie-banner").count() == 0
    assert ".reject." in {c["name"]: c["value"] for c in context.cookies()}["emalu_consent"]
    context.close()


def test_enter_in_a_field_sends_the_form_not_the_banner(site, browser):
    """The banner's buttons belong to the page's form and stand before it: Enter sends a form by
    its first submit button, which must stay the form's own (base.html's hidden one)."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/kk/contact/")
    page.fill("input[name=full_name]", TYPED)
    with page.expect_navigation():
        page.press("input[name=full_name]", "Enter")
    assert page.locator(".error-summary").count() == 1  # the form was sent: it lacks the rest
    assert page.locator(".cookie-banner").count() == 1  # and the banner was not answered
    assert "emalu_consent" not in {c["name"] for c in context.cookies()}
    context.close()
