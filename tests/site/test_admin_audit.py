"""Compliance L16: every admin page that shows a person's data leaves an audit row (subject_view)
with the staff member and the person's number, the outbox included.

Every registered admin is classified below, so a new one fails `test_every_admin_is_classified`
until someone decides whether it shows personal data. Each is then opened, its list and one
object's page, as a superuser and as a privacy officer (where the role may)."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.urls import reverse
from post_office.models import Email, Log

from consent.core.admin import AuditedAdmin
from consent.core.texts import current_policy
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open
from tests.conftest import rows_for_the_module
from tests.site.admin_rows import PERSON, example, label, mark, site_rows, staff, views_since
from tests.site.language import joined
from tests.staff import registered_admins
from tests.texts import texts_publish

# Admins whose pages show a person's data: {model: whether its list shows personal fields too}.
PERSONAL = {
    "consent.subject": True,  # the list names people and their addresses
    # Lists that name each person (consent/core/admin/names.py), for roles that may see people.
    "consent.submission": True,
    "consent.ledgerentry": True,
    "consent.auditevent": True,
    "rights.ticket": True,  # the desk names the person of each request
    "post_office.email": True,  # the outbox lists addresses
    "post_office.log": True,  # each delivery with its mail's address
    "post_office.attachment": False,  # file names (R-<n>.json); the page names the addresses
}
# Admins that show no data subject's data, and why.
NOT_PERSONAL = {
    "emalu.page": "the site's own pages",
    "emalu.service": "the operator's services",
    "emalu.company": "the operator's own contact details",
    "rights.intakephrase": "the phrases the email intake recognises",
    "consent.policyversion": "the privacy policy",
    "consent.operatordocument": "the list of data and the register, from the declarations",
    "consent.consenttext": "consent texts, with {full_name} as a placeholder",
    "consent.tombstone": "a destroyed person's number, a request number and a staff login",
    "rights.breach": "an incident's counts, dates and measures; its form says no personal data",
    "rights.quarantinedmessage": "time, reason and size; the message is only downloaded, "
    "audited as an export",
    "marketing.campaign": "the text sent and a count of recipients, never who",
    "workdays.calendaroverride": "the calendar",
    "cookies.cookiechoice": "an anonymous answer to the banner: a random id, no IP or browser",
    "cookies.bannerwording": "the banner's words",
    "auth.group": "the staff roles",
    # Staff accounts and sign-in records are the operator's own, superusers' business, not
    # the people whose data the site collects (the audit trail of L16 is about those).
    "auth.user": "staff accounts",
    "otp_totp.totpdevice": "staff authenticators",
    "otp_static.staticdevice": "staff recovery codes",
    "axes.accessattempt": "sign-in attempts to the staff admin",
    "axes.accesslog": "staff sign-ins",
    "axes.accessfailurelog": "failed sign-ins to the staff admin",
}


def test_every_admin_is_classified():
    registered = {label(model) for model in registered_admins()}
    assert registered == set(PERSONAL) | set(NOT_PERSONAL), (
        "classify each admin in PERSONAL or NOT_PERSONAL: "
        f"{sorted(registered ^ (set(PERSONAL) | set(NOT_PERSONAL)))}"
    )
    assert not set(PERSONAL) & set(NOT_PERSONAL)


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """A row of every kind the admin shows, as the site makes them: a person who wrote in and
    asked for their data, someone destroyed, an email set aside, a breach, a campaign... Made
    once for the module (some seventy tests open them), rolled back after it."""
    with rows_for_the_module(django_db_blocker):
        yield site_rows(texts_publish(current_policy()), Client())


@pytest.fixture(scope="module")
def signed(site, django_db_blocker):
    """A superuser and a privacy officer, each signed in once for the module (rows of `site`'s,
    so what a test changes of a session goes back with the test)."""
    with django_db_blocker.unblock():
        yield {role: staff(role) for role in ("root", "olga")}


MODELS = sorted(registered_admins(), key=label)


@pytest.mark.parametrize("role", ["root", "olga"])
@pytest.mark.parametrize("model", MODELS, ids=label)
def test_every_page_that_shows_personal_data_is_audited(site, signed, role, model):
    browser = signed[role]
    obj = example(model, site)
    info = (model._meta.app_label, model._meta.model_name)
    page = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
    listing = reverse("admin:{}_{}_changelist".format(*info))
    if model is Ticket:
        listing += "?due=all"  # the person's request is answered: not in the default open list

    before = mark()
    response = browser.get(page)
    if response.status_code == 403:
        assert role != "root"
        return  # the role may not open it at all
    assert response.status_code == 200, page
    rows = views_since(before)
    if label(model) in PERSONAL:
        assert [(r.subject_ref, r.object_type, r.object_id, r.actor_label) for r in rows] == [
            (site.pk, label(model), str(obj.pk), role)
        ], page
    else:
        assert rows == [], page

    before = mark()
    assert browser.get(listing).status_code == 200
    rows = views_since(before)
    if PERSONAL.get(label(model)):
        mine = [r for r in rows if r.subject_ref == site.pk]
        assert len(mine) == 1 and mine[0].detail["list"] == label(model), listing
        assert str(obj.pk) in mine[0].detail["ids"]
    else:
        assert rows == [], listing


def test_a_mails_preview_is_audited_under_the_person(site, signed):
    browser = signed["root"]
    mail = Email.objects.filter(to__icontains=PERSON).first()
    before = mark()
    assert browser.get(f"/admin/post_office/email/{mail.pk}/preview/").status_code == 200
    [row] = views_since(before)
    assert (row.subject_ref, row.object_type, row.object_id) == (
        site.pk, "post_office.email", str(mail.pk))  # fmt: skip


def test_a_mail_to_no_one_on_record_is_audited_as_the_mail(site, signed):
    """A notice to staff, or the answer to an address the site does not hold: no number, the
    mail itself."""
    browser = signed["root"]
    mail = Email.objects.exclude(to__icontains=PERSON).first()
    before = mark()
    assert browser.get(f"/admin/post_office/email/{mail.pk}/change/").status_code == 200
    [row] = views_since(before)
    assert (row.subject_ref, row.object_id) == (None, str(mail.pk))


def test_a_mail_to_an_address_a_correction_replaced_is_audited_under_its_person(site, signed):
    """Whose mail it is, is the one rule of the person's page and export (mailed.mail_to): the
    audit named the holder of the address now, so a mail to Dana's old address, listed on her
    page as hers, was opened with no one's number."""
    from consent.core.mail import queue_mail
    from consent.core.models import Subject
    from consent.rights.models import Correction

    dana = Subject.objects.create(full_name="Дана Zqaudit", email="dana-new@example.kz")
    Correction.objects.create(subject=dana, field="email", old_value="dana-old@example.kz",
                              new_value="dana-new@example.kz", document="letter")  # fmt: skip
    queue_mail("dana-old@example.kz", "ack", {"name": "x", "ack_line": "x", "policy_number": 1},
               language="kk", subject_line="ack")  # fmt: skip
    mail = Email.objects.latest("id")
    Email.objects.filter(pk=mail.pk).update(created=dana.created_at)  # before the correction
    before = mark()
    assert signed["root"].get(f"/admin/post_office/email/{mail.pk}/change/").status_code == 200
    [row] = views_since(before)
    assert (row.subject_ref, row.object_id) == (dana.pk, str(mail.pk))


