"""A parent's or guardian's mail is decided by the one rule of whose mail it is (`mailed.mail_to`;
compliance L6, L13): the mail to their address that no person on record holds by that rule
(`mailed.mail_to_guardian`). Their erasure had a rule of its own («unless a person on record
holds it now»), which deleted the mail a person who once held the address is still shown as
theirs; and the minimisation that erased the «guardian» item of a child's record left the
mail to the parent's address in the outbox, address, words and all."""

from post_office.models import Email

from consent.core.mail import queue_mail
from consent.core.models import Guardian, Tombstone
from consent.rights.answers import ticket_correct
from consent.rights.erasure import guardian_erase, subject_minimise
from consent.rights.guardianship import ticket_answer_guardian_access
from consent.rights.mailed import mail_to
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .traces import tables_holding

PARENT = "zqparent@example.kz"
EVERYTHING_BUT_THE_GUARDIAN = ["full_name", "email", "phone", "birth_date", "birth_place"]


def mailed(address):
    queue_mail(address, "ack", {"name": "x", "ack_line": "x", "policy_number": 1},
               language="kk", subject_line="ack")  # fmt: skip
    return Email.objects.latest("id")


def test_erasing_the_guardian_of_a_childs_record_takes_the_mail_to_their_address(
    make_subject, django_capture_on_commit_callbacks
):
    child = make_subject(full_name="Айсұлу", email="zqchild@example.kz", birth_date="2012-05-17")
    sister = make_subject(full_name="Әйгерім", email="zqsister@example.kz")
    Guardian.objects.create(subject=child, full_name="Гүлнар Zqparent", contact=PARENT)
    Guardian.objects.create(subject=sister, full_name="Гүлнар Zqparent", contact=PARENT)
    to_parent = mailed(PARENT)
    to_child = mailed(child.email)
    asked = ticket_open(kind="access", email=PARENT, language="kk", channel="email")
    ticket_verify(asked)
    ticket_answer_guardian_access(Ticket.objects.get(pk=asked.pk), actor=None)  # mailed to her

    # Her sister's record still holds the parent's address: their mail stays, to answer at.
    subject_minimise(child, EVERYTHING_BUT_THE_GUARDIAN, request_ref="R-91")
    assert Email.objects.filter(pk=to_parent.pk).exists()
    assert Ticket.objects.get(pk=asked.pk).email == PARENT

    with django_capture_on_commit_callbacks(execute=True):
        erased = subject_minimise(sister, EVERYTHING_BUT_THE_GUARDIAN, request_ref="R-92")
    assert erased == ["guardian"]
    assert not Email.objects.filter(pk=to_parent.pk).exists()
    # Nor her request answered, whose answer named her: it keeps what her erasure leaves.
    assert tables_holding("zqparent") == []
    assert Ticket.objects.filter(pk=asked.pk, email="", outcome="", status="done").exists()
    assert Email.objects.filter(pk=to_child.pk).exists()  # the child's own mail stays
    assert Tombstone.objects.filter(kind="minimised", erased__contains="guardian").count() == 2


def test_a_guardians_erasure_leaves_the_mail_a_person_on_record_holds_by_the_one_rule(
    texts, make_subject, officer
):
    """A person held the address, then moved to another: what was written to the old one is
    still theirs (their page, export and destruction read mail_to), not the guardian's."""
    person = make_subject(full_name="Дана", email=PARENT)
    ticket = ticket_open(kind="correct", email=PARENT, language="kk", channel="email")
    ticket_verify(ticket)
    theirs = mailed(PARENT)
    ticket_correct(Ticket.objects.get(pk=ticket.pk), changes={"email": "zqdana@example.kz"},
                   document="letter", actor=officer)  # fmt: skip
    child = make_subject(full_name="Айсұлу")
    Guardian.objects.create(subject=child, full_name="Гүлнар", contact=PARENT)
    assert Email.objects.filter(mail_to(person), pk=theirs.pk).exists()

    guardian_erase(PARENT, request_ref="R-93")
    assert Email.objects.filter(mail_to(person), pk=theirs.pk).exists()
    assert Guardian.objects.get(subject=child).contact == ""
