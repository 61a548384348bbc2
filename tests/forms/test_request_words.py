"""A question or a correction sent from a form says something: «other» with nothing written
opened a request with nothing in it to answer (and another one each time it was sent, since two
questions join only by their words), a correction told the desk nothing of what was wrong. The
form says what is missing, in the visitor's language, and nothing is stored."""

import pytest

from consent.rights.models import Ticket
from forms_app.my_data_forms import WardRequestForm
from tests.conftest import aged_token
from tests.rights.test_selfservice import open_page

SAYS = {
    ("kk", "other"): "Сұрағыңызды жазыңыз: сұрақсыз өтінішке жауап бере алмаймыз.",
    ("ru", "other"): "Напишите свой вопрос: на запрос без вопроса нам нечего ответить.",
    ("kk", "correct"): "Не қате екенін және қалай дұрыс екенін жазыңыз: онсыз деректеріңізді "
    "түзете алмаймыз.",
    ("ru", "correct"): "Укажите, что неверно и\xa0как правильно: без этого мы не сможем исправить "
    "ваши данные.",
}
# Nothing, or only what the form's cleaning takes away: spaces, a line break, a zero-width space.
NOTHING = ["", " \n\u200b "]


@pytest.fixture
def person(texts, make_subject):
    return make_subject(email="asel@example.kz")


@pytest.mark.parametrize("lang, kind", SAYS)
@pytest.mark.parametrize("message", NOTHING)
def test_the_request_form_asks_for_the_words(client, person, lang, kind, message):
    data = {"token": aged_token(), "type": kind, "email": "asel@example.kz", "message": message}
    response = client.post(f"/{lang}/requests/new/", data)
    assert response.status_code == 200
    assert SAYS[lang, kind] in response.content.decode()
    assert not Ticket.objects.exists()


@pytest.mark.parametrize("kind", ["other", "correct", "access", "destroy"])
def test_with_its_words_or_of_another_type_it_is_sent(client, person, kind):
    message = "Тегім қате: Қасымова" if kind in ("other", "correct") else ""
    data = {"token": aged_token(), "type": kind, "email": "asel@example.kz", "message": message}
    assert client.post("/kk/requests/new/", data).status_code == 302
    assert Ticket.objects.get().type == kind


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_persons_page_asks_for_what_to_correct(client, person, lang):
    open_page(client, lang)
    page = client.get(f"/{lang}/my-data/").content.decode()
    token = page[page.index(f'action="/{lang}/my-data/request/"') :].split('name="token" value="')
    data = {"type": "correct", "message": NOTHING[1], "token": token[1].split('"')[0]}
    response = client.post(f"/{lang}/my-data/request/", data)
    assert response.status_code == 200
    assert SAYS[lang, "correct"] in response.content.decode()
    assert not Ticket.objects.exists()
    data["message"] = "Тегім қате: Қасымова"
    assert client.post(f"/{lang}/my-data/request/", data).status_code == 302
    assert Ticket.objects.get().type == "correct"


def test_a_parent_says_what_to_correct_of_their_childs_data():
    class Row:
        pk = 7

    blank = WardRequestForm({"child": "7", "type": "correct", "message": ""}, rows=[Row])
    assert list(blank.errors) == ["message"]
    block = WardRequestForm({"child": "7", "type": "block", "message": ""}, rows=[Row])
    assert block.is_valid()


# What «Details» says beside it and under it, for the types the form offers (it said «optional»).
MARKED = {
    ("kk", "/kk/requests/new/"): (
        "(түзету немесе сұрақ үшін міндетті)",
        "Түзету үшін не қате екенін және қалай дұрыс екенін жазыңыз; сұрақ болса, оны жазыңыз. "
        "Басқа өтініштерге толығырақ жазу қажет емес.",
    ),
    ("ru", "/ru/requests/new/"): (
        "(обязательно для исправления или вопроса)",
        "Для исправления укажите, что неверно и\xa0как правильно; для вопроса напишите его. "
        "Для других запросов подробности не нужны.",
    ),
    ("kk", "/kk/my-data/"): (
        "(түзету үшін міндетті)",
        "Түзету үшін не қате екенін және қалай дұрыс екенін жазыңыз. Басқа өтініштерге "
        "толығырақ жазу қажет емес.",
    ),
    ("ru", "/ru/my-data/"): (
        "(обязательно для исправления)",
        "Для исправления укажите, что неверно и\xa0как правильно. Для других запросов "
        "подробности не нужны.",
    ),
}


@pytest.mark.parametrize("lang, path", MARKED)
def test_the_details_say_when_they_are_needed(client, person, lang, path):
    if "my-data" in path:
        open_page(client, lang)
    page = client.get(path).content.decode()
    mark, help_text = MARKED[lang, path]
    label = page[page.index('<label for="id_message">') :].split("</label>", 1)[0]
    assert mark in label and "(міндетті емес)" not in label and "(необязательно)" not in label
    assert f'<p class="hint" id="id_message_helptext">{help_text}</p>' in page
    textarea = page[page.index('<textarea name="message"') :].split(">", 1)[0]
    assert 'aria-describedby="id_message_helptext"' in textarea
