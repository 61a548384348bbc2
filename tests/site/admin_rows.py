"""The admin's rows for tests/site/test_admin_audit.py: a row of every kind the admin shows, as
the site makes them, the staff who open them, and the audit rows their pages leave."""

from axes.models import AccessFailureLog
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from post_office.models import Attachment, Email, Log

from consent.common.dates import local_today
from consent.core.ledger import consent_grant
from consent.core.models import (
    AuditEvent,
    Guardian,
    LedgerEntry,
    OperatorDocument,
    Source,
    Subject,
    Submission,
)
from consent.core.purposes import MARKETING, SERVICE
from consent.marketing.models import Campaign
from consent.rights.access import ticket_answer_access
from consent.rights.answers import ticket_destroy
from consent.rights.breaches import breach_record
from consent.rights.intake import ingest
from consent.rights.models import Breach, Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from consent.workdays.models import CalendarOverride
from emalu.models import Company, Page, Service
from tests.conftest import aged_token
from tests.rights.conftest import BAD_MESSAGES
from tests.staff import signed_in
from tests.texts import SHOWN, as_shown

PERSON = "asel@example.kz"


def label(model):
    return model._meta.label_lower


def site_rows(texts, client):
    data = {"token": aged_token(), **SHOWN, "full_name": "Әсел Қасымова", "email": PERSON,
            "phone": "+77011234567", "message": "Сәлем", "consent_service": "on"}  # fmt: skip
    # Made for a module, before any test's fixture fills SHOWN in (tests/conftest.py).
    client.post("/kk/contact/", as_shown(client, "/kk/contact/", data))
    person = Submission.objects.get().subject
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    access = ticket_open(kind="access", email=PERSON, language="kk", channel="web")
    ticket_verify(access)
    ticket_answer_access(Ticket.objects.get(pk=access.pk), actor=None)
    gone = Subject.objects.create(full_name="Gone", email="gone@example.kz", phone="+77011234500")
    consent_grant(gone, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    destroy = ticket_open(kind="destroy", email="gone@example.kz", language="kk", channel="web")
    ticket_verify(destroy)
    ticket_destroy(Ticket.objects.get(pk=destroy.pk), actor=None)
    ingest(BAD_MESSAGES["unknown charset"][0])
    Log.objects.create(email=Email.objects.filter(to__icontains=PERSON).first(), status=0)
    breach_record(Breach(detected_at=timezone.now(), description="x", people_affected=1))
    Campaign.objects.create(title="x", subject_line_kk="x", body_kk="x")
    client.post("/cookies/choice", {"choice": "reject", "next": "/ru/about/"},
                headers={"origin": "http://testserver"})  # fmt: skip
    CalendarOverride.objects.create(date="2026-12-31", is_working_day=False, note="x")
    Page.objects.get_or_create(slug="home")
    Company.objects.create(summary_kk="x", summary_ru="x")
    Service.objects.create(slug="x", title_kk="x", title_ru="x")

    OperatorDocument.objects.create(kind="register", version=1)
    # A child whose parent waits to be confirmed: the desk's page that confirms them.
    born = local_today().replace(year=local_today().year - 10, day=1)
    child = Subject.objects.create(full_name="Ерлан Қасымов", email="child@example.kz",
                                   birth_date=born)  # fmt: skip
    Guardian.objects.create(subject=child, full_name="Айгүл Қасымова", contact="+77017654321",
                            pending=True)  # fmt: skip
    return person


def staff(role):
    """A superuser or a privacy officer, signed in as a person signs in; and a failed attempt
    first, for the sign-in records."""
    Client().post("/admin/login/", {"username": "intruder", "password": "x", "otp_token": "1"})
    if not AccessFailureLog.objects.exists():  # kept only with AXES_ENABLE_ACCESS_FAILURE_LOG
        AccessFailureLog.objects.create(
            username="intruder",
            ip_address="127.0.0.1",
            user_agent="",
            http_accept="",
            path_info="/admin/login/",
        )
    user = User.objects.create_user(role, f"{role}@example.kz", f"pw-{role}-123456",
                                    is_staff=True, is_superuser=role == "root")  # fmt: skip
    if role != "root":
        user.groups.add(Group.objects.get(name="privacy_officer"))
    StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    return signed_in(Client(), user, f"pw-{role}-123456")


def example(model, person):
    """The object to open: the person's own where the model holds people's data."""
    rows = model._default_manager.all()
    mine = {
        Email: lambda: rows.filter(to__icontains=PERSON, attachments__isnull=False),
        Log: lambda: rows.filter(email__to__icontains=PERSON),
        Attachment: lambda: rows.filter(emails__to__icontains=PERSON),
        Submission: lambda: rows.filter(subject=person),
        LedgerEntry: lambda: rows.filter(subject=person),
        AuditEvent: lambda: rows.filter(subject_ref=person.pk),
        Ticket: lambda: rows.filter(subject=person),
    }
    if model is type(person):
        return person
    found = (mine[model]() if model in mine else rows).order_by("pk").first()
    assert found is not None, f"the fixture makes no {label(model)}"
    return found


def views_since(mark):
    return list(AuditEvent.objects.filter(action="subject_view", pk__gt=mark))


def mark():
    last = AuditEvent.objects.order_by("-pk").first()
    return last.pk if last else 0
