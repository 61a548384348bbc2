"""The admin shows people and staff by name, linked to their page, and what a form sent as a
labelled list in the officer's language: the demo's officer read «Субъект: #4», the audit log's
and the ledger's «1», «2», «3», and the submission's data as raw JSON."""

import re

import pytest
from django.utils import formats, translation
from django.utils.text import capfirst

from consent.core.admin.names import DESTROYED
from consent.core.audit import audit
from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, Submission
from consent.core.purposes import DATA_FIELDS, MARKETING, PURPOSES, SERVICE
from consent.core.texts import current_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def asel(texts, make_subject, privacy_officer):
    privacy_officer.first_name, privacy_officer.last_name = "Дана", "Серікова"
    privacy_officer.save()
    person = make_subject(full_name="Әсел Қасымова")
    consent_grant(person, current_text(SERVICE), language="kk", source="admin",
                  actor=privacy_officer)  # fmt: skip
    audit(AuditEvent.Action.SUBJECT_VIEW, actor=privacy_officer, subject=person, obj=person)
    return person


def in_language(lang, value):
    with translation.override(lang):
        return str(value)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_submission_shows_what_was_sent_as_a_labelled_list(asel, privacy_officer_client, lang):
    data = {"full_name": "Әсел Қасымова", "birth_date": "1990-03-21",
            "consents": {SERVICE: True, MARKETING: False}}  # fmt: skip
    submission = Submission.objects.create(subject=asel, source="application_form",
                                           language="kk", data=data)  # fmt: skip
    privacy_officer_client.cookies["django_language"] = lang
    html = privacy_officer_client.get(f"/admin/consent/submission/{submission.pk}/change/")
    html = html.content.decode()
    assert '{"full_name"' not in html and "1990-03-21" not in html
    with translation.override(lang):
        birth = formats.date_format(formats.datetime.date(1990, 3, 21), "SHORT_DATE_FORMAT")
        expected = [
            f"<li>{capfirst(DATA_FIELDS['birth_date'])}: {birth}</li>",
            f"<li>{PURPOSES[SERVICE].name}: {translation.gettext('yes')}</li>",
            f"<li>{PURPOSES[MARKETING].name}: {translation.gettext('no')}</li>",
        ]
    for line in expected:
        assert line in html
    assert f'<a href="/admin/consent/subject/{asel.pk}/change/">Әсел Қасымова</a>' in html


@pytest.mark.parametrize("url", ["/admin/consent/auditevent/", "/admin/consent/ledgerentry/"])
def test_the_audit_log_and_ledger_name_the_person_and_the_staff_member(
    asel, privacy_officer_client, url
):
    html = privacy_officer_client.get(url).content.decode()
    assert f'<a href="/admin/consent/subject/{asel.pk}/change/">Әсел Қасымова</a>' in html
    if "auditevent" in url:
        assert "Дана Серікова (dana)" in html
    else:
        entry = asel.ledgerentry_set.get()
        page = privacy_officer_client.get(f"{url}{entry.pk}/change/").content.decode()
        assert "Дана Серікова (dana)" in page and "Әсел Қасымова</a>" in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_destroyed_person_reads_as_a_neutral_label(asel, privacy_officer_client, lang):
    row = audit(AuditEvent.Action.SUBJECT_VIEW, subject=type(asel)(pk=asel.pk + 1000))
    privacy_officer_client.cookies["django_language"] = lang
    listing = privacy_officer_client.get("/admin/consent/auditevent/")
    page = privacy_officer_client.get(f"/admin/consent/auditevent/{row.pk}/change/")
    for response in (listing, page):
        assert response.status_code == 200
        assert in_language(lang, DESTROYED) in response.content.decode()


def test_a_role_that_may_not_see_people_reads_numbers(asel, client, db):
    from tests.staff import staff_member, verified_login

    auditor = staff_member("ivan", "privacy_officer")
    auditor.groups.clear()
    from django.contrib.auth.models import Permission

    auditor.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
    html = verified_login(client, auditor).get("/admin/consent/auditevent/").content.decode()
    cells = re.findall(r'<td class="field-person">(.*?)</td>', html)
    assert "Әсел Қасымова" not in html and f"№\xa0{asel.pk}" in cells


@pytest.mark.parametrize(
    "url",
    ["/admin/consent/auditevent/", "/admin/consent/ledgerentry/", "/admin/rights/ticket/",
     "/admin/consent/submission/"],
)  # fmt: skip
def test_a_person_known_only_by_an_address_is_named_by_it(
    texts, make_subject, privacy_officer, privacy_officer_client, url
):
    """A newsletter signed up with an address alone: every list names her by that address,
    linked to her page, never as «#6»."""
    from consent.rights.tickets import ticket_open

    person = make_subject(full_name="", email="reader@example.kz", phone="")
    consent_grant(person, current_text(MARKETING), language="ru", source="newsletter_form")
    audit(AuditEvent.Action.SUBJECT_VIEW, actor=privacy_officer, subject=person, obj=person)
    ticket_open(kind="access", email=person.email, language="ru", channel="email")
    Submission.objects.create(subject=person, source="newsletter_form", language="ru", data={})
    html = privacy_officer_client.get(url).content.decode()
    # The person column alone: another column numbers the row itself («№ 7», a submission's),
    # and the row's number and the person's coincide now and then.
    cells = re.findall(r'<td class="field-person">(.*?)</td>', html)
    link = f'<a href="/admin/consent/subject/{person.pk}/change/">reader@example.kz</a>'
    assert link in cells and not any(f"№\xa0{person.pk}" in cell for cell in cells), cells
