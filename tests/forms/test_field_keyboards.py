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
    phone it had saved): the child sent their own details as their parent's. They are an
    autofill section of their own, which a browser fills apart from the visitor's. And a phone
    capitalised the first letter of an address typed there, and corrected it as a word."""
    html = client.get(f"/kk/{FORM_URLS['apply']}").content.decode()
    name = re.search(r'<input[^>]*name="guardian_name"[^>]*>', html).group(0)
    contact = re.search(r'<input[^>]*name="guardian_contact"[^>]*>', html).group(0)
    assert 'autocomplete="section-guardian name"' in name
    assert 'autocomplete="section-guardian email"' in contact
    assert 'autocapitalize="none"' in contact and 'spellcheck="false"' in contact


PAGES = ["contact/", "apply/", "newsletter/", "requests/new/", "my-data/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_field_a_visitor_fills_is_one_a_browser_forgets(client, texts, path):
    """A browser does not put back a field marked autocomplete «off» (Chromium, Firefox): Back
    to the form after an error page found the parent's name and contact empty, the boxes beside
    them still ticked. Only the honeypot, which no person fills, may be forgotten."""
    html = client.get(f"/kk/{path}").content.decode()
    forgotten = re.findall(r'<input[^>]*autocomplete="off"[^>]*>', html)
    assert [re.search(r'name="([^"]*)"', f).group(1) for f in forgotten] in ([], ["website"])
    assert 'autocomplete="off"' not in re.sub(r"<input[^>]*>", "", html)  # nor a whole form
