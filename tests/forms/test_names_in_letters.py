"""A name, a person's or a place's, is written in letters: one with an emoji, a flag, a keycap,
a maths or currency sign in it, with no letter at all («***», «123»), or with one letter only
(«А», «Ж.»), is refused in the visitor's language and nothing is stored
(common.text.validate_name), on every form that asks for a name and at the desk's correction; a
person's name has no digit. Names as people write them still pass: two-letter names («Ли», «Ән»),
initials, hyphens, apostrophes, double-barrelled names, a place's number."""

import pytest

from consent.core.models import Guardian, Subject, Submission
from tests.forms.test_compatibility_letters import APPLY, CONTACT, MINOR, post


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


REFUSED = {
    "emoji": "Әсел 🌸",
    "emoji with skin tone": "Асель 👍🏽",
    "flag": "🇰🇿 Қасымова",
    "keycap": "Асель 1\ufe0f\u20e3",
    "enclosing circle": "А\u20dd",
    "maths": "Асель ∑",
    "currency": "Асель $",
    "no letter": "***",
    "digits only": "123",
    "emoji only": "🌸🌸",
    "punctuation only": "-- ...",
    # Modifier letters, which Python's isalpha() counts: an Arabic line's stretch, apostrophes.
    "tatweel only": "ـ ـ",
    "modifier apostrophes only": "ʼʼ ʻʻ",
}
# One letter is an initial or a slip of the thumb, in any script and whatever surrounds it.
ONE_LETTER = {
    "Cyrillic": "А",
    "Kazakh": "Ә",
    "Latin": "a",
    "initial": "Ж.",
    "with punctuation": "- Қ -",
    "with a digit": "Ө1",
}
KEPT = ["Ж. Әлиев", "Анна-Мария О'Коннор", "O`rynbasar", "Қасымова (Әлиева)", "Ли", "Ән",
        "O'Neil", "Жұмабай-ұлы", "Қасымова-Сейітжанова Әсел", "Wu", "Д’Артаньян",
        "Oʻrinboy", "Дʼарк"]  # fmt: skip
SAYS = {"kk": "әріптермен", "ru": "буквами"}
SAYS_IN_FULL = {"kk": "кемінде екі әріп", "ru": "не менее двух букв"}
FIELDS = [("contact", "full_name", CONTACT), ("apply", "full_name", APPLY),
          ("apply", "birth_place", APPLY), ("apply", "guardian_name", MINOR)]  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", REFUSED)
@pytest.mark.parametrize("kind,field,base", FIELDS)
def test_a_name_not_in_letters_is_refused(client, texts, fast, lang, case, kind, field, base):
    response = post(client, lang, kind, {**base, field: REFUSED[case]})
    assert response.status_code == 200
    page = response.content.decode()
    assert SAYS[lang] in page and REFUSED[case] in page  # told, and what was typed shown again
    assert not Submission.objects.exists() and not Subject.objects.exists()
    assert not Guardian.objects.exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", ONE_LETTER)
@pytest.mark.parametrize("kind,field,base", FIELDS)
def test_a_name_of_one_letter_is_refused(client, texts, fast, lang, case, kind, field, base):
    response = post(client, lang, kind, {**base, field: ONE_LETTER[case]})
    assert response.status_code == 200
    page = response.content.decode().replace("\xa0", " ")
    assert SAYS_IN_FULL[lang] in page or SAYS[lang] in page
    assert not Submission.objects.exists() and not Subject.objects.exists()
    assert not Guardian.objects.exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind,field,base", [f for f in FIELDS if f[1] != "birth_place"])
def test_a_persons_name_with_a_digit_is_refused(client, texts, fast, lang, kind, field, base):
    response = post(client, lang, kind, {**base, field: "Асель 2"})
    assert response.status_code == 200 and SAYS[lang] in response.content.decode()
    assert not Submission.objects.exists() and not Subject.objects.exists()


def test_a_place_keeps_its_number(client, texts, fast):
    assert post(client, "kk", "apply", {**APPLY, "birth_place": "Өскемен-2"}).status_code == 302
    assert Submission.objects.get().data["birth_place"] == "Өскемен-2"


@pytest.mark.parametrize("name", KEPT)
@pytest.mark.parametrize("kind,field,base", FIELDS)
def test_names_as_people_write_them_pass(client, texts, fast, name, kind, field, base):
    assert post(client, "kk", kind, {**base, field: name}).status_code == 302
    if field == "guardian_name":
        assert Guardian.objects.get().full_name == name
    else:
        assert Submission.objects.get().data[field] == name


@pytest.mark.parametrize("typed", ["🌸🌸", "Я", "7"])
def test_the_newsletter_name_is_refused_alike(client, texts, fast, typed):
    data = {"email": "asel@example.kz", "full_name": typed, "consent_marketing": "on"}
    response = post(client, "ru", "newsletter", data)
    page = response.content.decode().replace("\xa0", " ")
    assert response.status_code == 200 and (SAYS["ru"] in page or SAYS_IN_FULL["ru"] in page)
    assert not Subject.objects.exists()


@pytest.mark.parametrize("name", ["Ли", "O'Neil", ""])
def test_the_newsletter_takes_a_short_name_or_none(client, texts, fast, name):
    data = {"email": "asel@example.kz", "full_name": name, "consent_marketing": "on"}
    assert post(client, "kk", "newsletter", data).status_code == 302
