"""Compliance L24: every mail the site sends is wholly in its recipient's language — subject line,
text and HTML, every label filled in (request types, purposes, reasons, dates) — whatever
language the staff member or process that causes it works in.

Each template pair under templates/email/ is reached through the operation that sends it, with
the other language active (an officer working in Russian answers a Kazakh speaker; the intake,
a command in Kazakh, answers a Russian mail). A template added without a scenario here fails
`test_every_mail_template_is_tried`."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core import mail as django_mail
from django.test import Client
from django.test.signals import template_rendered
from django.utils import timezone, translation
from post_office.models import Email

from consent.core.audit import audit
from consent.core.ledger import consent_grant, consent_withdraw
from consent.core.models import AuditEvent, Source
from consent.core.purposes import CROSS_BORDER, MARKETING, PURPOSES, SERVICE
from consent.core.submissions import submission_record
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from consent.marketing.optin import optin_start
from consent.rights.alerts import digest, maybe_alert
from consent.rights.breaches import breach_record
from consent.rights.intake import ingest
from consent.rights.models import Breach, IntakePhrase, Ticket
from consent.rights.selfservice import link_send
from consent.rights.tickets import ticket_open, ticket_verify
from tests.rights.conftest import BAD_MESSAGES, message
from tests.site.language import OTHER, assert_in_language, wrong_language
from tests.staff import signed_in

TEMPLATES = Path(settings.BASE_DIR) / "templates" / "email"
LAYOUTS = {"base"}  # extended by every mail, never sent on its own
PERSON = "person@example.kz"
STRANGER = "stranger@example.kz"
Type = Ticket.Type

# What the person typed in their own language (a staff answer, a refusal's reasons, a campaign).
WRITTEN = {
    "kk": {"answer": "Біз дербес деректерді жарияламаймыз.", "title": "Жаңалықтар",
           "body": "Қараша айының жаңалықтары мен ұсыныстары."},
    "ru": {"answer": "Мы не публикуем персональные данные.", "title": "Новости",
           "body": "Новости и предложения ноября."},
}  # fmt: skip


class FakeRequest:
    META = {"REMOTE_ADDR": "127.0.0.1", "HTTP_USER_AGENT": "test"}


def staff_member(name, language, *, email=True, superuser=False):
    """A privacy officer who signs in to the admin in `language` (their browser's)."""
    user = User.objects.create_user(
        name, f"{name}@example.kz" if email else "", f"pw-{name}-123456", is_staff=True,
        is_superuser=superuser,
    )  # fmt: skip
    user.groups.add(Group.objects.get(name="privacy_officer"))
    return signed_in(Client(headers={"accept-language": language}), user, f"pw-{name}-123456")


@pytest.fixture
def world(request, texts, make_subject, settings, time_machine):
    """A consenting person who speaks `lang`; Alice, the officer who receives the notices, working
    in `lang` too; Boris, an officer without a mailbox, who works in the other language."""
    lang = request.param
    settings.STAFF_NOTIFY_EMAIL = "alice@example.kz"
    settings.OPERATOR = {**settings.OPERATOR, "responsible_contact": "alice@example.kz"}
    person = make_subject(email=PERSON, language=lang)
    for purpose in (SERVICE, MARKETING):
        consent_grant(person, texts[purpose], language=lang, source=Source.CONTACT_FORM)
    staff_member("alice", lang)
    boris = staff_member("boris", OTHER[lang], email=False)
    return {"lang": lang, "person": person, "boris": boris, "time_machine": time_machine}


def opened(kind, lang, email=PERSON, **fields):
    ticket = ticket_open(kind=kind, email=email, language=lang, channel="web", **fields)
    ticket_verify(ticket)
    return Ticket.objects.get(pk=ticket.pk)


def desk(client, ticket, action="do", **data):
    response = client.post(f"/admin/rights/ticket/{ticket.pk}/act/",
                           {"desk_action": action, **data}, follow=True)  # fmt: skip
    assert response.status_code == 200
    ticket.refresh_from_db()
    assert not ticket.is_open, response.content.decode()[-3000:]


# --- one scenario per template: run with the other language active ---------------------------


def form_sent(w):
    submission_record(source=Source.CONTACT_FORM, language=w["lang"],
                      data={"full_name": "Әсел", "email": PERSON, "message": "…"},
                      consents={SERVICE: True, MARKETING: True}, request=FakeRequest())  # fmt: skip


def form_sent_after_a_withdrawal(w):
    """The acknowledgement that asks the owner of the address to confirm a consent they had
    withdrawn (consent.core.held): its link and its words in their language."""
    for purpose in (SERVICE, CROSS_BORDER):
        consent_withdraw(w["person"], purpose, source=Source.SELF_SERVICE)
    submission_record(source=Source.CONTACT_FORM, language=w["lang"],
                      data={"full_name": "Әсел", "email": PERSON, "message": "…"},
                      consents={SERVICE: True, CROSS_BORDER: True},
                      request=FakeRequest())  # fmt: skip


def marketing_asked(w):
    optin_start(STRANGER, "", w["lang"])


def campaign_sent(w):
    lang = w["lang"]
    campaign = Campaign.objects.create(
        title="x", subject_line_kk=WRITTEN["kk"]["title"], body_kk=WRITTEN["kk"]["body"],
        subject_line_ru=WRITTEN["ru"]["title"], body_ru=WRITTEN["ru"]["body"],
    )  # fmt: skip
    assert campaign_send(campaign) == 1
    assert WRITTEN[lang]["body"] in Email.objects.get(to=[PERSON]).message


def requests_opened(w):
    """Every type of request from an address on record (the confirmation link) and from one the
    site does not hold, by the web form; and one by email, taken in by the intake."""
    for kind in Type.values:
        ticket_open(kind=kind, email=PERSON, language=w["lang"], channel="web", purpose=SERVICE)
        ticket_open(kind=kind, email=STRANGER, language=w["lang"], channel="web")
    phrase = IntakePhrase.objects.canonical(Type.CORRECT, w["lang"])
    ingest(message(phrase, sender=PERSON, message_id=f"<correct-{w['lang']}@example.kz>"))


def replied(w):
    """The person answers the confirmation mail of a request still waiting (the answer holds its
    link again) and of one confirmed (no link): each reply is filed with its request."""
    lang = w["lang"]
    waiting = ticket_open(kind=Type.DESTROY, email=PERSON, language=lang, channel="web")
    confirmed = opened(Type.ACCESS, lang)
    written = {"kk": "Иә, растаймын", "ru": "Да, подтверждаю"}[lang]
    for ticket in (waiting, confirmed):
        reply = ingest(message(f"Re: {ticket.reference}", sender=PERSON, body=written,
                               message_id=f"<reply-{ticket.pk}@example.kz>"))  # fmt: skip
        assert reply.regarding == ticket and not reply.is_open


def repeated(w):
    """The same request mailed twice: the second joins the first, and the person is told."""
    phrase = IntakePhrase.objects.canonical(Type.CORRECT, w["lang"])
    first, again = (ingest(message(phrase, sender=PERSON, message_id=f"<again-{n}@example.kz>"))
                    for n in (1, 2))  # fmt: skip
    assert again.regarding == first and not again.is_open


def withdrawn_by_email(w):
    phrase = IntakePhrase.objects.canonical(Type.WITHDRAW, w["lang"])
    ingest(message(phrase, sender=PERSON, message_id=f"<withdraw-{w['lang']}@example.kz>"))


def unsubscribed_by_email(w):
    phrase = IntakePhrase.objects.canonical(Type.UNSUBSCRIBE, w["lang"])
    ingest(message(phrase, sender=PERSON, message_id=f"<unsub-{w['lang']}@example.kz>"))


def files_by_email(w):
    """Requests mailed with files attached, none of them kept: every answer says so."""
    lang = w["lang"]
    tickets = [
        ingest(attach(message(IntakePhrase.objects.canonical(kind, lang), sender=sender,
                              message_id=f"<files-{n}-{lang}@example.kz>"), 2))
        for n, (kind, sender) in enumerate([(Type.CORRECT, PERSON), (Type.CORRECT, STRANGER),
                                            (Type.WITHDRAW, PERSON), (Type.UNSUBSCRIBE, PERSON)])
    ]  # fmt: skip
    written = {"kk": "Құжат хатқа тіркелді", "ru": "Документ во вложении"}[lang]
    reply = ingest(attach(message(f"Re: {tickets[0].reference}", sender=PERSON, body=written,
                                  message_id=f"<files-reply-{lang}@example.kz>"), 1))  # fmt: skip
    assert reply.regarding == tickets[0] and not reply.is_open


def attach(raw, count):
    from email import message_from_bytes, policy

    msg = message_from_bytes(raw, policy=policy.default)
    for n in range(count):
        msg.add_attachment(b"%PDF", maintype="application", subtype="pdf", filename=f"{n}.pdf")
    return msg.as_bytes()


def requests_carried_out(w):
    """Boris, in the other language, carries out every type of request on the desk."""
    lang, boris = w["lang"], w["boris"]
    desk(boris, opened(Type.CORRECT, lang), document="ID 1", full_name="Әсел Н.")
    desk(boris, opened(Type.ACCESS, lang))
    desk(boris, opened(Type.BLOCK, lang), reason=WRITTEN[lang]["answer"])
    desk(boris, opened(Type.UNBLOCK, lang), reason=WRITTEN[lang]["answer"])
    for kind in (Type.PUBLICATION_REMOVAL, Type.TRANSFER_NOTICE, Type.AUTOMATED_OBJECTION,
                 Type.OTHER):  # fmt: skip
        desk(boris, opened(kind, lang), reason=WRITTEN[lang]["answer"])
    for purpose in PURPOSES:  # consent for another purpose stands: the data stays for it
        if purpose != SERVICE:
            desk(boris, opened(Type.WITHDRAW, lang, purpose=purpose))


def data_destroyed(w):
    """The confirmation is sent at once and kept nowhere (not in the outbox)."""
    desk(w["boris"], opened(Type.DESTROY, w["lang"]))


def requests_refused(w):
    for kind in Type.values:
        if kind != Type.UNSUBSCRIBE:  # carried out on confirmation, nothing left to refuse
            ticket = opened(kind, w["lang"], purpose=SERVICE)
            desk(w["boris"], ticket, "refuse", reason=WRITTEN[w["lang"]]["answer"])


def self_service_asked(w):
    link_send(PERSON, w["lang"])
    link_send(STRANGER, w["lang"])


def security_alerts(w):
    for _ in range(settings.ALERT_FAILED_LOGINS):
        audit(AuditEvent.Action.LOGIN_FAILED)
    assert maybe_alert(AuditEvent.Action.LOGIN_FAILED)
    officer = User.objects.get(username="boris")
    for _ in range(settings.ALERT_BULK_EXPORTS):
        audit(AuditEvent.Action.SUBJECT_EXPORT, actor=officer)
    assert maybe_alert(AuditEvent.Action.SUBJECT_EXPORT, officer)


def digest_sent(w):
    time_machine = w["time_machine"]
    time_machine.move_to("2026-12-01 10:00+05:00", tick=False)
    for kind in (Type.BLOCK, Type.ACCESS, Type.WITHDRAW):
        opened(kind, w["lang"], purpose=SERVICE)
    time_machine.move_to("2026-12-03 10:00+05:00", tick=False)  # overdue, due today, tomorrow
    detected = timezone.now() - timedelta(days=1)
    breach_record(Breach(detected_at=detected, description="x"))  # due today, not yet reported
    assert digest(timezone.localdate()) == 1


def panel(client, ticket, action, **data):
    response = client.post(f"/admin/rights/ticket/{ticket.pk}/act/",
                           {"desk_action": action, **data}, follow=True)  # fmt: skip
    assert response.status_code == 200


def unconfirmed_closed(w):
    """A request from an address the site holds nothing for, closed at once as "no data held"."""
    ticket = ticket_open(kind=Type.ACCESS, email=STRANGER, language=w["lang"], channel="web")
    panel(w["boris"], ticket, "close")
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.NO_DATA


def retyped(w):
    ticket = opened(Type.OTHER, w["lang"])
    panel(w["boris"], ticket, "retype", new_type=Type.CORRECT)
    assert Ticket.objects.get(pk=ticket.pk).type == Type.CORRECT


def destroyed_instead(w):
    ticket = opened(Type.CORRECT, w["lang"])
    panel(w["boris"], ticket, "destroy_instead", reason=WRITTEN[w["lang"]]["answer"])


def answer_unsent(w):
    """An access answer still in the outbox when a correction is carried out: the officers are
    told its request is open again."""
    desk(w["boris"], opened(Type.ACCESS, w["lang"]))
    desk(w["boris"], opened(Type.CORRECT, w["lang"]), document="ID 1", full_name="Әсел Н.")


def emails_set_aside(w):
    for raw, _reason in BAD_MESSAGES.values():
        ingest(raw)


SCENARIOS = {
    "ack": form_sent,
    "staff_notice": form_sent,
    "confirm_marketing": marketing_asked,
    "campaign": campaign_sent,
    "request_verify": requests_opened,
    "request_unknown": requests_opened,
    "staff_new_request": requests_opened,
    "request_unsubscribed": unsubscribed_by_email,
    "request_done": requests_carried_out,
    "request_refused": requests_refused,
    "self_service_link": self_service_asked,
    "self_service_unknown": self_service_asked,
    "staff_alert": security_alerts,
    "staff_digest": digest_sent,
    "staff_quarantined": emails_set_aside,
    "staff_reopened": answer_unsent,
    "request_closed": unconfirmed_closed,
    "request_retyped": retyped,
    "request_destroyed_instead": destroyed_instead,
    "request_withdrawn": withdrawn_by_email,
    "request_reply": replied,
    "request_repeated": repeated,
}
# Templates some scenario above also reaches through a second route worth its own check.
SECOND_ROUTES = {
    "ack (a withdrawn consent to confirm)": ("ack", form_sent_after_a_withdrawal),
    "request_done (destroyed, sent without trace)": ("request_done", data_destroyed),
    **{f"{template} (files not kept)": (template, files_by_email)
       for template in ("request_verify", "request_unknown", "request_withdrawn",
                        "request_unsubscribed", "request_reply")},
}  # fmt: skip


def test_every_mail_template_is_tried():
    pairs = {p.stem for p in TEMPLATES.glob("*.txt")}
    assert pairs == {p.stem for p in TEMPLATES.glob("*.html")}, "a template without its pair"
    assert pairs - LAYOUTS == set(SCENARIOS), "each mail template needs a scenario here"


def run(scenario, w, request):
    """Run `scenario` with the other language active; the templates it rendered and every mail
    it sent, queued or sent at once."""
    rendered = []

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(record)
    before = set(Email.objects.values_list("id", flat=True))
    django_mail.outbox.clear()
    try:
        commits = request.getfixturevalue("django_capture_on_commit_callbacks")
        with translation.override(OTHER[w["lang"]]), commits(execute=True):
            scenario(w)
    finally:
        template_rendered.disconnect(record)
    queued = Email.objects.exclude(id__in=before).order_by("id")
    sent = [(m.to, m.subject, m.message, m.html_message) for m in queued]
    for message_ in django_mail.outbox:
        [(html, _)] = message_.alternatives
        sent.append((message_.to, message_.subject, message_.body, html))
    return rendered, sent


def check(template, scenario, w, request):
    rendered, sent = run(scenario, w, request)
    assert f"email/{template}.txt" in rendered and f"email/{template}.html" in rendered
    assert sent
    for to, subject, text, html in sent:
        assert_in_language(subject, text, html, w["lang"], f"{template} → {to}")


@pytest.mark.parametrize("world", ["kk", "ru"], indirect=True)
@pytest.mark.parametrize("template", sorted(SCENARIOS))
def test_every_mail_is_in_its_recipients_language(template, world, request):
    check(template, SCENARIOS[template], world, request)


@pytest.mark.parametrize("world", ["kk", "ru"], indirect=True)
@pytest.mark.parametrize("route", sorted(SECOND_ROUTES))
def test_second_routes_too(route, world, request):
    template, scenario = SECOND_ROUTES[route]
    check(template, scenario, world, request)


def test_a_campaign_without_russian_text_reaches_russian_readers_wholly_in_kazakh(
    texts, make_subject
):
    """Kazakh when no Russian was written (the campaign's own rule): the whole mail then, not a
    Kazakh text inside a Russian frame."""
    person = make_subject(email=PERSON, language="ru")
    consent_grant(person, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    campaign = Campaign.objects.create(title="x", subject_line_kk=WRITTEN["kk"]["title"],
                                       body_kk=WRITTEN["kk"]["body"])  # fmt: skip
    with translation.override("ru"):
        campaign_send(campaign)
    mail = Email.objects.get(to=[PERSON])
    assert_in_language(mail.subject, mail.message, mail.html_message, "kk", "campaign")


def test_the_checks_see_a_wrong_word():
    """The detector itself: a Kazakh label in a Russian mail, a Russian one in a Kazakh mail,
    English from an untranslated string, a Russian month in a Kazakh date."""
    with translation.override("kk"):
        kazakh_type = str(Type.CORRECT.label)
    with translation.override("ru"):
        russian_type = str(Type.CORRECT.label)
    assert wrong_language(f"Ваш запрос R-6 ({kazakh_type}) выполнен.", "ru")
    assert wrong_language(f"R-2 өтінішіңізді ({russian_type}) орындай алмаймыз.", "kk")
    assert wrong_language("Сіздің R-2 өтінішіңіз 3 декабря орындалды.", "kk")
    assert wrong_language("Сіздің өтінішіңіз: Your request has been carried out.", "kk")
    assert not wrong_language("Сіздің R-2 өтінішіңіз (JSON, PDF) https://x.kz/a орындалды.", "kk")
    assert not wrong_language("Ваш запрос R-2 выполнен, пишите на em.alu.plus@mail.kz.", "ru")
