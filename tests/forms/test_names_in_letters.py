"""A name, a person's or a place's, is written in letters: one with an emoji, a flag, a keycap,
a maths or currency sign in it, or with no letter at all («***», «123»), is refused in the
visitor's language and nothing is stored (common.text.validate_name), on every form that asks
for a name and at the desk's correction. Names as people write them still pass: initials,
hyphens, apostrophes, a place's number."""

import pytest

from consent.core.models import Guardian, Subject, Submission
from tests.forms.test_compatibility_letters import APPLY, CONTACT, MINOR, post

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
}
KEPT = ["Ж. Әлиев", "Анна-Мария О'Коннор", "O`rynbasar", "Қасымова (Әлиева)", "Өскемен-2"]
SAYS = {"kk": "әріптермен", "ru": "буквами"}
FIELDS = [("contact", "full_name", CONTACT), ("apply", "full_name", APPLY),
          ("apply", "birth_place", APPLY), ("apply", "guardian_name", MINOR)]  # fmt: skip


@pytest.fixture
def fast(settings):
    settings.FORM_RATE_LIMIT = "1000/60"


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


@pytest.mark.parametrize("name", KEPT)
@pytest.mark.parametrize("kind,field,base", FIELDS)
def test_names_as_people_write_them_pass(client, texts, fast, name, kind, field, base):
    assert post(client, "kk", kind, {**base, field: name}).status_code == 302
    if field == "guardian_name":
        assert Guardian.objects.get().full_name == name
    else:
        assert Submission.objects.get().data[field] == name


def test_the_newsletter_name_is_refused_alike(client, texts, fast):
    data = {"email": "asel@example.kz", "full_name": "🌸🌸", "consent_marketing": "on"}
    response = post(client, "ru", "newsletter", data)
    assert response.status_code == 200 and SAYS["ru"] in response.content.decode()
    assert not Subject.objects.exists()
