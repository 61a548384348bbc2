"""An address whose domain holds a letter Python's IDNA 2003 codec, by which Django sends mail,
writes as other letters that IDNA 2008 and the registries keep: «asel@straße.de» was taken,
stored and mailed as «asel@strasse.de», another domain, someone else's. Its acknowledgement and
the link to the person's own page, which shows what they sent, went there. Refused instead, in
the visitor's language, with nothing stored and nothing mailed (consent/core/address_faults.py)."""

import pytest
from post_office.models import Email

from consent.core.models import Subject, Submission
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket
from tests.forms.test_email_addresses import FORMS, post


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


OTHER_HOST = ["asel@straße.de", "asel@STRAẞE.DE", "asel@ελληνικός.gr"]
SAID = {"kk": "басқа доменге", "ru": "чужой домен"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
@pytest.mark.parametrize("email", OTHER_HOST)
def test_an_address_mail_would_reach_at_another_domain_is_refused(client, texts, fast, lang,
                                                                  kind, email):  # fmt: skip
    response = post(client, lang, kind, email)
    assert response.status_code == 200
    error = response.context["form"].errors["email"][0]
    assert SAID[lang] in error, error
    assert f'value="{email}"' in response.content.decode()  # kept in the field as typed
    assert Email.objects.count() == 0
    assert Submission.objects.count() == Subject.objects.count() == Ticket.objects.count() == 0


def test_a_letter_from_such_an_address_is_not_taken_as_the_other_domains(texts, make_subject):
    """A letter from «ivan@straße.de» (its From in UTF-8, RFC 6532) opened a request of the
    person at «ivan@strasse.de», and a withdrawal acts as it arrives: set aside for an officer."""
    person = make_subject(full_name="Иван Петров", email="ivan@strasse.de")
    raw = (
        "From: Иван <ivan@straße.de>\r\nSubject: Отпишите меня от рассылки\r\n"
        "Message-ID: <de1@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "Отпишите меня от рассылки, пожалуйста.\r\n"
    ).encode()
    entry = ingest(raw)
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "no_sender"
    assert not Ticket.objects.filter(subject=person).exists() and not Ticket.objects.exists()
