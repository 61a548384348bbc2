"""A form sent when the network is lost: Chromium's «No internet» page took the form's place in
the tab's history (it posts to its own address), Back left the site, and the form opened again
was empty. What was typed is kept in the tab from the send until a page of the site answers
(static/js/typed-kept.js): the form opened again in the tab has it back, with what is left to
do; a consent box is ticked again by the visitor, never by the page."""

import pytest
from playwright.sync_api import Error

from tests.live import query
from tests.pages import submit

pytestmark = [pytest.mark.live, pytest.mark.browser]

NOTE = {
    "kk": "Форма жіберілмеді: оған енгізгеніңіз қайта толтырылды. Оны тексеріп, келісім "
    "белгілерін қайта қойыңыз да, форманы жіберіңіз.",
    "ru": "Форма не была отправлена: введённое вами заполнено снова. Проверьте его, снова "
    "отметьте согласия и отправьте форму.",
}


def send_offline(page, path):
    """Send the form at `path` with the network gone, as a phone between cells does."""
    page.route(path, lambda r: r.abort("internetdisconnected") if r.request.method == "POST"
               else r.continue_())  # fmt: skip
    with pytest.raises(Error, match="ERR_INTERNET_DISCONNECTED"), page.expect_navigation():
        page.click("main button[type=submit]")
    page.unroute(path)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_the_network_lost_opens_again_as_typed(site, phone_tab, lang):
    base, url = site
    email = f"offline-{lang}@example.kz"
    typed = {"#id_full_name": "Әсел Қасымова", "#id_email": email, "#id_phone": "8 701 123 45 67",
             "#id_message": "Сәлеметсіз бе! 🌸\nКурстар қашан?"}  # fmt: skip
    phone_tab.goto(f"{base}/{lang}/")
    phone_tab.goto(f"{base}/{lang}/contact/")
    for field, value in typed.items():
        phone_tab.fill(field, value)
    phone_tab.check("#id_consent_service")
    send_offline(phone_tab, f"{base}/{lang}/contact/")
    phone_tab.go_back()
    assert phone_tab.url == f"{base}/{lang}/"  # the form's own entry is gone
    phone_tab.goto(f"{base}/{lang}/contact/")

    assert {field: phone_tab.locator(field).input_value() for field in typed} == typed
    assert not phone_tab.locator("#id_consent_service").is_checked()  # the visitor's own tick
    note = phone_tab.locator("main .notice[role=status]")
    assert " ".join(note.inner_text().split()) == NOTE[lang]
    phone_tab.check("#id_consent_service")
    submit(phone_tab)
    assert phone_tab.url == f"{base}/{lang}/contact/thanks/"
    sql = f"SELECT count(*) FROM consent_submission WHERE data->>'email' = '{email}'"
    assert query(url, sql)[0][0] == 1
    phone_tab.goto(f"{base}/{lang}/contact/")  # the site answered: nothing is kept any more
    assert phone_tab.locator("#id_email").input_value() == ""
    assert phone_tab.locator("main .notice").count() == 0
    assert phone_tab.problems == []


def test_what_the_site_answered_is_not_filled_in_again(site, phone_tab):
    """A form the site answered with its errors keeps nothing for later: a visitor who left it
    finds the form empty next time, as before."""
    base, _ = site
    phone_tab.goto(f"{base}/ru/newsletter/")
    phone_tab.fill("#id_email", "news@example")  # no ending: refused
    submit(phone_tab)
    assert phone_tab.locator(".error-summary").is_visible()
    phone_tab.goto(f"{base}/ru/")
    phone_tab.goto(f"{base}/ru/newsletter/")
    assert phone_tab.locator("#id_email").input_value() == ""
    assert phone_tab.locator("main .notice").count() == 0
