"""The desk in the admin: order by due date, constant queries, who may open personal data, the
person's page (compliance L8, L22)."""

import pytest

from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, Source
from consent.core.purposes import MARKETING
from consent.rights.models import Ticket

from .conftest import confirm, web_request


def test_desk_orders_by_due_date_and_marks_overdue(officer_client, person, time_machine):
    from consent.rights.tickets import ticket_open, ticket_verify

    time_machine.move_to("2026-11-02 10:00+05:00")
    old = ticket_open(kind="block", email="asel@example.kz", language="kk", channel="web")
    ticket_verify(old)  # confirmed: a request waiting for the person is never overdue
    time_machine.move_to("2026-11-25 10:00+05:00")
    new = ticket_open(kind="withdraw", email="asel@example.kz", language="kk", channel="web")
    ticket_verify(new)
    html = officer_client.get("/admin/rights/ticket/").content.decode()
    assert html.index(old.reference) < html.index(new.reference)
    assert 'class="overdue"' in html
    overdue = officer_client.get("/admin/rights/ticket/?due=overdue").content.decode()
    assert old.reference in overdue and new.reference not in overdue
    index = officer_client.get("/admin/").content.decode()
    assert 'id="desk-summary"' in index and "?due=overdue" in index


def test_desk_keeps_a_constant_query_count(officer_client, texts, django_assert_max_num_queries):
    from datetime import date

    Ticket.objects.bulk_create(
        Ticket(type="access", email=f"r{i}@example.kz", channel="web", due_date=date(2026, 12, 1))
        for i in range(20_000)
    )
    # The session's first admin page notes the language the officer works in (emalu/staff.py,
    # staff_language_follow; sign-in does it in a real session): the pages after it are counted.
    assert officer_client.get("/admin/").status_code == 200
    # Session, user, count, page of 50 (+ savepoints), the calendar's exceptions for the
    # deadline filter's «due this week».
    with django_assert_max_num_queries(7):
        assert officer_client.get("/admin/rights/ticket/").status_code == 200


def test_a_requests_page_reads_the_request_and_its_panel_once(
    desk, person, django_assert_max_num_queries
):
    """The page every action of the desk returns to: the request with the list's annotations
    was read twice (the admin's change form read it again), the panel's actions twice (the
    page's «state» made a panel of its own) and the person's block three times (the panels and
    the export links')."""
    from consent.rights.tickets import ticket_open, ticket_verify

    ticket = ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    ticket_verify(ticket)
    page = f"/admin/rights/ticket/{ticket.pk}/change/"
    assert desk.get(page).status_code == 200  # the session's first page notes the language
    # Session, user, authenticator, permissions (2); the request, its person, the block, the
    # audit rows the page reads (4) and the one it writes, the officers, the related requests
    # and letters.
    with django_assert_max_num_queries(16):
        shown = desk.get(page)
    assert shown.status_code == 200 and shown.context["state"].startswith("open:access:do")


@pytest.mark.parametrize("who", ["content_editor_client", "marketer_client"])
def test_editors_and_marketers_cannot_open_personal_data(request, who, person):
    client = request.getfixturevalue(who)
    from consent.rights.tickets import ticket_open

    ticket = ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    for url in [
        "/admin/rights/ticket/", f"/admin/rights/ticket/{ticket.pk}/change/",
        "/admin/consent/subject/", f"/admin/consent/subject/{person.pk}/change/",
        f"/admin/consent/subject/{person.pk}/export.json",
        f"/admin/consent/subject/{person.pk}/evidence.csv",
        "/admin/consent/ledgerentry/", "/admin/consent/submission/",
    ]:  # fmt: skip
        assert client.get(url).status_code == 403, url
    assert not AuditEvent.objects.filter(action__in=["subject_view", "subject_export"]).exists()


