"""Mail to an address the site has not verified says nothing the sender chose: anyone can type
anyone's address into a form, so a name, message or service typed there must not travel from the
site's own address to that inbox (a link in a "name" would be phishing signed by the operator)."""

import pytest
from django.conf import settings
from post_office.models import Email

from tests.conftest import aged_token
from tests.texts import SHOWN

EVIL = "Visit https://evil.example/x"
TARGET = "victim@example.kz"

FORMS = {
    "contact": {"full_name": EVIL, "email": TARGET, "phone": "8 701 123 45 67",
                "message": EVIL, "consent_service": "on", "consent_marketing": "on"},
    "apply": {"full_name": EVIL, "email": TARGET, "phone": "8 701 123 45 67",
              "birth_date": "2012-05-17", "birth_place": EVIL, "service": EVIL, "message": EVIL,
              "guardian_name": EVIL, "guardian_contact": "87771234567", "consent_guardian": "on",
              "consent_service": "on", "consent_marketing": "on"},
    "newsletter": {"full_name": EVIL, "email": TARGET, "consent_marketing": "on"},
    "requests/new": {"type": "correct", "email": TARGET, "message": EVIL},
    "my-data": {"email": TARGET},
}  # fmt: skip
# what each form mails to the address typed into it
TEMPLATES = {"contact": 2, "apply": 2, "newsletter": 1, "requests/new": 1, "my-data": 1}


def visitor_mail():
    return list(Email.objects.exclude(to=[settings.STAFF_NOTIFY_EMAIL]))


def assert_says_nothing_chosen(mails):
    for mail in mails:
        assert mail.to == [TARGET]
        for part in (mail.subject, mail.message, mail.html_message):
            assert "evil.example" not in part and "Visit" not in part, part


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
def test_mail_to_a_typed_address_carries_nothing_typed(client, texts, lang, kind):
    response = client.post(f"/{lang}/{kind}/", {"token": aged_token(), **SHOWN, **FORMS[kind]})
    assert response.status_code == 302, response.content.decode()[:3000]
    mails = visitor_mail()
    assert len(mails) == TEMPLATES[kind]
    assert_says_nothing_chosen(mails)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", ["requests/new", "my-data"])
def test_mail_to_an_address_on_record_carries_nothing_typed(
    client, texts, make_subject, lang, kind
):
    make_subject(email=TARGET)
    response = client.post(f"/{lang}/{kind}/", {"token": aged_token(), **SHOWN, **FORMS[kind]})
    assert response.status_code == 302
    mails = visitor_mail()
    assert len(mails) == 1
    assert_says_nothing_chosen(mails)


@pytest.mark.parametrize("lang,greeting", [("kk", "Сәлеметсіз бе!"), ("ru", "Здравствуйте!")])
def test_the_acknowledgement_still_greets_and_names_the_form(client, texts, lang, greeting):
    client.post(f"/{lang}/contact/", {"token": aged_token(), **SHOWN, **FORMS["contact"]})
    ack = next(m for m in visitor_mail() if "/newsletter/confirm/" not in m.message)
    assert greeting in ack.message and greeting in ack.html_message
