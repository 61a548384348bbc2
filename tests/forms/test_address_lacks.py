"""An address with a part left off: the visitor is told which part, and what to type, in kk and
ru; nothing is stored or mailed."""

import pytest
from post_office.models import Email

from consent.core.models import Subject, Submission
from consent.rights.models import Ticket
from tests.forms.test_email_addresses import FORMS, NO_QUOTES, post

# What is missing, said: the @ sign, or the ending after a host (as an address is said aloud,
# «asel at mail»), with the address meant where one common host is. Each was told to leave out
# spaces, quotes, commas and brackets, none of which it had.
MISSING = {
    "asel": (
        "Мекенжайда @ белгісі жоқ. Мекенжайды толық жазыңыз",
        "В\xa0адресе нет знака @. Введите адрес",
    ),
    "asel.mail.ru": ("Мекенжайда @ белгісі жоқ", "В\xa0адресе нет знака @"),
    "asel@gmail": (
        "«@gmail» дегеннен кейін мекенжайдың соңы жоқ. asel@gmail.com деп",
        "После «@gmail» нет окончания адреса. Возможно, вы имели в\xa0виду asel@gmail.com?",
    ),
    "Asel.K@mail": (
        "«@mail» дегеннен кейін мекенжайдың соңы жоқ: нүктені",
        "После «@mail» нет окончания адреса: добавьте точку",
    ),
    "asel@firma": ("«@firma» дегеннен кейін", "После «@firma» нет окончания"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
@pytest.mark.parametrize("email", MISSING)
def test_what_an_address_lacks_is_named(client, texts, fast, lang, kind, email):
    response = post(client, lang, kind, email)
    assert response.status_code == 200
    error = response.context["form"].errors["email"][0]
    assert MISSING[email][lang == "ru"] in error and NO_QUOTES[lang] not in error
    assert response.context["form"]["email"].value() == email  # shown again as typed
    assert Email.objects.count() == 0
    assert Submission.objects.count() == Subject.objects.count() == Ticket.objects.count() == 0
