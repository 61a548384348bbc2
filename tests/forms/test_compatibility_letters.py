"""A name typed in compatibility letters (mathematical bold «𝐀𝐬𝐞𝐥», full-width «Ａｓｅｌ», circled
«Ⓐⓢⓔⓛ», as a phone's «fancy text» keyboard or a pasted nickname gives them) is stored as the
plain letters it is drawn from (common.text.clean_name, NFKC): kept as typed, it was a name no
greeting, search or comparison read as «Asel». Kazakh and Russian letters are untouched, and a
message keeps what was written («м²»), a place its «№»."""

from urllib.parse import urlsplit

import pytest
from post_office.models import Email

from consent.core.models import Guardian, Subject, Submission
from consent.core.names import name_keys
from tests.conftest import aged_token
from tests.texts import SHOWN


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


FOLDED = {
    "math bold": ("𝐀𝐬𝐞𝐥 𝐐𝐚𝐬𝐲𝐦𝐨𝐯𝐚", "Asel Qasymova"),
    "full-width": ("Ａｓｅｌ　Ｑａｓｙｍｏｖａ", "Asel Qasymova"),
    "circled": ("Ⓐⓢⓔⓛ Ⓠⓐⓢⓨⓜⓞⓥⓐ", "Asel Qasymova"),
    "script and ligature": ("𝒜𝓈𝑒𝓁 Oﬁ", "Asel Ofi"),
    # no compatibility form: as typed
    "kazakh": ("Әсел Қасымова-Ғұмарова Үңгір Һ Іңкәр Өмір", None),
    "russian": ("Фёдор Йодов-Щукин Ёлкин", None),
    "decomposed": ("Пе\u0308тр Ии\u0306", "Пётр Ий"),
}
CONTACT = {"full_name": "Әсел Қасымова", "email": "asel@example.kz",
           "phone": "8 701 123 45 67", "message": "Сәлем", "consent_service": "on"}  # fmt: skip
APPLY = {**CONTACT, "birth_date": "1990-05-17", "birth_place": "Өскемен", "service": "Кеңес"}
MINOR = {**APPLY, "birth_date": "2015-05-17", "guardian_name": "Қасым Әлиев",
         "guardian_contact": "+77017654321", "consent_guardian": "on"}  # fmt: skip


def post(client, lang, kind, data):
    return client.post(f"/{lang}/{kind}/", {"token": aged_token(), **SHOWN, **data})


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", FOLDED)
@pytest.mark.parametrize(
    "kind,field,base",
    [("contact", "full_name", CONTACT), ("apply", "full_name", APPLY),
     ("apply", "birth_place", APPLY), ("apply", "guardian_name", MINOR)],
)  # fmt: skip
def test_a_name_is_stored_in_plain_letters(client, texts, fast, lang, case, kind, field, base):
    sent, stored = FOLDED[case]
    stored = stored or sent
    response = post(client, lang, kind, {**base, field: sent})
    assert response.status_code == 302, response.content.decode()[:2000]
    if field == "guardian_name":
        assert Guardian.objects.get().full_name == stored
    else:
        assert Submission.objects.get().data[field] == stored
    if field == "full_name":
        assert Subject.objects.get().full_name == stored


@pytest.mark.parametrize("case", FOLDED)
def test_the_newsletter_name_is_stored_in_plain_letters(client, texts, fast, case):
    sent, stored = FOLDED[case]
    data = {"email": "asel@example.kz", "full_name": sent, "consent_marketing": "on"}
    assert post(client, "ru", "newsletter", data).status_code == 302
    link = next(w for w in Email.objects.get().message.split() if "/newsletter/confirm/" in w)
    assert client.post(urlsplit(link).path, SHOWN).status_code == 200
    assert Subject.objects.get().full_name == (stored or sent)


def test_a_message_keeps_what_was_written(client, texts, fast):
    message = "Пәтер 45 м², ½ бөлігі; Ａ корпусы"
    assert post(client, "kk", "contact", {**CONTACT, "message": message}).status_code == 302
    assert Submission.objects.get().data["message"] == message


def test_a_folded_name_still_within_its_length(client, texts, fast):
    """A letter NFKC writes as many («ﷺ» is eighteen) counts as what is stored."""
    response = post(client, "ru", "contact", {**CONTACT, "full_name": "\ufdfa" * 20})
    assert response.status_code == 200
    assert "не более" in response.content.decode()
    assert not Subject.objects.exists()


def test_a_name_stored_in_compatibility_letters_is_found_by_its_plain_letters():
    """A name kept as typed before names were folded is found by the desk's search as «Asel»
    (consent.core.names reads NFKC; migration 0048 re-keys the rows stored before)."""
    for sent, stored in FOLDED.values():
        assert name_keys(sent) == name_keys(stored or sent)
    assert name_keys("𝐀𝐬𝐞𝐥") == name_keys("Әсел")


def test_the_desk_search_finds_a_name_kept_in_full_width(officer_client):
    Subject.objects.create(full_name="Ａｓｅｌ Ｑａｓｙｍｏｖａ", email="asel@example.kz")
    response = officer_client.get("/admin/consent/subject/", {"q": "Әсел Қасымова"})
    assert response.status_code == 200
    assert "asel@example.kz" in response.content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("place", ["Қаратал ауылы №2", "с. Бухтарма, совхоз № 5", "Өскемен, №12"])
def test_a_place_keeps_its_numero_sign(client, texts, fast, lang, place):
    """NFKC writes «№» as Latin «No»: «Қаратал ауылы №2», a village as Kazakhstan numbers them,
    was stored, shown back to the person and mailed to them as «Қаратал ауылы No2»."""
    response = post(client, lang, "apply", {**APPLY, "birth_place": place})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Submission.objects.get().data["birth_place"] == place
    assert Subject.objects.get().birth_place == place


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_person_is_not_named_with_a_numero_sign(client, texts, fast, lang):
    """A person's name has no number: «Әсел №» was taken as «Әсел No», a name nobody has."""
    response = post(client, lang, "contact", {**CONTACT, "full_name": "Әсел Қасымова №"})
    assert response.status_code == 200
    assert response.context["form"].errors["full_name"]
    assert not Subject.objects.exists()
