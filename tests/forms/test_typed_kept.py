"""A form sent when the network is lost: Chromium's «No internet» page took the form's place in
the tab's history (it posts to its own address), Back left the site, and the form opened again
was empty. What was typed is kept in the tab from the send until a page of the site answers
(static/js/typed-kept.js): the form opened again in the tab has it back, with what is left to
do; a consent box is ticked again by the visitor, never by the page."""

import pytest
from playwright.sync_api import Error

from tests.live import query, shell, site_env
from tests.pages import submit

pytestmark = [pytest.mark.live, pytest.mark.browser]

NOTE = {
    "kk": "Форма жіберілмеді: оған енгізгеніңіз қайта толтырылды. Оны тексеріп, келісім "
    "белгілерін қайта қойыңыз да, форманы жіберіңіз.",
    "ru": "Форма не отправлена: всё, что вы ввели, осталось в полях. Проверьте введённое, "
    "снова отметьте согласия и отправьте форму.",
}
# A form with no consent box: what is left to do is to check it and send it.
KEPT = {
    "kk": "Форма жіберілмеді: оған енгізгеніңіз қайта толтырылды. Оны тексеріп, форманы жіберіңіз.",
    "ru": "Форма не отправлена: всё, что вы ввели, осталось в полях. Проверьте введённое и "
    "отправьте форму.",
}


def send_offline(page, path, button="main button[type=submit]"):
    """Send the form posting to `path` by its `button` with the network gone, as a phone
    between cells does."""
    page.route(path, lambda r: r.abort("internetdisconnected") if r.request.method == "POST"
               else r.continue_())  # fmt: skip
    with pytest.raises(Error, match="ERR_INTERNET_DISCONNECTED"), page.expect_navigation():
        page.click(button)
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
    assert apart_from_the_next(note)
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


def kept_note(page, lang):
    """Whether the page says it filled in again what was typed on a form with no consent box."""
    notes = page.locator("main .notice").all_inner_texts()
    return any(" ".join(note.split()) == KEPT[lang] for note in notes)


def apart_from_the_next(note):
    """Whether the note stands clear of what follows it (the form, its first label), as the
    page's other blocks do: at least half a line between them, not touching."""
    gap = note.evaluate(
        "n => n.nextElementSibling.getBoundingClientRect().top - n.getBoundingClientRect().bottom"
    )
    return gap >= 8


# A person whose own page is open, by the link they were mailed.
PERSON = """
from consent.core.models import Subject
from consent.rights.selfservice import link_token
print(link_token(Subject.objects.create(full_name="Әсел Қасымова", email="{email}")))
"""
WRITTEN = "Тегім қате жазылған: «Касымова» емес, «Қасымова».\nТуған жерім — Өскемен. 🌸"
REQUEST = "form[action$='/my-data/request/']"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_on_ones_own_page_the_network_lost_opens_again_as_typed(site, phone_tab, lang):
    """The request form of a person's own page keeps what was typed as the public forms do: in
    the tab, from the send to the page that answers it. It had nothing of it: a request written
    on a phone and sent between cells was gone with the page."""
    base, url = site
    email = f"own-{lang}@example.kz"
    token = shell(PERSON.format(email=email), site_env(url)).strip()
    phone_tab.goto(f"{base}/{lang}/my-data/open/{token}/")
    submit(phone_tab)
    phone_tab.check(f"{REQUEST} input[name=type][value=correct]")
    phone_tab.fill(f"{REQUEST} textarea[name=message]", WRITTEN)
    send_offline(phone_tab, f"{base}/{lang}/my-data/request/", f"{REQUEST} button[type=submit]")
    phone_tab.goto(f"{base}/{lang}/my-data/")  # opened again, as after the app or tab was left

    assert phone_tab.input_value(f"{REQUEST} textarea[name=message]") == WRITTEN
    assert phone_tab.is_checked(f"{REQUEST} input[name=type][value=correct]")
    note = phone_tab.locator("main .notice[role=status]")
    assert " ".join(note.inner_text().split()) == KEPT[lang]
    assert apart_from_the_next(note)
    assert note.evaluate("n => n.nextElementSibling.matches('form[data-kept]')")  # at its form
    with phone_tab.expect_navigation():
        phone_tab.click(f"{REQUEST} button[type=submit]")
    sql = f"SELECT type, message FROM consent_request WHERE email = '{email}'"
    assert query(url, sql) == [("correct", WRITTEN)]
    # Sent: the page that answers the send forgets it, and so does the page opened again.
    assert phone_tab.input_value(f"{REQUEST} textarea[name=message]") == ""
    assert not kept_note(phone_tab, lang)  # the page says the request is open, not this
    assert phone_tab.evaluate("Object.keys(sessionStorage)") == []
    phone_tab.goto(f"{base}/{lang}/my-data/")
    assert phone_tab.input_value(f"{REQUEST} textarea[name=message]") == ""
    assert phone_tab.locator("main .notice").count() == 0
    # «Close my page» leaves nothing of theirs in the tab, a public form's lost send included.
    phone_tab.evaluate(f"sessionStorage.setItem('emalu-typed:/{lang}/contact/', '{{}}')")
    with phone_tab.expect_navigation():
        phone_tab.click("form[action$='/my-data/leave/'] button")
    assert phone_tab.evaluate("Object.keys(sessionStorage)") == []
    assert phone_tab.problems == []


