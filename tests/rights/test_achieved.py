"""The service purpose ends when the inquiry is dealt with (compliance L5): staff mark it
answered, and after SERVICE_ACHIEVED_GRACE_DAYS retention erases what it sent, and the person
when no other consent stands; the ledger records the purpose achieved."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from consent.core import gate
from consent.core.ledger import consent_grant, subject_block
from consent.core.models import (
    AuditEvent,
    LedgerEntry,
    Source,
    StoredFile,
    Subject,
    Submission,
    Tombstone,
)
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.retention import enforce_retention
from tests.conftest import aged_token
from tests.staff import verified_login

ANSWERED = {
    "kk": "Жауап берілді деп белгіленді: 1. Жоюға дейінгі күту мерзімі (күн): 30.",
    "ru": "Отмечено как отвеченное: 1. Срок ожидания до уничтожения (дней): 30.",
}


def officer_in(lang, officer):
    return verified_login(Client(headers={"accept-language": lang}), officer)


def send(client, lang, data, kind="contact"):
    assert client.post(f"/{lang}/{kind}/", {**data, "token": aged_token()}).status_code == 302
    return Submission.objects.latest("pk")


def mark_answered(staff, *submissions):
    """As `staff`: a client, or a user signed in afresh (the staff idle limit runs on the
    dates the tests move to)."""
    if not isinstance(staff, Client):
        staff = officer_in("kk", staff)
    return staff.post(
        "/admin/consent/submission/",
        {"action": "mark_answered", "_selected_action": [s.pk for s in submissions]},
        follow=True,
    )


@pytest.fixture
def moment(time_machine):
    """Real dates after the texts fixture published (today): a form needs a published text."""

    def move(when):
        time_machine.move_to(when, tick=False)

    return move


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_answered_inquiry_is_erased_with_the_person_after_the_grace_period(
    client, texts, officer, contact_data, moment, lang
):
    moment("2027-03-01 10:00+05:00")
    submission = send(client, lang, contact_data())
    person = submission.subject
    moment("2027-03-02 11:00+05:00")
    page = mark_answered(officer_in(lang, officer), submission).content.decode()
    assert ANSWERED[lang] in page
    submission.refresh_from_db()
    assert submission.answered_at is not None
    event = AuditEvent.objects.get(action="submission_answer")
    assert (event.subject_ref, event.actor_label) == (person.pk, "alice")

    moment("2027-04-01 03:00+05:00")  # 30 days less 8 hours: still within the grace period
    plan = enforce_retention()
    assert plan["answered"] == [] and plan["achieved"] == []
    assert Submission.objects.filter(pk=submission.pk).exists()
    assert gate.may_process(person, SERVICE)

    moment("2027-04-02 03:00+05:00")
    enforce_retention()
    assert not Subject.objects.filter(pk=person.pk).exists()
    assert not Submission.objects.exists() and not LedgerEntry.objects.exists()
    # The inquiry's erasure, then the person's destruction: each a restore must not undo.
    kinds = list(Tombstone.objects.order_by("id").values_list("kind", "subject_ref", "erased"))
    assert kinds == [("submission", person.pk, [submission.pk]), ("subject", person.pk, [])]
    # The ledger's rows went with the person; the audit log keeps what was done and why.
    audited = AuditEvent.objects.filter(subject_ref=person.pk).order_by("id")
    actions = list(audited.values_list("action", flat=True))
    assert actions[-3:] == ["consent_achieved", "subject_edit", "subject_destroy"]


def test_another_consent_keeps_the_person_and_what_it_lists(
    client, texts, officer, contact_data, moment
):
    moment("2027-03-01 10:00+05:00")
    submission = send(client, "kk", contact_data())
    person = submission.subject
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    mark_answered(officer, submission)

    moment("2027-04-05 03:00+05:00")
    enforce_retention()
    person.refresh_from_db()
    assert (person.full_name, person.email) == ("Әсел Қасымова", "asel@example.kz")
    assert person.phone is None  # only the service purpose needed the number
    assert not Submission.objects.exists()
    latest = LedgerEntry.objects.filter(subject=person, purpose=SERVICE).latest("id")
    assert (latest.kind, latest.source) == ("achieved", Source.RETENTION)
    assert not gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)

    enforce_retention()  # the next night changes nothing more
    assert LedgerEntry.objects.filter(subject=person, kind="achieved").count() == 1


def test_an_inquiry_still_open_keeps_the_purpose_going(
    client, texts, officer, contact_data, application_data, moment, settings
):
    settings.SERVICE_ACHIEVED_GRACE_DAYS = 7
    moment("2027-03-01 10:00+05:00")
    first = send(client, "kk", contact_data())
    person = first.subject
    mark_answered(officer, first)
    moment("2027-03-05 10:00+05:00")  # a second one, within the first's grace period
    second = send(client, "ru", application_data(), kind="apply")
    assert second.subject == person

    moment("2027-03-09 03:00+05:00")
    enforce_retention()
    assert list(Submission.objects.all()) == [second]  # the answered one went, alone
    person.refresh_from_db()
    second.refresh_from_db()  # what the open one sent stays, with it (a form fills in no record)
    assert person.phone and second.data["birth_place"] == "Өскемен"
    assert gate.may_process(person, SERVICE)
    assert not LedgerEntry.objects.filter(kind="achieved").exists()

    moment("2027-03-10 10:00+05:00")
    mark_answered(officer, second)
    moment("2027-03-16 03:00+05:00")  # 6 days: nothing yet
    enforce_retention()
    assert Subject.objects.filter(pk=person.pk).exists()
    moment("2027-03-18 03:00+05:00")
    enforce_retention()
    assert not Subject.objects.filter(pk=person.pk).exists()


def test_a_blocked_person_is_left_to_staff(client, texts, officer, contact_data, moment):
    moment("2027-03-01 10:00+05:00")
    submission = send(client, "kk", contact_data())
    mark_answered(officer, submission)
    subject_block(submission.subject, reason="complaint", source=Source.ADMIN)
    moment("2027-05-01 03:00+05:00")
    plan = enforce_retention()
    assert submission.subject_id in {subject_id for subject_id, _reason in plan["review"]}
    assert Submission.objects.filter(pk=submission.pk).exists()


AGAIN = {
    "kk": "Бұрын жауап берілген, ештеңе өзгертілмеді: 1.",
    "ru": "Уже были отмечены как отвеченные, ничего не изменено: 1.",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_marking_answered_twice_records_once_and_says_so(
    client, texts, privacy_officer, contact_data, lang
):
    """The button pressed again (a second tab, a double click) tells the officer it was
    answered before, instead of «marked answered: 0», and records nothing more."""
    submission = send(client, "kk", contact_data())
    staff = officer_in(lang, privacy_officer)
    mark_answered(staff, submission)
    answered_at = Submission.objects.get().answered_at
    ledger, audited = LedgerEntry.objects.count(), AuditEvent.objects.latest("id").pk
    page = mark_answered(staff, submission).content.decode()
    assert AGAIN[lang] in page
    assert ANSWERED[lang] not in page
    assert Submission.objects.get().answered_at == answered_at
    assert AuditEvent.objects.filter(action="submission_answer").count() == 1
    assert LedgerEntry.objects.count() == ledger
    # Reading the list again is audited as a view; nothing else was added.
    assert not AuditEvent.objects.filter(pk__gt=audited).exclude(action="subject_view").exists()


def test_the_submission_page_has_the_button(client, texts, officer_client, contact_data):
    submission = send(client, "kk", contact_data())
    url = f"/admin/consent/submission/{submission.pk}/change/"
    assert 'value="mark_answered"' in officer_client.get(url).content.decode()
    mark_answered(officer_client, submission)
    assert 'value="mark_answered"' not in officer_client.get(url).content.decode()


@pytest.mark.parametrize("role", ["content_editor", "marketer"])
def test_only_the_privacy_officer_marks_answered(client, texts, contact_data, role):
    submission = send(client, "kk", contact_data())
    user = get_user_model().objects.create_user(role, f"{role}@example.kz", "pw-1234567890",
                                                is_staff=True)  # fmt: skip
    user.groups.add(Group.objects.get(name=role))
    staff = verified_login(Client(), user)
    assert mark_answered(staff, submission).status_code == 403
    assert Submission.objects.get().answered_at is None

    officer = get_user_model().objects.create_user("olga", "olga@example.kz", "pw-1234567890",
                                                   is_staff=True)  # fmt: skip
    officer.groups.add(Group.objects.get(name="privacy_officer"))
    mark_answered(verified_login(Client(), officer), submission)
    assert Submission.objects.get().answered_at is not None


def test_an_open_request_leaves_the_answered_inquiry_to_staff(
    client, texts, officer, contact_data, moment
):
    from consent.rights.tickets import ticket_open

    moment("2027-03-01 10:00+05:00")
    submission = send(client, "kk", contact_data())
    mark_answered(officer, submission)
    ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    moment("2027-05-01 03:00+05:00")
    plan = enforce_retention()
    assert (submission.subject_id, "inquiry answered, but a request is open") in plan["review"]
    assert Submission.objects.filter(pk=submission.pk).exists()
    assert gate.may_process(submission.subject, SERVICE)


def test_a_service_consent_past_its_term_leaves_only_what_marketing_lists(
    client, texts, contact_data, moment
):
    """The same end by the term instead of an answer: the data only the service needed goes."""
    moment("2027-03-01 10:00+05:00")
    person = send(client, "kk", contact_data()).subject
    moment("2029-06-01 10:00+05:00")
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    moment("2030-03-02 03:00+05:00")  # three years and a day after the service consent
    enforce_retention()
    person.refresh_from_db()
    assert (person.full_name, person.email, person.phone) == ("Әсел Қасымова", "asel@example.kz",
                                                             None)  # fmt: skip
    assert not Submission.objects.exists()  # the message was the service's alone
    assert gate.may_process(person, MARKETING) and not gate.may_process(person, SERVICE)


def test_the_photo_of_an_answered_application_goes_with_it(
    client, texts, officer, application_data, moment, settings, tmp_path,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.forms.photos import jpeg

    settings.MEDIA_ROOT = tmp_path
    moment("2027-03-01 10:00+05:00")
    photo = SimpleUploadedFile("me.jpg", jpeg(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        submission = send(client, "kk", {**application_data(), "photo": photo}, kind="apply")
    person = submission.subject
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    assert StoredFile.objects.exists()
    mark_answered(officer, submission)
    moment("2027-04-05 03:00+05:00")
    with django_capture_on_commit_callbacks(execute=True):
        enforce_retention()
    person.refresh_from_db()
    assert not person.photo and person.birth_date is None and person.email
    assert not StoredFile.objects.exists()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize("left_to_staff", ["open request", "blocked"])
def test_a_purpose_ended_while_left_to_staff_ends_once_they_are_done(
    client, texts, contact_data, moment, left_to_staff
):
    """The service consent's term ends while the person's access request is open, or while
    processing is blocked: that night retention leaves her data to staff, and the first night
    after the request is answered or the block lifted, what only the service needed goes
    (Art. 12(2); compliance L5). Before, the expiry was recorded that night and never looked at
    again: her phone number and message were kept for as long as her newsletter consent stood."""
    from consent.core.ledger import subject_unblock
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_open

    moment("2027-03-01 10:00+05:00")
    person = send(client, "kk", contact_data()).subject
    moment("2029-06-01 10:00+05:00")
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    moment("2030-03-01 12:00+05:00")
    if left_to_staff == "blocked":
        subject_block(person, reason="complaint", source=Source.ADMIN)
    else:
        ticket = ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    moment("2030-03-02 03:00+05:00")  # three years and a day after the service consent
    enforce_retention()
    person.refresh_from_db()
    assert person.phone and Submission.objects.get().data.get("message")
    assert LedgerEntry.objects.filter(subject=person, purpose=SERVICE).latest("id").kind == "expire"

    moment("2030-03-04 10:00+05:00")
    if left_to_staff == "blocked":
        subject_unblock(person, reason="not confirmed", source=Source.ADMIN)
    else:
        Ticket.objects.filter(pk=ticket.pk).update(status=Ticket.Status.DONE)
    moment("2030-03-05 03:00+05:00")
    enforce_retention()
    person.refresh_from_db()
    assert (person.full_name, person.email, person.phone) == ("Әсел Қасымова", "asel@example.kz",
                                                             None)  # fmt: skip
    assert not Submission.objects.exists()  # the message was the service's alone
    assert gate.may_process(person, MARKETING)
    erased = AuditEvent.objects.filter(subject_ref=person.pk, action="subject_edit").count()
    enforce_retention()  # the next night changes nothing more, and records nothing
    assert AuditEvent.objects.filter(subject_ref=person.pk, action="subject_edit").count() == erased


def test_an_inquiry_left_unanswered_keeps_the_purpose_going_past_the_others_grace(
    client, texts, officer, contact_data, application_data, moment
):
    """Two forms sent the same morning, only the first answered: a month on, the first goes,
    and the service purpose, not achieved while the second waits for its answer, keeps the
    person and what the second sent (compliance L5)."""
    moment("2027-03-01 10:00+05:00")
    first = send(client, "kk", contact_data())
    moment("2027-03-01 10:05+05:00")
    second = send(client, "kk", application_data(), kind="apply")
    person = first.subject
    moment("2027-03-02 11:00+05:00")
    mark_answered(officer, first)
    moment("2027-04-05 03:00+05:00")
    enforce_retention()
    assert list(Submission.objects.all()) == [second]
    person.refresh_from_db()
    assert person.phone and Submission.objects.get().data["birth_place"] == "Өскемен"
    assert gate.may_process(person, SERVICE)
    assert not LedgerEntry.objects.filter(kind="achieved").exists()