def test_a_request_from_an_address_not_on_record_is_audited(site, signed):
    ticket = ticket_open(kind="access", email="nobody@example.kz", language="kk", channel="web")
    browser = signed["olga"]
    before = mark()
    assert browser.get(f"/admin/rights/ticket/{ticket.pk}/change/").status_code == 200
    [row] = views_since(before)
    assert (row.subject_ref, row.object_type, row.object_id) == (None, "rights.ticket",
                                                                 str(ticket.pk))  # fmt: skip


def test_finding_a_person_by_address_is_audited(site, signed):
    browser = signed["olga"]
    before = mark()
    page = browser.get("/admin/consent/subject/", {"q": PERSON})
    assert page.status_code == 200 and f"№\xa0{site.pk}" in page.content.decode()
    [row] = views_since(before)
    assert row.subject_ref == site.pk and row.detail == {"list": "consent.subject",
                                                          "ids": [str(site.pk)]}  # fmt: skip


@pytest.mark.parametrize("role", ["root", "olga"])
def test_no_autocomplete_finds_a_person_past_the_audit(site, signed, role):
    """`/admin/autocomplete/` runs the search of the admin a relation points to, for any model
    and field named in the query string: a privacy officer found a person's number by their
    address (`app_label=consent&model_name=ledgerentry&field_name=subject&term=<address>`) with
    no audit row, where the list's search writes one. No relation to an audited admin's rows
    answers it, whatever the search."""
    browser = signed[role]
    found = []
    for model in MODELS:
        for field in model._meta.get_fields():
            if not (field.is_relation and field.concrete):
                continue
            target = registered_admins().get(field.related_model)
            if not isinstance(target, AuditedAdmin):
                continue
            for term in (PERSON, ""):
                query = {"app_label": model._meta.app_label, "model_name": model._meta.model_name,
                         "field_name": field.name, "term": term}  # fmt: skip
                before = mark()
                response = browser.get("/admin/autocomplete/", query)
                if response.status_code != 403 or views_since(before):
                    found.append(f"{label(model)}.{field.name} {term!r}: {response.status_code}")
    assert found == []


def test_no_delivery_log_offers_the_outbox_addresses(site, signed):
    """post_office's own log admin put every outbox address in a drop-down on each entry."""
    browser = signed["root"]
    log = Log.objects.first()
    html = browser.get(f"/admin/post_office/log/{log.pk}/change/").content.decode()
    assert "<select" not in html and "gone@example.kz" not in html
    assert AccessAttempt.objects.exists() and AccessLog.objects.exists()
    assert AccessFailureLog.objects.exists()


