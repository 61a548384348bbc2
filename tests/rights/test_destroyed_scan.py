"""Compliance T17, L13 (Art. 1(6), 18): a person collected the way the site really collects
people, through each of its doors over time, then destroyed from the desk as an officer does,
leaves nothing of theirs in any column of any table, nor in any file, nor in the log.

Әсел writes through the contact form, later applies with another spelling of her name, another
phone number and a photo, subscribes to the news (double opt-in) and receives a campaign, writes
to the request mailbox and answers in its thread, has her address and phone corrected, is sent
her data, opens her own page, once typed her numbers into the staff sign-in, and an officer
answers a question of hers naming her. Her neighbour's child Айсұлу is applied for by her
parent, who gives a phone number as her contact (and typed it into the staff sign-in too). Both
are destroyed; then the database is searched column by column (leftovers.py: every table the
catalogue lists, so a new one is searched unasked), and the files and the log."""

import logging
import re
from urllib.parse import urlsplit

import environ
import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models
from django.test import Client
from post_office.models import Email

from consent.core import gate
from consent.core.delivery import send_queued
from consent.core.models import (
    AuditEvent,
    StoredFile,
    Subject,
    Tombstone,
)
from consent.core.purposes import MARKETING
from consent.core.subjects import address_tag
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from consent.rights.access import ticket_answer_access
from consent.rights.answers import ticket_answer, ticket_correct
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.selfservice import SESSION_KEY, draft_keep
from consent.rights.tickets import ticket_verify
from emalu.mailers import mailers
from tests.conftest import aged_token
from tests.forms.photos import jpeg
from tests.live import smtp_relay
from tests.texts import SHOWN

from .conftest import act, confirm_link, web_request
from .leftovers import Traces, columns, found_in_cache, found_in_database, found_in_files
from .test_destroyed_everywhere import letter

EMAIL, NEW_EMAIL, CHILD = "qxs@example.kz", "qxs.new@example.kz", "qxschild@example.kz"
NAMES = ["Qxsmark Әселова", "Асель Qxsmarkova", "Әсел Qxsm", "Qxschild Айсұлу", "Qxsguard Гүлнар"]
# Each number as she typed it (the forms keep it as typed, the site as E.164).
PHONES = ["8 701 555 11 22", "+7 (702) 555-33-44", "+7 707 555 66 77", "8 (705) 555 88 99",
          "87085550011"]  # fmt: skip
IP = "203.0.113.9"


class EchoingRelay:
    """A relay whose receipt names the recipients, as some do («… queued as X for <to>»)."""

    def __init__(self):
        self.taken = []

    async def handle_DATA(self, server, session, envelope):
        self.taken.append(envelope)
        return f"250 2.0.0 Ok: queued as 7Q{len(self.taken)} for {','.join(envelope.rcpt_tos)}"


@pytest.fixture
def relay(settings):
    yield from echoing_relay(settings)


def echoing_relay(settings):
    """The outbox sent as production sends it (MAILERS from EMAIL_URL), to an EchoingRelay."""
    handler = EchoingRelay()
    with smtp_relay(handler) as (_, port):
        settings.MAILERS = mailers(environ.Env.email_url_config(f"smtp://127.0.0.1:{port}"))
        yield handler


def form(lang, kind, **data):
    posted = {"token": aged_token(), **SHOWN, "consent_service": "on", **data}
    response = Client(REMOTE_ADDR=IP).post(f"/{lang}/{kind}/", posted)
    assert response.status_code == 302, response.content.decode()[:3000]


def link_in(address, part):
    mail = Email.objects.filter(to=[address]).exclude(message="").latest("id")
    return urlsplit(re.search(rf"https?://\S+{part}\S+/", mail.message)[0]).path


def typed_into_the_staff_sign_in(username):
    Client().post("/admin/login/", {"username": username, "password": "what-was-it"},
                  REMOTE_ADDR=IP, HTTP_USER_AGENT="Browser")  # fmt: skip


