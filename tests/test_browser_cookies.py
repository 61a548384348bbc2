"""Issue 8 in a real browser: before a choice and after Reject the browser contacts only the
site; after Accept the analytics hosts (a stand-in on 127.0.0.2) are requested."""

import http.server
import threading
from urllib.parse import urlsplit

import pytest

from .live import free_port, gunicorn, live_database
from .test_browser import browser  # noqa: F401  (fixture)

pytestmark = [pytest.mark.live, pytest.mark.browser]
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
def site(django_db_blocker, tmp_path_factory, stub):
    env = {
        "GA_MEASUREMENT_ID": "G-TEST123",
        "YANDEX_METRICA_ID": "98765",
        "GA_SCRIPT_URL": f"{stub}/gtag/js",
        "YANDEX_SCRIPT_URL": f"{stub}/metrika/tag.js",
        "ANALYTICS_CONNECT_HOSTS": stub,
    }
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("cookies"), **env) as (port, _),
    ):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.hosts, page.problems = [], []
    page.on("request", lambda r: page.hosts.append(urlsplit(r.url).netloc))
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    yield page
    context.close()


def visit(page, url):
    page.hosts.clear()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return set(page.hosts)


def choose(page, selector):
    """Click a link or a button of the cookie form and wait for the page it leads to. Hosts are
    counted by `visit` only, which waits for the network to go quiet; here the load is enough."""
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
