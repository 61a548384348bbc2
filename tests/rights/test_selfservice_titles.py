"""Each state of the self-service pages has a title (and heading) of its own, in kk and ru:
asking for a link, the link sent, the link's button, the page itself, the page while processing
is blocked, a request shown back after the page closed (a parent's for their children too), and
a link used, expired or damaged.
All but the link's refusals were titled «Сіздің деректеріңіз» / «Ваши данные»: a screen
reader, a browser tab and the history could not tell them apart."""

import html
import re

import pytest
from django.utils import translation

from consent.core.ledger import subject_block
from consent.core.models import Source
from forms_app.templatetags.self_service import MY_DATA_HEADINGS
from forms_app.thanks import THANKS_HEADINGS

from .test_selfservice import ask_link, link_path, open_page
from .test_selfservice_once import request_form_data
from .test_selfservice_parent_intro import not_sent_for_the_children

TITLE = re.compile(r"<title>(.*?) · ", re.S)
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def said(response):
    page = response.content.decode()
    return tuple(html.unescape(p.search(page).group(1)).strip() for p in (TITLE, H1))


def expected(lang, heading):
    with translation.override(lang):
        return str(heading)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_self_service_state_has_its_own_title(
    client, person, time_machine, lang, make_subject, texts
):
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    pages = {"ask": client.get(f"/{lang}/my-data/")}
    pages["sent"] = client.get(ask_link(client, lang)["Location"])
    pages["open"] = client.get(link_path())
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)  # past the link's hour
    pages["expired"] = client.post(link_path())
    ask_link(client, lang)
    spent = link_path()
    pages["page"] = client.get(client.post(spent)["Location"])
    pages["used"] = client.__class__().post(spent)  # another browser: the link is spent
    pages["invalid"] = client.post(spent[:-6] + "broken/")

    time_machine.move_to("2027-03-02 10:00+05:00", tick=False)
    open_page(client, lang)
    data = {**request_form_data(client, lang), "message": "Тегімді түзетіңіз."}
    time_machine.move_to("2027-03-02 11:01+05:00", tick=False)  # the page closed meanwhile
    pages["not_sent"] = client.post(f"/{lang}/my-data/request/", data)
    # A parent's requests for their children, sent after the children's page closed.
    pages["not_sent_children"] = not_sent_for_the_children(
        make_subject, texts, lang, message="Туған күні қате."
    )
    subject_block(person, reason="complaint", source=Source.ADMIN)
    open_page(client, lang)
    pages["blocked"] = client.get(f"/{lang}/my-data/")

    table = {**MY_DATA_HEADINGS, "sent": THANKS_HEADINGS["my-data"]}
    assert set(pages) == set(table)  # every state of the table is met here
    shown = {state: said(response) for state, response in pages.items()}
    for state, (title, heading) in shown.items():
        assert title == heading == expected(lang, table[state]), state
    assert len({title for title, _heading in shown.values()}) == len(shown)
