"""A request being written on a person's own page is not lost on the way: the language switch and
the cookie banner's buttons post it and the page comes back with it (its switch was a link, and
the banner's own form came back to the page empty), and one sent after the page closed is there
again when the person opens their page with a new link in the same browser."""

import json
import re
from contextlib import suppress

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from post_office.models import Email

from consent.common.text import cleaning_bound
from consent.cookies.banner import COOKIE, PAGE_FIELD
from consent.cookies.models import CookieChoice
from consent.core.purposes import MARKETING
from consent.rights import selfservice
from consent.rights.erasure import subject_destroy
from consent.rights.models import KeptRequest, Ticket
from consent.rights.retention import enforce_retention
from tests.conftest import aged_token
from tests.forms.test_language_switch import Form
from tests.texts import AS_SHOWN, BANNER_SHOWN

from .test_selfservice import ask_link, link_path, open_page
from .test_selfservice_once import request_form_data

OTHER = {"kk": "ru", "ru": "kk"}
WRITTEN = "Тегім қате жазылған: «Касымова» емес, «Қасымова».\nТуған жерім — Өскемен."
KEPT = {
    "kk": "осы браузерде жаңа сілтемемен ашсаңыз",
    "ru": "Откройте свою страницу по новой ссылке в\xa0этом браузере",
}


@pytest.fixture
def analytics(settings):
    settings.GA_MEASUREMENT_ID = "G-TEST123"


def request_form(html):
    """The request form's type and message as the page holds them."""
    controls = Form(html).controls
    return controls["type"][1], controls["message"][1]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("at", ["my-data/", "my-data/request/"])  # the page, or shown again
def test_the_language_switch_brings_the_request_along(client, person, lang, at):
    open_page(client, lang)
    html = client.get(f"/{lang}/my-data/").content.decode()
    form = Form(html)
    [switch] = form.switches
    assert switch["form"] in form.form_ids and switch["formaction"] == f"/{OTHER[lang]}/my-data/"
    other = OTHER[lang]
    data = {**request_form_data(client, lang), "message": WRITTEN, "switch_language": other}

    page = client.post(f"/{other}/{at}", data)

    html = page.content.decode()
    assert page.status_code == 200 and f'<html lang="{other}">' in html
    assert request_form(html) == ("correct", WRITTEN) and "error-summary" not in html
    assert not Ticket.objects.filter(subject=person).exists()  # nothing was sent


@pytest.mark.parametrize("choice", ["accept", "reject"])
@pytest.mark.parametrize("at", ["my-data/", "my-data/request/"])
def test_answering_the_banner_keeps_the_request(client, person, analytics, choice, at):
    open_page(client, "ru")
    html = client.get("/ru/my-data/").content.decode()
    buttons = html.split('class="cookie-banner"')[1].split("</section>")[0]
    assert buttons.count(f'form="{Form(html).form_ids[0]}"') == 4  # 3 buttons, the words shown
    data = {**request_form_data(client, "ru"), "message": WRITTEN, PAGE_FIELD: choice,
            **BANNER_SHOWN}  # fmt: skip

    page = client.post(f"/ru/{at}", data)

    html = page.content.decode()
    assert page.status_code == 200 and request_form(html) == ("correct", WRITTEN)
    assert "cookie-banner" not in html and page.cookies[COOKIE].value.split(".")[1] == choice
    assert CookieChoice.objects.get().choice == choice
    assert not Ticket.objects.filter(subject=person).exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_request_sent_after_the_hour_is_there_again_on_the_next_page(
    client, person, lang, time_machine
):
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client, lang)
    data = {**request_form_data(client, lang), "type": "block", "message": WRITTEN}
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)

    shown = client.post(f"/{lang}/my-data/request/", data).content.decode()
    assert WRITTEN in shown  # shown back, to copy
    assert KEPT[lang] in shown
    assert not Ticket.objects.exists()

    ask_link(client, lang)  # a new link, opened in the same browser
    client.post(link_path())
    for _reload in range(2):
        page = client.get(f"/{lang}/my-data/").content.decode()
        assert request_form(page) == ("block", WRITTEN)
    sent = {**request_form_data(client, lang), "type": "block", "message": WRITTEN}
    client.post(f"/{lang}/my-data/request/", sent)
    assert Ticket.objects.get(subject=person).type == "block"
    assert request_form(client.get(f"/{lang}/my-data/").content.decode()) == ("", "")


