"""What a phone's keyboard and a browser's autofill do with the form's fields: the number pad
for a phone number, and nothing of the visitor's own filled in as someone else's."""

import re

import pytest

from tests.forms.test_forms import FORM_URLS, offered  # noqa: F401  (a fixture)

pytestmark = pytest.mark.usefixtures("offered")  # a published service: the apply form asks it


@pytest.mark.parametrize("kind", ["contact", "apply"])
def test_a_phone_number_field_brings_up_the_number_pad(client, texts, kind):
    """On a phone, an input of type tel opens the number pad; a text input opens the letters,
    and the visitor has to switch keyboards to type +7 701 ... ."""
    html = client.get(f"/kk/{FORM_URLS[kind]}").content.decode()
    phone = re.search(r'<input[^>]*name="phone"[^>]*>', html).group(0)
    assert 'type="tel"' in phone and 'autocomplete="tel"' in phone


def test_the_parents_fields_are_not_filled_with_the_visitors_own(client, texts):
    """A browser filled the parent's name and contact with the visitor's own (a name and a
    phone it had saved): the child sent their own details as their parent's. And a phone
    capitalised the first letter of an address typed there, and corrected it as a word."""
    html = client.get(f"/kk/{FORM_URLS['apply']}").content.decode()
    name = re.search(r'<input[^>]*name="guardian_name"[^>]*>', html).group(0)
    contact = re.search(r'<input[^>]*name="guardian_contact"[^>]*>', html).group(0)
    assert 'autocomplete="off"' in name and 'autocomplete="off"' in contact
    assert 'autocapitalize="none"' in contact and 'spellcheck="false"' in contact