AUDITED = [model for model in MODELS if isinstance(registered_admins()[model], AuditedAdmin)]


@pytest.mark.parametrize("model", AUDITED, ids=label)
def test_a_personal_list_is_narrowed_by_its_own_filters_only(site, signed, model):
    """Django's admin filters a list by any field of its model given in the query string
    (`?data__email=…`, `?ip=…`): a search by a person's data past `search_fields` and past the
    audit of such a search. Each field of each audited admin that is none of its filters is
    refused (400), for a superuser too; the filters themselves still answer."""
    browser = signed["root"]
    model_admin = registered_admins()[model]
    request = RequestFactory().get("/")
    request.user = User.objects.get(username="root")
    declared = {item[0] if isinstance(item, tuple) else getattr(item, "parameter_name", item)
                for item in model_admin.get_list_filter(request)}  # fmt: skip
    listing = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    let_through = []
    for field in model._meta.get_fields():
        if field.name in declared or field.name in model_admin.list_lookups:
            continue
        before = mark()
        response = browser.get(listing, {f"{field.name}__isnull": "False"})
        if response.status_code != 400 or views_since(before):
            let_through.append(f"{field.name}: {response.status_code}")
    assert let_through == []
    for name in declared:
        assert browser.get(listing, {f"{name}__isnull": "False"}).status_code in (200, 302)


def test_an_address_in_a_forms_data_finds_no_one(site, signed):
    """The search that showed the defect: a privacy officer found whose a form was by the
    address in its data, with no audit row."""
    browser = signed["olga"]
    before = mark()
    for query in [{"data__email": PERSON}, {"data__full_name__startswith": "Ә"}]:
        assert browser.get("/admin/consent/submission/", query).status_code == 400
    by_browser = {"user_agent__contains": "a"}
    assert browser.get("/admin/consent/ledgerentry/", by_browser).status_code == 400
    assert views_since(before) == []


def test_a_persons_ledger_is_still_linked_from_their_page(site, signed):
    browser = signed["olga"]
    response = browser.get("/admin/consent/ledgerentry/", {"subject__id__exact": site.pk})
    assert response.status_code == 200
    assert browser.get("/admin/consent/ledgerentry/", {"kind": "grant"}).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=label)
def test_a_nul_character_in_any_list_query_is_refused_not_a_server_error(site, signed, model):
    """PostgreSQL text cannot hold NUL: a list filter given one (`?language__exact=%00`) was a
    500 on every admin list, for any staff member. Each filter of each list, its search and an
    action's selected ids: 400."""
    browser = signed["root"]
    model_admin = registered_admins()[model]
    request = RequestFactory().get("/")
    request.user = User.objects.get(username="root")
    listing = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    # A search holding one is told, not refused, on a list that has a search box (below).
    queries = [] if model_admin.get_search_fields(request) else [{"q": "\x00"}]
    for item in model_admin.get_list_filter(request):
        name = item[0] if isinstance(item, tuple) else getattr(item, "parameter_name", item)
        queries += [{name: "\x00"}, {f"{name}__exact": "\x00"}]
    answers = {str(query): browser.get(listing, query).status_code for query in queries}
    action = {"action": "delete_selected", "_selected_action": ["\x00"]}
    answers["action"] = browser.post(listing, action).status_code
    assert answers == dict.fromkeys(answers, 400)


# What the officer reads when a NUL came into the search box (pasted from a letter or a
# spreadsheet with one): the character named, what became of the search, in her language.
NUL_LEFT_OUT = {
    "kk": "Іздеуде көрінбейтін басқару таңбасы (NUL) болды, оны іздеуге болмайды: ол алынып "
    "тасталды, тізім іздеудің қалған бөлігі тапқанды көрсетеді.",
    "ru": joined(
        "В поиске был невидимый управляющий символ (NUL), по которому искать нельзя: он "
        "убран, и список показывает то, что находится по остальной части поиска."
    ),
}
SEARCHABLE = [m for m in MODELS if registered_admins()[m].search_fields]


@pytest.mark.parametrize("model", SEARCHABLE, ids=label)
def test_a_nul_in_the_search_box_is_left_out_and_said_on_every_searchable_list(site, signed, model):
    """A NUL in the search box answered a bare «Bad Request» page on every list with a search:
    the list opens again, searched for the rest, and says so in the officer's language."""
    browser = signed["root"]
    listing = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for language, said in NUL_LEFT_OUT.items():
        browser.cookies["django_language"] = language
        response = browser.get(listing, {"q": "ab\x00c", "o": "1"})
        assert response.status_code == 302, response.status_code
        assert response["Location"] == f"{listing}?q=abc&o=1"
        page = browser.get(response["Location"])
        assert page.status_code == 200
        assert [str(m) for m in page.context["messages"]] == [said]
        assert page.context["cl"].query == "abc"
