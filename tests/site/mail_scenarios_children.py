"""Mail scenarios of a parent acting for a child (tests/site/mail_scenarios.py runs them)."""

from datetime import date

from dateutil.relativedelta import relativedelta

from consent.common.dates import local_today
from consent.core.ledger import consent_grant
from consent.core.models import Guardian, Source, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import current_text
from consent.rights.intake import ingest
from consent.rights.models import IntakePhrase, Ticket
from tests.rights.conftest import message

Type = Ticket.Type
PARENT = "parent@example.kz"


def a_child_of(parent):
    """A child of 12 signed up on the application form by `parent`, to the service and the news
    (a parent's letters are in their own language, whatever the child's)."""
    child = Subject.objects.create(full_name="Айгерим", email="child@example.kz",
                                   birth_date=local_today() - relativedelta(years=12))  # fmt: skip
    mother = Guardian.objects.create(subject=child, full_name="Гүлнар", contact=parent)
    for purpose in (SERVICE, MARKETING):
        consent_grant(child, current_text(purpose), language="kk", guardian=mother,
                      source=Source.APPLICATION_FORM)  # fmt: skip
    return child


def minors_left_for_review(lang):
    """Two people under 18 by a date of birth corrected since they consented alone, left for the
    officer's decision: one is 18 before her consent ends, the other's consent ends first (the
    digest names each day, review_ends.py)."""
    for n, born in enumerate((date(2010, 5, 5), date(2013, 5, 5))):
        minor = Subject.objects.create(full_name=f"Айгерім {n}", email=f"aigerim{n}@example.kz")
        consent_grant(minor, current_text(SERVICE), language=lang, source=Source.CONTACT_FORM)
        Subject.objects.filter(pk=minor.pk).update(birth_date=born)


def withdrawn_by_a_parent(w):
    """A parent with no record of their own withdraws their consent for their child by email."""
    a_child_of(PARENT)
    phrase = IntakePhrase.objects.canonical(Type.WITHDRAW, w["lang"])
    ingest(message(phrase, sender=PARENT, message_id=f"<parent-{w['lang']}@example.kz>"))


def withdrawal_carried_out_for_a_child(w):
    """The desk carries out a parent's confirmed withdrawal: the child's data is destroyed and
    the parent answered, an officer working in the other language."""
    from .mail_scenarios import desk, opened

    a_child_of(PARENT)
    ticket = opened(Type.WITHDRAW, w["lang"], email=PARENT)
    desk(w["boris"], ticket)


def unsubscribed_by_a_parent(w):
    """A parent stops their child's news by email, and a person with a record and a child too."""
    from .mail_scenarios import PERSON

    a_child_of(PERSON)
    phrase = IntakePhrase.objects.canonical(Type.UNSUBSCRIBE, w["lang"])
    ingest(message(phrase, sender=PERSON, message_id=f"<unsub-both-{w['lang']}@example.kz>"))


def child_signed_up_by_a_parent_elsewhere(w):
    """A parent signs their child up on the application form with an address of their own: the
    acknowledgement to the child's address says how to confirm them (Guardian.pending), and the
    parent, asking for a link, is told that the child's page opens once they are confirmed."""
    from consent.core.submissions import submission_record
    from consent.rights.selfservice import link_send

    from .mail_scenarios import FakeRequest

    born = local_today() - relativedelta(years=12)
    submission_record(source=Source.APPLICATION_FORM, language=w["lang"],
                      data={"full_name": "Айгерим", "email": "child@example.kz",
                            "birth_date": born, "service": "Кеңес"},
                      consents={SERVICE: True}, request=FakeRequest(),
                      guardian={"full_name": "Гүлнар", "contact": PARENT})  # fmt: skip
    link_send(PARENT, w["lang"])


def parent_declined_by_the_child(w):
    """A child says, on their own page, that the parent a form named elsewhere is not theirs:
    the officers are told, by the record's number (the declined parent is sent nothing)."""
    from consent.core.guardians import parents_waiting
    from consent.rights.alerts import guardian_declined_by_child

    child_signed_up_by_a_parent_elsewhere(w)
    (row,) = parents_waiting(Subject.objects.get(email="child@example.kz"))
    assert guardian_declined_by_child(row) == [SERVICE]


def asked_at_the_desk_by_a_parent(w):
    """A mother telephones for her child: the officer, working in the other language, opens the
    request for her from the child's page; its link goes to her, in the language she asked in."""
    child = a_child_of(PARENT)
    said = {"asker": child.guardians.get().pk, "kind": Type.ACCESS, "language": w["lang"],
            "purpose": "", "message": "…"}  # fmt: skip
    response = w["boris"].post(f"/admin/consent/subject/{child.pk}/open-request/", said)
    assert response.status_code == 302, response.content.decode()[-3000:]


# The mail templates only a parent or a child's record reaches (SCENARIOS there).
CHILDREN_SCENARIOS = {
    "staff_guardian_declined": parent_declined_by_the_child,
    "request_withdrawn_guardian": withdrawn_by_a_parent,
}
CHILDREN_ROUTES = {
    "request_verify (a parent asking for a child at the desk)": (
        "request_verify",
        asked_at_the_desk_by_a_parent,
    ),
    "request_done (a parent's withdrawal for a child)": (
        "request_done",
        withdrawal_carried_out_for_a_child,
    ),
    "request_unsubscribed (a parent with a record and a child)": (
        "request_unsubscribed",
        unsubscribed_by_a_parent,
    ),
    "ack (a parent to confirm)": ("ack", child_signed_up_by_a_parent_elsewhere),
    "self_service_unknown (a parent not yet confirmed)": (
        "self_service_unknown",
        child_signed_up_by_a_parent_elsewhere,
    ),
}
