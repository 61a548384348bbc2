"""The letter confirming a destruction goes once the destruction commits and is kept nowhere
(core.mail.send_without_trace): nothing can send it again. With the mail server down or
refusing it, the officer who pressed «carry out» read «Done: … the person has been answered»,
the request's page showed nothing wrong, and the only trace was a line in the server's log: the
person never learned their data was destroyed, and the officer believed they had been told.

Now the page she lands on says, in her language, that the letter did not go and how to tell the
person instead; the request keeps an audit row of it with no personal data, and its page shows
it later. The same for a withdrawal that destroys the data, and for a parent's or guardian's
destruction and withdrawal (rights.destroyed_told, the one place that sends it).

Real parts: PostgreSQL committing the officer's action (a process of its own, on a database of
its own: a test's transaction never commits, so no letter would be tried), the production
settings' SMTP backend from EMAIL_URL, aiosmtpd on loopback, and the admin as the officer uses
it (the test client)."""

import re

import environ
import pytest

from consent.core.models import AuditEvent
from emalu.mailers import mailers
from tests.live import Inbox, free_port, live_database, run_case, smtp_relay

from .conftest import act, web_request

UNTOLD = AuditEvent.Action.DESTRUCTION_UNTOLD
# What each press is, in the officer's language: the person's own destruction, their withdrawal
# of every consent, a parent's destruction of what they gave for a child, and a parent's
# withdrawal that destroys their child's data.
PRESSES = [("destroy", "kk"), ("withdraw", "ru"), ("parent_destroy", "kk"),
           ("parent_withdraw", "ru")]  # fmt: skip
NOT_TOLD = {"kk": "Деректер жойылды, бірақ өтініш берушіге бұл туралы хабарланбады: пошта "
                  "сервері №\xa0{ref} өтініш бойынша хатты қабылдамады.",
            "ru": "Данные уничтожены, но заявитель об этом не уведомлён: почтовый сервер не "
                  "принял письмо по запросу №\xa0{ref}."}  # fmt: skip
ANSWERED = {"kk": "өтініш берушіге жауап жіберілді", "ru": "ответ заявителю отправлен"}
NOTE = {"kk": "Жою туралы растау хаты жеткізілмеді", "ru": "Письмо, подтверждающее уничтожение, "
                                                            "не доставлено"}  # fmt: skip


class RefusingSome(Inbox):
    """A mail server that takes the connection and refuses the message for an address of
    `refused` (the prefix of one run of press_each), keeping every other."""

    def __init__(self, refused):
        super().__init__()
        self.refused = refused

    async def handle_DATA(self, server, session, envelope):
        if any(to.startswith(self.refused) for to in envelope.rcpt_tos):
            return "451 4.3.0 try again later"
        return await super().handle_DATA(server, session, envelope)


def press_each(prefix):
    """Four confirmed requests whose carrying out destroys data (PRESSES), each pressed by Olga
    at the desk in its language. For each: the messages her landing page shows, the page's lasting
    note read again, the request's «not delivered» audit rows (their subject, details and who),
    and the address the letter was for."""
    from django.test import Client

    from consent.core.ledger import consent_grant
    from consent.core.models import Guardian, Source, Subject
    from consent.core.purposes import MARKETING, SERVICE
    from consent.core.texts import current_text
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_open, ticket_verify
    from tests.staff import staff_member, verified_login

    def opened(kind, email, lang):
        ticket = ticket_open(kind=kind, email=email, language=lang, channel="web")
        ticket_verify(ticket)
        return Ticket.objects.get(pk=ticket.pk)

    def person(name, birth_date=None):
        """On record with two consents; a child, with them given by a parent acting for her."""
        who = Subject.objects.create(full_name=name, email=f"{prefix}{name}@example.kz",
                                     language="kk", birth_date=birth_date)  # fmt: skip
        parent = birth_date and Guardian.objects.create(
            subject=who, full_name="parent", contact=f"{prefix}parent-of-{name}@example.kz"
        )
        for purpose in (SERVICE, MARKETING):
            consent_grant(who, current_text(purpose), language="kk",
                          source=Source.APPLICATION_FORM, guardian=parent or None)  # fmt: skip

    person("asel")
    person("dana")
    person("aisulu", "2013-04-02")
    person("timur", "2012-05-17")
    tickets = {
        "destroy": opened("destroy", f"{prefix}asel@example.kz", "kk"),
        "withdraw": opened("withdraw", f"{prefix}dana@example.kz", "ru"),
        "parent_destroy": opened("destroy", f"{prefix}parent-of-aisulu@example.kz", "kk"),
        "parent_withdraw": opened("withdraw", f"{prefix}parent-of-timur@example.kz", "ru"),
    }
    desk = verified_login(Client(), staff_member(f"{prefix}olga", "privacy_officer"))
    seen = {}
    for name, lang in PRESSES:
        ticket = tickets[name]
        address = ticket.address_on_record or ticket.email
        desk.cookies["django_language"] = lang
        landed = desk.post(f"/admin/rights/ticket/{ticket.pk}/act/", {"desk_action": "do"},
                           follow=True).content.decode()  # fmt: skip
        told = re.findall(r'<li class="(?:success|warning|info)">(.*?)</li>', landed, re.S)
        again = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
        note = re.search(r'id="destruction-untold"><li class="warning">(.*?)</li>', again, re.S)
        rows = AuditEvent.objects.filter(action=UNTOLD, object_type="rights.ticket",
                                         object_id=str(ticket.pk))  # fmt: skip
        seen[name] = {
            "told": told, "note": note and note.group(1), "ref": ticket.reference,
            "rows": [[r.subject_ref, r.detail, r.actor_label] for r in rows],
            "to": address, "gone": not Subject.objects.filter(email=address).exists(),
        }  # fmt: skip
    return seen


