"""A submission names the consent its form gave (purpose, text version), on its page, the
person's page and in the access export: the demo's officer read «-» and "" for every form whose
consent the ledger took, since only consents held back were noted."""

import pytest
from django.core.management import call_command
from django.utils import translation

from consent.core.models import ConsentText, LedgerEntry, Submission
from consent.core.purposes import SERVICE
from consent.rights.export import export_data


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_post_names_the_consent_it_gave(
    demo, client, privacy_officer_client, contact_data, lang
):
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    submission = Submission.objects.get()
    grant = LedgerEntry.objects.get(subject=submission.subject, kind="grant")
    assert list(submission.grants.all()) == [grant]
    text = ConsentText.objects.get(pk=grant.text_id)
    assert text.purpose == SERVICE
    with translation.override(lang):
        named = str(text)  # «…, version 1» in the officer's language
    assert "1" in named
    privacy_officer_client.cookies["django_language"] = lang
    for url in (f"/admin/consent/submission/{submission.pk}/change/",
                f"/admin/consent/subject/{submission.subject_id}/change/"):  # fmt: skip
        assert named in privacy_officer_client.get(url).content.decode()
    (row,) = export_data(submission.subject, lang)["sources_and_methods"]
    assert row["consent"] == named


def test_submissions_from_before_are_linked_to_the_consent_their_form_gave(
    demo, client, contact_data
):
    """Migration 0038 links the submissions made before the link existed: the same person's
    grants from that form, written in the form's transaction."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("consent.core.migrations.0040_submission_grants")
    assert client.post("/kk/contact/", contact_data()).status_code == 302
    other = contact_data(email="other@example.kz", full_name="Дәурен Ахметов")
    assert client.post("/ru/contact/", other).status_code == 302
    grants = {s.pk: list(s.grants.all()) for s in Submission.objects.all()}
    Submission.grants.through.objects.all().delete()  # as before the link
    migration.link_grants(apps, None)
    assert {s.pk: list(s.grants.all()) for s in Submission.objects.all()} == grants
    assert all(len(given) == 1 for given in grants.values())


def test_destruction_takes_the_link_with_the_ledger(demo, client, contact_data):
    """The ledger's rows go first (emalu_destroy_subject), the person and their submissions
    after: no link is left pointing at a destroyed grant when the constraints are checked."""
    from django.db import connection

    from consent.rights.erasure import subject_destroy

    assert client.post("/kk/contact/", contact_data()).status_code == 302
    submission = Submission.objects.get()
    subject_destroy(submission.subject, request_ref="REQ-1")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # as at the commit
    assert not Submission.grants.through.objects.exists()