def asked_on_the_form(address, lang="kk"):
    """The person asks on the request form and confirms from their mailbox."""
    assert web_request(Client(), lang, "destroy", email=address).status_code == 302
    assert Client().post(confirm_link(address)).status_code == 200


def asked_on_her_page(address, lang="kk"):
    """The person asks on their own page, opened by the link mailed to them."""
    client = Client(REMOTE_ADDR=IP)
    client.post(f"/{lang}/my-data/", {"token": aged_token(), "email": address})
    assert client.post(link_in(address, "/my-data/open/")).status_code == 302
    asking = {"token": aged_token(), "type": "destroy", "message": f"{NAMES[0]}: жойыңыз"}
    assert client.post(f"/{lang}/my-data/request/", asking).status_code == 302


def destroyed_from_the_desk(desk, address, asked):
    """The person asks (`asked`), the officer carries it out on the desk's panel."""
    asked(address)
    ticket = Ticket.objects.filter(type="destroy").latest("id")
    assert ticket.verified_at is not None
    act(desk, ticket)
    return Ticket.objects.get(pk=ticket.pk)


def by_her_forms(officer, traces):
    """Her message, and her application months later (another spelling, another number, a
    photo)."""
    photo = jpeg()
    traces.add_file(photo)
    form("kk", "contact", full_name=NAMES[0], email=EMAIL, phone=PHONES[0],
         message=f"Сәлеметсіз бе! Мен {NAMES[0]}, Qxsmark ауылынан.")  # fmt: skip
    form("ru", "apply", full_name=NAMES[1], email=EMAIL.upper(), phone=PHONES[1],
         birth_date="1990-05-17", birth_place="Qxsmark ауылы", service="Кеңес", message="",
         photo=SimpleUploadedFile("me.jpg", photo, "image/jpeg"))  # fmt: skip
    for content in StoredFile.objects.values_list("content", flat=True):  # as kept, encrypted
        traces.add_file(bytes(content))


def by_the_childs_parent(officer, traces):
    """The child's application by her parent, who gives a phone number as their contact."""
    form("kk", "apply", full_name=NAMES[3], email=CHILD, phone=PHONES[4], birth_date="2012-05-17",
         birth_place="Qxschild ауылы", service="Кеңес", message="", guardian_name=NAMES[4],
         guardian_contact=PHONES[3], consent_guardian="on")  # fmt: skip


def by_the_news(officer, traces):
    """She subscribes (double opt-in) and is sent a campaign."""
    news = {"token": aged_token(), **SHOWN, "email": EMAIL, "full_name": NAMES[2],
            "consent_marketing": "on"}  # fmt: skip
    Client().post("/kk/newsletter/", news)
    assert Client().post(link_in(EMAIL, "/newsletter/confirm/"), SHOWN).status_code == 200
    assert gate.may_process(Subject.objects.get(email=EMAIL), MARKETING)
    campaign = Campaign.objects.create(title="Қараша", subject_line_kk="Жаңалықтар",
                                       body_kk="Қараша жаңалықтары", subject_line_ru="Новости",
                                       body_ru="Новости ноября")  # fmt: skip
    assert campaign_send(campaign) == 1