def test_a_privacy_officer_opens_them_without_being_a_superuser(
    privacy_officer, privacy_officer_client, person
):
    from consent.rights.tickets import ticket_open

    assert not privacy_officer.is_superuser  # the group's rights are enough
    ticket = ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    for url in [
        "/admin/rights/ticket/", f"/admin/rights/ticket/{ticket.pk}/change/",
        "/admin/consent/subject/", f"/admin/consent/subject/{person.pk}/change/",
        f"/admin/consent/subject/{person.pk}/export.json",
        f"/admin/consent/subject/{person.pk}/evidence.csv",
        "/admin/consent/ledgerentry/", "/admin/consent/submission/",
    ]:  # fmt: skip
        assert privacy_officer_client.get(url).status_code == 200, url


def test_person_page_shows_everything_and_is_audited(client, officer_client, person):
    web_request(client, "kk", "access")
    response = officer_client.get(f"/admin/consent/subject/{person.pk}/change/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "asel@example.kz" in html  # data
    assert "ledgerentry_set" in html and "submissions" in html and "tickets" in html
    assert Ticket.objects.get().reference in html or "access" in html
    assert "export.json" in html or "evidence.csv" in html
    assert AuditEvent.objects.filter(action="subject_view", subject_ref=person.pk).count() == 1
    assert "no-store" in response["Cache-Control"]


def test_request_page_lists_the_right_panel(client, officer_client, person):
    web_request(client, "kk", "correct")
    ticket = confirm(client)
    html = officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'name="document"' in html and 'name="full_name"' in html
    assert 'name="desk_action" value="refuse"' in html


def test_person_page_keeps_a_constant_query_count(officer_client, person, texts):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consent.rights.tickets import ticket_open

    def count():
        with CaptureQueriesContext(connection) as ctx:
            officer_client.get(f"/admin/consent/subject/{person.pk}/change/")
        return len(ctx)

    # One of each first: a kind of row the page shows only when there is one (the mails' relay
    # receipts) costs its one query from the first row on, not for each.
    consent_grant(person, texts[MARKETING], language="kk", source=Source.ADMIN)
    ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    count()  # warm Django's caches (content types, permissions)
    few = count()
    for _ in range(15):
        consent_grant(person, texts[MARKETING], language="kk", source=Source.ADMIN)
        ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    assert count() == few


def _confirmed(kind, **fields):
    from consent.rights.tickets import ticket_open, ticket_verify

    ticket = ticket_open(kind=kind, email="asel@example.kz", language="kk", channel="web", **fields)
    ticket_verify(ticket)
    return ticket


def test_another_question_is_closed_only_with_an_answer(officer_client, person):
    """An officer's written answer, as for the other types staff answer themselves."""
    from .conftest import act

    ticket = _confirmed("other", message="Сұрақ")
    page = act(officer_client, ticket, reason="  ").content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN and "errorlist" in page
    act(officer_client, ticket, reason="Жауабымыз: иә.")
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE and ticket.outcome == "Жауабымыз: иә."


def test_a_corrected_phone_is_stored_as_every_form_stores_it(officer_client, person):
    from .conftest import act

    ticket = _confirmed("correct", message="Телефон өзгерді")
    page = act(officer_client, ticket, document="Өтініш №5", phone="abc <b>x").content.decode()
    person.refresh_from_db()
    example = "+7 701 123 45 67".replace(" ", "\N{NO-BREAK SPACE}")  # the message's example
    assert person.phone == "+77011234567" and example in page  # refused, kept
    act(officer_client, ticket, document="Өтініш №5", phone="8 (705) 765-43-21")
    person.refresh_from_db()
    assert person.phone == "+77057654321"


def test_an_unblock_request_of_someone_not_blocked_is_answered_by_refusing_it(
    officer_client, person
):
    from consent.core.models import LedgerEntry

    from .conftest import act

    before = LedgerEntry.objects.count()
    ticket = _confirmed("unblock")
    page = act(officer_client, ticket, reason="Сұрады").content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN and "errorlist" in page
    assert LedgerEntry.objects.count() == before  # no unblock made up
    act(officer_client, ticket, "refuse", reason="Өңдеу бұғатталмаған.")
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.REFUSED


def test_the_persons_other_requests_close_when_one_destroys_their_data(officer_client, person):
    """Nothing is held to answer them with, nor an address: they leave the desk, closed as
    'no data held', and say by whom."""
    from consent.core.models import AuditEvent

    from .conftest import act

    destroy, access = _confirmed("destroy"), _confirmed("access")
    act(officer_client, destroy)
    destroy.refresh_from_db(), access.refresh_from_db()
    assert destroy.status == Ticket.Status.DONE
    assert access.status == Ticket.Status.NO_DATA and access.closed_at is not None
    assert access.subject_id is None and access.email == ""
    row = AuditEvent.objects.get(action="request_close", object_id=str(access.pk))
    assert row.detail == {"status": "no_data", "destroyed_by": destroy.reference}
    assert access.reference not in officer_client.get("/admin/rights/ticket/").content.decode()


def test_two_officers_acting_on_one_request_at_once_answer_it_once(
    officer_client, privacy_officer, person, monkeypatch
):
    """Alice refuses a block request whose panel she opened; Olga carries it out meanwhile, and
    her commit lands after Alice's page read the request but before Alice's refusal runs. The
    request is answered once: one closing audit row, one answer to the person, and Alice is
    told why hers was not done."""
    from post_office.models import Email

    from consent.core.models import LedgerEntry
    from consent.rights import answers
    from consent.rights.admin import tickets as ticket_admin

    from .conftest import act

    ticket = _confirmed("block")
    carry_out = ticket_admin.carry_out

    def olga_commits_first(seen_by_alice, form, user):
        answers.ticket_block(Ticket.objects.get(pk=ticket.pk), reason="complaint received",
                             actor=privacy_officer)  # fmt: skip
        return carry_out(seen_by_alice, form, user)

    monkeypatch.setattr(ticket_admin, "carry_out", olga_commits_first)
    mails = Email.objects.count()
    page = act(officer_client, ticket, "refuse", reason="Негіз жоқ.").content.decode()

    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE and "ештеңе жасалмады" in page  # nothing done
    closes = AuditEvent.objects.filter(action="request_close", object_id=str(ticket.pk))
    assert closes.count() == 1
    assert Email.objects.count() == mails + 1  # Olga's answer, no refusal after it
    assert LedgerEntry.objects.filter(subject=person, kind="block").count() == 1


def test_an_officer_acting_on_a_request_a_colleague_has_just_closed_is_told_so(
    officer_client, privacy_officer_client, person
):
    """Olga carries the request out; Alice, whose panel still shows it open, then sends her
    refusal: she is told it is closed already (not that she lacks a permission), and the
    request keeps Olga's answer."""
    from .conftest import act

    ticket = _confirmed("block")
    act(privacy_officer_client, ticket, reason="complaint received")
    response = act(officer_client, ticket, "refuse", reason="Негіз жоқ.")
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/admin/rights/ticket/{ticket.pk}/change/"
    assert "Бұл өтініш әлдеқашан жабылған, сондықтан ештеңе жасалмады." in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE


def test_the_panel_says_which_language_the_answer_is_sent_in(privacy_officer_client, person):
    """An officer working in Russian wrote the reasons of a refusal in Russian into a letter the
    person reads in Kazakh: nothing on the panel's page said which language the letter is in."""
    ticket = _confirmed("other", message="Сұрақ")
    privacy_officer_client.cookies["django_language"] = "ru"
    for url in [f"/admin/rights/ticket/{ticket.pk}/act/",
                f"/admin/rights/ticket/{ticket.pk}/change/"]:  # fmt: skip
        html = privacy_officer_client.get(url).content.decode()
        assert "на языке своего запроса (казахский)" in html, url
