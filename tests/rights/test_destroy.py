"""Destruction removes the subject's rows and files and leaves a tombstone."""

import pytest
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, connection, transaction
from post_office.models import Attachment, Email
from post_office.utils import create_attachments

from consent.core.ledger import consent_grant, subject_block
from consent.core.mail import queue_mail
from consent.core.models import (
    AuditEvent,
    Guardian,
    LedgerEntry,
    Source,
    StoredFile,
    Subject,
    Submission,
    Tombstone,
)
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.access import ticket_answer_access
from consent.rights.answers import ticket_correct
from consent.rights.erasure import subject_destroy
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

MARKER = "Zzmarker7741"


@pytest.fixture
def doomed(texts, make_subject, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    s = make_subject(
        full_name=f"{MARKER} Name",
        email=f"{MARKER.lower()}@example.kz",
        phone="+77019998877",
        birth_place=MARKER,
    )
    s.photo.save("p.jpg", ContentFile(b"\xff\xd8" + MARKER.encode()), save=True)
    g = Guardian.objects.create(subject=s, full_name=f"{MARKER} Parent", contact="+77010000000")
    submission = Submission.objects.create(
        subject=s, source=Source.CONTACT_FORM, language="kk", data={"message": MARKER}
    )
    submission.photo.save("q.jpg", ContentFile(b"\xff\xd8" + MARKER.encode()), save=True)
    context = {"name": s.full_name, "ack_line": "x", "policy_number": 1}
    queue_mail(s.email, "ack", context, language="kk", subject_line="ack")
    consent_grant(s, texts[SERVICE], language="kk", source=Source.CONTACT_FORM, guardian=g)
    consent_grant(
        s,
        texts[MARKETING],
        language="ru",
        source=Source.NEWSLETTER_FORM,
        full_name=f"{MARKER} Name",
    )
    subject_block(s, reason=f"complaint of {MARKER}", source=Source.ADMIN)
    return s


def all_text_in_database():
    """Every text column of every table, as PostgreSQL renders each row."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT CAST(t.* AS text) FROM "{table}" t')
            chunks += [row[0] for row in cursor.fetchall()]
    return "\n".join(chunks)


def test_destroy_leaves_no_trace_but_the_tombstone(
    doomed, officer, tmp_path, django_capture_on_commit_callbacks
):
    other = Subject.objects.create(full_name="Other", email="other@example.kz")
    photo = StoredFile.objects.filter(name=doomed.photo.name)
    assert photo.exists()
    assert MARKER in all_text_in_database()

    with django_capture_on_commit_callbacks(execute=True):
        tomb = subject_destroy(doomed, request_ref="REQ-42", actor=officer)

    text = all_text_in_database()
    assert MARKER not in text and MARKER.lower() not in text
    assert "+77019998877" not in text
    assert not photo.exists()
    assert not StoredFile.objects.exists()  # both photos are gone
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # and none was ever on disk
    assert Tombstone.objects.filter(pk=tomb.pk, request_ref="REQ-42", actor_label="alice").exists()
    assert AuditEvent.objects.filter(action="subject_destroy", subject_ref=doomed.pk).count() == 1
    assert not LedgerEntry.objects.filter(subject_id=doomed.pk).exists()
    assert Subject.objects.filter(pk=other.pk).exists()


def test_destroy_spares_other_subjects_ledger(texts, doomed, make_subject):
    other = make_subject()
    consent_grant(other, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    subject_destroy(doomed, request_ref="REQ-1")
    assert LedgerEntry.objects.filter(subject=other).count() == 1


def commit_checks():
    """What COMMIT would check now: the deferred constraint triggers (the test's transaction is
    rolled back, never committed)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def call_destroy(*args):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT emalu_destroy_subject({', '.join(['%s'] * len(args))})", args)
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL function")
class TestTheDestroyFunctionAsTheRuntimeRole:
    """Requests run as the runtime role; called directly, the function is the whole audited
    destruction or nothing (compliance L13, T16)."""

    def test_it_runs_as_the_runtime_role(self, doomed):
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            assert cursor.fetchone()[0] == "emalu_app"

    @pytest.mark.parametrize("args", [(), ("",), ("   ",), (None,)])
    def test_without_the_request_it_answers_nothing_goes(self, doomed, args):
        rows = LedgerEntry.objects.filter(subject=doomed).count()
        with pytest.raises(DatabaseError), transaction.atomic():
            call_destroy(doomed.pk, *args, *([None, ""] if args else []))
        assert LedgerEntry.objects.filter(subject=doomed).count() == rows == 3
        assert not Tombstone.objects.exists()

    def test_a_ledger_cannot_be_wiped_while_the_person_stays(self, doomed):
        with pytest.raises(IntegrityError), transaction.atomic():
            call_destroy(doomed.pk, "R-1", None, "")
            commit_checks()  # the subject row is still there: the commit is refused
        assert LedgerEntry.objects.filter(subject=doomed).count() == 3
        assert not Tombstone.objects.exists() and not AuditEvent.objects.filter(
            action="subject_destroy").exists()  # fmt: skip

    def test_the_whole_operation_leaves_its_tombstone_and_audit_row(
        self, doomed, make_subject, texts
    ):
        other = make_subject()
        consent_grant(other, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
        tomb = subject_destroy(doomed, request_ref="R-7")
        commit_checks()
        assert (tomb.subject_ref, tomb.request_ref) == (doomed.pk, "R-7")
        audit = AuditEvent.objects.get(action="subject_destroy")
        assert (audit.subject_ref, audit.object_id) == (doomed.pk, str(tomb.pk))
        assert LedgerEntry.objects.filter(subject=other).count() == 1


def test_destroy_keeps_other_peoples_mail_with_a_similar_address(texts, make_subject):
    ann = make_subject(email="ann@example.kz")
    joann = make_subject(email="joann@example.kz")
    for s in (ann, joann):
        queue_mail(s.email, "ack", {"name": "x", "ack_line": "x", "policy_number": 1},
                   language="kk", subject_line="ack")  # fmt: skip
    subject_destroy(ann, request_ref="REQ-2")

    assert list(Email.objects.values_list("to", flat=True)) == [["joann@example.kz"]]


def verified_request(person, ticket_type, email=None):
    ticket = ticket_open(kind=ticket_type, email=email or person.email, language="kk",
                       channel="email")  # fmt: skip
    ticket_verify(ticket)
    return Ticket.objects.get(pk=ticket.pk)


def test_destroy_removes_the_access_export_mailed_to_the_person(
    texts, make_subject, officer, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    ann, bob = make_subject(email="ann@example.kz"), make_subject(email="bob@example.kz")
    for person in (ann, bob):
        ticket_answer_access(verified_request(person, "access"), actor=officer)
    ann_mail, bob_mail = (Email.objects.filter(to=p.email).latest("id") for p in (ann, bob))
    ann_export = list(ann_mail.attachments.order_by("name"))  # R-<n>.json, R-<n>.pdf
    assert len(ann_export) == 2 and b"ann@example.kz" in ann_export[0].file.read()
    [shared] = create_attachments({"leaflet.pdf": ContentFile(b"%PDF- a leaflet for all")})
    shared.emails.add(ann_mail, bob_mail)

    with django_capture_on_commit_callbacks(execute=True):
        subject_destroy(ann, request_ref="REQ-3", actor=officer)

    assert not Attachment.objects.filter(pk__in=[a.pk for a in ann_export]).exists()
    stored = StoredFile.objects.filter
    assert not [a for a in ann_export if stored(name=a.file.name).exists()]
    left = Attachment.objects.order_by("id")
    assert {a.name for a in left} == {a.name for a in bob_mail.attachments.all()}
    assert len(left) == 3 and all(stored(name=a.file.name).exists() for a in left)
    assert list(shared.emails.all()) == [bob_mail]  # shared with Bob's mail: his copy stays
    assert set(StoredFile.objects.values_list("name", flat=True)) == {a.file.name for a in left}


def test_destroy_removes_mail_sent_to_an_address_held_before_a_correction(
    texts, make_subject, officer
):
    ann = make_subject(email="ann-old@example.kz")
    ticket_correct(verified_request(ann, "correct"), changes={"email": "ann@example.kz"},
                    document="letter", actor=officer)  # fmt: skip
    ann.refresh_from_db()
    assert Email.objects.filter(to="ann-old@example.kz").count() == 3  # link, receipt, changed
    assert Email.objects.filter(to="ann@example.kz").count() == 1  # the answer, to her address now

    subject_destroy(ann, request_ref="REQ-4", actor=officer)

    assert not Email.objects.filter(to__icontains="ann").exists()


def test_an_old_address_now_held_by_someone_else_keeps_their_mail(texts, make_subject, officer):
    ann = make_subject(email="ann-old@example.kz")
    ticket_correct(verified_request(ann, "correct"), changes={"email": "ann@example.kz"},
                    document="letter", actor=officer)  # fmt: skip
    ann.refresh_from_db()
    newcomer = make_subject(email="ann-old@example.kz")
    queue_mail(newcomer.email, "ack", {"name": "x", "ack_line": "x", "policy_number": 1},
               language="kk", subject_line="ack")  # fmt: skip
    mail = Email.objects.latest("id")

    subject_destroy(ann, request_ref="REQ-5", actor=officer)

    assert Email.objects.filter(pk=mail.pk).exists()
    assert not Email.objects.filter(to="ann@example.kz").exists()


def test_a_request_she_sent_before_she_was_on_record_keeps_nothing_of_her(texts, make_subject):
    """She wrote to the operator before any form of hers was on record (her request was
    answered «nothing held»), then sent a form, then asked for destruction: the early request
    keeps its number and dates, not her address or her words (Art. 1(6), 18; compliance L13)."""
    address = f"{MARKER.lower()}@example.kz"
    early = ticket_open(kind="access", email=address, language="kk", channel="email",
                        message=f"Менің атым {MARKER}")  # fmt: skip
    assert early.subject is None
    person = make_subject(full_name="Әсел", email=address)
    subject_destroy(person, request_ref="REQ-6")
    text = all_text_in_database()
    assert MARKER not in text and MARKER.lower() not in text
    assert Ticket.objects.filter(pk=early.pk, email="", message="").exists()


def test_her_other_open_requests_close_with_the_destruction(texts, make_subject, officer):
    """An access request of hers still open when her data is destroyed cannot be answered any
    more: it closes as «no data held», off the desk's open work, and nobody is mailed for it."""
    person = make_subject(email="ann@example.kz")
    access = verified_request(person, "access")
    destroy = verified_request(person, "destroy")
    mails = Email.objects.count()
    subject_destroy(person, request_ref=destroy.reference, actor=officer)
    access.refresh_from_db()
    assert access.status == Ticket.Status.NO_DATA and access.closed_at is not None
    assert list(Ticket.objects.open()) == [Ticket.objects.get(pk=destroy.pk)]
    assert Email.objects.count() <= mails
