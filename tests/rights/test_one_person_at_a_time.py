"""Two requests of one person carried out at once (two officers, each at their own panel): the
second waits for the first to commit and acts on what it left, or is refused. Run as
tests/core/test_one_at_a_time.py runs its cases: in a process of their own, one after the other
(each with a person of its own: the one before destroyed theirs), on a copy of the live tests'
database, with the first transaction held open until the second waits for a lock (or has
finished: the fault)."""

import pytest
from django.db import connection

from tests.core.test_one_at_a_time import both_at_once, returned, run_cases
from tests.live import live_database
from tests.texts import AS_SHOWN

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks"),
]


def _person_with_requests(*kinds, email="race@example.kz"):
    from django.utils import timezone

    from consent.core.ledger import consent_grant
    from consent.core.models import Source, Subject
    from consent.core.purposes import SERVICE
    from consent.core.texts import current_text
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_create

    person = Subject.objects.create(full_name="Әсел Қасымова", email=email, language="kk")
    consent_grant(person, current_text(SERVICE), language="kk", source=Source.CONTACT_FORM)
    now = timezone.now()
    confirmed = {"status": Ticket.Status.OPEN, "verified_at": now, "notify": False}
    web = {"subject": person, "email": person.email, "language": "kk", "channel": "web"}
    return person, [ticket_create(kind=kind, **web, **confirmed) for kind in kinds]


def _outcome(tickets):
    from post_office.models import Email

    from consent.core.models import Subject
    from consent.rights.models import Ticket

    return {
        "person_held": Subject.objects.filter(email="race@example.kz").exists(),
        "mail_left_to_the_person": Email.objects.filter(to__icontains="race@example.kz").count(),
        "statuses": [Ticket.objects.get(pk=t.pk).status for t in tickets],
    }


def _run_each(first, second):
    from django.core.exceptions import ValidationError

    def refused_or_done(work):
        def run():
            try:
                work()
            except ValidationError:
                return "refused"
            return "done"

        return run

    return list(both_at_once(refused_or_done(first), refused_or_done(second)))


def export_then_destroy():
    from consent.rights.access import ticket_answer_access
    from consent.rights.answers import ticket_destroy

    _person, (access, destroy) = _person_with_requests("access", "destroy")
    results = _run_each(lambda: ticket_answer_access(access, actor=None),
                        lambda: ticket_destroy(destroy, actor=None))  # fmt: skip
    return [*results, _outcome([access, destroy])]


def destroy_then_export():
    from consent.rights.access import ticket_answer_access
    from consent.rights.answers import ticket_destroy

    _person, (access, destroy) = _person_with_requests("access", "destroy")
    results = _run_each(lambda: ticket_destroy(destroy, actor=None),
                        lambda: ticket_answer_access(access, actor=None))  # fmt: skip
    return [*results, _outcome([access, destroy])]


# The person's own page, at the moment an officer carries out a request of theirs: each
# self-service action the page posts.
PAGE_ACTIONS = {
    "export": ("/kk/my-data/export/", {"format": "json"}),
    "request": ("/kk/my-data/request/", {"type": "correct", "message": "Тегім қате"}),
    "consent": ("/kk/my-data/consent/", {"give": "marketing", "shown_marketing": AS_SHOWN}),
}


def _on_the_page(person, action):
    """The person's page open in a browser (the session the emailed link makes), posting
    `action`: what the browser gets back."""
    import time

    from django.test import Client

    from consent.core.subjects import address_tag
    from consent.rights.selfservice import SESSION_KEY
    from tests.conftest import aged_token

    page = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")  # the live settings' host
    session = page.session
    session[SESSION_KEY] = {"s": person.pk, "a": address_tag(person.email),
                            "until": time.time() + 3600}  # fmt: skip
    session.save()
    path, data = PAGE_ACTIONS[action]
    data = {**data, "token": aged_token()}  # the request form's one-time token

    def post():
        response = page.post(path, data)
        return [response.status_code, response.get("Location", "")]

    return post


def destroy_then_page(action):
    from consent.rights.answers import ticket_destroy
    from consent.rights.models import Ticket

    person, (destroy,) = _person_with_requests("destroy")
    _first, second = both_at_once(lambda: ticket_destroy(destroy, actor=None),
                                 _on_the_page(person, action))  # fmt: skip
    return [second, Ticket.objects.exclude(subject=None).count(), _outcome([destroy])]


