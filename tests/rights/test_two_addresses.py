"""A person on record under two email addresses (a home and a work one: two records, since only
an address links a form or a request to a person, compliance L9). A request to destroy, or to
withdraw every consent, from one address destroys the data held under it; the other record
stays until its address asks. The confirmation said «Your personal data has been destroyed»,
which was untrue of the other record, whose news kept coming: it now says what was destroyed,
and how to reach the rest."""

import pytest

from consent.core.ledger import consent_grant
from consent.core.models import Source, Subject
from consent.core.purposes import SERVICE
from tests.rights.conftest import act, confirm, web_request

TOLD = {
    "kk": ("Осы электрондық пошта мекенжайы бойынша", "басқа мекенжай берген болсаңыз"),
    "ru": ("связанные с этим адресом электронной почты", "если вы сообщали нам и другой адрес"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", ["destroy", "withdraw"])
def test_the_confirmation_says_what_was_destroyed_and_how_to_reach_the_rest(
    client, officer_client, person, texts, make_subject, django_capture_on_commit_callbacks,
    mailoutbox, lang, kind,
):  # fmt: skip
    work = make_subject(full_name=person.full_name, email="asel.work@example.kz",
                        phone=person.phone)  # fmt: skip
    consent_grant(work, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    web_request(client, lang, kind)
    ticket = confirm(client, lang)
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, ticket)
    assert not Subject.objects.filter(email="asel@example.kz").exists()
    assert Subject.objects.filter(email="asel.work@example.kz").exists()
    (mail,) = [m for m in mailoutbox if m.to == ["asel@example.kz"]]
    body = " ".join(mail.body.split())
    for said in TOLD[lang]:
        assert said in body, body
