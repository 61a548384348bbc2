"""The person responsible for organising the processing, as the consent text and the policy page
name them: each filled the sentence «…: {person}, {contact}.» with the two settings, so a contact
not set read «Test Responsible, .» in a text people consent to (and frozen with it once
published), and a contact without a person was not said at all. One filling, the two joined
(declarations.operator), in kk and ru alike."""

import re

import pytest

from consent.core.models import ConsentText
from consent.core.purposes import SERVICE
from consent.core.texts import render_consent

PERSON, CONTACT = "Test Responsible", "dpo@example.kz"
SAID = {"kk": "Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға: ",
        "ru": "Лицо, ответственное за организацию обработки персональных данных: "}  # fmt: skip
# What each combination of the two settings says, after the sentence's opening words.
CASES = [
    ({}, f"{PERSON}, {CONTACT}."),
    ({"responsible_contact": ""}, f"{PERSON}."),
    ({"responsible_person": ""}, f"{CONTACT}."),
    ({"responsible_person": "", "responsible_contact": ""}, None),
]


def no_empty_filling(text):
    """Nothing filled in with nothing: no «, .», «: .», «: ,»."""
    return not re.search(r"[:,]\s*[,.]", text)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(("unset", "said"), CASES)
def test_a_draft_consent_text_names_whom_it_has(policy, settings, lang, unset, said):
    settings.OPERATOR = {**settings.OPERATOR, **unset}
    draft = ConsentText.objects.create(purpose=SERVICE, version=1, policy=policy)
    body = render_consent(draft, lang, "Әсел Қасымова")
    assert no_empty_filling(body), body
    if said is None:
        assert SAID[lang] not in body
    else:
        assert f"{SAID[lang]}{said}" in body


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(("unset", "said"), CASES)
def test_the_policy_page_names_whom_it_has(client, texts, settings, lang, unset, said):
    settings.OPERATOR = {**settings.OPERATOR, **unset}
    page = client.get(f"/{lang}/privacy/").content.decode()
    aside = page[page.index('class="operator-details"') : page.index("</aside>")]
    assert no_empty_filling(re.sub(r"<[^>]+>", " ", aside)), aside
    if said is None:
        assert SAID[lang] not in aside
    else:
        assert f"{SAID[lang]}{said}" in aside
