"""Compliance L4: a published text changed in the database by someone holding the owner's rights
(who can bypass the triggers) is not passed off as proven. A consent text's words are checked
against the SHA-256 published with them: the evidence says, in the staff member's language, that
the words kept are not the ones published, for grants given before the change and, above all,
after it (whose own hash was taken over the changed words, so that the evidence said «yes»);
the access answer says the text is not as published; and `check --database` names every
published text, policy version and operator's document whose words do not give their digest."""

import csv
import io
import json

import pytest
from django.core.checks import run_checks
from django.db import connection, transaction
from django.utils import translation
from django.utils.translation import gettext

from consent.common.text import plain_text
from consent.cookies.models import BannerWording
from consent.core.documents import document_draft, document_publish
from consent.core.ledger import consent_grant
from consent.core.models import OperatorDocument, PolicyVersion, Source
from consent.core.purposes import SERVICE
from consent.core.texts import policy_publish
from consent.rights.export import export_json
from tests.core.test_policy_v2 import operator

# Version 2 is dated ahead of a fixed day of December 2026: the clock starts on the suite's day
# (tests/isolation.py), not on the real date, which will pass it.
pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the owner's rights are PostgreSQL's"
    ),
    pytest.mark.usefixtures("time_machine"),
]


def as_owner(sql, params):
    """`sql` run as the database's owner with the triggers bypassed, as an intruder would."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
        try:
            cursor.execute("SET session_replication_role = replica")
            cursor.execute(sql, params)
        finally:
            cursor.execute("SET session_replication_role = origin")
            cursor.execute("SET ROLE emalu_app")


def alter_text(text, language):
    column = f"body_{language}"
    as_owner(f"UPDATE consent_consenttext SET {column} = %s WHERE id = %s",
             [getattr(text, column).replace("5", "50", 1) + " Өзгертілді.", text.pk])  # fmt: skip
    text.refresh_from_db()


def evidence(client, person, lang):
    client.cookies["django_language"] = lang
    body = client.get(f"/admin/consent/subject/{person.pk}/evidence.csv").content
    header, *rows = csv.reader(io.StringIO(body.decode("utf-8-sig")))
    return [dict(zip(header, row, strict=True)) for row in rows]


def said(lang, name):
    with translation.override(lang):
        return plain_text(gettext(name))


def broken_digests():
    return [w.msg for w in run_checks(databases=["default"]) if w.id == "consent.W004"]


@pytest.mark.parametrize("grant_language", ["kk", "ru"])
@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_text_changed_after_publication_is_said_not_to_be_the_text_published(
    texts, make_subject, privacy_officer_client, grant_language, when, lang
):
    person = make_subject()
    text = texts[SERVICE]
    if when == "before":
        consent_grant(person, text, language=grant_language, source=Source.CONTACT_FORM)
    alter_text(text, grant_language)
    if when == "after":  # the form shows the changed words, and the grant hashes them
        consent_grant(person, text, language=grant_language, source=Source.CONTACT_FORM)

    (row,) = evidence(privacy_officer_client, person, lang)
    proof = row[said(lang, "the text gives this SHA-256")]
    assert proof.startswith(said(lang, "no") + ":")
    assert getattr(text, f"sha256_{grant_language}") in proof  # the digest published
    with translation.override(lang):
        assert str(text.version) in proof
    (entry,) = json.loads(export_json(person, lang))["consent_history"]
    assert entry["text_gives_sha256"] is False and entry["text_as_published"] is False
    assert broken_digests() == [
        f"The words kept of the consent text '{SERVICE}' version {text.version} "
        f"({grant_language}) do not give the SHA-256 published with it: they were changed in "
        "the database after publication."
    ]


def test_texts_as_published_pass(texts, make_subject, privacy_officer_client):
    person = make_subject()
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    (row,) = evidence(privacy_officer_client, person, "ru")
    assert row[said("ru", "the text gives this SHA-256")] == said("ru", "yes")
    (entry,) = json.loads(export_json(person, "kk"))["consent_history"]
    assert entry["text_as_published"] is True
    assert broken_digests() == []


def test_a_policy_version_or_a_document_changed_after_publication_is_named_by_the_check(
    texts, settings
):
    settings.OPERATOR = operator(settings)
    policy = policy_publish(PolicyVersion.objects.get(number=2))  # published with its digests
    document = document_publish(document_draft(OperatorDocument(kind="data_list")))
    assert broken_digests() == []
    as_owner("UPDATE consent_policyversion SET text_ru = text_ru || ' ' WHERE id = %s",
             [policy.pk])  # fmt: skip
    as_owner("UPDATE consent_operatordocument SET content = '{}' WHERE id = %s", [document.pk])
    assert broken_digests() == [
        f"The words kept of the privacy policy version {policy.number} (ru) do not give the "
        "SHA-256 published with it: they were changed in the database after publication.",
        f"The words kept of the operator's document 'data_list' version {document.version} do "
        "not give the SHA-256 published with it: they were changed in the database after "
        "publication.",
    ]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_admin_index_tells_the_officers_in_their_language(texts, privacy_officer_client, lang):
    privacy_officer_client.cookies["django_language"] = lang
    assert 'id="texts-altered"' not in privacy_officer_client.get("/admin/").content.decode()
    text = texts[SERVICE]
    alter_text(text, "ru")
    page = privacy_officer_client.get("/admin/").content.decode()
    assert 'id="texts-altered"' in page
    assert f'href="/admin/consent/consenttext/{text.pk}/change/"' in page
    with translation.override(lang):
        assert gettext("Published texts changed in the database") in page
        assert f"{text}</a> ({gettext('Russian')})" in page


def test_a_cookie_banner_wording_changed_in_the_database_is_named_by_the_check(db, client):
    """The banner's wording, kept on the first answer under its SHA-256 (cookies.wording)."""
    client.post("/cookies/choice", {"choice": "reject", "next": "/ru/"},
                headers={"origin": "http://testserver"})  # fmt: skip
    (wording,) = BannerWording.objects.all()
    assert [w for w in run_checks(databases=["default"]) if w.id == "consent.W005"] == []
    as_owner("UPDATE cookies_bannerwording SET text = text || '.' WHERE id = %s", [wording.pk])
    (warning,) = [w for w in run_checks(databases=["default"]) if w.id == "consent.W005"]
    assert warning.msg.startswith(f"The words kept of cookie banner wording {wording.pk} (ru) ")