def by_mail_and_the_desk(officer, traces):
    """A letter to the request mailbox and her answer in its thread, her data sent to her, a
    question an officer answers naming her and her number, and a correction of her address
    and number."""
    asked = ingest(letter(EMAIL, f"{NAMES[0]}, {PHONES[1]}. Деректерімді көрсетіңіз.",
                          message_id="<Qxsmark.1@mail.qxs.kz>", subject_line="Деректерім",
                          name=NAMES[0]))  # fmt: skip
    assert isinstance(asked, Ticket)
    ours = Email.objects.filter(to=[EMAIL]).latest("id")
    reply = letter(EMAIL, f"Иә, бұл мен. {NAMES[1]}", message_id="<Qxsmark.2@mail.qxs.kz>",
                   subject_line="Re: Деректерім", name=NAMES[1])  # fmt: skip
    ingest(reply.replace(b"Message-ID:", f"In-Reply-To: {ours.message_id}\nMessage-ID:".encode()))
    ticket_verify(Ticket.objects.get(pk=asked.pk))
    # A letter set aside: nothing asked in it.
    assert ingest(letter(EMAIL, "Рахмет!", message_id="<Qxsmark.3@mail.qxs.kz>")).reason
    asking = f"{NAMES[1]}: {PHONES[1]} нөмірім дұрыс па?"
    assert web_request(Client(), "kk", "other", email=EMAIL, message=asking).status_code == 302
    question = Ticket.objects.filter(type="other").latest("id")
    ticket_verify(question)
    ticket_answer(Ticket.objects.get(pk=question.pk),
                  answer=f"Құрметті {NAMES[0]}, {PHONES[1]} нөміріңіз бізде жоқ.",
                  actor=officer)  # fmt: skip
    asking = f"Жаңа нөмірім {PHONES[2]}, поштам {NEW_EMAIL}"
    assert web_request(Client(), "kk", "correct", email=EMAIL, message=asking).status_code == 302
    correction = Ticket.objects.filter(type="correct").latest("id")
    ticket_verify(correction)
    ticket_correct(Ticket.objects.get(pk=correction.pk),
                   changes={"email": NEW_EMAIL, "phone": PHONES[2]}, document="Куәлік",
                   actor=officer)  # fmt: skip
    # Her data sent to her (after the correction, which deletes the answers sent before it).
    ticket_answer_access(Ticket.objects.get(pk=asked.pk), actor=officer)


def by_her_page_and_the_staff_door(officer, traces):
    """Her own page, opened by the link mailed to her, her file downloaded there; and what she
    and the child's parent typed into the staff sign-in by mistake."""
    client = Client(REMOTE_ADDR=IP)
    client.post("/kk/my-data/", {"token": aged_token(), "email": NEW_EMAIL})
    assert client.post(link_in(NEW_EMAIL, "/my-data/open/")).status_code == 302
    assert client.post("/kk/my-data/export/").status_code == 200
    # A request she wrote on her page after it closed, kept for her next page.
    session = SessionStore()
    session[SESSION_KEY] = {"s": Subject.objects.get(email=NEW_EMAIL).pk,
                            "a": address_tag(NEW_EMAIL), "until": 0}  # fmt: skip
    assert draft_keep(session, {"type": "block", "message": f"{NAMES[0]}: тоқтатыңыз"})
    session.save()
    for typed in (EMAIL, PHONES[1], PHONES[2], PHONES[3]):
        typed_into_the_staff_sign_in(typed)
    assert AccessAttempt.objects.count() == 4


DOORS = [by_her_forms, by_the_childs_parent, by_the_news, by_mail_and_the_desk,
         by_her_page_and_the_staff_door]  # fmt: skip


# The tables no door fills with a person's data, and why: any other is filled by one of DOORS
# before the destruction, so that the search after it has something to find there. A table added
# later and filled by none fails test_destroyed_people_leave_nothing_anywhere until a door fills
# it or it is named here.
NO_PERSON_IN = {
    "axes_accessfailurelog": "off (AXES_ENABLE_ACCESS_FAILURE_LOG); sign_ins.RECORDS reads it",
    "consent_breach": "an incident as the officer describes it, with no personal data",
    "consent_calendaroverride": "the working-day calendar",
    "consent_cookiechoice": "a random visitor id, no IP or browser",
    "consent_jobrun": "the jobs' runs",
    "consent_keyseen": "the secret keys' fingerprints",
    "consent_operatordocument": "the operator's documents",
    "consent_staffprofile": "staff",
    "consent_tombstone": "written by the destruction, with no personal data",
    "cookies_bannerwording": "the banner's wording",
    "emalu_cacheseen": "the cache's generations",
    "emalu_company": "the operator's details",
    "emalu_page": "the site's pages",
    "emalu_service": "the services offered",
    "otp_static_staticdevice": "staff",
    "otp_static_statictoken": "staff",
    "post_office_emailtemplate": "unused: the mail is written in files",
}


