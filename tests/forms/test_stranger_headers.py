"""What a stranger's client sends beside the form, its headers, is theirs to write: any of them
with a character the database cannot store must not cost them the form (a 500, nothing
stored). The rest is kept as sent: the consent evidence shows it, and its export escapes what a
spreadsheet would run (tests/rights/test_evidence.py)."""

import pytest

from consent.core.models import LedgerEntry, Submission

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "agent, kept",
    [
        ("Mozilla/5.0\x00(X11)", "Mozilla/5.0(X11)"),  # PostgreSQL refuses a NUL in text
        ('=HYPERLINK("x")\t\x00', '=HYPERLINK("x")\t'),  # the rest as sent
        ("Ж" * 900, "Ж" * 500),
    ],
)
def test_a_browsers_name_with_any_characters_keeps_the_form(
    agent, kept, client, texts, contact_data
):
    response = client.post("/kk/contact/", contact_data(), HTTP_USER_AGENT=agent)
    assert response.status_code == 302
    assert Submission.objects.count() == 1
    assert list(LedgerEntry.objects.values_list("user_agent", flat=True)) == [kept]
