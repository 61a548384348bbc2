"""Operations that read the ledger (or look a person up) to decide what to write run for one
person at a time: the second of two at once waits for the first to commit and then finds what it
wrote. Each case holds the first transaction open until the second has either finished (no
lock: the fault) or is waiting for a lock, so the outcome does not depend on timing.

Transactions must really commit here, which the test database (rolled back, and its ledger
refusing TRUNCATE) does not allow: the cases run in a process of their own, one after the other,
on a copy of the live tests' database (migrated, with the demo texts published), as `manage.py
shell` would; each makes its own people, so none finds another's rows.
"""

import json
import threading
import time

import pytest
from django.db import connection, connections, transaction

from tests.live import live_database, shell, site_env
from tests.texts import SHOWN, as_shown

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row and advisory locks"),
]


def _in_thread(work, results, key):
    try:
        with transaction.atomic():
            results[key] = work()
            if key == "first":
                results["first_done"].set()
                results["release"].wait(60)
    except BaseException as error:  # raised in the test below
        results[key] = error
        results["first_done"].set()
    finally:
        connections.close_all()


def until_it_waits_for_a_lock(thread):
    """Return once `thread` has ended or a session of this database waits for a lock. Asked
    every 10 ms as the login role on a connection of its own (the runtime role is not shown what
    other sessions wait for), one for the wait: a connection a question was a PostgreSQL backend
    started and ended every 10 ms, for as long as a thread that waits for nothing took."""
    import psycopg

    db = connection.settings_dict
    dsn = f"host={db['HOST']} port={db['PORT']} user={db['USER']} dbname={db['NAME']}"
    sql = ("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
           " AND wait_event_type = 'Lock'")  # fmt: skip
    with psycopg.connect(dsn, autocommit=True) as conn:  # each question a snapshot of its own
        while thread.is_alive() and not conn.execute(sql).fetchone()[0]:
            time.sleep(0.01)


def both_at_once(first, second):
    """first() in a transaction kept open, second() started meanwhile: their results."""
    results = {"first_done": threading.Event(), "release": threading.Event()}
    a = threading.Thread(target=_in_thread, args=(first, results, "first"))
    a.start()
    assert results["first_done"].wait(60)
    b = threading.Thread(target=_in_thread, args=(second, results, "second"))
    b.start()
    until_it_waits_for_a_lock(b)
    results["release"].set()
    a.join(60)
    b.join(60)
    for key in ("first", "second"):
        if isinstance(results[key], BaseException):
            raise results[key]
    return results["first"], results["second"]


def kinds(subject):
    from consent.core.models import LedgerEntry
    from consent.core.purposes import MARKETING

    return list(
        LedgerEntry.objects.filter(subject=subject, purpose=MARKETING)
        .order_by("id")
        .values_list("kind", flat=True)
    )


# --- the cases, run in the child process (main below) -------------------------------------


def unsubscribe_twice():
    from consent.core.ledger import consent_grant, consent_withdraw_if_given
    from consent.core.models import Source, Subject
    from consent.core.purposes import MARKETING
    from consent.core.texts import current_text

    subject = Subject.objects.create(full_name="Дана", email="twice@example.kz", language="kk")
    consent_grant(subject, current_text(MARKETING), language="kk", source=Source.NEWSLETTER_FORM)

    def click():
        entry = consent_withdraw_if_given(subject, MARKETING, source=Source.UNSUBSCRIBE)
        return entry is not None

    return [*both_at_once(click, click), kinds(subject)]


def switch_twice():
    from django.test import RequestFactory

    from consent.core.models import Subject
    from consent.core.purposes import MARKETING
    from consent.rights.selfservice import set_consent

    subject = Subject.objects.create(full_name="Дана", email="switch@example.kz", language="kk")
    request = RequestFactory().post("/kk/my-data/consent/")

    def press():
        return set_consent(subject, MARKETING, True, request)

    return [*both_at_once(press, press), kinds(subject)]


def confirm_twice():
    from django.test import RequestFactory
    from django.utils import timezone

    from consent.core.models import Subject
    from consent.core.purposes import MARKETING
    from consent.core.texts import current_text
    from consent.marketing.optin import marketing_confirm

    payload = {"e": "new@example.kz", "n": "Дана", "l": "kk", "t": current_text(MARKETING).pk,
               "ts": timezone.now().timestamp()}  # fmt: skip
    request = RequestFactory().post("/kk/newsletter/confirm/x/")

    def click():
        return marketing_confirm(payload, request)[1]

    first, second = both_at_once(click, click)
    people = Subject.objects.filter(email="new@example.kz")
    return [first, second, [kinds(person) for person in people]]


