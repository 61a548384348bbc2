"""A consent is asked for only with a published text to give it to (compliance L1). An operator
who sends no news publishes no marketing text: the contact and application forms still offered
its box, beside no text, and a form sent with it ticked was a 500 (nothing stored, what the
visitor wrote lost); on the self-service page its «give» switch was offered too, and pressed,
another 500."""

import re

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import ConsentText, LedgerEntry, Source, Submission
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import text_publish
from tests.conftest import aged_token
from tests.texts import AS_SHOWN, SHOWN

FORMS = {
    "contact": {},
    "apply": {"birth_date": "1990-05-17", "birth_place": "Өскемен"},
}
NOT_OFFERED = {"kk": "Мұндай таңдау ұсынылмаған", "ru": "Такой вариант не предлагается"}


@pytest.fixture
def service_text(policy):
    """The service consent's text published, and no other."""
    return text_publish(ConsentText.objects.create(purpose=SERVICE, version=1, policy=policy))


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
def test_a_form_offers_no_consent_without_its_text(client, service_text, settings, lang, kind):
    settings.FORM_RATE_LIMIT = "1000/60"
    page = client.get(f"/{lang}/{kind}/").content.decode()
    assert 'name="consent_service"' in page and 'name="consent_marketing"' not in page
    # Sent with the box ticked all the same (a page shown before, a bot): the form is taken,
    # under the consent it asks for, and nothing is asked of the address for marketing.
    response = client.post(f"/{lang}/{kind}/", {
        "token": aged_token(), **SHOWN, "full_name": "Әсел Қасымова", "email": "asel@example.kz",
        "phone": "8 701 123 45 67", "message": "Сәлем", "consent_service": "on",
        "consent_marketing": "on", **FORMS[kind],
    })  # fmt: skip
    assert response.status_code == 302 and Submission.objects.count() == 1
    assert list(LedgerEntry.objects.values_list("purpose", flat=True)) == [SERVICE]
    assert Email.objects.count() == 2  # the acknowledgement and the staff notice: no opt-in


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_self_service_page_gives_no_consent_without_its_text(
    client, service_text, make_subject, lang
):
    person = make_subject(email="asel@example.kz")
    consent_grant(person, service_text, language="kk", source=Source.CONTACT_FORM)
    client.post(f"/{lang}/my-data/", {"token": aged_token(), "email": "asel@example.kz"})
    link = Email.objects.filter(to=["asel@example.kz"]).latest("id").message
    client.post(re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", link).group(1))
    page = client.get(f"/{lang}/my-data/").content.decode()
    assert "asel@example.kz" in page and f'value="{MARKETING}"' not in page
    response = client.post(
        f"/{lang}/my-data/consent/",
        {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN},
        follow=True,
    )
    assert response.status_code == 200 and NOT_OFFERED[lang] in response.content.decode()
    assert not gate.may_process(person, MARKETING)
    assert list(LedgerEntry.objects.values_list("purpose", flat=True)) == [SERVICE]
