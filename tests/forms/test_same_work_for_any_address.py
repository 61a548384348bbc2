"""A public form that takes an email address does the same database work for an address on
record as for an unknown one: a query made for one only (the ledger's, for a customer's address
on the newsletter form; the guardians', for a stranger's on the self-service page; the person's
row locked again, and the confirmation link's time written by an update of its own, for a
customer's on the rights request form) made one answer some milliseconds slower than the other,
which told an attacker who is a customer. How long each takes is measured by
bench/address_timing.py; here, that the statements are the same, in the same order, their
values (numbers, texts, NULL) aside.

The contact and application forms store a person, so a stranger's address makes a new row
where a customer's has the ledger read for what the form may record (core.held): one write
against one read, and the rest the same."""

import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import SERVICE
from consent.core.texts import current_text
from tests.conftest import aged_token
from tests.texts import SHOWN

pytestmark = pytest.mark.django_db

FORMS = {
    "my-data": ("/{lang}/my-data/", {}),
    "newsletter": ("/{lang}/newsletter/", {"full_name": "", "consent_marketing": "on"}),
    "request": ("/{lang}/requests/new/", {"type": "access"}),
    "request-withdraw": ("/{lang}/requests/new/", {"type": "withdraw", "purpose": "marketing"}),
}
CONTACT = {
    "full_name": "Әсел Қасымова",
    "phone": "8 701 123 45 67",
    "message": "Сәлеметсіз бе! Қызмет туралы сұрағым бар.",
    "consent_service": "on",
}
STORING = {
    "contact": ("/{lang}/contact/", CONTACT),
    "apply": (
        "/{lang}/apply/",
        {**CONTACT, "message": "", "birth_date": "1990-05-17", "birth_place": "Өскемен"},
    ),
}
VALUE = re.compile(r"'(?:[^']|'')*'(?:::\w+)?|(?<!IS )(?<!NOT )\bNULL\b|\b\d+\b|\"s\d+_x\d+\"")


def statements(client, path, email, extra):
    """The statements a post of the form runs, their values and savepoint names left out."""
    with CaptureQueriesContext(connection) as done:
        response = client.post(path, {"token": aged_token(), **SHOWN, "email": email, **extra})
    assert response.status_code == 302
    return [VALUE.sub("?", query["sql"]) for query in done.captured_queries]


def without(done, left_out):
    """The statements `done`, in order, but for as many of each as `left_out` counts."""
    left_out, kept = left_out.copy(), []
    for statement in done:
        if left_out[statement]:
            left_out[statement] -= 1
        else:
            kept.append(statement)
    return kept


@pytest.fixture
def customer(make_subject, texts):
    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(person, current_text(SERVICE), language="kk", source=Source.CONTACT_FORM)
    return person


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("form", FORMS)
def test_a_customers_address_costs_what_a_strangers_does(form, lang, client, customer):
    path, extra = FORMS[form]
    path = path.format(lang=lang)
    statements(client, path, "warm@example.kz", extra)  # the caches of the first request
    known = statements(client, path, "asel@example.kz", extra)
    unknown = statements(client, path, "nobody@example.kz", extra)
    assert known == unknown


@pytest.mark.parametrize("form", STORING)
def test_a_form_that_stores_a_person_differs_only_by_the_person(form, client, customer):
    path, extra = STORING[form]
    path = path.format(lang="kk")
    statements(client, path, "warm@example.kz", extra)
    known = statements(client, path, "asel@example.kz", extra)
    unknown = statements(client, path, "nobody@example.kz", extra)
    made, read = Counter(unknown) - Counter(known), Counter(known) - Counter(unknown)
    assert [s.split(" (")[0] for s in made.elements()] == ['INSERT INTO "consent_subject"']
    # The latest event of each purpose and of blocking, one read as the new row is one write.
    read_from = 'SELECT "consent_ledgerentry"."purpose"'
    assert [s.split(" AS ")[0] for s in read.elements()] == [read_from]
    assert without(known, read) == without(unknown, made)


@pytest.mark.parametrize("email", ["asel@example.kz", "nobody@example.kz"])
def test_the_requests_mail_waits_in_the_outbox_for_any_address(email, client, customer):
    """The confirmation link to a customer's address, as the note to a stranger's, is queued
    and sent by the mail worker (docs/deploy/emalu-mail-worker.service): a mail sent while the
    visitor waits would take an SMTP exchange longer for one of them."""
    from django.core import mail
    from post_office.models import STATUS, Email

    client.post("/kk/requests/new/", {"token": aged_token(), "email": email, "type": "access"})
    assert [(m.to, m.status) for m in Email.objects.filter(to=email)] == [([email], STATUS.queued)]
    assert mail.outbox == []
