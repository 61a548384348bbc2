"""RFC 2606's second-level names, example.com, example.net and example.org, and any name under
them: reserved for examples, never delegated to anyone, so no mail reaches them, though their
endings are delegated (consent/core/domains.py::SET_ASIDE_NAMES). Refused as the set-aside
endings are («.test», «.example»: tests/forms/test_email_addresses.py), saying why in the
visitor's language; a name that only looks like one, «example.kz» among them, is somebody's."""

import pytest
from post_office.models import Email

from consent.core.models import Subject, Submission
from consent.rights.models import Ticket
from tests.forms.test_email_addresses import FORMS, post


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


pytestmark = pytest.mark.usefixtures("fast")  # its many posts never reach the rate limit

RESERVED = {
    "asel@example.com": ("«example.com»\xa0— мысалдар мен", "«example.com»\xa0— домен"),
    "Asel@Example.Org": ("«example.org»\xa0— мысалдар мен", "«example.org»\xa0— домен"),
    "asel@mail.example.net": ("«mail.example.net»\xa0— мысалдар", "«mail.example.net»\xa0— домен"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
@pytest.mark.parametrize("email", RESERVED)
def test_an_address_at_a_reserved_name_is_refused(client, texts, lang, kind, email):
    response = post(client, lang, kind, email)
    assert response.status_code == 200
    assert RESERVED[email][lang == "ru"] in response.context["form"].errors["email"][0]
    assert f'value="{email}"' in response.content.decode()
    assert Email.objects.count() == 0
    assert Submission.objects.count() == Subject.objects.count() == Ticket.objects.count() == 0


@pytest.mark.parametrize(
    "email", ["asel@example.kz", "asel@example.com.kz", "asel@myexample.com", "asel@example.co"]
)
def test_a_name_that_only_looks_reserved_is_somebodys(client, texts, settings, email):
    assert post(client, "kk", "contact", email).status_code == 302
    assert Subject.objects.get().email == email
    assert Email.objects.exclude(to=[settings.STAFF_NOTIFY_EMAIL]).get().to == [email]