def form_consent_confirm_twice(once=""):
    """The link that gives back a consent a form held (consent.core.held), pressed in two tabs
    at once: both pages say it is confirmed, and the ledger takes one grant."""
    from urllib.parse import urlsplit

    from django.test import Client, RequestFactory

    from consent.core.held import confirm_link
    from consent.core.ledger import consent_grant, consent_withdraw
    from consent.core.models import LedgerEntry, Source, Subject
    from consent.core.purposes import SERVICE
    from consent.core.submissions import submission_record
    from consent.core.texts import current_text

    address = f"held{once}@example.kz"  # the module's cases share one database
    subject = Subject.objects.create(full_name="Әсел", email=address, language="kk")
    consent_grant(subject, current_text(SERVICE), language="kk", source=Source.CONTACT_FORM)
    consent_withdraw(subject, SERVICE, source=Source.SELF_SERVICE)
    submission = submission_record(
        source=Source.CONTACT_FORM, language="kk", request=RequestFactory().post("/"),
        data={"email": address, "full_name": "Әсел", "message": "?"},
        consents={SERVICE: True},
    )  # fmt: skip
    path = urlsplit(confirm_link(submission)["confirm_url"]).path

    def press():  # in a process of its own: no fixture fills SHOWN in (tests/conftest.py)
        client = Client(HTTP_HOST="127.0.0.1")
        page = client.post(path, as_shown(client, path, SHOWN))
        return [page.status_code]

    if once:  # as a request is served: no transaction of the test's around it
        first, second = press(), [None]
    else:
        first, second = both_at_once(press, press)
    grants = LedgerEntry.objects.filter(subject=subject, purpose=SERVICE, kind="grant")
    return [first[0], second[0], grants.filter(source=Source.FORM_CONFIRMED).count()]


def edit_while_sending():
    from django.test import Client

    from consent.core.ledger import consent_grant
    from consent.core.models import Source, Subject
    from consent.core.purposes import MARKETING
    from consent.core.texts import current_text
    from consent.marketing.campaigns import campaign_send
    from consent.marketing.models import Campaign
    from tests.staff import staff_member, verified_login

    subject = Subject.objects.create(full_name="Дана", email="reader@example.kz", language="kk")
    consent_grant(subject, current_text(MARKETING), language="kk", source=Source.NEWSLETTER_FORM)
    campaign = Campaign.objects.create(title="N", subject_line_kk="Жаңалық", body_kk="Қараша")
    browser = verified_login(Client(HTTP_HOST="127.0.0.1"), staff_member("dan", "marketer"))
    edited = {"title": "N", "subject_line_kk": "Жаңалық", "body_kk": "Өзгертілген",
              "subject_line_ru": "", "body_ru": ""}  # fmt: skip

    def send():
        return campaign_send(campaign)

    def edit():
        return browser.post(f"/admin/marketing/campaign/{campaign.pk}/change/", edited).status_code

    sent, answer = both_at_once(send, edit)
    campaign.refresh_from_db()
    return [answer, campaign.status, campaign.body_kk, campaign.recipient_count == sent > 0]


def parent_answered_in_two_tabs(first_says):
    """A child's page open in two tabs: «not my parent» in one, «yes, my parent» in the other
    (core.guardians.guardian_decline, guardian_confirm), `first_says` pressed first. The second
    waits for the first and finds the parent answered: one decision, never both."""
    from dateutil.relativedelta import relativedelta

    from consent.common.dates import local_today
    from consent.core.guardians import guardian_confirm, guardian_decline
    from consent.core.ledger import consent_grant
    from consent.core.models import Declined, Guardian, Source, Subject
    from consent.core.purposes import SERVICE
    from consent.core.texts import current_text

    child = Subject.objects.create(full_name="Айсұлу", email=f"{first_says}@example.kz",
                                   birth_date=local_today() - relativedelta(years=14))  # fmt: skip
    row = Guardian.objects.create(subject=child, full_name="M", contact="m@evil.kz", pending=True)
    consent_grant(child, current_text(SERVICE), language="kk", guardian=row,
                  source=Source.APPLICATION_FORM)  # fmt: skip

    def decline():
        return guardian_decline(Guardian.objects.get(pk=row.pk), Declined.BY_CHILD)

    def confirm():
        return guardian_confirm(Guardian.objects.get(pk=row.pk), "guardian_by_child")

    pair = (decline, confirm) if first_says == "not" else (confirm, decline)
    first, second = both_at_once(*pair)
    row.refresh_from_db()
    return [first, second, row.declined, row.pending]