def test_a_request_kept_for_one_person_is_not_shown_to_another(
    client, person, make_subject, time_machine
):
    """A shared computer: the next person who opens their page there does not see it."""
    make_subject(full_name="Берік Омаров", email="berik@example.kz")
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client)
    data = {**request_form_data(client, "kk"), "message": WRITTEN}
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)
    client.post("/kk/my-data/request/", data)

    ask_link(client, "kk", email="berik@example.kz")
    client.post(link_path("berik@example.kz"))
    assert WRITTEN not in client.get("/kk/my-data/").content.decode()
    client.post("/kk/my-data/leave/")
    open_page(client)  # nor to the first one later: it was dropped
    assert request_form(client.get("/kk/my-data/").content.decode()) == ("", "")


def test_closing_the_page_leaves_no_request_kept(client, person, time_machine):
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client)
    data = {**request_form_data(client, "kk"), "message": WRITTEN}
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)
    client.post("/kk/my-data/request/", data)
    open_page(client)
    client.post("/kk/my-data/leave/")  # «Close my page», on a shared computer
    open_page(client)
    assert request_form(client.get("/kk/my-data/").content.decode()) == ("", "")


def test_a_press_answered_after_leave_does_not_reopen_the_page(client, person, settings):
    """«Close my page» on a shared computer while a press of the page is still being answered
    (it waits for the person's row, held by the desk or another tab): the press read the
    session before the leave and saves it after, with a request kept from its box. The page
    stayed open, for the hour, to whoever sat down next."""
    open_page(client)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    pressed = SessionStore(key)
    assert pressed[selfservice.SESSION_KEY]  # the press has read the open session

    client.post("/kk/my-data/leave/")
    pressed[selfservice.DRAFT_KEY] = 1
    with suppress(UpdateError):  # the session is gone: Django answers that press 400
        pressed.save()

    assert "asel@example.kz" not in client.get("/kk/my-data/").content.decode()
    client.cookies[settings.SESSION_COOKIE_NAME] = key  # nor does the old cookie open it
    assert "asel@example.kz" not in client.get("/kk/my-data/").content.decode()


def test_a_request_kept_lasts_a_day(client, person, time_machine):
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client)
    data = {**request_form_data(client, "kk"), "message": WRITTEN}
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)
    client.post("/kk/my-data/request/", data)
    time_machine.move_to("2027-03-02 11:02+05:00", tick=False)
    open_page(client)
    assert request_form(client.get("/kk/my-data/").content.decode()) == ("", "")


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("action,pressed", [
    ("consent/", {"withdraw": MARKETING}), ("language/", {"language": "ru"}),
    ("export/", {"format": "xml"}),  # refused: the page again, saying why
])  # fmt: skip
def test_a_button_of_the_page_brings_the_request_along(client, person, lang, action, pressed):
    """The buttons post the page's request form (tests/rights/test_selfservice_browser.py
    presses them in Chromium); the page they lead back to holds what was being written, and
    nothing once its box was emptied."""
    open_page(client, lang)
    data = {**request_form_data(client, lang), "type": "block", "message": WRITTEN, **pressed}
    page = client.post(f"/{lang}/my-data/{action}", data, follow=True).content.decode()
    assert request_form(page) == ("block", WRITTEN)
    assert request_form(client.get(f"/{lang}/my-data/").content.decode()) == ("block", WRITTEN)
    page = client.post(f"/{lang}/my-data/{action}", {**data, "message": ""}, follow=True)
    assert request_form(page.content.decode())[1] == ""
    assert not Ticket.objects.filter(subject=person).exclude(type="access").exists()


@pytest.mark.parametrize("action,pressed", [
    ("consent/", {"withdraw": MARKETING}), ("language/", {"language": "ru"}),
])  # fmt: skip
def test_a_request_kept_is_no_longer_than_the_box_could_send(client, person, action, pressed):
    """A button of the page pressed with megabytes in the request box kept them all for a day
    (and cleaned them, seconds of a worker, on every press): what is kept and shown back is at
    most what the box could be sent with (cleaning_bound), which the box says is too long."""
    open_page(client, "kk")
    data = {**request_form_data(client, "kk"), "type": "block", "message": "ә" * 2_000_000}
    page = client.post(f"/kk/my-data/{action}", {**data, **pressed}, follow=True)
    bound = cleaning_bound(5000)
    assert len(request_form(page.content.decode())[1]) == bound
    assert [len(kept.message) for kept in KeptRequest.objects.all()] == [bound]
    sent = client.post("/kk/my-data/request/", {**data, "message": "ә" * bound})
    assert "error-summary" in sent.content.decode()
    assert not Ticket.objects.filter(subject=person).exclude(type="access").exists()


