"""Back after a form that came back with errors, then was sent: the page before the thank-you
page was the form's answer to a post, and no browser keeps a copy of a form page (no-store);
Chromium showed «Confirm form resubmission» (ERR_CACHE_MISS) in place of the form, and sending
the post again sent the first, wrong one. The page that answered the post makes itself its
address's plain page when a form is sent from it (static/js/posted-page.js): Back opens the form
afresh, with what the visitor typed on it put back by the browser."""

import pytest

from tests.live import query
from tests.pages import open_tab, submit

pytestmark = [pytest.mark.live, pytest.mark.browser]


@pytest.fixture
def page(browser):
    page = open_tab(browser)
    yield page
    page.context.close()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_back_from_the_thanks_after_an_error_opens_the_form(site, page, lang):
    base, url = site
    email = f"erred-{lang}@example.kz"
    page.goto(f"{base}/{lang}/contact/")
    page.fill("#id_full_name", "Әсел Қасымова-Жақсыбекова")
    page.fill("#id_email", email.replace(".kz", ""))  # «@example» with no ending: refused
    page.fill("#id_phone", "8 701 123 45 67")
    page.fill("#id_message", "Сәлеметсіз бе! Курстар қашан басталады?")
    page.check("#id_consent_service")
    submit(page)
    assert page.locator(".error-summary").is_visible()
    page.fill("#id_email", email)
    submit(page)
    assert page.url == f"{base}/{lang}/contact/thanks/"

    methods = []
    page.on("request", lambda r: r.is_navigation_request() and methods.append(r.method))
    # Back, as the browser's button goes (raised net::ERR_CACHE_MISS: the post, which the browser
    # would not resend). From the page itself: Playwright's go_back() asks Chromium for the tab's
    # history first, which failed now and then «Not attached to an active page» as the thank-you
    # page's renderer took over.
    page.evaluate("history.back()")
    page.wait_for_url(f"{base}/{lang}/contact/")

    assert page.url == f"{base}/{lang}/contact/" and methods == ["GET"]
    assert page.locator("#id_email").input_value() == email  # typed on the page, put back
    assert page.locator(".error-summary").count() == 0
    sql = f"SELECT count(*) FROM consent_submission WHERE data->>'email' = '{email}'"
    assert query(url, sql)[0][0] == 1
    assert page.problems == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_reload_of_the_errors_still_shows_what_was_typed(site, page, lang):
    """Only a form sent from the page changes its history entry: reloaded, the page is the
    post's answer again, every value the server wrote back in it kept."""
    base, _ = site
    page.goto(f"{base}/{lang}/contact/")
    page.fill("#id_full_name", "Әсел Қасымова")
    page.fill("#id_email", "asel@example")
    submit(page)
    page.reload()
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_full_name").input_value() == "Әсел Қасымова"
    assert page.problems == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_back_after_an_error_page_finds_every_field_as_typed(site, page, lang):
    """Back to the application form from the page refusing its post (here the form sent after
    its session's cookie was gone) puts back what was typed: the parent's name and contact were
    marked autocomplete «off», which a browser never puts back, and came back empty beside the
    ticked boxes."""
    base, _ = site
    page.goto(f"{base}/{lang}/apply/")
    typed = {"#id_full_name": "Айгерім Серікқызы", "#id_birth_date": "01.01.2012",
             "#id_guardian_name": "Гүлнар Серікова", "#id_guardian_contact": "gulnar@example.kz",
             "#id_message": "Сәлеметсіз бе!"}  # fmt: skip
    for field, value in typed.items():
        page.fill(field, value)
    page.check("#id_consent_guardian")
    page.context.clear_cookies()
    submit(page)
    assert page.locator(f"main form [name={'website'}]").count() == 0  # the refusal's page
    page.go_back()

    assert {field: page.locator(field).input_value() for field in typed} == typed
    assert page.locator("#id_consent_guardian").is_checked()
