"""Campaign mail that comes back to the intake mailbox: a hard bounce (the address does not
exist) or a complaint (the recipient marked it as spam). Either stops campaign mail to that
person until they confirm an address again; a soft bounce, a bounce of another mail or a report
naming no mail of ours stops nothing. A complaint is also a withdrawal of marketing consent."""

import json
from email import message_from_bytes, policy

import pytest
from django.core import mail
from django.utils import timezone

from consent.core.delivery import send_queued
from consent.core.models import AuditEvent, LedgerEntry, Subject
from consent.core.purposes import MARKETING
from consent.marketing.campaigns import campaign_send, unsubscribe
from consent.marketing.models import Campaign, CampaignRecipient
from consent.marketing.optin import marketing_confirm
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage
from tests.marketing.test_campaigns import FakeRequest, confirmed, gate_text
from tests.marketing.test_marketer_desk import shown
from tests.rights.test_selfservice import ask_link, link_path


def campaign(title="November"):
    return Campaign.objects.create(
        title=title, subject_line_kk="Жаңалықтар", body_kk="Қараша жаңалықтары",
        subject_line_ru="Новости", body_ru="Новости ноября",
    )  # fmt: skip


def sent_to(address):
    """The campaign mail as it left (its headers as the mail server saw them)."""
    return mail.outbox[[m.to for m in mail.outbox].index([address])].message()


def report(original, *, status="5.1.1", action="failed", headers_only=False, global_=False):
    """A delivery report as Postfix writes it (RFC 3464), the original attached whole or its
    headers alone."""
    to = original["To"]
    kind = b"global-delivery-status" if global_ else b"delivery-status"
    if headers_only:
        head = original.as_bytes().split(b"\n\n", 1)[0]
        attached = b"Content-Type: text/rfc822-headers\n\n" + head
    else:
        attached = b"Content-Type: message/rfc822\n\n" + original.as_bytes()
    parts = [
        b"Content-Type: text/plain; charset=utf-8\n\nThis is the mail system at mx.example.kz.",
        b"Content-Type: message/" + kind + b"\n\nReporting-MTA: dns; mx.example.kz\n\n"
        b"Final-Recipient: rfc822; "
        + to.encode()
        + b"\nOriginal-Recipient: rfc822; "
        + to.encode()
        + b"\nAction: "
        + action.encode()
        + b"\nStatus: "
        + status.encode()
        + b"\nDiagnostic-Code: smtp; 550 5.1.1 user unknown",
        attached,
    ]
    body = b"".join(b"--R\n" + part + b"\n" for part in parts) + b"--R--\n"
    return (
        b"From: MAILER-DAEMON@mx.example.kz (Mail Delivery System)\n"
        b"To: noreply@emaluplus-vko.kz\nSubject: Undelivered Mail Returned to Sender\n"
        b"Message-ID: <bounce." + to.encode() + b"@mx.example.kz>\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="R"\n\n' + body
    )


def complaint(original):
    """A mail provider's feedback loop (RFC 5965): the recipient pressed «Спам»."""
    parts = [
        b"Content-Type: text/plain\n\nThis is an email abuse report.",
        b"Content-Type: message/feedback-report\n\nFeedback-Type: abuse\nVersion: 1\n"
        b"User-Agent: mail.ru FBL\n",
        b"Content-Type: message/rfc822\n\n" + original.as_bytes(),
    ]
    body = b"".join(b"--F\n" + part + b"\n" for part in parts) + b"--F--\n"
    return (
        b"From: fbl@corp.mail.ru\nTo: noreply@emaluplus-vko.kz\nSubject: FBL report\n"
        b"Message-ID: <fbl.1@corp.mail.ru>\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/report; report-type=feedback-report; boundary="F"\n\n' + body
    )


@pytest.fixture
def november(texts):
    """Two subscribers; the November campaign delivered to both."""
    confirmed("asel@example.kz")
    confirmed("dana@example.kz", "ru")
    assert campaign_send(campaign()) == 2
    send_queued()
    return sent_to("asel@example.kz")


def december():
    mail.outbox.clear()
    campaign_send(campaign("December"))
    send_queued()
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.parametrize(
    "kind", ["attached whole", "headers only", "international report", "complaint"]
)
def test_a_hard_bounce_or_a_complaint_stops_the_next_campaign(november, kind):
    """The November mail to Asel's address came back: «user unknown». December went to her
    address all the same, and every campaign after it: a mail server sees a sender that keeps
    writing to addresses that do not exist as a spammer. A complaint is the same: she said,
    by her mail program's «Спам» button, that she wants none of it."""
    bounce = {
        "attached whole": lambda: report(november),
        "headers only": lambda: report(november, headers_only=True),
        "international report": lambda: report(november, global_=True),
        "complaint": lambda: complaint(november),
    }[kind]()
    entry = ingest(bounce)

    assert isinstance(entry, QuarantinedMessage)  # still set aside, unanswered
    assert december() == ["dana@example.kz"]
    row = CampaignRecipient.objects.get(subject__email="asel@example.kz")
    assert row.returned_as == ("complaint" if kind == "complaint" else "bounce")


@pytest.mark.parametrize(
    "status,action", [("4.2.2", "delayed"), ("5.2.2", "failed"), ("5.7.1", "failed"),
                      ("4.4.7", "failed")],
)  # fmt: skip
def test_a_bounce_that_says_nothing_against_the_address_stops_nothing(november, status, action):
    """A delay, a full mailbox, a refusal for the content's sake, a server given up on: the
    address is there, and the next campaign may reach it."""
    ingest(report(november, status=status, action=action))

    assert december() == ["asel@example.kz", "dana@example.kz"]