# A parent whose children's page is open, by the link they were mailed: one child of ten.
PARENT = """
from datetime import date
from consent.core.ledger import consent_grant
from consent.core.models import Guardian, Source, Subject
from consent.core.purposes import SERVICE
from consent.core.texts import current_text
from consent.rights.selfservice import ward_link_token
born = date.today().replace(year=date.today().year - 10, day=1)
child = Subject.objects.create(full_name="Айсұлу Қасымова", email="{child}", birth_date=born)
row = Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact="{parent}")
consent_grant(child, current_text(SERVICE), language="kk", source=Source.APPLICATION_FORM,
              guardian=row)
print(row.pk, ward_link_token(row))
"""


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_for_a_child_the_network_lost_opens_again_as_typed(site, phone_tab, lang):
    """The same on a parent's page, whose one form is at its end and each child's boxes belong
    to it: the note stands above the child's part that was filled in again."""
    base, url = site
    parent = f"parent-{lang}@example.kz"
    setup = PARENT.format(child=f"child-{lang}@example.kz", parent=parent)
    row, token = shell(setup, site_env(url)).split()
    phone_tab.goto(f"{base}/{lang}/my-data/open/{token}/")
    submit(phone_tab)
    assert phone_tab.url == f"{base}/{lang}/my-data/children/"
    phone_tab.check(f"input[name='{row}-type'][value=correct]")
    phone_tab.fill(f"textarea[name='{row}-message']", WRITTEN)
    send = f"button[formaction$='/my-data/children/request/'][value='{row}']"
    send_offline(phone_tab, f"{base}/{lang}/my-data/children/request/", send)
    phone_tab.goto(f"{base}/{lang}/my-data/children/")

    assert phone_tab.input_value(f"textarea[name='{row}-message']") == WRITTEN
    assert phone_tab.is_checked(f"input[name='{row}-type'][value=correct]")
    note = phone_tab.locator("main .notice[role=status]")
    assert " ".join(note.inner_text().split()) == KEPT[lang]
    below = (
        f"n => n.nextElementSibling.contains(document.querySelector(\"[name='{row}-message']\"))"
    )
    assert note.evaluate(below)  # above the child's boxes, not the form at the page's end
    with phone_tab.expect_navigation():
        phone_tab.click(send)
    sql = f"SELECT type, message FROM consent_request WHERE email = '{parent}'"
    assert query(url, sql) == [("correct", WRITTEN)]
    assert phone_tab.input_value(f"textarea[name='{row}-message']") == ""
    assert not kept_note(phone_tab, lang)  # the page says the request is open, not this
    assert phone_tab.evaluate("Object.keys(sessionStorage)") == []
    assert phone_tab.problems == []
