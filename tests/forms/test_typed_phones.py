"""A phone number as people type it: a mobile or an Öskemen landline, with spaces of any kind,
dashes, brackets, full-width digits, and an office's extension. Every spelling of a number is
held as E.164, and an extension is held with it (RFC 3966's «;ext=»), never dropped."""

import re

import pytest

from consent.core.models import Guardian, Subject, Submission


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


MOBILE = "+77051234567"
OFFICE = "+77232123456"
TYPED = {
    "+7 705 123 45 67": MOBILE,
    "87051234567": MOBILE,
    "+7-705-123-4567": MOBILE,
    "8 (705) 123-45-67": MOBILE,
    "+7\u00a0705\u00a0123\u00a045\u00a067": MOBILE,  # no-break spaces, from a contact card
    "+7\u202f705\u2009123\u200b45 67": MOBILE,  # narrow, thin and zero-width spaces
    "８７０５１２３４５６７": MOBILE,  # full-width digits
    "8\u2011705\u2011123\u201145\u201167": MOBILE,  # non-breaking hyphens
    "WhatsApp: 87051234567": MOBILE,  # words before the number are read past
    "8 (7232) 12-34-56": OFFICE,  # an Öskemen landline
    # an extension, in the words people write before it
    "8 (7232) 12-34-56 доб. 12": OFFICE + ";ext=12",
    "8 (7232) 12-34-56, доб.12": OFFICE + ";ext=12",
    "+7 7232 12 34 56 ext. 12": OFFICE + ";ext=12",
    "8 7232 123456 x12": OFFICE + ";ext=12",
    "8 (7232) 12-34-56, ішкі 12": OFFICE + ";ext=12",
    "8 (7232) 12-34-56 ІШКІ 1234": OFFICE + ";ext=1234",
    "8 (7232) 12-34-56 вн. 12": OFFICE + ";ext=12",
    "8 (7232) 12-34-56 внутр. 12": OFFICE + ";ext=12",
    "+7 (7232) 12-34-56 добавочный 1234": OFFICE + ";ext=1234",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typed", TYPED)
def test_a_number_is_held_as_typed_with_its_extension(
    client, texts, fast, contact_data, lang, typed
):
    """«8 (7232) 12-34-56 доб. 12» was accepted and held as «+77232123456»: the extension was
    dropped without a word, and staff could call only the switchboard; «ішкі 12», the Kazakh
    word, and «вн. 12» were refused as not a phone number."""
    response = client.post(f"/{lang}/contact/", contact_data(phone=typed))
    assert response.status_code == 302
    assert Subject.objects.get().phone == TYPED[typed]
    assert Submission.objects.get().data["phone"] == TYPED[typed]


def test_a_guardians_number_keeps_its_extension(client, texts, application_data):
    child = application_data(
        birth_date="2015-05-17",
        guardian_name="Қасым Әлиев",
        guardian_contact="8 (7232) 12-34-56 ішкі 12",
        consent_guardian="on",
    )
    assert client.post("/kk/apply/", child).status_code == 302
    assert Guardian.objects.get().contact == OFFICE + ";ext=12"


# (what is typed, what the visitor is told) in each language: what to fix, where it can be told
ANY = {"kk": "Қазақстандық телефон нөмірін", "ru": "казахстанский номер телефона"}
ONE = {"kk": "Тек бір телефон нөмірін", "ru": "только один номер телефона"}
CODE = {"kk": "қаланың кодын", "ru": "код города"}
REFUSED = {
    "+7 912 345 67 89": ANY,  # a Russian number
    "+7 912 345 67 89 (WhatsApp)": ANY,
    "8 705 ішкі": ANY,
    "+7 705 123 45 67 (WhatsApp)": ONE,  # was «enter a Kazakhstan number», which it is
    "8 705 123 45 67 или 8 777 123 45 67": ONE,
    "12-34-56": CODE,  # an Öskemen landline as its owner says it
    "1234567": CODE,
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typed", REFUSED)
def test_a_number_refused_says_what_to_fix(client, texts, fast, contact_data, lang, typed):
    response = client.post(f"/{lang}/contact/", contact_data(phone=typed))
    assert response.status_code == 200
    assert REFUSED[typed][lang] in response.context["form"].errors["phone"][0]
    assert Submission.objects.count() == Subject.objects.count() == 0


# A digit missed or typed twice, the commonest slip on a phone's keypad: the visitor was told to
# «enter a Kazakhstan number», and saw one on the screen. The page says how many digits it has.
COUNTED = {
    "8 705 123 45 6": 10,
    "+7 (705) 123-45-6": 10,
    "8 705 123 45 677": 12,
    "+7 705 123 45 67 7": 12,
    "8 (7232) 12-34-5 доб. 12": 10,  # the extension's digits are not the number's
    "8705123456": 10,
    # cut short: it starts with 8 or +7, which no city number does, and was told to add the
    # city's code (6 and 7 digits) or only to enter a Kazakhstan number (8)
    "8 701 12": 6,
    "+7 701 123": 7,
    "8 701 123 4": 8,
    "+7 (7232) 12": 7,
}
# what each language says, and how it says the count
ELEVEN = {
    "kk": "Қазақстандық нөмір басындағы 8-ді немесе +7-ні қоса есептегенде 11\u00a0цифрдан",
    "ru": "В\u00a0казахстанском номере 11\u00a0цифр вместе с\u00a08\u00a0или +7",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typed", COUNTED)
def test_a_digit_missed_or_doubled_is_counted(client, texts, fast, contact_data, lang, typed):
    response = client.post(f"/{lang}/contact/", contact_data(phone=typed))
    assert response.status_code == 200
    error = response.context["form"].errors["phone"][0]
    assert ELEVEN[lang] in error and f"\u00a0— {COUNTED[typed]}." in error
    assert response.context["form"]["phone"].value() == typed  # shown again as typed
    assert Submission.objects.count() == Subject.objects.count() == 0


def test_a_guardians_number_a_digit_short_is_counted(client, texts, application_data):
    child = application_data(birth_date="2015-05-17", guardian_name="Қасым Әлиев",
                             guardian_contact="8 701 123 45 6", consent_guardian="on")  # fmt: skip
    response = client.post("/kk/apply/", child)
    error = response.context["form"].errors["guardian_contact"][0]
    assert ELEVEN["kk"] in error and "\u00a0— 10." in error
    assert Guardian.objects.count() == Submission.objects.count() == 0


# A Kazakh keyboard has its letters on the digit keys: a number typed without switching to
# English comes out with letters in it, and the usual example said nothing of why.
KEYS = {"kk": "цифрлармен", "ru": "цифрами"}
KAZAKH_KEYS = ["8 ү05 123 45 67", "ү ғ ә і ң ұ қ ө һ", "+7 7ҚҚ 123 45 67"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typed", KAZAKH_KEYS)
def test_digits_typed_as_kazakh_letters_are_named(client, texts, fast, contact_data, lang, typed):
    response = client.post(f"/{lang}/contact/", contact_data(phone=typed))
    assert response.status_code == 200
    error = response.context["form"].errors["phone"][0]
    letters = dict.fromkeys(ch for ch in typed if ch.isalpha())
    assert KEYS[lang] in error and ", ".join(f"«{ch}»" for ch in letters) in error
    # one letter or nine: the sentence never says «they» or «these letters» of what it names
    assert not re.search(r"\b(они|их|бұл әріптер)\b", error), error
    assert Submission.objects.count() == Subject.objects.count() == 0


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(("typed", "said"), [("8 701 123 45 67 (мама)", ONE),
                                             ("8 ү01 123 45 67", KEYS)])  # fmt: skip
def test_a_guardians_number_refused_says_what_to_fix(client, texts, application_data, lang,
                                                     typed, said):  # fmt: skip
    """The guardian's box is read by the same rule as the person's: a word beside the number,
    or digits typed as a Kazakh keyboard's letters, each told what to fix."""
    child = application_data(birth_date="2015-05-17", guardian_name="Қасым Әлиев",
                             guardian_contact=typed, consent_guardian="on")  # fmt: skip
    response = client.post(f"/{lang}/apply/", child)
    assert said[lang] in response.context["form"].errors["guardian_contact"][0]
    assert Submission.objects.count() == 0


# Latin letters in a number: phonenumbers reads them as a phone keypad's (ABC is 2, O is 6),
# so «+7 701 abc 45 67» was held as +77012224567, a number the visitor never typed, and a
# letter O typed for a zero was refused with only «enter a Kazakhstan number».
DIGITS = {"kk": "цифрлармен", "ru": "цифрами"}
LATIN_LETTERS = {
    "+7 701 abc 45 67": ["a", "b", "c"],
    "8 701 CALL NOW": ["C", "A", "L", "N", "O", "W"],
    "8 701 FLOWERS": ["F", "L", "O", "W", "E", "R", "S"],
    "87O11234567": ["O"],  # the letter O for a zero
    "8 701 123 45 6O": ["O"],
    "87О11234567": ["О"],  # a Cyrillic О
    "8 7o1 123 45 67": ["o"],
    "+7 701 123 4S 67": ["S"],
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typed", LATIN_LETTERS)
def test_letters_in_a_number_are_named_never_read_as_digits(
    client, texts, fast, contact_data, lang, typed
):
    response = client.post(f"/{lang}/contact/", contact_data(phone=typed))
    assert response.status_code == 200
    error = response.context["form"].errors["phone"][0]
    assert DIGITS[lang] in error and ", ".join(f"«{ch}»" for ch in LATIN_LETTERS[typed]) in error
    assert Submission.objects.count() == Subject.objects.count() == 0


def test_a_guardians_number_in_letters_is_not_read_as_digits(client, texts, application_data):
    child = application_data(birth_date="2015-05-17", guardian_name="Қасым Әлиев",
                             guardian_contact="8 701 CALL NOW", consent_guardian="on")  # fmt: skip
    response = client.post("/ru/apply/", child)
    assert "«C», «A», «L», «N», «O», «W»" in response.context["form"].errors["guardian_contact"][0]
    assert Guardian.objects.count() == Submission.objects.count() == 0


# A parent giving both ways to reach them in the one box: the address's own message (no spaces or
# commas) said nothing of the number, and the parent could not tell what to leave out.
BOTH = {"kk": "Екеуінің біреуін ғана жазыңыз", "ru": "Укажите что-то одно"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("typed", ["8 777 123 45 67 nursultan@mail.kz",
                                   "nursultan@mail.kz, +7 (777) 123-45-67"])  # fmt: skip
def test_a_guardians_phone_and_address_together_are_told_to_give_one(
    client, texts, application_data, lang, typed
):
    child = application_data(birth_date="2015-05-17", guardian_name="Нұрсұлтан Әбішұлы",
                             guardian_contact=typed, consent_guardian="on")  # fmt: skip
    response = client.post(f"/{lang}/apply/", child)
    assert BOTH[lang] in response.context["form"].errors["guardian_contact"][0]
    assert response.context["form"]["guardian_contact"].value() == typed
    assert Guardian.objects.count() == Submission.objects.count() == 0
