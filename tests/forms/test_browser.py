"""A person fills and sends the forms in a real browser (Debian's headless Chromium)."""

import io

import pytest
from PIL import Image

from tests.live import gunicorn, live_database, query
from tests.pages import open_tab
from tests.tools import launch_chromium

# No django_db mark: Playwright runs an event loop in this thread, and the ORM refuses to run
# beside one. The site has its own database, read with psycopg.
pytestmark = [pytest.mark.live, pytest.mark.browser]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(django_db_blocker, tmp_path_factory):
    # Six form posts from one address within a minute: more than the limit of 5 a worker
    # (test_abuse.py tests it), which failed a test whenever one worker took them all.
    env = {"FORM_MIN_FILL_SECONDS": "0", "FORM_RATE_LIMIT": "100/60"}
    with (
        django_db_blocker.unblock(),
        live_database() as url,
        gunicorn(url, tmp_path_factory.mktemp("browser"), **env) as (port, _),
    ):
        yield f"http://127.0.0.1:{port}", url


@pytest.fixture
def page(browser):
    page = open_tab(browser)  # its console errors, CSP violations among them, in page.problems
    yield page
    page.context.close()


THANKS = {"kk": "Рақмет", "ru": "Спасибо"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_contact_form_in_a_browser(site, page, lang):
    base, url = site
    page.goto(f"{base}/{lang}/contact/")
    page.fill("#id_full_name", "Әсел Қасымова")
    page.fill("#id_email", f"browser-{lang}@example.kz")
    page.fill("#id_phone", "8 701 123 45 67")
    page.fill("#id_message", "Сәлеметсіз бе!")
    page.locator("details.consent-text").first.click()  # read the consent text
    page.check("#id_consent_service")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/{lang}/contact/thanks/")
    assert THANKS[lang] in page.inner_text("h1")
    assert page.problems == []
    email = f"browser-{lang}@example.kz"
    sql = f"SELECT count(*) FROM consent_submission WHERE data->>'email' = '{email}'"
    assert query(url, sql)[0][0] == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_application_form_with_photo_in_a_browser(site, page, lang, tmp_path):
    base, url = site
    photo = tmp_path / "me.jpg"
    out = io.BytesIO()
    Image.new("RGB", (120, 160), "teal").save(out, "JPEG")
    photo.write_bytes(out.getvalue())

    page.goto(f"{base}/{lang}/apply/")
    with page.expect_navigation():  # the answer is this page again: wait for it, not the old one
        page.click("main button[type=submit]")  # empty: the error summary comes first
    assert page.locator(".error-summary").is_visible()
    assert page.problems == []
    page.fill("#id_full_name", "Бақыт Ержанов")
    page.fill("#id_email", f"apply-{lang}@example.kz")
    page.fill("#id_phone", "+7 (705) 765-43-21")
    page.fill("#id_birth_date", "1990-05-17")
    page.fill("#id_birth_place", "Өскемен")
    page.select_option("#id_service", "demo-1")  # load_demo publishes it in the live database
    page.set_input_files("#id_photo", str(photo))
    page.check("#id_consent_service")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/{lang}/apply/thanks/")
    assert THANKS[lang] in page.inner_text("h1")
    assert page.problems == []
    sql = f"SELECT photo FROM consent_submission WHERE data->>'email' = 'apply-{lang}@example.kz'"
    assert query(url, sql)[0][0].startswith("private/photos/")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_switching_language_on_a_form_keeps_what_was_typed(site, page, lang):
    """The header's switch posts the form to the other language, typed text and all; Enter in a
    field still sends the form itself, not the switch (the first submit button in the page)."""
    base, url = site
    other = {"kk": "ru", "ru": "kk"}[lang]
    email = f"switch-{lang}@example.kz"
    page.goto(f"{base}/{lang}/contact/")
    page.fill("#id_full_name", "Әсел Қасымова")
    page.fill("#id_email", email)
    page.fill("#id_phone", "8 701 123 45 67")
    page.fill("#id_message", "Сәлеметсіз бе!")
    page.check("#id_consent_service")
    with page.expect_navigation():
        page.click(f"nav.lang button[value={other}]")
    assert page.url == f"{base}/{other}/contact/"
    assert page.get_attribute("html", "lang") == other
    assert page.input_value("#id_full_name") == "Әсел Қасымова"
    assert page.input_value("#id_message") == "Сәлеметсіз бе!"
    assert not page.is_checked("#id_consent_service")  # consent to the text in this language
    assert page.locator(".error-summary").count() == 0

    page.check("#id_consent_service")
    with page.expect_navigation():
        page.press("#id_email", "Enter")
    assert page.url == f"{base}/{other}/contact/thanks/"
    assert page.problems == []
    sql = f"SELECT language FROM consent_submission WHERE data->>'email' = '{email}'"
    assert query(url, sql) == [(other,)]