def empty_tables() -> set[str]:
    """The tables of the search (leftovers.columns) that hold no row."""
    with connection.cursor() as cursor:
        empty = set()
        for table in sorted({table for table, _column, _kind in columns()}):
            cursor.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")')
            if not cursor.fetchone()[0]:
                empty.add(table)
    return empty


def collected(officer):
    """Әсел and Айсұлу, as the site collects them: what identifies them (Traces)."""
    traces = Traces(words={*NAMES, "Qxsmark", "Qxschild", "Qxsguard", EMAIL, NEW_EMAIL, CHILD,
                           "qxs@", IP})  # fmt: skip
    for phone in PHONES:
        traces.add_phone(phone)
    for door in DOORS:
        door(officer, traces)
    return traces


def test_destroyed_people_leave_nothing_anywhere(
    texts, officer, officer_client, relay, settings, tmp_path, caplog,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    settings.MEDIA_ROOT = tmp_path
    caplog.set_level(logging.INFO)
    traces = collected(officer)
    with django_capture_on_commit_callbacks(execute=True):  # the journal's «mail sent» lines
        send_queued()
    before = found_in_database(traces)
    assert empty_tables() - set(NO_PERSON_IN) == set()
    # What the scan would miss were she not collected so: each door left her somewhere.
    assert {where for where, _ in before} >= {
        "consent_subject.full_name",
        "consent_submission.data",
        "consent_storedfile.content",
        "axes_accessattempt.username",
        "post_office_email.to",
        "consent_guardian.contact",
        "consent_ledgerentry.ip",
    }, sorted(before)

    with django_capture_on_commit_callbacks(execute=True):
        hers = destroyed_from_the_desk(officer_client, NEW_EMAIL, asked_on_her_page)
    with django_capture_on_commit_callbacks(execute=True):
        childs = destroyed_from_the_desk(officer_client, CHILD, asked_on_the_form)
        send_queued()

    assert hers.status == childs.status == Ticket.Status.DONE
    assert not Subject.objects.exists()
    left = found_in_database(traces) | found_in_files(traces, tmp_path) | found_in_cache(traces)
    assert sorted(left) == []
    # Nor the log, which a destruction does not reach: a relay's receipt naming the recipient
    # was kept whole, in the outbox and in the journal's lines for each mail sent.
    logged = [(r.name, r.getMessage(), traces.found_in_text(str(r.__dict__) + r.getMessage()))
              for r in caplog.records]  # fmt: skip
    assert [(name, line) for name, line, found in logged if found] == []
    # What the law keeps: the tombstones and the audit of each destruction, naming no one.
    assert Tombstone.objects.filter(request_ref__in=[hers.reference, childs.reference]).count() == 2
    assert AuditEvent.objects.filter(action="subject_destroy").count() == 2


def test_the_search_reads_every_column_a_model_keeps_words_in(db):
    """The search reads the catalogue, not a list: each text, JSON, binary or IP address column
    (PostgreSQL's inet: the sign-ins' and the ledger's, where IP was never looked for) of every
    model (third-party ones included) is among those it reads, so a table or column added
    later is searched without anyone naming it."""
    kinds = (models.CharField, models.TextField, models.JSONField, models.BinaryField,
             models.GenericIPAddressField)  # fmt: skip
    kept = {(model._meta.db_table, field.column) for model in apps.get_models()
            for field in model._meta.concrete_fields if isinstance(field, kinds)}  # fmt: skip
    assert kept - {(table, column) for table, column, _kind in columns()} == set()
