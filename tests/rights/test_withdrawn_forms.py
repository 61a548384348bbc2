"""Compliance L14: a withdrawal carried out keeps the person's data only for the consents that
still stand, and says so in its answer («we keep your data only for them»). What a form sent
for the withdrawn purpose (the message or application sent with the service consent, the
newsletter sign-up) stayed as a row of its own, the items the other purpose lists left in it:
the person's access answer still listed «contact form, received …, name, address» after the
service consent was withdrawn and carried out, and retention never took it while the news went
on (it erases only inquiries marked answered). It goes now, as a destruction with its tombstone;
what the form of a standing purpose sent stays."""

import json
import re
from urllib.parse import urlsplit

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.models import AuditEvent, Source, Subject, Submission, Tombstone
from consent.core.purposes import MARKETING, SERVICE
from consent.marketing.optin import optin_start
from consent.rights.export import export_json
from tests.texts import SHOWN

from .conftest import act, confirm, web_request

ADDRESS = "asel@example.kz"


def subscribed(client):
    """The news, signed up for and confirmed by the link mailed, as the person does."""
    optin_start(ADDRESS, "Әсел Қасымова", "kk")
    (mail,) = [m for m in Email.objects.filter(to=[ADDRESS]) if "/newsletter/confirm/" in m.message]
    (url,) = re.findall(r"https?://\S+/newsletter/confirm/\S+/", mail.message)
    assert client.post(urlsplit(url).path, SHOWN).status_code == 200


def forms_in_the_answer(person):
    """The forms the person's access answer lists under «sources and methods», as its words."""
    answer = json.loads(export_json(person, "ru"))
    return sorted(source["source"] for source in answer["sources_and_methods"])


@pytest.mark.parametrize(
    ("withdrawn", "gone", "kept", "listed"),
    [(SERVICE, Source.CONTACT_FORM, Source.NEWSLETTER_FORM, "форма подписки на рассылку"),
     (MARKETING, Source.NEWSLETTER_FORM, Source.CONTACT_FORM, "форма обратной связи")],
)  # fmt: skip
def test_what_a_form_sent_for_a_withdrawn_consent_goes_with_it(
    client, officer_client, texts, contact_data, posts_as_shown, withdrawn, gone, kept, listed,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    subscribed(client)
    person = Subject.objects.get(email=ADDRESS)
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)
    assert len(forms_in_the_answer(person)) == 2
    web_request(client, "ru", "withdraw", purpose=withdrawn)
    with django_capture_on_commit_callbacks(execute=True):
        act(officer_client, confirm(client, "ru"))
    person.refresh_from_db()
    assert forms_in_the_answer(person) == [listed]
    assert not Submission.objects.filter(source=gone).exists()
    assert Submission.objects.get(subject=person).source == kept
    tombstone = Tombstone.objects.get(kind=Tombstone.Kind.SUBMISSION)
    assert tombstone.subject_ref == person.pk and tombstone.request_ref.startswith("R-")
    erased = AuditEvent.objects.get(action="subject_edit", detail__erased="submission")
    assert erased.detail["reason"] == "consent_ended"
