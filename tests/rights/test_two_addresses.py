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
from tests.rights.conftest import act, confirm, mails_to, web_request

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


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_access_answer_says_whose_data_it_carries_and_how_to_ask_for_the_rest(
    client, desk, person, texts, make_subject, lang
):
    """«The data we hold about you is attached» was untrue of a person on record under a second
    address, as the destruction's «your data has been destroyed» was: the answer carries what is
    held under the address it answers, and says how to ask for the rest."""
    work = make_subject(full_name=person.full_name, email="asel.work@example.kz",
                        phone=person.phone)  # fmt: skip
    consent_grant(work, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    web_request(client, lang, "access")
    ticket = confirm(client, lang)
    act(desk, ticket)
    (mail,) = [m for m in mails_to("asel@example.kz") if m.attachments.exists()]
    body = " ".join(mail.message.replace("\xa0", " ").split())
    assert UNDER_ADDRESS[lang] in body and TOLD[lang][1] in body, body
    assert "asel.work" not in body
    attached = mail.attachments.get(name__endswith=".json").file.read().decode()
    assert "asel.work@example.kz" not in attached


UNDER_ADDRESS = {
    "kk": "Осы электрондық пошта мекенжайы бойынша біз сақтайтын деректер",
    "ru": "Данные, связанные с этим адресом электронной почты, приложены",
}
