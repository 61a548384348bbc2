"""The mail written to a parent as a child's representative (core.mail's `for_child`: the answer
to what she asked for the child) tells of the child and goes with the child's destruction
(mailed.mail_for_child). The child's own access answer, and the child's page on the desk, listed
only the mail to the child's own addresses: asked «what do you hold about me», the child was not
told that we hold, and sent, letters about her to her mother."""

from post_office.models import Email

from consent.core.models import Guardian, GuardianMail
from consent.rights.export import export_data
from consent.rights.wards import ward_request

from .conftest import act

PARENT = "zqmother@example.kz"


def test_the_childs_access_answer_and_page_list_the_mail_to_her_parent_about_her(
    make_subject, desk
):
    daughter = make_subject(full_name="Айсұлу", email="zqdaughter@example.kz",
                            birth_date="2012-05-17")  # fmt: skip
    son = make_subject(full_name="Ерлан", email="zqson@example.kz", birth_date="2014-03-02")
    hers = Guardian.objects.create(subject=daughter, full_name="Гүлнар", contact=PARENT)
    his = Guardian.objects.create(subject=son, full_name="Гүлнар", contact=PARENT)
    act(desk, ward_request(PARENT, hers.pk, "block", "Блоктаңыз", "ru"),
        reason="По просьбе матери.")  # fmt: skip
    act(desk, ward_request(PARENT, his.pk, "block", "Блоктаңыз", "ru"),
        reason="По просьбе матери.")  # fmt: skip
    about_her = Email.objects.filter(
        pk__in=GuardianMail.objects.filter(guardian=hers).values("email")
    )
    about_him = Email.objects.filter(
        pk__in=GuardianMail.objects.filter(guardian=his).values("email")
    )
    assert about_her.exists() and about_him.exists()

    listed = {m["email_subject"] for m in export_data(daughter, "kk")["emails"]}
    assert set(about_her.values_list("subject", flat=True)) <= listed
    # Not her brother's: the same mother, a letter about someone else.
    assert not listed & set(about_him.values_list("subject", flat=True))

    page = desk.get(f"/admin/consent/subject/{daughter.pk}/change/").content.decode()
    for subject_line in about_her.values_list("subject", flat=True):
        assert subject_line in page
    for subject_line in about_him.values_list("subject", flat=True):
        assert subject_line not in page


def test_an_officer_reading_a_letter_to_the_mother_about_her_child_is_audited_under_the_child(
    make_subject, officer_client
):
    """The letter is the child's mail too: an officer who opens it in the outbox has seen the
    child's data, which the child's answer («what was done with your data») now says."""
    from consent.core.models import AuditEvent

    mother = make_subject(full_name="Гүлнар", email=PARENT)
    daughter = make_subject(full_name="Айсұлу", email="zqdaughter@example.kz",
                            birth_date="2012-05-17")  # fmt: skip
    hers = Guardian.objects.create(subject=daughter, full_name="Гүлнар", contact=PARENT)
    act(officer_client, ward_request(PARENT, hers.pk, "block", "Блоктаңыз", "ru"),
        reason="По просьбе матери.")  # fmt: skip
    letter = GuardianMail.objects.filter(guardian=hers).values_list("email", flat=True).first()
    assert letter is not None

    # The outbox is the administrator's (the privacy officer's group does not read it).
    assert officer_client.get(f"/admin/post_office/email/{letter}/change/").status_code == 200
    seen = set(
        AuditEvent.objects.filter(action="subject_view", object_id=str(letter)).values_list(
            "subject_ref", flat=True
        )
    )
    assert {mother.pk, daughter.pk} <= seen


def test_the_childs_answer_mailed_to_her_mother_keeps_no_copy_of_what_was_erased(
    make_subject, texts, officer, django_capture_on_commit_callbacks
):
    """The outbox keeps no copy of what is no longer held (Art. 18): the access answer about
    Айсұлу mailed to her mother held her phone number after it was erased, since only the mail
    to Айсұлу's own addresses was looked at for copies (erasure.outbox_copies_delete)."""
    from django.utils import timezone
    from post_office.models import Attachment

    from consent.core.ledger import consent_grant
    from consent.core.models import Source
    from consent.core.purposes import SERVICE
    from consent.rights.access import ticket_answer_access
    from consent.rights.erasure import subject_minimise
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_create

    daughter = make_subject(full_name="Айсұлу", email="zqdaughter@example.kz",
                            phone="+77019998877", birth_date="2012-05-17")  # fmt: skip
    row = Guardian.objects.create(subject=daughter, full_name="Гүлнар", contact=PARENT)
    consent_grant(daughter, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=row)  # fmt: skip
    asked = ticket_create(kind="access", subject=daughter, guardian=row, email=PARENT,
                          language="kk", channel="email", status=Ticket.Status.OPEN,
                          verified_at=timezone.now(), notify=False)  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        ticket_answer_access(Ticket.objects.get(pk=asked.pk), actor=officer)
    assert any(b"+77019998877" in a.file.read() for a in Attachment.objects.all())

    with django_capture_on_commit_callbacks(execute=True):
        subject_minimise(daughter, ["full_name", "email", "birth_date", "guardian"],
                         request_ref="R-77")  # fmt: skip
    assert not [a.name for a in Attachment.objects.all() if b"+77019998877" in a.file.read()]