def test_a_report_of_no_campaign_mail_of_ours_stops_nothing(november):
    """A bounce of another mail (a forged one, or of a letter that was no campaign's) names no
    campaign mail: it cannot stop a subscriber's news."""
    forged = message_from_bytes(november.as_bytes(), policy=policy.default)
    forged.replace_header("Message-ID", "<guessed@emaluplus-vko.kz>")
    ingest(report(forged))

    assert december() == ["asel@example.kz", "dana@example.kz"]


def test_confirming_again_lifts_the_stop(november):
    """Asel's mailbox works again and she subscribes anew: the confirmation reached her."""
    ingest(report(november))
    assert december() == ["dana@example.kz"]
    payload = {"e": "asel@example.kz", "n": "", "l": "kk", "t": gate_text().pk,
               "ts": timezone.now().timestamp()}  # fmt: skip
    marketing_confirm(payload, FakeRequest())

    assert december() == ["asel@example.kz", "dana@example.kz"]


def test_the_campaign_page_counts_what_came_back(november, marketer_client):
    """Dan reads, on November's page, that one mail came back from an address that does not
    exist and one was marked as spam; both still count as delivered to the mail server, and
    the same report twice counts once."""
    ingest(report(november))
    dana = sent_to("dana@example.kz")
    ingest(complaint(dana))
    ingest(complaint(dana).replace(b"<fbl.1@", b"<fbl.2@"))  # the provider reports it again

    counts = shown(marketer_client, Campaign.objects.get(title="November"))

    assert counts["пошта серверіне тапсырылды"] == 2
    assert counts["қайтып келді: мекенжай жоқ немесе хат қабылдамайды"] == 1
    assert counts["қайтып келді: алушы спам деп белгіледі"] == 1


def test_the_access_export_says_the_mail_came_back(november):
    from consent.rights.export import export_json

    ingest(report(november))
    entry = json.loads(export_json(Subject.objects.get(email="asel@example.kz"), "ru"))

    assert entry["campaigns"][0]["returned_as"] == "адреса нет или он не принимает почту"
    assert entry["campaigns"][0]["returned_at"] is not None


def test_a_report_in_raw_utf8_is_read_too(november):
    """Some servers write the report's text and the original's headers in raw UTF-8 (RFC 6532,
    RFC 6533): it is read as any other."""
    bounce = report(november, global_=True).replace(
        b"Diagnostic-Code: smtp; 550 5.1.1 user unknown",
        "Diagnostic-Code: smtp; 550 5.1.1 пользователь не найден".encode(),
    )
    ingest(bounce)

    assert december() == ["dana@example.kz"]


def test_a_complaint_withdraws_the_consent_on_the_ledger_once(november):
    """Asel pressed «Спам»: the record of her consent says she withdrew it, from that report,
    once however often the provider reports it and whatever comes back after it; Dana's
    consent, whose mail came back as a bounce, still stands (a dead mailbox says nothing of
    what she wants)."""
    ingest(complaint(november))
    ingest(complaint(november).replace(b"<fbl.1@", b"<fbl.2@"))  # the provider reports it again
    ingest(report(november))
    ingest(report(sent_to("dana@example.kz")))

    rows = LedgerEntry.objects.filter(purpose=MARKETING, kind="withdraw")
    assert list(rows.values_list("subject__email", "source")) == [("asel@example.kz", "complaint")]
    assert AuditEvent.objects.filter(action="consent_withdraw").count() == 1


def test_a_complaint_after_an_unsubscribe_writes_nothing_more(november):
    asel = Subject.objects.get(email="asel@example.kz")
    unsubscribe(asel.pk)
    ingest(complaint(november))

    rows = LedgerEntry.objects.filter(subject=asel, kind="withdraw")
    assert list(rows.values_list("source", flat=True)) == ["unsubscribe"]


@pytest.mark.parametrize("lang,said", [
    ("kk", "келісім кері қайтарып алынды: сіз хатымызды спам деп белгіледіңіз"),
    ("ru", "согласие отозвано: вы отметили наше письмо как спам"),
])  # fmt: skip
def test_her_page_and_the_desk_say_why_the_news_stopped(november, client, officer_client, lang,
                                                        said):  # fmt: skip
    """Asel opens her page: the news is withdrawn, and by her «Спам» press, not a silence she
    cannot explain; she can give it again there. The officer reads the same on her record."""
    ingest(complaint(november))
    ask_link(client, lang)
    page = client.get(client.post(link_path())["Location"]).content.decode()

    assert said in page
    asel = Subject.objects.get(email="asel@example.kz")
    desk = officer_client.get(f"/admin/consent/subject/{asel.pk}/change/").content.decode()
    assert "шағым: хатымыз спам деп белгіленді" in desk


def test_complaints_recorded_before_are_withdrawn_on_the_ledger_by_the_migration(november):
    """Complaints that came before a complaint withdrew consent: Asel's consent is withdrawn
    once (the migration run twice), Dana's, given again by a new double opt-in since her
    complaint, is her later word and stands."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("consent.marketing.migrations.0010_complaints_withdrawn")
    CampaignRecipient.objects.update(returned_at=timezone.now(), returned_as="complaint")
    dana = Subject.objects.get(email="dana@example.kz")
    again = {"e": dana.email, "n": "", "l": "ru", "t": gate_text().pk,
             "ts": timezone.now().timestamp()}  # fmt: skip
    marketing_confirm(again, FakeRequest())

    migration.withdraw(apps, None)
    migration.withdraw(apps, None)

    rows = LedgerEntry.objects.filter(purpose=MARKETING, kind="withdraw")
    assert list(rows.values_list("subject__email", "source")) == [("asel@example.kz", "complaint")]
    assert AuditEvent.objects.filter(action="consent_withdraw").count() == 1
