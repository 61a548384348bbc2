"""No field a visitor fills in has a `maxlength` in the page: a browser cuts a pasted text at it
without a word. The form checks the length of the cleaned text and shows a longer one again,
whole, with the limit, in the visitor's language."""

import re

import pytest

from forms_app.models import UsedFormToken
from tests.conftest import aged_token
from tests.texts import SHOWN

PAGES = ["contact/", "apply/", "newsletter/", "requests/new/", "my-data/"]
AT_MOST = {
    "kk": "Мәтін 5000 таңбадан аспауы керек, ал мұнда — 5706. Оны қысқартыңыз.",
    "ru": "В тексте может быть не более 5000 символов, а здесь — 5706. Сократите его.",
}
# Django's own words for it, which spoke of a «value» («Убедитесь, что это значение содержит не
# более 5000 символов (сейчас 5706)», «Бұл мәнде көп дегенде…»): no visitor types a value.
DJANGOS = {"kk": "Бұл мәнде", "ru": "это значение"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("path", PAGES)
def test_no_field_of_a_form_page_cuts_what_is_pasted(client, texts, lang, path):
    html = client.get(f"/{lang}/{path}").content.decode()
    fields = re.findall(r"<(?:input|textarea)\b[^>]*>", html)
    assert any('name="email"' in field for field in fields)
    assert [field for field in fields if "maxlength" in field] == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_letter_pasted_whole_comes_back_whole_with_the_limit(client, texts, lang):
    """The limit and the letter's length said in a visitor's words, not Django's «value»."""
    letter = "Сәлеметсіз бе! Менің сұрағым мынадай. " * 150 + "Соңы 👋"  # 5,706 characters
    data = {"token": aged_token(), **SHOWN, "full_name": "Әсел Қасымова",
            "email": "asel@example.kz", "phone": "8 701 123 45 67", "message": letter,
            "consent_service": "on"}  # fmt: skip
    response = client.post(f"/{lang}/contact/", data)
    html = response.content.decode()
    assert response.status_code == 200 and AT_MOST[lang] in " ".join(html.split())
    assert DJANGOS[lang] not in html
    assert letter.strip() in html  # the end of the letter too, to shorten as the visitor likes
    assert not UsedFormToken.objects.exists()