# --- the tests ------------------------------------------------------------------------------


def run_cases(url, module, *cases):
    """Each of `cases` (a function of test module `module` and its arguments) run on the
    database `url`, one after the other, in one process of its own (test settings): {the case
    and its arguments, joined by spaces: what it returned, through JSON, or the traceback of what
    it raised}. One process for a module's cases: a start (Django, the project) is ~1.5 s of CPU,
    and what a case proves is between its own two threads."""
    code = (
        "import importlib, json, traceback\n"
        f"module = importlib.import_module({module!r})\n"
        "done = {}\n"
        f"for case in {[list(case) for case in cases]!r}:\n"
        "    try:\n"
        "        done[' '.join(case)] = {'returned': getattr(module, case[0])(*case[1:])}\n"
        "    except Exception:\n"
        "        done[' '.join(case)] = {'raised': traceback.format_exc()}\n"
        "print(json.dumps(done))"
    )
    env = site_env(url, DJANGO_SETTINGS_MODULE="tests.settings")
    return json.loads(shell(code, env).splitlines()[-1])


def returned(outcomes, *case):
    """What `case` returned in `outcomes` (run_cases'); its traceback, a failure, if it raised."""
    outcome = outcomes[" ".join(case)]
    assert "raised" not in outcome, outcome.get("raised")
    return outcome["returned"]


CASES = [
    ("unsubscribe_twice",),
    ("switch_twice",),
    ("confirm_twice",),
    ("edit_while_sending",),
    ("form_consent_confirm_twice",),
    ("form_consent_confirm_twice", "once"),
    ("parent_answered_in_two_tabs", "not"),
    ("parent_answered_in_two_tabs", "yes"),
]


@pytest.fixture(scope="module")
def outcomes(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        yield run_cases(url, "tests.core.test_one_at_a_time", *CASES)


def test_an_unsubscribe_sent_twice_at_once_withdraws_once(outcomes):
    assert returned(outcomes, "unsubscribe_twice") == [True, False, ["grant", "withdraw"]]


def test_a_switch_pressed_twice_at_once_gives_consent_once(outcomes):
    assert returned(outcomes, "switch_twice") == ["given", "unchanged", ["grant"]]


def test_a_confirmation_clicked_twice_at_once_makes_one_person_subscribed_once(outcomes):
    assert returned(outcomes, "confirm_twice") == [True, False, [["grant"]]]


def test_an_edit_saved_while_the_campaign_is_sent_changes_nothing_of_what_went_out(outcomes):
    """Dan presses "send" in one tab and saves an edit of the same draft in another while the
    send (half a minute for 100,000 people) is under way: the edit read the draft, waited, and
    then wrote "draft", no count and its new text over the record of what went out; the
    campaign offered itself for sending again, which the one-send-per-person rule refused. The
    edit now waits for the send and is refused, back on the campaign's page that says why."""
    assert returned(outcomes, "edit_while_sending") == [303, "sent", "Қараша", True]


def test_a_held_consent_confirmed_in_two_tabs_at_once_is_granted_once_and_both_say_so(outcomes):
    """The second press waited for the first and found the consent given: it said «the link
    does not work» (400), as for a forged or expired link."""
    assert returned(outcomes, "form_consent_confirm_twice") == [200, 200, 1]


def test_a_held_consent_pressed_once_outside_any_transaction_is_granted(outcomes):
    """The operation takes the person's row lock itself: pressed as a request is served, not
    inside a transaction a test opened, it answered 500 when it lost its own transaction."""
    got = returned(outcomes, "form_consent_confirm_twice", "once")
    assert got == [200, None, 1]


def test_a_parent_declined_and_confirmed_in_two_tabs_at_once_is_only_declined(outcomes):
    got = returned(outcomes, "parent_answered_in_two_tabs", "not")
    assert got == [["service"], False, "guardian_declined_by_child", True]


def test_a_parent_confirmed_and_declined_in_two_tabs_at_once_is_only_confirmed(outcomes):
    got = returned(outcomes, "parent_answered_in_two_tabs", "yes")
    assert got == [True, None, "", False]