def press_both():
    """press_each for the letters the server refuses and for those it takes: one process and one
    database for both (their people, requests and officer are their prefix's), as starting the
    process is most of the cost."""
    return {prefix: press_each(prefix) for prefix in ("refused-", "taken-")}


@pytest.fixture(scope="module")
def pressed(django_db_setup, django_db_blocker):
    """What each press showed, by prefix, and the server's inbox (the letters it took)."""
    with (
        django_db_blocker.unblock(),
        smtp_relay(RefusingSome("refused-")) as (relay, port),
        live_database() as url,
    ):
        seen = run_case(url, __name__, "press_both", EMAIL_URL=f"smtp://127.0.0.1:{port}",
                        ALLOWED_HOSTS="testserver")  # fmt: skip
    return seen, relay


@pytest.mark.live
@pytest.mark.django_db
def test_a_destruction_letter_the_mail_server_refuses_is_told_to_the_officer_and_kept(pressed):
    seen = pressed[0]["refused-"]
    for name, lang in PRESSES:
        case = seen[name]
        assert case["gone"], name  # the data is destroyed all the same
        # The page she lands on: the letter did not go, in her language, and nothing says the
        # person was answered.
        told, note = case["told"]
        assert told.startswith(NOT_TOLD[lang].format(ref=case["ref"])), (name, told)
        assert ANSWERED[lang] not in told
        assert note == case["note"] and note.startswith(NOTE[lang]), name  # what to do, below
        # The request keeps it, with no one's data: who pressed, which request, nothing else.
        assert case["rows"] == [[None, {}, "refused-olga"]], name
        assert case["to"] not in str(case["rows"])


@pytest.mark.live
@pytest.mark.django_db
def test_a_destruction_letter_the_mail_server_takes_reaches_the_person_and_the_desk_says_done(
    pressed,
):
    seen, inbox = pressed[0]["taken-"], pressed[1]
    received = [message["To"] for message in inbox.messages]
    assert sorted(received) == sorted(seen[name]["to"] for name, _ in PRESSES)
    for name, lang in PRESSES:
        case = seen[name]
        (told,) = case["told"]
        assert ANSWERED[lang] in told and case["note"] is None and case["rows"] == [], name


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_destruction_with_the_mail_server_down_is_kept_on_the_request(
    client, person, desk, settings, lang, django_capture_on_commit_callbacks
):
    """Nothing listens where the mail server should: the same trace, and the request's page
    says so in the officer's language when she opens it later."""
    from consent.rights.answers import ticket_destroy
    from consent.rights.destroyed_told import untold
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_verify

    assert web_request(client, lang, "destroy").status_code == 302
    ticket = ticket_verify(Ticket.objects.get())
    settings.MAILERS = mailers(environ.Env.email_url_config(f"smtp://127.0.0.1:{free_port()}"))
    with django_capture_on_commit_callbacks(execute=True):
        ticket_destroy(ticket, actor=None)
    assert untold(ticket)
    (row,) = AuditEvent.objects.filter(action=UNTOLD)
    assert (row.object_id, row.subject_ref, row.detail) == (str(ticket.pk), None, {})
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert NOTE[lang] in page
    assert "asel" not in page
    # A press of the panel now is refused as closed, never a second «not delivered».
    act(desk, ticket)
    assert AuditEvent.objects.filter(action=UNTOLD).count() == 1
