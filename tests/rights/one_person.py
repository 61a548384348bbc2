"""Asel and the published texts she consented to, made once for a module whose tests each take
in letters from her (tests/conftest.py::rows_for_the_module): what a letter does to her record,
a withdrawal, a request, a mail, is undone with the test's savepoint. A module takes them by
importing `person` and `texts`, in place of tests/rights/conftest.py's made for each test."""

import pytest

from consent.core.ledger import consent_grant
from consent.core.models import Source, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import current_policy
from tests.conftest import rows_for_the_module
from tests.texts import texts_publish


@pytest.fixture(scope="module")
def _asel(django_db_setup, django_db_blocker):
    with rows_for_the_module(django_db_blocker):
        texts = texts_publish(current_policy())
        asel = Subject.objects.create(
            full_name="Әсел Қасымова", email="asel@example.kz", phone="+77011234567"
        )
        consent_grant(asel, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
        consent_grant(asel, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
        yield asel.pk, texts


@pytest.fixture
def texts(db, _asel):
    return _asel[1]


@pytest.fixture
def person(db, _asel):
    """Read again for each test: an instance a test changed is not the next test's."""
    return Subject.objects.get(pk=_asel[0])
