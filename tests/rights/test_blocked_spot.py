"""Compliance L12 (Art. 1(3), 24(1)(3)), spot-checked on a person collected as the site collects
people (test_destroyed_scan.py): once her processing is blocked from the desk, nothing of hers
goes out by mail (a campaign queued before, a new one, an acknowledgement of a new form), and
the desk's downloads of her data are refused."""

from email import message_from_bytes, policy

import pytest
from django.test import Client

from consent.core.delivery import send_queued
from consent.core.models import AuditEvent
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from consent.rights.models import Ticket

from .conftest import act, confirm_link, web_request
from .leftovers import Traces
from .test_destroyed_scan import (
    EMAIL,
    NAMES,
    PHONES,
    by_her_forms,
    by_the_news,
    echoing_relay,
    form,
)


@pytest.fixture
def relay(settings):
    yield from echoing_relay(settings)


def test_a_blocked_person_is_sent_nothing_and_downloaded_by_no_one(
    texts, officer, officer_client, relay, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    by_her_forms(officer, Traces())
    by_the_news(officer, Traces())  # a campaign queued to her, not yet sent
    assert web_request(Client(), "kk", "block", email=EMAIL, message="Келісімсіз").status_code
    assert Client().post(confirm_link(EMAIL)).status_code == 200
    ticket = Ticket.objects.get(type="block")
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, ticket, reason="Шағым түсті")
    later = Campaign.objects.create(title="Желтоқсан", subject_line_kk="Жаңалықтар",
                                    body_kk="Желтоқсан", subject_line_ru="Новости",
                                    body_ru="Декабрь")  # fmt: skip
    campaign_send(later)
    form("kk", "contact", full_name=NAMES[0], email=EMAIL, phone=PHONES[0], message="Сәлем!")
    with django_capture_on_commit_callbacks(execute=True):
        send_queued()

    # What reached her: only the letters of the block's own request (its link and answer).
    told = [message_from_bytes(e.content, policy=policy.default)["Subject"]
            for e in relay.taken if EMAIL in e.rcpt_tos]  # fmt: skip
    assert told and all(ticket.reference in line for line in told), told
    # The desk's downloads of her data are refused, and none is recorded as given.
    person = Ticket.objects.get(pk=ticket.pk).subject
    exports = AuditEvent.objects.filter(action="subject_export", subject_ref=person.pk)
    given = exports.count()
    for path in ("export.json", "export.pdf", "evidence.csv", "evidence.pdf"):
        response = officer_client.get(f"/admin/consent/subject/{person.pk}/{path}")
        assert response.status_code == 302 and "attachment" not in response.get(
            "Content-Disposition", ""
        )
    assert exports.count() == given
