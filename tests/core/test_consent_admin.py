"""The admin never rewrites history, and every look at personal data is audited."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import capfirst

from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, ConsentText, LedgerEntry, Source
from consent.core.purposes import MARKETING, SERVICE


@pytest.fixture
def entry(texts, make_subject):
    return consent_grant(make_subject(), texts[SERVICE], language="kk", source=Source.CONTACT_FORM)


@pytest.mark.parametrize("model", ["ledgerentry", "auditevent", "tombstone"])
def test_even_a_superuser_cannot_add_to_append_only_tables(officer_client, model):
    assert officer_client.get(f"/admin/consent/{model}/add/").status_code == 403


def test_even_a_superuser_cannot_change_or_delete_a_ledger_row(officer_client, entry):
    url = f"/admin/consent/ledgerentry/{entry.pk}/"
    page = officer_client.get(url + "change/")
    assert page.status_code == 200
    assert b'type="submit"' not in page.content.split(b'id="content-main"')[1]
    assert officer_client.post(url + "change/", {"reason": "x"}).status_code == 403
    assert officer_client.post(url + "delete/", {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.reason == ""


@pytest.mark.parametrize("who", ["officer_client", "privacy_officer_client"])
@pytest.mark.parametrize("model", ["auditevent", "ledgerentry"])
def test_no_staff_member_changes_or_deletes_an_audit_or_ledger_row_through_the_admin(
    request, entry, who, model
):
    """Compliance L16: each audit entry cannot be changed through the admin. The privacy officer
    (the group) and a superuser alike open a row, read only; a change, a delete and the list's
    delete action posted by hand are each refused, and the row is as it was."""
    client = request.getfixturevalue(who)
    row = AuditEvent.objects.latest("id") if model == "auditevent" else entry
    before = {f.attname: getattr(row, f.attname) for f in type(row)._meta.concrete_fields}
    url = f"/admin/consent/{model}/{row.pk}/"
    page = client.get(url + "change/")
    assert page.status_code == 200
    assert b'type="submit"' not in page.content.split(b'id="content-main"')[1]
    assert client.post(url + "change/", {"reason": "x", "detail": "{}"}).status_code == 403
    assert client.post(url + "delete/", {"post": "yes"}).status_code == 403
    listing = client.get(f"/admin/consent/{model}/")
    assert listing.status_code == 200 and b"delete_selected" not in listing.content
    bulk = {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"}
    client.post(f"/admin/consent/{model}/", bulk)
    row.refresh_from_db()
    assert {f.attname: getattr(row, f.attname) for f in type(row)._meta.concrete_fields} == before


def test_the_changelist_offers_no_delete_action(officer_client, entry):
    response = officer_client.get("/admin/consent/ledgerentry/")
    assert response.status_code == 200
    assert b"delete_selected" not in response.content
    response = officer_client.post(
        "/admin/consent/ledgerentry/",
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    assert LedgerEntry.objects.filter(pk=entry.pk).exists()


def test_opening_a_subject_is_audited(officer_client, entry):
    response = officer_client.get(f"/admin/consent/subject/{entry.subject_id}/change/")
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="subject_view")
    assert (event.subject_ref, event.actor_label) == (entry.subject_id, "alice")


@pytest.mark.parametrize("language, ticket, ledger_row", [
    ("ru", "запрос", "запись журнала согласий"), ("kk", "өтініш", None),
])  # fmt: skip
def test_the_audit_log_names_what_each_row_is_about_in_the_officers_language(
    privacy_officer_client, entry, language, ticket, ledger_row
):
    """The audit log's "object" column showed the code label ("rights.ticket",
    "consent.ledgerentry") to an officer reading the admin in Russian or Kazakh."""
    from consent.rights.tickets import ticket_open

    opened = ticket_open(kind="access", email=entry.subject.email, language="kk", channel="web")
    privacy_officer_client.cookies["django_language"] = language
    listing = privacy_officer_client.get("/admin/consent/auditevent/").content.decode()
    event = AuditEvent.objects.filter(object_id=str(opened.pk)).first()
    page = privacy_officer_client.get(f"/admin/consent/auditevent/{event.pk}/change/")
    for html in (listing, page.content.decode()):
        # One column: the kind of object, then its number (kept on one line, in a span).
        assert "rights.ticket" not in html
        number = f'<span class="number">№\xa0{opened.reference}</span>'
        assert f">{capfirst(ticket)} {number}<" in html
    assert "consent.ledgerentry" not in listing
    if ledger_row:
        assert f'>{capfirst(ledger_row)} <span class="number">№\xa0' in listing


@pytest.mark.parametrize("language, shown", [
    ("ru", "Ответы на обращения и\xa0заявки, версия 1"),
    ("kk", "Хабарламалар мен өтінімдерге жауап беру, 1-нұсқа"),
])  # fmt: skip
def test_a_consent_text_is_named_with_its_version_in_the_officers_language(
    privacy_officer_client, entry, language, shown
):
    """The person's ledger on their page and the ledger list named the text "… v1"."""
    privacy_officer_client.cookies["django_language"] = language
    for url in [
        f"/admin/consent/subject/{entry.subject_id}/change/",
        "/admin/consent/ledgerentry/",
    ]:
        html = privacy_officer_client.get(url).content.decode()
        assert shown in html and not re.search(r"\bv1\b", html), url


