"""A common mail host mistyped by one letter («asel@gmial.com», «asel@gmail.co»), in every public
form that asks for an address and in both languages: the address was taken, and the
acknowledgement and the confirmation link went to somebody else's domain. Now the form asks
whether the visitor meant the common host (forms_app/address_typos.py); the domain may be their
own, so the same address sent again is taken. A service in its own right («mail.com», «gmx.com»,
«ya.ru») is never questioned."""

import html
import re

import pytest
from post_office.models import Email

from consent.core.models import Subject, Submission
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.forms.test_address_slips import GUARDIAN, PLACES, post_at
from tests.forms.test_email_addresses import FORMS
from tests.texts import SHOWN


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


MEANT = {"kk": "%s деп жазғыңыз келді ме?", "ru": "Возможно, вы имели в\xa0виду %s?"}
AGAIN = {"kk": "форманы өзгертпей қайта жіберіңіз", "ru": "отправьте форму ещё раз"}
# What was typed, and the address meant
TYPOS = {
    "asel@gmial.com": "asel@gmail.com",
    "asel@gmal.com": "asel@gmail.com",
    "asel@gmail.co": "asel@gmail.com",
    "asel@gmail.cm": "asel@gmail.com",
    "Asel.K@mial.ru": "Asel.K@mail.ru",
    "asel@yandx.ru": "asel@yandex.ru",
    "asel@yadnex.kz": "asel@yandex.kz",
    "asel@inbx.ru": "asel@inbox.ru",
    "asel@lsit.ru": "asel@list.ru",
    "asel@mail.kr": "asel@mail.kz",
    "asel@yahooo.com": "asel@yahoo.com",
    "asel@outlok.com": "asel@outlook.com",
    "asel@iclod.com": "asel@icloud.com",
}
# One slip from a common host, and mail services in their own right; a common host's name
# with another's ending («gmail.kz»: gmail.com or mail.kz?), and a short name's neighbour.
OWN_RIGHT = ["asel@mail.com", "asel@gmx.com", "asel@ya.ru", "asel@mail.kg", "asel@ymail.com",
             "asel@email.com", "asel@gmail.kz", "asel@vk.ru", "asel@mail.ru",
             "asel@gmail.com"]  # fmt: skip


def field_of(place):
    return "guardian_contact" if place == "guardian" else "email"


def stored_nothing():
    assert Email.objects.count() == 0
    assert Submission.objects.count() == Subject.objects.count() == Ticket.objects.count() == 0


def suggested(client, lang, place, typed, meant):
    """The form's answer to `typed`: the address meant asked about, the typed one kept to send
    again as it is; nothing stored or mailed. The page."""
    response, field = post_at(client, lang, place, typed)
    assert response.status_code == 200
    error = response.context["form"].errors[field][0]
    assert error.startswith(MEANT[lang] % meant) and AGAIN[lang] in error, error
    assert response.context["form"][field].value() == typed  # shown again as typed
    stored_nothing()
    return response.content.decode()


def sent_again(client, lang, place, page, typed):
    """The page sent again with `typed` in the address field, its hidden fields as they are
    and a new token."""
    hidden = re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', page)
    fields = {name: html.unescape(value) for name, value in hidden if name != "token"}
    data = {**(GUARDIAN if place == "guardian" else FORMS[place]), **SHOWN, **fields,
            field_of(place): typed, "token": aged_token()}  # fmt: skip
    return client.post(f"/{lang}/{'apply' if place == 'guardian' else place}/", data)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typed", TYPOS)
def test_a_common_host_mistyped_is_asked_about(client, texts, fast, lang, typed):
    suggested(client, lang, "contact", typed, TYPOS[typed])


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("place", PLACES)
def test_the_address_sent_again_as_it_is_is_taken(client, texts, fast, lang, place):
    """Every form that asks for an address, the self-service pages' too: asked once, and
    taken as typed when the visitor insists."""
    typed = "asel@gmial.com"
    page = suggested(client, lang, place, typed, "asel@gmail.com")
    field = field_of(place)
    response = sent_again(client, lang, place, page, typed)
    if response.status_code == 200:
        assert field not in response.context["form"].errors, response.context["form"].errors
    assert response.status_code == 302


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_another_address_sent_after_the_suggestion_is_asked_about_anew(client, texts, fast, lang):
    """The suggestion declined holds for the address it was made for, not another mistyped one."""
    page = suggested(client, lang, "newsletter", "asel@gmial.com", "asel@gmail.com")
    response = sent_again(client, lang, "newsletter", page, "asel@yahooo.com")
    assert response.status_code == 200
    assert (MEANT[lang] % "asel@yahoo.com") in response.context["form"].errors["email"][0]
    stored_nothing()


@pytest.mark.parametrize("typed", OWN_RIGHT)
def test_a_host_in_its_own_right_is_taken_at_once(client, texts, fast, typed):
    """The slip is asked about, a service one slip from a common host is not."""
    suggested(client, "ru", "newsletter", "asel@gmial.com", "asel@gmail.com")
    response, field = post_at(client, "ru", "newsletter", typed)
    if response.status_code == 200:
        assert field not in response.context["form"].errors, response.context["form"].errors
    assert response.status_code == 302


OTHER = {"kk": "ru", "ru": "kk"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("place", PLACES)
def test_the_question_about_a_mistyped_host_is_asked_again_in_the_language_switched_to(
    client, texts, fast, lang, place
):
    """A visitor asked «did you mean asel@gmail.com?» switches language to read the question in
    theirs: it went, the page marking it asked already, and «Send» took asel@gmial.com unread.
    It is asked again in the new language; sent again unchanged from there, it is taken."""
    typed = "asel@gmial.com"
    page = suggested(client, lang, place, typed, "asel@gmail.com")
    hidden = re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', page)
    fields = {name: html.unescape(value) for name, value in hidden}
    data = {**(GUARDIAN if place == "guardian" else FORMS[place]), **SHOWN, **fields,
            field_of(place): typed}  # fmt: skip
    other = OTHER[lang]
    path = f"/{other}/{'apply' if place == 'guardian' else place}/"
    switched = client.post(path, {**data, "switch_language": other})

    assert switched.status_code == 200
    errors = switched.context["form"].errors.get(field_of(place), [])
    assert errors and errors[0].startswith(MEANT[other] % "asel@gmail.com"), errors
    stored_nothing()
    response = sent_again(client, other, place, switched.content.decode(), typed)
    assert response.status_code == 302
