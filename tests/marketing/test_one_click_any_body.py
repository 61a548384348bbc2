"""A one-click unsubscribe (RFC 8058) unsubscribes whatever body the mail client's POST carries:
the link's signed token is the credential and the view reads no field it needs. The site's
refusal of a form body it cannot read (FormBodyMiddleware: 415, or 400 for one not in UTF-8) is
for a form whose fields and CSRF token it must read; it answered such a POST to the unsubscribe
link too, and the person stayed subscribed and was mailed news on (compliance L15)."""

import pytest
from django.test import Client

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed, unsubscribe_path

BODIES = {
    "text/plain": b"List-Unsubscribe=One-Click",
    "application/json": b'{"List-Unsubscribe": "One-Click"}',
    "application/x-www-form-urlencoded": b"List-Unsubscribe=One-Click&from=\xe9",  # Latin-1
}


@pytest.mark.parametrize("content_type", list(BODIES))
def test_a_one_click_post_in_any_media_type_unsubscribes(texts, content_type):
    campaign = Campaign.objects.create(title="May", subject_line_kk="Жаңалықтар", body_kk="Мәтін")
    subject = confirmed("any-body@example.kz")
    path = unsubscribe_path(subject, campaign)
    response = Client(enforce_csrf_checks=True).post(
        path, BODIES[content_type], content_type=content_type
    )
    assert response.status_code in (200, 303), response.status_code
    assert not gate.may_process(subject, MARKETING)