def stored_anywhere(text):
    """Whether the database holds `text`: in a session, or in any row of the person's."""
    line = text.splitlines()[-1]
    sessions = json.dumps([row.get_decoded() for row in Session.objects.all()], ensure_ascii=False)
    return line in sessions or KeptRequest.objects.filter(message__contains=line).exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_destruction_leaves_nothing_of_a_request_kept(
    client, person, make_subject, lang, time_machine
):
    """Law 94-V: destroyed means nothing of the person remains. The request they wrote after
    their page closed was kept in the session, which the destruction never touched: their words
    stayed in the database as long as the session did."""
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client, lang)
    data = {**request_form_data(client, lang), "type": "destroy", "message": WRITTEN}
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)
    assert KEPT[lang] in client.post(f"/{lang}/my-data/request/", data).content.decode()
    assert stored_anywhere(WRITTEN)

    subject_destroy(person, request_ref="R-1")

    assert not stored_anywhere(WRITTEN)
    # They come back: their data given again, a link opened in the same browser.
    make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    open_page(client, lang)
    page = client.get(f"/{lang}/my-data/").content.decode()
    assert request_form(page) == ("", "") and "Өскемен" not in page


def test_a_request_kept_is_deleted_after_its_day(client, person, time_machine):
    """Not only hidden once its day is over: the nightly retention deletes it."""
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client)
    data = {**request_form_data(client, "kk"), "message": WRITTEN}
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)
    client.post("/kk/my-data/request/", data)
    enforce_retention()
    assert stored_anywhere(WRITTEN)  # within its day
    time_machine.move_to("2027-03-02 11:02+05:00", tick=False)
    enforce_retention()
    assert not stored_anywhere(WRITTEN)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_switch_pressed_after_the_hour_shows_the_request_back(
    client, person, lang, time_machine
):
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client, lang)
    other = OTHER[lang]
    data = {**request_form_data(client, lang), "message": WRITTEN, "switch_language": other}
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)

    page = client.post(f"/{other}/my-data/", data)

    html = page.content.decode()
    assert page.status_code == 200 and f'<html lang="{other}">' in html
    assert Form(html).controls.get("email") and KEPT[other] in html
    assert not Ticket.objects.exists()


@pytest.mark.parametrize("press", ["switch_language", PAGE_FIELD])
def test_the_request_shown_back_stays_through_the_switch_and_the_banner(
    client, person, analytics, press, time_machine
):
    """The page that shows a closed page's request back, to copy, showed it no more after its
    language switch or the banner's answer (the text was not posted along)."""
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client, "kk")
    data = {**request_form_data(client, "kk"), "message": WRITTEN}
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)
    shown = client.post("/kk/my-data/request/", data).content.decode()
    assert 'name="written"' in shown and 'form="public-form"' in shown.split('id="written"')[1]

    value = "ru" if press == "switch_language" else "reject"
    again = client.post("/ru/my-data/", {"written": WRITTEN, "email": "asel@example.kz",
                                         "token": "", press: value})  # fmt: skip

    html = again.content.decode()
    assert again.status_code == 200 and WRITTEN in html and KEPT["ru"] in html
    assert Form(html).controls["email"][1] == "asel@example.kz"
    assert not Ticket.objects.exists()


def posted_as_shown(html, pressed):
    """The page's form as a browser posts it by the control `pressed` (a regex of its tag): to
    the form's action, or the button's formaction; its fields as shown, the token aged."""
    form = re.search(r'<form method="post"( action="([^"]*)")?[^>]*id="public-form"', html)
    button = re.search(pressed, html)
    target = (re.search(r'formaction="([^"]*)"', button[0]) if button else None) or form
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    return target[1] if target is not form else form[2], {**fields, "token": aged_token()}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("where", ["request/", "consent/", "export/"])
def test_the_page_shown_back_asks_for_a_link_and_switches_at_the_link_pages_address(
    client, person, lang, where, time_machine
):
    """The page that shows a closed page's request back is shown at the address of the button
    pressed. Its form and its language switch posted back to that address, which met the closed
    page again: «Send» sent no link (the page said «closed» once more) and the switch lost the
    text. Both now go to the page that asks for a link."""
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client, lang)
    data = {
        **request_form_data(client, lang),
        "message": WRITTEN,
        "give": MARKETING,
        f"shown_{MARKETING}": AS_SHOWN,
    }
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)
    shown = client.post(f"/{lang}/my-data/{where}", data).content.decode()
    assert WRITTEN.split("\n")[0] in shown
    url, fields = posted_as_shown(shown, r"<button [^>]*name=\"switch_language\"[^>]*>")
    assert url == f"/{OTHER[lang]}/my-data/"
    again = client.post(url, {**fields, "written": WRITTEN, "switch_language": OTHER[lang]})
    assert WRITTEN.split("\n")[0] in again.content.decode()
    url, fields = posted_as_shown(shown, r"(?!)")
    assert url == f"/{lang}/my-data/"
    Email.objects.all().delete()
    sent = client.post(url, {**fields, "email": person.email})
    assert sent.status_code == 302 and sent.url == f"/{lang}/my-data/thanks/"
    assert Email.objects.filter(to=[person.email]).exists()
