"""Every page in both languages, redirects, switcher, hreflang, no foreign host."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from emalu.models import Page

PAGES = ["", "about/", "services/", "contacts/", "privacy/"]


@pytest.fixture
def pages(db):
    for slug in ["home", "about", "services", "contacts"]:
        Page.objects.create(
            slug=slug,
            title_kk=f"Тақырып {slug}",
            title_ru=f"Заголовок {slug}",
            body_kk=f"Мәтін {slug} [сілтеме](https://example.com/) <script>alert(1)</script>",
            body_ru=f"Текст {slug}",
        )


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_in_both_languages(client, pages, lang, path):
    response = client.get(f"/{lang}/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    # hreflang alternates for both languages, pointing at the same page
    assert f'hreflang="kk" href="{settings.SITE_URL}/kk/{path}"' in html
    assert f'hreflang="ru" href="{settings.SITE_URL}/ru/{path}"' in html


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_need_at_most_three_queries(client, pages, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/kk/{path}").status_code == 200
    # the page (or policy) row, the company details, the published services (home and
    # services); nothing for sessions or users
    assert len(queries) <= 3, [q["sql"] for q in queries]


def test_page_shows_the_language_of_the_url(client, pages):
    assert "Тақырып about" in client.get("/kk/about/").content.decode()
    assert "Заголовок about" in client.get("/ru/about/").content.decode()


def test_staff_markdown_is_sanitised(client, pages):
    html = client.get("/kk/about/").content.decode()
    assert "<script>" not in html and "alert(1)" not in html
    assert 'href="https://example.com/"' in html


def test_root_redirects_to_kazakh_by_default(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/kk/"


def test_root_redirects_to_russian_when_the_browser_asks_only_for_russian(client, db):
    response = client.get("/", headers={"accept-language": "ru-RU,ru;q=0.9,en;q=0.5"})
    assert response["Location"] == "/ru/"


def test_kazakh_wins_when_the_browser_accepts_both(client, db):
    response = client.get("/", headers={"accept-language": "kk,ru;q=0.8"})
    assert response["Location"] == "/kk/"


@pytest.mark.parametrize("header", ["", "*", ";;;q=abc,", "x" * 600, "ru;q=nope", "\x00"])
def test_malformed_accept_language_falls_back_to_kazakh(client, db, header):
    response = client.get("/", headers={"accept-language": header})
    assert response.status_code == 302
    assert response["Location"] == "/kk/"


def test_switcher_keeps_the_current_page(client, pages):
    html = client.get("/kk/services/").content.decode()
    assert '<a href="/ru/services/?switch_language=ru" hreflang="ru" lang="ru"' in html
    html = client.get("/ru/privacy/1/").content.decode()
    assert '<a href="/kk/privacy/1/?switch_language=kk" hreflang="kk" lang="kk"' in html


def test_switcher_keeps_the_service_chosen_and_the_404(client, texts, pages):
    """A service's page links to the application with ?service=...: switching language there
    keeps the choice. A page that does not exist is the 404 in the other language; a path under
    no language prefix offers the other language's home page."""
    html = client.get("/kk/apply/?service=demo-1").content.decode()
    assert 'formaction="/ru/apply/?service=demo-1" formnovalidate name="switch_language"' in html
    html = client.get("/ru/no-such-page/").content.decode()
    assert '<a href="/kk/no-such-page/?switch_language=kk" hreflang="kk"' in html
    html = client.get("/en/").content.decode()
    assert '<a href="/ru/?switch_language=ru" hreflang="ru"' in html


def test_home_greets_visitors_before_staff_write_it(client, db):
    response = client.get("/kk/")
    assert response.status_code == 200
    assert "«ЕМ АЛУ плюс» ЖШС" in response.content.decode()


def test_demo_content_is_marked(client, db):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for lang in ["kk", "ru"]:
        html = client.get(f"/{lang}/about/").content.decode()
        assert 'class="notice"' in html


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset", "poster", "data") and value:
                self.urls.append(value)
            if name == "style" and value:
                self.urls += re.findall(r"url\(([^)]+)\)", value)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", [*PAGES, "privacy/1/", "no-such-page/"])
def test_no_page_refers_to_another_host(client, pages, lang, path):
    response = client.get(f"/{lang}/{path}")
    parser = Links()
    parser.feed(response.content.decode())
    assert parser.urls
    for url in parser.urls:
        parts = urlsplit(url.strip("'\""))
        if parts.scheme == "mailto":
            continue
        # page content written by staff may link out (an <a>), but never loads anything; the
        # site's own address (hreflang) is the site's
        if parts.netloc and parts.netloc != urlsplit(settings.SITE_URL).netloc:
            assert url == "https://example.com/", url


def test_stylesheet_loads_nothing_from_another_host(client, db):
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/site.css"), encoding="utf-8").read()  # noqa: SIM115
    for url in re.findall(r"url\(([^)]+)\)", css):
        assert not urlsplit(url.strip("'\"")).netloc, url
    assert "@import" not in css


def test_sitemap_lists_both_languages(client, pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for lang in ["kk", "ru"]:
        for path in PAGES:
            assert f"{settings.SITE_URL}/{lang}/{path}<" in xml
    assert 'hreflang="x-default"' in xml


def test_the_sitemap_lists_only_pages_that_answer(client, db):
    """A site just deployed has no About page yet, which answers 404: the sitemap sent search
    engines to it. The others stand before staff write them."""
    xml = client.get("/sitemap.xml").content.decode()
    listed = re.findall(rf"<loc>{re.escape(settings.SITE_URL)}(/[^<]*)</loc>", xml)
    assert listed and "/kk/about/" not in listed
    assert [url for url in listed if client.get(url).status_code != 200] == []


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in response.content.decode()


@pytest.mark.parametrize("host", ["testserver", "localhost", "127.0.0.1"])
def test_every_address_a_page_gives_is_the_sites_own_whatever_host_was_asked(client, pages, host):
    """The site answers to several names (the bare domain, www, the server's address, each in
    ALLOWED_HOSTS); what it tells search engines and link previews is its one address, SITE_URL:
    built from the Host header, each page stood under each name (duplicate pages to a search
    engine), and a proxy or the page cache kept whichever a request had sent."""
    own = settings.SITE_URL
    page = client.get("/kk/about/", headers={"host": host}).content.decode()
    linked = re.findall(r'(?:hreflang="[a-z-]+" href|property="og:url" content)="([^"]+)"', page)
    sitemap = client.get("/sitemap.xml", headers={"host": host}).content.decode()
    linked += re.findall(r"<loc>([^<]+)</loc>", sitemap)
    linked += re.findall(r'href="(http[^"]+)"', sitemap)
    robots = client.get("/robots.txt", headers={"host": host}).content.decode()
    linked += re.findall(r"Sitemap: (\S+)", robots)
    assert len(linked) > 10
    assert [url for url in linked if not url.startswith(f"{own}/")] == []


@pytest.mark.parametrize("path", ["/kk/", "/ru/privacy/", "/kk/contact/"])
def test_content_security_policy_is_strict(client, texts, path):
    csp = client.get(path)["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "'nonce'" not in csp  # a literal 'nonce' is an invalid source that browsers ignore
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
