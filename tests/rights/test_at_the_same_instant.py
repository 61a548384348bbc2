"""Two things done at the same instant that each read before the other had written.

The desk corrects a person's address to one that a form is giving a new person (the person wrote
from their new mailbox while the officer typed it in, or a stranger typed it): the correction
found no holder and saved, the unique address refused it, and the officer got the 500 page, her
document reference and values gone. It now reads the address under its lock
(`subjects.held_by_other`), as every form does, waits for the form and says another person
holds it.

A self-service link's button pressed twice in one browser (a double tap on a slow phone, two
tabs of the same mail): the second press found the link spent by the first, in a session its
browser did not yet hold, and was told «this link was used» (400); on a phone, the page shown
is the second's, and the person was shut out of their data until a new link came.

Run as tests/core/test_one_at_a_time.py runs its cases: in a process of their own, on a copy of
the live tests' database, the first transaction held open until the second waits for a lock
(or has finished: the fault)."""

import pytest
from django.db import connection

from tests.core.test_one_at_a_time import returned, run_cases
from tests.live import live_database

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row and advisory locks"),
]


def corrected_while_a_form_takes_it(case, typed):
    """A contact form from the address `typed` stands for (its transaction kept open) and the
    officer's correction of Әсел's address to `typed` meanwhile: the officer's answer and what
    each person holds. `case` keeps the module's cases' people apart."""
    from django.test import Client, RequestFactory

    from consent.core.models import Source, Subject
    from consent.core.purposes import SERVICE
    from consent.core.submissions import submission_record
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_open, ticket_verify
    from tests.core.test_one_at_a_time import both_at_once
    from tests.staff import staff_member, verified_login

    person = Subject.objects.create(full_name="Әсел", email=f"asel{case}@example.kz")
    ticket = ticket_open(kind=Ticket.Type.CORRECT, email=person.email, language="kk",
                         channel=Ticket.Channel.EMAIL, message="Поштам өзгерді")  # fmt: skip
    ticket_verify(ticket)
    officer = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    verified_login(officer, staff_member(f"dana{case}", "privacy_officer"))

    def form():
        submission_record(
            source=Source.CONTACT_FORM, language="kk", request=RequestFactory().post("/"),
            data={"email": typed.strip().lower(), "full_name": "Жаңа", "message": "Сәлем"},
            consents={SERVICE: True},
        )  # fmt: skip

    def correct():
        page = officer.post(f"/admin/rights/ticket/{ticket.pk}/act/",
                            {"desk_action": "do", "email": typed, "document": "ID № 12"},
                            follow=True)  # fmt: skip
        said = "Бұл мекенжай есептегі басқа адамға тиесілі" in page.content.decode()
        return [page.status_code, said]

    _, answer = both_at_once(form, correct)
    person.refresh_from_db()
    ticket.refresh_from_db()
    new = typed.strip().lower()
    holders = list(Subject.objects.filter(email__iexact=new).values_list("full_name", flat=True))
    return [*answer, person.email.lower() == new, ticket.status, holders]


def pressed_twice_in_one_browser(case, kind):
    """The button of a person's link (`kind` "s") or a parent's ("g") pressed in two tabs of one
    browser at once, the first press's transaction kept open: each press's status and where it
    led, and whether the second tab then shows the page the link opens."""
    from dateutil.relativedelta import relativedelta
    from django.test import Client

    from consent.common.dates import local_today
    from consent.core.models import Guardian, Subject
    from consent.rights.selfservice import link_token, ward_link_token
    from tests.core.test_one_at_a_time import both_at_once

    person = Subject.objects.create(full_name="Әсел", email=f"tabs{case}@example.kz")
    if kind == "g":
        person.birth_date = local_today() - relativedelta(years=12)
        person.save()
        row = Guardian.objects.create(subject=person, full_name="Ана",
                                      contact=f"mother{case}@example.kz")  # fmt: skip
        token, page = ward_link_token(row), "/kk/my-data/children/"
    else:
        token, page = link_token(person), "/kk/my-data/"
    path = f"/kk/my-data/open/{token}/"
    first = Client(HTTP_HOST="127.0.0.1")
    assert first.get(path).status_code == 200  # the button, and the browser's CSRF cookie
    second = Client(HTTP_HOST="127.0.0.1")
    second.cookies = first.cookies.__class__(first.cookies)  # the same browser's other tab

    def press(browser):
        def pressed():
            answer = browser.post(path)
            return [answer.status_code, answer.get("Location", "")]

        return pressed

    one, other = both_at_once(press(first), press(second))
    shown = second.get(page)
    return [one, other, shown.status_code, "Әсел" in shown.content.decode()]


