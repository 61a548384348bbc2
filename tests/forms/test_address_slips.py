"""An address mistyped on a phone, in every public form that asks for one and in both languages:
the message names what is wrong with what was typed and what to do
(consent/core/address_faults.py), with the address meant where mending the slip makes one. Each
of these was told to leave out spaces, quotes, commas and brackets, and most had none; nothing is
stored or mailed. An address that is fine is taken."""

import pytest
from post_office.models import Email

from consent.core.models import Subject, Submission
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.forms.test_email_addresses import FORMS, NO_QUOTES, post
from tests.texts import SHOWN


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


MEANT = {"kk": "%s деп жазғыңыз келді ме?", "ru": "Возможно, вы имели в\xa0виду %s?"}
# What was typed: (what the kk message says of it, the ru one's, the address meant or None)
SLIPS = {
    "asel@mail.": ("нүктемен бітеді, одан кейін ештеңе жоқ", "заканчивается точкой, после", None),
    "asel@": ("@ белгісінен кейін ештеңе жоқ", "После @ ничего нет", None),
    "@mail.ru": ("@ белгісінің алдында ештеңе жоқ", "Перед @ ничего нет", None),
    "asel@gmail-com": ("нүктенің орнына дефис (-)", "дефис (-) там, где должна быть точка",
                       "asel@gmail.com"),
    "asel@mail-ru": ("нүктенің орнына дефис (-)", "дефис (-) там", "asel@mail.ru"),
    "asel@@mail.ru": ("@ белгісі бірнеше рет", "знак @ встречается больше одного", "asel@mail.ru"),
    "asel@mail..ru": ("қатарынан екі нүкте", "две точки подряд", "asel@mail.ru"),
    "as..el@mail.ru": ("қатарынан екі нүкте", "две точки подряд", "as.el@mail.ru"),
    "asel.@mail.ru": ("@ белгісінің дәл алдында нүкте", "Прямо перед @ стоит точка",
                      "asel@mail.ru"),
    ".asel@mail.ru": ("нүктемен басталады", "начинается с\xa0точки", "asel@mail.ru"),
    "asel@.mail.ru": ("@ белгісінен кейін бірден нүкте", "Сразу после @ стоит точка",
                      "asel@mail.ru"),
    "asel@mail.ru..": ("нүктемен бітеді: оны", "заканчивается точкой: уберите", "asel@mail.ru"),
    "asel@mail,ru": ("нүктенің орнына үтір", "запятая там, где должна быть точка",
                     "asel@mail.ru"),
    "asel@mail.ruasel@mail.ru": ("екі рет жазылған", "введён дважды", "asel@mail.ru"),
    "asel@mail.ru asel@mail.ru": ("екі рет жазылған", "введён дважды", "asel@mail.ru"),
    "Asel@Mail.ru, asel@mail.ru": ("екі рет жазылған", "введён дважды", "Asel@Mail.ru"),
    "mailto:asel@mail.ru": ("«mailto:» сөзімен басталады", "начинается с\xa0«mailto:»",
                            "asel@mail.ru"),
    "MAILTO:asel@mail.kz": ("«mailto:»", "«mailto:»", "asel@mail.kz"),
    "<asel@mail.ru>": ("«<», «>» жақшаларын", "угловых скобок", "asel@mail.ru"),
    "Әсел <asel@mail.ru>": ("атты және", "без имени", "asel@mail.ru"),
    "Asel Kassymova <asel@mail.ru>": ("атты және", "без имени", "asel@mail.ru"),
    # none of the slips above, and nothing the general message names: it names nothing either
    "asel@exa_mple.kz": ("әріп-әрпімен тексеріп", "проверьте его по буквам", None),
}  # fmt: skip
# An invisible mark inside the address (pasted beside right-to-left text), where the form asks
# for an email address: «check it letter by letter» sent the visitor looking for what draws
# nothing. (A parent's contact, an address or a phone, is cleaned as text first: the marks go.)
INVISIBLE = {
    "asel\u200f@mail.ru": ("көрінбейтін таңба бар", "есть невидимый символ", "asel@mail.ru"),
    "as\u202eel@mail.ru\u202c": ("көрінбейтін таңба бар", "есть невидимый символ",
                                  "asel@mail.ru"),
    "asel@mail\u2068.ru": ("көрінбейтін таңба бар", "есть невидимый символ", "asel@mail.ru"),
}  # fmt: skip
# Where else an address is typed: a parent's, on the application of a minor
GUARDIAN = {**FORMS["apply"], "email": "asel@example.kz", "birth_date": "2015-05-17",
            "guardian_name": "Қасым Әлиев", "consent_guardian": "on"}  # fmt: skip
PLACES = [*FORMS, "guardian"]


def post_at(client, lang, place, typed):
    if place == "guardian":
        data = {"token": aged_token(), **SHOWN, **GUARDIAN, "guardian_contact": typed}
        return client.post(f"/{lang}/apply/", data), "guardian_contact"
    return post(client, lang, place, typed), "email"


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("typed", SLIPS)
def test_the_message_says_what_is_wrong_with_the_address(client, texts, fast, lang, place, typed):
    said_of(client, lang, place, typed, SLIPS[typed])


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("place", FORMS)
@pytest.mark.parametrize("typed", INVISIBLE)
def test_an_invisible_mark_in_the_address_is_named(client, texts, fast, lang, place, typed):
    said_of(client, lang, place, typed, INVISIBLE[typed])


def said_of(client, lang, place, typed, slip):
    response, field = post_at(client, lang, place, typed)
    assert response.status_code == 200
    error = response.context["form"].errors[field][0]
    said, meant = slip[lang == "ru"], slip[2]
    assert said in error, error
    if meant:
        assert error.endswith(MEANT[lang] % meant), error
    else:
        assert "?" not in error, error
    assert NO_QUOTES[lang] not in error, error  # «without spaces, quotes, commas or brackets»
    assert response.context["form"][field].value() == typed  # shown again as typed
    assert Email.objects.count() == 0
    assert Submission.objects.count() == Subject.objects.count() == Ticket.objects.count() == 0


# Close to the slips above, and fine: a hyphen inside a host, dots inside a name, a full stop
# after the address, a host whose name ends like an ending
FINE = ["asel.k@mail.ru", "asel-k@my-firm.kz", "asel@mail-ru.com", "asel@example.kz.",
        "asel@kazakh-ru.kz", "a.s.e.l@mail.kz", "asel+news@gmail.com"]  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("typed", FINE)
def test_an_address_that_is_fine_is_taken(client, texts, fast, lang, place, typed):
    response, field = post_at(client, lang, place, typed)
    if response.status_code == 200:
        assert field not in response.context["form"].errors, response.context["form"].errors
    assert response.status_code == 302