def test_opening_a_ledger_row_is_audited(officer_client, entry):
    officer_client.get(f"/admin/consent/ledgerentry/{entry.pk}/change/")
    assert AuditEvent.objects.filter(action="subject_view", subject_ref=entry.subject_id).exists()


def test_a_subject_is_changed_only_through_a_correction_request(officer_client, entry):
    """Legal item 11: no free edit in the admin (the desk's correction needs a document)."""
    s = entry.subject
    page = officer_client.get(f"/admin/consent/subject/{s.pk}/change/").content.decode()
    assert 'name="full_name"' not in page
    response = officer_client.post(
        f"/admin/consent/subject/{s.pk}/change/", {"full_name": "Жаңа Есім", "email": s.email}
    )
    assert response.status_code == 403
    s.refresh_from_db()
    assert s.full_name != "Жаңа Есім"
    assert not AuditEvent.objects.filter(action="subject_edit").exists()
    assert officer_client.get("/admin/consent/subject/add/").status_code == 403


def test_a_subject_cannot_be_deleted_from_the_admin(officer_client, entry):
    url = f"/admin/consent/subject/{entry.subject_id}/delete/"
    assert officer_client.post(url, {"post": "yes"}).status_code == 403


def test_publish_action_publishes_a_complete_draft(officer_client, policy):
    draft = ConsentText.objects.create(purpose=MARKETING, version=1, policy=policy)
    response = officer_client.post(
        "/admin/consent/consenttext/", {"action": "publish", "_selected_action": [draft.pk]}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published and draft.sha256_kk
    assert AuditEvent.objects.filter(action="text_publish", actor_label="alice").count() == 1


def test_publish_action_refuses_without_a_bin(officer_client, policy, settings):
    settings.OPERATOR = {**settings.OPERATOR, "bin": ""}
    draft = ConsentText.objects.create(purpose=MARKETING, version=1, policy=policy)
    response = officer_client.post(
        "/admin/consent/consenttext/",
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )
    draft.refresh_from_db()
    assert not draft.is_published
    assert "BIN" in response.content.decode() or "БСН" in response.content.decode()


def test_consent_text_preview_shows_both_languages(officer_client, policy):
    draft = ConsentText.objects.create(purpose=SERVICE, version=1, policy=policy)
    html = officer_client.get(f"/admin/consent/consenttext/{draft.pk}/change/").content.decode()
    assert "123456789012" in html
    assert "келісім" in html and "согласие" in html


@pytest.mark.parametrize(
    "url", ["/admin/consent/subject/", "/admin/consent/ledgerentry/", "/admin/consent/auditevent/"]
)
def test_changelists_keep_a_constant_query_count(
    officer_client, texts, make_subject, url, django_assert_max_num_queries
):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert officer_client.get(url).status_code == 200
        return len(ctx)

    consent_grant(make_subject(), texts[SERVICE], language="kk", source=Source.ADMIN)
    count()  # the session's first admin page notes the officer's language (emalu/staff.py)
    few = count()
    for _ in range(20):
        consent_grant(make_subject(), texts[MARKETING], language="ru", source=Source.ADMIN)
    assert count() == few
    assert few <= 8  # session, user, then the page's own few queries


def test_a_long_history_shows_its_latest_rows_and_links_the_whole_ledger(officer_client, entry):
    from consent.core.admin import LatestRowsFormSet

    subject = entry.subject
    text = entry.text
    for _ in range(LatestRowsFormSet.rows + 5):
        consent_grant(subject, text, language="kk", source=Source.ADMIN)
    html = officer_client.get(f"/admin/consent/subject/{subject.pk}/change/").content.decode()
    shown = [int(pk) for pk in re.findall(r'name="ledgerentry_set-\d+-id" value="(\d+)"', html)]
    newest = LedgerEntry.objects.filter(subject=subject).order_by("-id")
    assert shown == list(newest.values_list("id", flat=True)[: LatestRowsFormSet.rows])
    link = f"/admin/consent/ledgerentry/?subject__id__exact={subject.pk}"
    assert link in html
    listing = officer_client.get(link)
    assert listing.status_code == 200
    assert f"/ledgerentry/{entry.pk}/change/" in listing.content.decode()  # the oldest row too


@pytest.mark.parametrize("view", ["export.json", "export.pdf", "evidence.csv", "evidence.pdf"])
def test_nothing_about_a_blocked_person_is_exported(officer_client, entry, view):
    """Legal item 12: no exports while blocked; staff are sent back to the person's page."""
    from consent.core.ledger import subject_block
    from consent.core.models import AuditEvent, Source

    subject_block(entry.subject, reason="complaint", source=Source.ADMIN)
    base = f"/admin/consent/subject/{entry.subject.pk}/"
    response = officer_client.get(base + view)
    assert response.status_code == 302 and response["Location"].endswith(base + "change/")
    exports = AuditEvent.objects.filter(action__in=["subject_export", "evidence_export"])
    assert not exports.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's estimates")
def test_a_filtered_ledger_list_counts_exactly_up_to_its_limit_then_estimates(
    officer_client, texts, make_subject, monkeypatch
):
    """A filter matching few rows shows their exact number; one matching more than the limit
    (10,000 in production, 5 here) shows the planner's estimate, never fewer than it counted."""
    from consent.core.admin import EstimatedCountPaginator

    monkeypatch.setattr(EstimatedCountPaginator, "exact_filtered_below", 5)
    for _ in range(8):
        consent_grant(make_subject(), texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    LedgerEntry.objects.bulk_create(
        LedgerEntry(subject=make_subject(), purpose=SERVICE, kind="withdraw", source="unsubscribe")
        for _ in range(3)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE consent_ledgerentry")
    counts = {}
    for kind in ("withdraw", "grant"):
        with CaptureQueriesContext(connection) as queries:
            response = officer_client.get(f"/admin/consent/ledgerentry/?kind={kind}")
        assert response.status_code == 200
        counts[kind] = response.context["cl"].result_count
        # No count runs over every matching row: each stops at the limit.
        full = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(*)")]
        assert all("LIMIT 6" in sql for sql in full), full
    assert counts["withdraw"] == 3  # under the limit: exact
    assert counts["grant"] >= 6  # over it: at least what was counted