def block_then_export():
    from consent.core.models import AuditEvent
    from consent.rights.answers import ticket_block
    from consent.rights.models import Ticket

    person, (block,) = _person_with_requests("block")
    _first, second = both_at_once(lambda: ticket_block(block, reason="Асел сұрады", actor=None),
                                 _on_the_page(person, "export"))  # fmt: skip
    downloads = Ticket.objects.filter(channel="self_service", subject=person)
    exports = AuditEvent.objects.filter(action="subject_export", object_id__in=[
        str(pk) for pk in downloads.values_list("pk", flat=True)])  # fmt: skip
    return [second, [event.detail.get("blocked") for event in exports]]


def _desk_download(case, person, what):
    """An officer's press of a download on the person's page (`what`: "export.json",
    "evidence.pdf"): what her browser gets back, and the SUBJECT_EXPORT or EVIDENCE_EXPORT rows
    written for the person."""
    from django.test import Client

    from tests.staff import staff_member, verified_login

    officer = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    verified_login(officer, staff_member(f"olga{case}", "privacy_officer"))

    def press():
        response = officer.get(f"/admin/consent/subject/{person.pk}/{what}")
        return [response.status_code, response.get("Location", "")]

    return press


def _exported(person):
    from consent.core.models import AuditEvent

    return AuditEvent.objects.filter(subject_ref=person.pk, action__in=[
        "subject_export", "evidence_export"]).count()  # fmt: skip


def destroy_then_download(what):
    from consent.rights.answers import ticket_destroy

    person, (destroy,) = _person_with_requests("destroy", email=f"race.d.{what}@example.kz")
    _first, second = both_at_once(lambda: ticket_destroy(destroy, actor=None),
                                 _desk_download(f"d{what}", person, what))  # fmt: skip
    return [second, _exported(person)]


def block_then_download(what):
    from consent.rights.answers import ticket_block

    person, (block,) = _person_with_requests("block", email=f"race.b.{what}@example.kz")
    _first, second = both_at_once(lambda: ticket_block(block, reason="Асел сұрады", actor=None),
                                 _desk_download(f"b{what}", person, what))  # fmt: skip
    return [second, _exported(person)]


DOWNLOADS = ["export.json", "export.pdf", "evidence.csv"]


def two_officers_carry_out(kind):
    """Olga and Dana, each at the request's page opened before either acted, press «carry out»
    at once: what each browser is shown, the request's closing rows, and the mail to Asel."""
    from django.test import Client
    from post_office.models import Email

    from consent.core.models import AuditEvent
    from tests.rights.test_panel_repeats import page_form
    from tests.staff import staff_member, verified_login

    person, (ticket,) = _person_with_requests(kind, email=f"race.two.{kind}@example.kz")
    desks = []
    for name in ("olga", "dana"):
        desk = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
        verified_login(desk, staff_member(f"{name}{kind}", "privacy_officer"))
        desks.append((desk, {"desk_action": "do", "reason": "Сұрағаныңыз бойынша.",
                             **page_form(desk, ticket, "desk-panel")}))  # fmt: skip

    def press(desk, data):
        def post():
            return desk.post(f"/admin/rights/ticket/{ticket.pk}/act/", data).status_code

        return post

    answers = both_at_once(press(*desks[0]), press(*desks[1]))
    closed = AuditEvent.objects.filter(object_type="rights.ticket", object_id=str(ticket.pk),
                                       action="request_close").count()  # fmt: skip
    mails = Email.objects.filter(to__icontains=person.email).exclude(subject__contains="растау")
    return [list(answers), closed, mails.count()]


CASES = [
    ("export_then_destroy",),
    ("destroy_then_export",),
    *(("destroy_then_page", action) for action in PAGE_ACTIONS),
    ("block_then_export",),
    *(("destroy_then_download", what) for what in DOWNLOADS),
    *(("block_then_download", what) for what in DOWNLOADS),
    *(("two_officers_carry_out", kind) for kind in ("access", "block")),
]