def destroyed_while_the_campaign_is_queued():
    """Ерлан's data destroyed (his request carried out, the transaction kept open) while the
    sending job queues a campaign he and Дана were to get: what the job returned, and the
    campaign's mails by address."""
    from post_office.models import Email

    from consent.core.ledger import consent_grant
    from consent.core.models import Source, Subject
    from consent.core.purposes import MARKETING
    from consent.core.texts import current_text
    from consent.marketing.campaigns import campaign_start, queue_campaign
    from consent.marketing.models import Campaign
    from consent.rights.erasure import subject_destroy
    from tests.core.test_one_at_a_time import both_at_once

    people = [Subject.objects.create(full_name=name, email=f"{name}@readers.kz", language="kk")
              for name in ("erlan", "dana")]  # fmt: skip
    for person in people:
        consent_grant(person, current_text(MARKETING), language="kk", source=Source.NEWSLETTER_FORM)
    campaign = Campaign.objects.create(title="N", subject_line_kk="Жаңалық", body_kk="Қараша")
    campaign_start(campaign)

    def destroy():
        subject_destroy(people[0], request_ref="R-1")

    _, queued = both_at_once(destroy, lambda: queue_campaign(campaign.pk))
    campaign.refresh_from_db()
    mails = Email.objects.filter(subject="Жаңалық").values_list("to", flat=True)
    return [queued, campaign.status, campaign.recipient_count, sorted(map(list, mails))]


CASES = [
    ("corrected_while_a_form_takes_it", "1", "asel.new1@example.kz"),
    ("corrected_while_a_form_takes_it", "2", " ASEL.New2@Example.KZ"),  # as an officer types
    ("pressed_twice_in_one_browser", "1", "s"),
    ("pressed_twice_in_one_browser", "2", "g"),
    ("destroyed_while_the_campaign_is_queued",),
]


@pytest.fixture(scope="module")
def outcomes(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        yield run_cases(url, "tests.rights.test_at_the_same_instant", *CASES)


@pytest.mark.parametrize("case", CASES[:2], ids=["as stored", "another spelling"])
def test_an_address_corrected_while_a_form_gives_it_to_a_new_person_is_refused_on_the_page(
    outcomes, case
):
    """The officer is told, on the panel, that another person holds the address; Әсел keeps
    hers, the request stays open for the officer to check, and the form's person stands."""
    assert returned(outcomes, *case) == [200, True, False, "open", ["Жаңа"]]


@pytest.mark.parametrize("case", CASES[2:4], ids=["a person's link", "a parent's link"])
def test_a_link_pressed_twice_at_once_in_one_browser_opens_the_page_in_both_tabs(outcomes, case):
    """Both presses lead to the page; the browser's other tab shows it, not «this link was
    used»."""
    page = "/kk/my-data/" if case[2] == "s" else "/kk/my-data/children/"
    assert returned(outcomes, *case) == [[302, page], [302, page], 200, True]


def test_a_person_destroyed_while_the_job_queues_a_campaign_gets_none_and_the_others_do(outcomes):
    """The job's batch read Ерлан as a reader and then wrote his row of the campaign: the
    destruction, committed meanwhile, made that row point at no one, the whole batch was
    refused and the job failed (for 2,000 readers, to be tried again the next minute). Now the
    batch reads each reader under their row's lock, waits for the destruction and leaves him
    out."""
    got = returned(outcomes, "destroyed_while_the_campaign_is_queued")
    assert got == [1, "sent", 1, [["dana@readers.kz"]]]
