"""The admin index's «Recent actions» names its ten rows in the reader's language (history.py)
with one query for each kind of row, not one a row: every staff member's first page."""

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consent.core.models import ConsentText
from consent.core.purposes import MARKETING
from tests.core.test_editor_mistakes import editor as editor  # the content editor, on a Monday
from tests.core.test_editor_mistakes import monday as monday


def index_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_recent_actions_are_named_without_a_query_a_row(editor, texts, policy):
    added = editor.post("/admin/consent/consenttext/add/", {"purpose": MARKETING,
                                                           "policy": policy.pk})  # fmt: skip
    assert added.status_code == 302
    one = index_queries(editor)
    entry = LogEntry.objects.latest("id")
    kind = ContentType.objects.get_for_model(ConsentText)
    for text in ConsentText.objects.all()[:9]:  # nine more rows of the same kind in the box
        LogEntry.objects.create(user_id=entry.user_id, content_type=kind, object_id=str(text.pk),
                                object_repr=str(text), action_flag=ADDITION)  # fmt: skip
    assert LogEntry.objects.count() >= 5
    assert index_queries(editor) == one
