"""A consent box counts as ticked only when it is posted with its own value, the one the page
renders ("on"). Anything else — "no", "0", "off", "false", a padded or capitalised "on", "yes",
an empty value, two values — is consent not given (compliance L1, L2, L6)."""

import re

import pytest
from post_office.models import Email

from consent.core.models import Guardian, LedgerEntry, Submission
from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE
from tests.conftest import aged_token
from tests.texts import PROCESSOR, SHOWN


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


NOT_GIVEN = ["no", "0", "off", "false", "False", "FALSE", "true", "1", "yes", " on", "on ",
             "On", "ON", "on\x00", "", ["on", "no"], ["no", "on"]]  # fmt: skip
GIVEN = "on"

CONTACT = {"full_name": "Әсел Қасымова", "email": "asel@example.kz",
           "phone": "8 701 123 45 67", "message": "Сәлем"}  # fmt: skip
APPLY = {**CONTACT, "birth_date": "1990-05-17", "birth_place": "Өскемен", "service": "Кеңес"}
MINOR = {**APPLY, "birth_date": "2015-05-17", "guardian_name": "Қасым Әлиев",
         "guardian_contact": "+77017654321"}  # fmt: skip
BASE = {"contact": CONTACT, "apply": APPLY}


@pytest.fixture
def boxes(settings):
    settings.FORM_RATE_LIMIT = "1000/60"
    settings.CROSS_BORDER_PROCESSORS = [PROCESSOR]  # so that the cross-border box is shown


def post(client, lang, kind, data):
    return client.post(f"/{lang}/{kind}/", {"token": aged_token(), **SHOWN, **data})


def grants(purpose):
    return LedgerEntry.objects.filter(purpose=purpose, kind="grant").count()


@pytest.mark.parametrize("kind", ["contact", "apply", "newsletter"])
def test_each_box_renders_its_own_value(client, texts, boxes, kind):
    html = client.get(f"/kk/{kind}/").content.decode()
    checkboxes = re.findall(r'<input type="checkbox"[^>]*>', html)
    assert checkboxes and all('value="on"' in box for box in checkboxes)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("value", [*NOT_GIVEN, GIVEN], ids=repr)
@pytest.mark.parametrize("kind", ["contact", "apply"])
def test_the_service_box(client, texts, boxes, lang, kind, value):
    response = post(client, lang, kind, {**BASE[kind], "consent_service": value})
    if value == GIVEN:
        assert response.status_code == 302 and grants(SERVICE) == 1
    else:
        assert response.status_code == 200
        assert 'id="id_consent_service_error"' in response.content.decode()
        assert LedgerEntry.objects.count() == Submission.objects.count() == 0


@pytest.mark.parametrize("value", [*NOT_GIVEN, GIVEN], ids=repr)
@pytest.mark.parametrize("kind", ["contact", "apply"])
def test_the_cross_border_box(client, texts, boxes, kind, value):
    data = {**BASE[kind], "consent_service": GIVEN, "consent_cross_border": value}
    assert post(client, "ru", kind, data).status_code == 302
    assert grants(SERVICE) == 1
    assert grants(CROSS_BORDER) == (value == GIVEN)
    assert Submission.objects.get().data["consents"][CROSS_BORDER] is (value == GIVEN)


@pytest.mark.parametrize("value", [*NOT_GIVEN, GIVEN], ids=repr)
@pytest.mark.parametrize("kind", ["contact", "apply"])
def test_the_marketing_box(client, texts, boxes, kind, value):
    data = {**BASE[kind], "consent_service": GIVEN, "consent_marketing": value}
    assert post(client, "kk", kind, data).status_code == 302
    assert grants(MARKETING) == 0  # a form never grants marketing itself: the double opt-in does
    assert Submission.objects.get().data["consents"][MARKETING] is (value == GIVEN)
    confirmations = Email.objects.filter(message__contains="/newsletter/confirm/").count()
    assert confirmations == (value == GIVEN)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("value", [*NOT_GIVEN, GIVEN], ids=repr)
def test_the_newsletter_box(client, texts, boxes, lang, value):
    data = {"email": "news@example.kz", "consent_marketing": value}
    response = post(client, lang, "newsletter", data)
    if value == GIVEN:
        assert response.status_code == 302 and Email.objects.count() == 1
    else:
        assert response.status_code == 200 and Email.objects.count() == 0
        assert 'id="id_consent_marketing_error"' in response.content.decode()
    assert LedgerEntry.objects.count() == 0  # nothing before the address owner confirms


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("value", [*NOT_GIVEN, GIVEN], ids=repr)
def test_the_guardian_box(client, texts, boxes, lang, value):
    data = {**MINOR, "consent_service": GIVEN, "consent_guardian": value}
    response = post(client, lang, "apply", data)
    if value == GIVEN:
        assert response.status_code == 302
        assert LedgerEntry.objects.get(purpose=SERVICE).guardian == Guardian.objects.get()
    else:
        assert response.status_code == 200
        assert 'id="id_consent_guardian_error"' in response.content.decode()
        assert LedgerEntry.objects.count() == Guardian.objects.count() == 0
