"""The request form on a person's own page is sent once: a double tap on «Send the request»,
or the form sent again from a page left open, opens one request on the desk, not two."""

import re

import pytest

from consent.core.models import AuditEvent
from consent.rights.models import Ticket

from .test_selfservice import ask_link, link_path, open_page

EXPIRED = {"kk": "Форманың мерзімі өтіп кетті", "ru": "Срок действия формы истёк"}


def request_form_data(client, lang):
    """What the page's request form sends, as the browser would, token included."""
    page = client.get(f"/{lang}/my-data/").content.decode()
    form = page[page.index(f'action="/{lang}/my-data/request/"') :]
    token = re.search(r'name="token" value="([^"]+)"', form).group(1)
    return {"type": "correct", "message": "Тегім қате: Қасымова", "token": token}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_double_tap_on_send_opens_one_request(client, person, lang):
    open_page(client, lang)
    data = request_form_data(client, lang)
    for _tap in range(2):
        response = client.post(f"/{lang}/my-data/request/", data)
        assert response.status_code == 302 and response["Location"] == f"/{lang}/my-data/"
    [ticket] = Ticket.objects.filter(subject=person, type="correct")
    page = client.get(f"/{lang}/my-data/").content.decode()
    assert page.count(ticket.reference) >= 1
    # The page again gives a new token: a second request on purpose is opened.
    client.post(f"/{lang}/my-data/request/", {**request_form_data(client, lang), "type": "block"})
    assert Ticket.objects.filter(subject=person).count() == 2


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("token", [None, "", "forged:token"])
def test_a_request_without_a_valid_token_is_asked_again_with_what_was_typed(
    client, person, lang, token
):
    open_page(client, lang)
    data = {**request_form_data(client, lang), "token": token}
    if token is None:
        del data["token"]
    response = client.post(f"/{lang}/my-data/request/", data)
    html = response.content.decode()
    assert response.status_code == 200 and EXPIRED[lang] in html
    assert "Тегім қате: Қасымова" in html and re.search(r'value="correct"[^>]*checked', html)
    assert not Ticket.objects.filter(subject=person).exists()


@pytest.mark.parametrize("lang,closed,kept", [
    ("kk", "Сіздің бетіңіз жабылды", "Өтінішіңіз жіберілмеді"),
    ("ru", "Ваша страница закрыта", "Ваш запрос не отправлен"),
])  # fmt: skip
def test_a_request_written_past_the_hour_is_shown_back_to_copy(
    client, person, lang, closed, kept, time_machine
):
    """A request typed on a page left open past its hour went to the page that asks for a link,
    the text gone: a person who took the hour to write it had to write it again. The page says
    it was not sent and holds the text, to copy."""
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client, lang)
    data = {
        **request_form_data(client, lang),
        "message": "Тегім қате:\n<b>Қасымова</b> 👨\u200d👩\u200d👧",
    }
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)
    response = client.post(f"/{lang}/my-data/request/", data)
    html = response.content.decode()
    assert response.status_code == 200 and closed in html and kept in html
    assert "Тегім қате:\n&lt;b&gt;Қасымова&lt;/b&gt; 👨\u200d👩\u200d👧</textarea>" in html
    assert 'name="email"' in html  # where to ask for a new link
    assert not Ticket.objects.filter(subject=person).exists()
    assert closed not in client.get(f"/{lang}/my-data/").content.decode()  # said once


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_link_pressed_again_where_it_was_spent_finds_the_page_open(
    client, person, make_subject, lang, time_machine
):
    """Opened, then Back to the link's page and its button pressed again (or a second tap):
    the page said «this link was used» and sent the person for a new one, though their page
    was open. It is shown; the link still opens nothing anywhere else."""
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    ask_link(client, lang)
    path, mine = link_path(), f"/{lang}/my-data/"
    assert client.post(path)["Location"] == mine
    assert client.get(path).status_code == 200  # Back
    again = client.post(path)
    assert again.status_code == 302 and again["Location"] == mine
    assert "asel@example.kz" in client.get(mine).content.decode()
    opened = AuditEvent.objects.filter(action=AuditEvent.Action.SELF_SERVICE_OPEN)
    assert opened.count() == 1
    assert type(client)().post(path).status_code == 400  # another browser
    other = make_subject(full_name="Other", email="other@example.kz")
    neighbour = type(client)()
    ask_link(neighbour, lang, email=other.email)
    neighbour.post(link_path(other.email))
    assert neighbour.post(path).status_code == 400  # a page open on someone else
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)
    assert client.post(path).status_code == 400  # the hour is over


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_another_request_from_the_same_showing_of_the_page_is_opened(client, person, lang):
    """The page left open in a tab after a correction was sent, a blocking chosen there and
    sent: the token of that showing, spent on the correction, opened nothing and the page said
    nothing, so the person took the blocking for asked."""
    open_page(client, lang)
    data = request_form_data(client, lang)
    client.post(f"/{lang}/my-data/request/", data)
    client.post(f"/{lang}/my-data/request/", {**data, "type": "block", "message": ""})
    assert set(Ticket.objects.filter(subject=person).values_list("type", flat=True)) == {
        "correct",
        "block",
    }
