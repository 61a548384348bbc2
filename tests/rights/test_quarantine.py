"""Emails the intake set aside (compliance L7): the privacy officers' list, the audited .eml
download, opening the request by hand with its deadline from receipt, and retention."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from consent.core.models import AuditEvent
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket
from consent.rights.retention import enforce_retention
from consent.rights.set_aside import QUARANTINE_KEPT
from tests.staff import verified_login

from .conftest import BAD_MESSAGES, mails_to

HTML_BAIT = b"<script>alert(1)</script>"


@pytest.fixture
def set_aside(person):
    raw, _ = BAD_MESSAGES["bytes not in the declared charset"]
    return ingest(raw.replace(b"\r\n\r\n", b"\r\n\r\n" + HTML_BAIT, 1)), raw


def staff(client, name, group):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(name, f"{name}@example.kz", f"pw-{name}-123456", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return verified_login(client, user)


@pytest.fixture
def privacy_officer(client, db):
    return staff(client, "olga", "privacy_officer")


@pytest.fixture
def editor(client, db):
    return staff(client, "carol", "content_editor")


def test_an_officer_lists_and_downloads_what_was_set_aside(privacy_officer, set_aside):
    entry, _ = set_aside
    listing = privacy_officer.get("/admin/rights/quarantinedmessage/")
    assert listing.status_code == 200 and entry.reference in listing.content.decode()
    page = privacy_officer.get(f"/admin/rights/quarantinedmessage/{entry.pk}/change/")
    html = page.content.decode()
    assert page.status_code == 200 and "message.eml" in html
    assert "alert(1)" not in html and "Здравствуйте" not in html  # nothing of it is shown
    assert not AuditEvent.objects.filter(action="subject_export").exists()

    response = privacy_officer.get(f"/admin/rights/quarantinedmessage/{entry.pk}/message.eml")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{entry.reference}.eml"'
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert HTML_BAIT in response.content and b"Message-ID: <b7@x>" in response.content
    event = AuditEvent.objects.get(action="subject_export")
    assert (event.actor_label, event.object_id, event.detail) == (
        "olga", str(entry.pk), {"what": "quarantined_email"})  # fmt: skip


def test_the_index_reminds_officers_of_emails_set_aside(privacy_officer, set_aside):
    html = privacy_officer.get("/admin/").content.decode()
    assert "/admin/rights/quarantinedmessage/?ticket__isempty=1" in html


def test_an_officer_opens_the_request_by_hand_from_receipt(privacy_officer, set_aside, person):
    entry, _ = set_aside
    QuarantinedMessage.objects.filter(pk=entry.pk).update(
        received_at=timezone.now() - timedelta(days=3)
    )
    entry.refresh_from_db()
    url = f"/admin/rights/quarantinedmessage/{entry.pk}/open/"
    form = {"email": "asel@example.kz", "kind": "correct", "language": "ru", "message": "Телефон"}
    response = privacy_officer.post(url, {**form, "email": "not an address"})
    assert response.status_code == 200 and not Ticket.objects.exists()  # the errors, again
    response = privacy_officer.post(url, form)
    ticket = Ticket.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{ticket.pk}/change/")
    assert (ticket.type, ticket.language, ticket.channel, ticket.subject) == (
        "correct", "ru", "email", person)  # fmt: skip
    assert ticket.received_at == entry.received_at  # the deadline counts from the email
    entry.refresh_from_db()
    assert entry.ticket == ticket
    opened = AuditEvent.objects.get(action="request_open")
    assert opened.actor_label == "olga" and opened.detail["quarantined"] == entry.pk
    assert "/ru/requests/confirm/" in mails_to("asel@example.kz")[-1].message
    # Once per email: pressed again, the officer is told so and shown the request.
    again = privacy_officer.post(url, form, follow=True)
    assert again.redirect_chain == [(f"/admin/rights/ticket/{ticket.pk}/change/", 302)]
    assert f"{ticket.reference}." in again.content.decode()
    assert Ticket.objects.count() == 1
    assert len(mails_to("asel@example.kz")) == 1


def test_an_editor_sees_nothing_of_it(editor, set_aside):
    entry, _ = set_aside
    for url in ["/admin/rights/quarantinedmessage/",
                f"/admin/rights/quarantinedmessage/{entry.pk}/change/",
                f"/admin/rights/quarantinedmessage/{entry.pk}/message.eml",
                f"/admin/rights/quarantinedmessage/{entry.pk}/open/"]:  # fmt: skip
        assert editor.get(url).status_code == 403, url
    assert editor.post(f"/admin/rights/quarantinedmessage/{entry.pk}/open/", {}).status_code == 403
    assert "quarantinedmessage" not in editor.get("/admin/").content.decode()
    assert not AuditEvent.objects.filter(action="subject_export").exists()
    assert not Ticket.objects.exists()


def test_nobody_edits_or_deletes_it(privacy_officer, set_aside):
    entry, _ = set_aside
    base = f"/admin/rights/quarantinedmessage/{entry.pk}"
    assert privacy_officer.post(f"{base}/change/", {"reason": "too_large"}).status_code == 403
    assert privacy_officer.get(f"{base}/delete/").status_code == 403
    assert privacy_officer.get("/admin/rights/quarantinedmessage/add/").status_code == 403


def test_retention_destroys_it_after_its_term(set_aside, time_machine):
    entry, _ = set_aside
    time_machine.move_to(entry.received_at + QUARANTINE_KEPT - timedelta(minutes=1), tick=False)
    enforce_retention()
    assert QuarantinedMessage.objects.filter(pk=entry.pk).exists()
    time_machine.move_to(entry.received_at + QUARANTINE_KEPT + timedelta(minutes=1), tick=False)
    out = io.StringIO()
    call_command("enforce_retention", "--dry-run", stdout=out)
    assert f"would destroy emails set aside: [{entry.pk}]" in out.getvalue()
    enforce_retention()
    assert not QuarantinedMessage.objects.exists()


@pytest.mark.parametrize(
    "lang,words",
    [("kk", ["Бөлек сақталған хаттар", "мәтіні белгісіз немесе бүлінген кодтауда"]),
     ("ru", ["Отложенные письма", "текст в\xa0неизвестной или повреждённой кодировке"])],
)  # fmt: skip
def test_the_list_speaks_the_officers_language(privacy_officer, set_aside, lang, words):
    page = privacy_officer.get(
        "/admin/rights/quarantinedmessage/", headers={"accept-language": lang}
    )
    html = page.content.decode()
    assert all(word in html for word in words), lang


def test_destroying_the_person_destroys_the_email_their_request_was_opened_from(set_aside, person):
    """The set-aside email an officer opened the person's request from is their letter too:
    destroying them must not leave it for retention to find weeks later."""
    from consent.rights.erasure import subject_destroy
    from consent.rights.tickets import ticket_open_from_quarantine

    entry, _ = set_aside
    other = ingest(BAD_MESSAGES["two senders"][0])  # nobody's request: it stays
    ticket = ticket_open_from_quarantine(entry, kind="destroy", email="asel@example.kz",
                                         language="kk", actor=None)  # fmt: skip
    subject_destroy(person, request_ref=ticket.reference)
    assert list(QuarantinedMessage.objects.all()) == [other]


def test_an_email_set_aside_downloads_after_the_media_key_is_rotated(
    privacy_officer, set_aside, settings
):
    """The rotation as documented (README, MEDIA_ENCRYPTION_KEY): a new key first,
    `encrypt_photos`, the old key dropped. encrypt_photos moved the photos and the access answers
    to the new key but not the emails set aside, which no key opened any more once the old one
    was gone."""
    from cryptography.fernet import Fernet

    entry, _raw = set_aside
    new = Fernet.generate_key().decode()
    settings.MEDIA_ENCRYPTION_KEY = [new, *settings.MEDIA_ENCRYPTION_KEY]
    out = io.StringIO()
    call_command("encrypt_photos", stdout=out)
    assert "re-encrypted: 1" in out.getvalue()
    settings.MEDIA_ENCRYPTION_KEY = [new]
    response = privacy_officer.get(f"/admin/rights/quarantinedmessage/{entry.pk}/message.eml")
    assert response.status_code == 200
    assert b"Message-ID: <b7@x>" in response.content
