"""A form sent when the network is lost: Chromium's «No internet» page took the form's place in
the tab's history (it posts to its own address), Back left the site, and the form opened again
was empty. What was typed is kept in the tab from the send until a page of the site answers
(static/js/typed-kept.js): the form opened again in the tab has it back, with what is left to
do; a consent box is ticked again by the visitor, never by the page."""

import pytest
from playwright.sync_api import Error

from tests.live import query
from tests.pages import open_tab, submit

pytestmark = [pytest.mark.live, pytest.mark.browser]

NOTE = {
    "kk": "Форма жіберілмеді: оған енгізгеніңіз қайта толтырылды. Оны тексеріп, келісім "
    "белгілерін қайта қойыңыз да, форманы жіберіңіз.",
    "ru": "Форма не была отправлена: введённое вами заполнено снова. Проверьте его, снова "
    "отметьте согласия и отправьте форму.",
}


@pytest.fixture
def page(browser):
    page = open_tab(browser)
    page.set_viewport_size({"width": 390, "height": 844})
    yield page
    page.context.close()


def send_offline(page, path):
    """Send the form at `path` with the network gone, as a phone between cells does."""
    page.route(path, lambda r: r.abort("internetdisconnected") if r.request.method == "POST"
               else r.continue_())  # fmt: skip
    with pytest.raises(Error, match="ERR_INTERNET_DISCONNECTED"), page.expect_navigation():
        page.click("main button[type=submit]")
    page.unroute(path)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_the_network_lost_opens_again_as_typed(site, page, lang):
    base, url = site
    email = f"offline-{lang}@example.kz"
    typed = {"#id_full_name": "Әсел Қасымова", "#id_email": email, "#id_phone": "8 701 123 45 67",
             "#id_message": "Сәлеметсіз бе! 🌸\nКурстар қашан?"}  # fmt: skip
    page.goto(f"{base}/{lang}/")
    page.goto(f"{base}/{lang}/contact/")
    for field, value in typed.items():
        page.fill(field, value)
    page.check("#id_consent_service")
    send_offline(page, f"{base}/{lang}/contact/")
    page.go_back()
    assert page.url == f"{base}/{lang}/"  # the form's own entry is gone
    page.goto(f"{base}/{lang}/contact/")

    assert {field: page.locator(field).input_value() for field in typed} == typed
    assert not page.locator("#id_consent_service").is_checked()  # the visitor's own tick
    note = page.locator("main .notice[role=status]")
    assert " ".join(note.inner_text().split()) == NOTE[lang]
    page.check("#id_consent_service")
    submit(page)
    assert page.url == f"{base}/{lang}/contact/thanks/"
    sql = f"SELECT count(*) FROM consent_submission WHERE data->>'email' = '{email}'"
    assert query(url, sql)[0][0] == 1
    page.goto(f"{base}/{lang}/contact/")  # the site answered: nothing is kept any more
    assert page.locator("#id_email").input_value() == ""
    assert page.locator("main .notice").count() == 0
    assert page.problems == []


def test_what_the_site_answered_is_not_filled_in_again(site, page):
    """A form the site answered with its errors keeps nothing for later: a visitor who left it
    finds the form empty next time, as before."""
    base, _ = site
    page.goto(f"{base}/ru/newsletter/")
    page.fill("#id_email", "news@example")  # no ending: refused
    submit(page)
    assert page.locator(".error-summary").is_visible()
    page.goto(f"{base}/ru/")
    page.goto(f"{base}/ru/newsletter/")
    assert page.locator("#id_email").input_value() == ""
    assert page.locator("main .notice").count() == 0
