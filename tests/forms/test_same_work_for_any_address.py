"""A public form that takes an email address does the same database work for an address on
record as for an unknown one: a query made for one only (the ledger's, for a customer's address
on the newsletter form; the guardians', for a stranger's on the self-service page) made one
answer some milliseconds slower than the other, which told an attacker who is a customer. How
long each takes is measured by bench/address_timing.py; here, that the statements are the same,
in the same order, their values aside."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import SERVICE
from consent.core.texts import current_text
from tests.conftest import aged_token

pytestmark = pytest.mark.django_db

FORMS = {
    "my-data": ("/{lang}/my-data/", {}),
    "newsletter": ("/{lang}/newsletter/", {"full_name": "", "consent_marketing": "on"}),
}


def statements(client, path, email, extra):
    """The statements a post of the form runs, their values and savepoint names left out."""
    with CaptureQueriesContext(connection) as done:
        response = client.post(path, {"token": aged_token(), "email": email, **extra})
    assert response.status_code == 302
    shapes = []
    for query in done.captured_queries:
        sql = re.sub(r"'(?:[^']|'')*'", "?", query["sql"])
        shapes.append(re.sub(r'\b\d+\b|"s\d+_x\d+"', "N", sql))
    return shapes


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("form", FORMS)
def test_a_customers_address_costs_what_a_strangers_does(form, lang, client, texts, make_subject):
    customer = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(customer, current_text(SERVICE), language=lang, source=Source.CONTACT_FORM)
    path, extra = FORMS[form]
    path = path.format(lang=lang)
    statements(client, path, "warm@example.kz", extra)  # the caches of the first request
    known = statements(client, path, "asel@example.kz", extra)
    unknown = statements(client, path, "nobody@example.kz", extra)
    assert known == unknown
