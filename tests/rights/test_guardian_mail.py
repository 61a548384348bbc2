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


def test_a_child_destroyed_takes_the_mail_to_their_parent_about_them_and_no_other(
    make_subject, desk, django_capture_on_commit_callbacks
):
    """Гүлнар asked on her page to block her daughter Айсұлу's data (14) and has a son, Ерлан,
    on record too. Before the outbox sent her the answers about Айсұлу, Айсұлу had her data
    destroyed. The child's guardian rows went with her, and with them, by a cascade nobody
    chose, the links that hold a parent's mail once the child is 18: the mail about a child no
    longer on record stayed in the queue, unguarded, and went out. Now the mail written to a
    parent as the child's representative goes with the child (as the child's own mail does);
    the son's stays, and still knows whose it is."""
    from consent.core.delivery import send_batch
    from consent.core.models import GuardianMail
    from consent.rights.wards import ward_request

    from .conftest import act

    daughter = make_subject(full_name="Айсұлу", email="zqdaughter@example.kz",
                            birth_date="2012-05-17")  # fmt: skip
    son = make_subject(full_name="Ерлан", email="zqson@example.kz", birth_date="2014-03-02")
    hers = Guardian.objects.create(subject=daughter, full_name="Гүлнар", contact=PARENT)
    his = Guardian.objects.create(subject=son, full_name="Гүлнар", contact=PARENT)
    blocked = ward_request(PARENT, hers.pk, "block", "Блоктаңыз", "ru")
    act(desk, blocked, reason="По просьбе матери.")
    corrected = ward_request(PARENT, his.pk, "correct", "Фамилия с ошибкой", "ru")
    act(desk, corrected, document="свидетельство", full_name="Ерлан Қасымов", email=son.email,
        phone="", birth_date="02.03.2014", birth_place="")  # fmt: skip
    about_her = set(GuardianMail.objects.filter(guardian=hers).values_list("email", flat=True))
    about_him = set(GuardianMail.objects.filter(guardian=his).values_list("email", flat=True))
    assert about_her and about_him and not Email.objects.exclude(status=2).exclude(
        pk__in=about_her | about_him).filter(to__icontains=PARENT).exists()  # fmt: skip

    destroy = ticket_verify(ticket_open(kind="destroy", email=daughter.email, language="kk",
                                        channel="email"))  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        done = act(desk, Ticket.objects.get(pk=destroy.pk))
    assert done.status_code == 200
    assert not Ticket.objects.filter(pk=destroy.pk).exclude(status="done").exists()
    assert not Email.objects.filter(pk__in=about_her).exists()
    assert set(GuardianMail.objects.values_list("email", flat=True)) == about_him
    assert tables_holding("Айсұлу") == [] and tables_holding("zqdaughter") == []
    to_her_mother = Email.objects.filter(pk__in=send_batch().sent, to__icontains=PARENT)
    assert set(to_her_mother.values_list("pk", flat=True)) == about_him  # nothing about her


def test_a_letter_queued_to_a_parent_the_childs_record_no_longer_names_is_not_sent(
    make_subject, django_capture_on_commit_callbacks
):
    """The «guardian» item of one daughter's record erased while the answer to what the parent
    asked for her waited in the outbox (a mail server down): her sister's record still holds
    the address, so the parent's mail stays; this letter, about the one record that no longer
    names them, went out all the same."""
    from consent.core.delivery import send_queued
    from consent.rights.answers import ticket_answer
    from consent.rights.wards import ward_request

    child = make_subject(full_name="Айсұлу", email="zqchild@example.kz", birth_date="2012-05-17")
    sister = make_subject(full_name="Әйгерім", email="zqsister@example.kz", birth_date="2014-02-01")
    row = Guardian.objects.create(subject=child, full_name="Гүлнар", contact=PARENT)
    Guardian.objects.create(subject=sister, full_name="Гүлнар", contact=PARENT)
    asked = ward_request(PARENT, row.pk, "transfer_notice", "", "kk")
    ticket_answer(asked, answer="Деректер ешкімге берілген жоқ.", actor=None)
    letter = Email.objects.filter(subject__contains=asked.reference).latest("id")
    assert letter.to == [PARENT]

    with django_capture_on_commit_callbacks(execute=True):
        subject_minimise(child, EVERYTHING_BUT_THE_GUARDIAN, request_ref="R-94")
    send_queued()
    letter.refresh_from_db()
    assert letter.status != 0  # post_office's «sent»: held back, expired unsent
    assert letter.expires_at is not None