@pytest.fixture(scope="module")
def outcomes(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        yield run_cases(url, "tests.rights.test_one_person_at_a_time", *CASES)


def test_a_destruction_waits_for_an_export_under_way_and_destroys_its_mail(outcomes):
    """Olga sends Asel's access export while Alice destroys Asel's data. The destruction looked
    for the person's mail before the export's mail was committed: the export, everything held,
    stayed in the outbox and went out after the tombstone, and the export's closing was
    overwritten as "no data held". Now the destruction waits: it finds the export's mail and
    destroys it, and the access request stays answered."""
    first, second, outcome = returned(outcomes, "export_then_destroy")
    assert (first, second) == ("done", "done")
    assert outcome == {"person_held": False, "mail_left_to_the_person": 0,
                       "statuses": ["done", "done"]}  # fmt: skip


def test_an_export_after_a_destruction_under_way_is_refused(outcomes):
    first, second, outcome = returned(outcomes, "destroy_then_export")
    assert (first, second) == ("done", "refused")
    assert outcome == {"person_held": False, "mail_left_to_the_person": 0,
                       "statuses": ["no_data", "done"]}  # fmt: skip


@pytest.mark.parametrize("action", PAGE_ACTIONS)
def test_the_persons_own_page_waits_for_a_destruction_under_way_and_finds_nothing(outcomes, action):
    """Asel downloads her data (or asks for a correction, or switches a consent) on her page
    while Olga destroys it. The page took no lock: it read Asel before the destruction
    committed, then wrote a row that names her, which the database refused once she was gone
    (a 500). Now it holds her row first, as the desk does: it waits, finds nothing left, and
    sends her back to the page's start with a word that nothing is held; nothing of hers stays."""
    (status, location), named, outcome = returned(outcomes, "destroy_then_page", action)
    assert (status, location) == (302, "/kk/my-data/")
    assert named == 0
    assert outcome == {"person_held": False, "mail_left_to_the_person": 0,
                       "statuses": ["done"]}  # fmt: skip


def test_a_download_after_a_block_under_way_is_given_as_given_while_blocked(outcomes):
    """Olga blocks Asel's processing while Asel downloads her data. The page checked the block
    before the desk committed it, and handed the export out after (compliance L12). Now it
    reads the block under Asel's lock, after the block: her own data is hers to know while
    blocked too (access.stands_while_blocked), and its audit row says it was given while
    blocked, not as if nothing were."""
    (status, location), exports = returned(outcomes, "block_then_export")
    assert (status, location) == (200, "")
    assert exports == [True]


@pytest.mark.parametrize("what", DOWNLOADS)
def test_a_download_on_the_desk_waits_for_a_destruction_under_way_and_gives_nothing(outcomes, what):
    """Olga downloads Asel's data (or the proof of her consents) from her page on the desk while
    Alice destroys it. The download took no lock: it read Asel as she was before the
    destruction committed, handed the file out and wrote its audit row after her tombstone.
    Now it waits for the destruction and tells Olga when and under which request the data was
    destroyed (the record of it), with nothing downloaded and nothing recorded as exported."""
    (status, location), exported = returned(outcomes, "destroy_then_download", what)
    assert status == 302 and "/admin/consent/" in location
    assert exported == 0


@pytest.mark.parametrize("what", DOWNLOADS)
def test_a_download_on_the_desk_after_a_block_under_way_is_refused(outcomes, what):
    """Olga downloads Asel's data while Alice answers Asel's request to block it: the download
    read no block (not committed yet) and handed the file out after the block (compliance
    L12). Now it reads the block after it, and is refused with the reason."""
    (status, location), exported = returned(outcomes, "block_then_download", what)
    assert (status, location.rstrip("/").rsplit("/", 1)[-1]) == (302, "change")
    assert exported == 0


@pytest.mark.parametrize("kind", ["access", "block"])
def test_two_officers_carrying_out_one_request_at_once_answer_it_once(outcomes, kind):
    """Olga and Dana press «carry out» on Asel's request at the same instant (or Olga's double
    click, served by two workers): it is carried out once, with one closing row and one answer
    to Asel; the second press waits, then finds it done and does nothing."""
    answers, closed, mails = returned(outcomes, "two_officers_carry_out", kind)
    assert answers == [302, 302]
    assert (closed, mails) == (1, 1)
