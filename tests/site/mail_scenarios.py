"""The mail-language scenarios (tests/site/test_mail_language.py): one operation per mail
template, run by the test with the other language active, and the people they act on."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone
from post_office.models import Email

from consent.core.audit import audit
from consent.core.ledger import consent_withdraw
from consent.core.models import AuditEvent, Source
from consent.core.purposes import CROSS_BORDER, MARKETING, PURPOSES, SERVICE
from consent.core.submissions import submission_record
from consent.marketing.campaigns import campaign_send, campaign_test_send
from consent.marketing.models import Campaign
from consent.marketing.optin import optin_start
from consent.rights.alerts import maybe_alert
from consent.rights.breaches import breach_record
from consent.rights.digest import digest
from consent.rights.intake import ingest
from consent.rights.models import Breach, IntakePhrase, Ticket
from consent.rights.selfservice import link_send
from consent.rights.tickets import ticket_open, ticket_verify
from tests.rights.conftest import BAD_MESSAGES, message
from tests.staff import signed_in

from .mail_scenarios_children import CHILDREN_ROUTES, CHILDREN_SCENARIOS, minors_left_for_review
from .mail_scenarios_deadlines import DEADLINE_SCENARIOS
from .mail_scenarios_passed_on import PASSED_ON

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


def campaign_test_sent(w):
    """The marketer's test copy (the admin's «send a test to my own address»), in one language."""
    lang = w["lang"]
    campaign = Campaign.objects.create(
        title="x", subject_line_kk=WRITTEN["kk"]["title"], body_kk=WRITTEN["kk"]["body"],
        subject_line_ru=WRITTEN["ru"]["title"], body_ru=WRITTEN["ru"]["body"],
    )  # fmt: skip
    campaign_test_send(campaign, "alice@example.kz", lang)


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
    """Every type of request confirmed by its link (its receipt, request_confirmed), then
    carried out on the desk by Boris, in the other language."""
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
    minors_left_for_review(w["lang"])
    time_machine.move_to("2026-12-02 15:00+05:00", tick=False)  # a destruction left untold
    lost = ticket_open(kind=Type.DESTROY, email=STRANGER, language=w["lang"], channel="web")
    audit(AuditEvent.Action.DESTRUCTION_UNTOLD, obj=lost)
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


def answer_held_back(w):
    """An access answer still in the outbox when the person's processing is blocked: the sender
    holds it back, and the officers are told it was never sent."""
    from consent.core.delivery import send_queued
    from consent.core.ledger import subject_block

    ticket = opened(Type.ACCESS, w["lang"])
    desk(w["boris"], ticket)
    subject_block(ticket.subject, reason="Art. 23", source=Source.ADMIN)
    send_queued()


def emails_set_aside(w):
    for raw, _reason in BAD_MESSAGES.values():
        ingest(raw)


def notices_held_back(w):
    """A form sent once the hour's notices to staff are all used up."""
    from consent.core.staff import NOTICE_RATE, notice_bounded

    for _ in range(int(NOTICE_RATE.split("/")[0])):
        notice_bounded("form-sent")
    form_sent(w)


def emails_set_aside_in_a_burst(w):
    """The first is told of at once (staff_quarantined), the others in one summary once the hour
    is over (staff_quarantined_many): one run for both, each reading every message set aside."""
    from django.utils import timezone

    from consent.rights.alerts import SET_ASIDE_WINDOW, tell_set_aside

    emails_set_aside(w)
    assert tell_set_aside(timezone.now() + SET_ASIDE_WINDOW) > 1


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
    "request_confirmed": requests_carried_out,
    "request_refused": requests_refused,
    "self_service_link": self_service_asked,
    "self_service_unknown": self_service_asked,
    "staff_alert": security_alerts,
    "staff_digest": digest_sent,
    "staff_quarantined": emails_set_aside_in_a_burst,
    "staff_quarantined_many": emails_set_aside_in_a_burst,
    "staff_notices_held": notices_held_back,
    "staff_reopened": answer_unsent,
    "staff_answer_held_back": answer_held_back,
    "request_closed": unconfirmed_closed,
    "request_retyped": retyped,
    "request_destroyed_instead": destroyed_instead,
    "request_withdrawn": withdrawn_by_email,
    "request_reply": replied,
    "request_repeated": repeated,
    **CHILDREN_SCENARIOS,
    **PASSED_ON,
    **DEADLINE_SCENARIOS,
}
# Templates some scenario above also reaches through a second route worth its own check.
SECOND_ROUTES = {
    "campaign (a test copy to staff)": ("campaign", campaign_test_sent),
    "ack (a withdrawn consent to confirm)": ("ack", form_sent_after_a_withdrawal),
    "request_done (destroyed, sent without trace)": ("request_done", data_destroyed),
    **CHILDREN_ROUTES,
    **{f"{template} (files not kept)": (template, files_by_email)
       for template in ("request_verify", "request_unknown", "request_withdrawn",
                        "request_unsubscribed", "request_reply")},
}  # fmt: skip
