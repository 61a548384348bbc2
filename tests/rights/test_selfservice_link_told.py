"""A self-service link that will open nothing says so as it is opened, as every other emailed
link's page does: damaged (cut short by a mail program), used already in another browser, or
past its hour. Its page showed the «Open my data» button for any of them, and only the press
said the link opened nothing. A link that still opens shows its button and spends nothing until
it is pressed (mail scanners follow links); one spent in this very browser opens its page again."""

import html

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from consent.rights.models import UsedLink
from consent.rights.selfservice import SESSION_KEY
from forms_app.templatetags.self_service import MY_DATA_HEADINGS

from .test_selfservice import ask_link, link_path


def in_(lang, text):
    with translation.override(lang):
        return gettext(text) if isinstance(text, str) else str(text)


BUTTON = {lang: in_(lang, "Open my data") for lang in ("kk", "ru")}
SAID = {
    s: {lang: in_(lang, MY_DATA_HEADINGS[s]) for lang in ("kk", "ru")} for s in MY_DATA_HEADINGS
}


def opened(client, path):
    response = client.get(path)
    return response.status_code, html.unescape(response.content.decode())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_that_opens_nothing_says_so_as_it_is_opened(client, person, time_machine, lang):
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    ask_link(client, lang)
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)  # past the link's hour
    status, page = opened(Client(), link_path())
    assert status == 400 and SAID["expired"][lang] in page and BUTTON[lang] not in page
    ask_link(client, lang)
    link = link_path()
    status, page = opened(Client(), link[: len(link) // 2] + "/")  # cut short
    assert status == 400 and SAID["invalid"][lang] in page and BUTTON[lang] not in page
    assert client.post(link).status_code == 302  # pressed: the person's page opens
    status, page = opened(Client(), link)  # the mail's link again, in another browser
    assert status == 400 and SAID["used"][lang] in page and BUTTON[lang] not in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_that_still_opens_shows_its_button_and_spends_nothing(client, person, lang):
    ask_link(client, lang)
    link = link_path()
    status, page = opened(client, link)
    assert status == 200 and BUTTON[lang] in page
    assert not UsedLink.objects.exists() and SESSION_KEY not in client.session
    assert client.post(link).status_code == 302
    # Opened again where it was spent (Back, a second tap on the mail's link): its button,
    # whose press finds the page open.
    status, page = opened(client, link)
    assert status == 200 and BUTTON[lang] in page
    assert client.post(link)["Location"] == f"/{lang}/my-data/"
