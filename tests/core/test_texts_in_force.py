"""The consent texts in force, read on every form shown and sent: in one query, each purpose's
newest text only, and of its policy version what a text is shown, checked and recorded with (its
number and dates), never the version's bodies, kk and ru, of tens of kilobytes each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consent.core.models import ConsentText
from consent.core.purposes import PURPOSES, SERVICE
from consent.core.texts import current_text, current_texts, render_consent, text_publish

pytestmark = pytest.mark.django_db

BODIES = ("text_kk", "text_ru", "template_kk", "template_ru", "changes_kk", "changes_ru")


@pytest.fixture
def second(texts, policy):
    """Version 2 of the service's consent text, on the same policy version."""
    return text_publish(ConsentText.objects.create(purpose=SERVICE, version=2, policy=policy))


def test_the_texts_in_force_are_each_purposes_newest_read_in_one_query(second):
    with CaptureQueriesContext(connection) as done:
        current = current_texts()
        shown = [
            (t.policy.number, t.in_force_from, render_consent(t, "kk")) for t in current.values()
        ]
    assert set(current) == set(PURPOSES) and current[SERVICE] == second
    assert len(shown) == len(PURPOSES) and len(done.captured_queries) == 1
    sql = done.captured_queries[0]["sql"]
    assert not [b for b in BODIES if f'"consent_policyversion"."{b}"' in sql]
    assert '"consent_consenttext"."body_kk"' in sql  # a text's own bodies are what it shows


def test_a_purposes_text_in_force_reads_no_policy_body(second):
    with CaptureQueriesContext(connection) as done:
        text = current_text(SERVICE)
        assert text == second and text.policy.number == second.policy.number
    assert len(done.captured_queries) == 1
    assert not [b for b in BODIES if f'"{b}"' in done.captured_queries[0]["sql"]]
