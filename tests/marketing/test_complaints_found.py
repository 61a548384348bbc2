"""A complaint (RFC 5965: the recipient pressed «Спам») is found wherever a real provider puts
the report: the message itself, its report part nested one multipart deeper, the original as
its header alone (Mail.ru's and Yahoo's redacted copies), the whole report forwarded as an
attachment by a mailbox's forwarding or by an abuse desk. Wherever it is, it withdraws the
marketing consent only when the original it carries is a campaign mail the site sent, by that
original's own header fields."""

from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from consent.core.models import LedgerEntry, Subject
from consent.core.purposes import MARKETING
from consent.marketing.models import CampaignRecipient
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket
from tests.marketing import test_returned_mail
from tests.marketing.test_returned_mail import complaint, december, report

november = test_returned_mail.november  # the fixture: two subscribers, November sent to both

FEEDBACK = (
    b"Content-Type: message/feedback-report\n\nFeedback-Type: abuse\nVersion: 1\n"
    b"User-Agent: Mail.Ru FBL\nOriginal-Mail-From: <noreply@emaluplus-vko.kz>\n"
)


def multipart(boundary, parts, content_type=b"multipart/mixed", head=b""):
    body = b"".join(b"--" + boundary + b"\n" + part + b"\n" for part in parts)
    return (head + b"MIME-Version: 1.0\nContent-Type: " + content_type + b'; boundary="'
            + boundary + b'"\n\n' + body + b"--" + boundary + b"--\n")  # fmt: skip


def forwarded(report_bytes, sender=b"fbl@corp.mail.ru", text=b"Forwarded report."):
    """The whole report attached (message/rfc822) to a message of its own, as a mailbox's
    forwarding rule or an abuse desk sends it on."""
    head = (b"From: " + sender + b"\nTo: noreply@emaluplus-vko.kz\nSubject: Fwd: FBL report\n"
            b"Message-ID: <fwd.1@corp.mail.ru>\n")  # fmt: skip
    parts = [b"Content-Type: text/plain; charset=utf-8\n\n" + text,
             b"Content-Type: message/rfc822\n\n" + report_bytes]  # fmt: skip
    return multipart(b"W", parts, head=head)


def nested(original):
    """A report whose feedback part sits in a multipart of its own inside the report."""
    inner = multipart(b"N", [b"Content-Type: text/plain\n\nAbuse report.", FEEDBACK])
    parts = [inner, b"Content-Type: message/rfc822\n\n" + original.as_bytes()]
    head = (b"From: fbl@corp.mail.ru\nTo: noreply@emaluplus-vko.kz\nSubject: FBL\n"
            b"Message-ID: <fbl.n@corp.mail.ru>\n")  # fmt: skip
    return multipart(b"O", parts, b"multipart/report; report-type=feedback-report", head)


def headers_only(original):
    """Mail.ru's and Yahoo's form: the original's header alone (text/rfc822-headers)."""
    head = original.as_bytes().split(b"\n\n", 1)[0]
    parts = [b"Content-Type: text/plain\n\nAbuse report.", FEEDBACK,
             b"Content-Type: text/rfc822-headers\n\n" + head]  # fmt: skip
    top = (b"From: fbl@corp.mail.ru\nTo: noreply@emaluplus-vko.kz\nSubject: FBL\n"
           b"Message-ID: <fbl.h@corp.mail.ru>\n")  # fmt: skip
    return multipart(b"H", parts, b"multipart/report; report-type=feedback-report", top)


def withdrawn(address):
    rows = LedgerEntry.objects.filter(subject__email=address, purpose=MARKETING, kind="withdraw")
    return list(rows.values_list("source", flat=True))


WHERE = {
    "the report itself": lambda original: complaint(original),
    "its feedback part nested": nested,
    "the original's header alone": headers_only,
    "forwarded by a mailbox's rule": lambda original: forwarded(complaint(original)),
    "forwarded twice": lambda original: forwarded(forwarded(complaint(original))),
    "forwarded by an abuse desk's person": lambda original: forwarded(
        complaint(original), sender=b"Support <abuse@hosting.example.kz>",
        text="Здравствуйте! На ваше письмо пожаловался получатель, отчёт во вложении.".encode()),
}  # fmt: skip


@pytest.mark.parametrize("where", WHERE)
def test_a_complaint_counts_wherever_the_provider_puts_it(november, where):
    """Asel pressed «Спам» on November: however the report reaches the intake mailbox, her
    consent is withdrawn on the ledger, December goes to Dana alone, nobody's report becomes a
    request to answer (an answer to a feedback loop's address goes to a machine)."""
    entry = ingest(WHERE[where](november))

    assert withdrawn("asel@example.kz") == ["complaint"]
    assert CampaignRecipient.objects.get(subject__email="asel@example.kz").returned_as == (
        "complaint"
    )
    assert isinstance(entry, QuarantinedMessage)
    assert not Ticket.objects.exists()
    assert december() == ["dana@example.kz"]


def test_a_bounce_forwarded_by_our_own_mailbox_counts_too(november):
    """The sending mailbox forwards what comes back to it to the intake as an attachment: a
    «user unknown» inside it stops the news to that address as one sent straight would."""
    ingest(forwarded(report(november), sender=b"noreply@emaluplus-vko.kz"))

    assert december() == ["dana@example.kz"]
    assert withdrawn("asel@example.kz") == []  # a dead mailbox says nothing of what she wants


def not_ours(original, change):
    copy = message_from_bytes(original.as_bytes(), policy=policy.default)
    change(copy)
    return copy


NOT_OURS = {
    # A mail from someone else that carries our mail's Message-ID (a forgery, or a mail
    # client's copy of it sent on in another's name).
    "another sender": lambda m: m.replace_header("From", "Shop <news@shop.example.kz>"),
    "no Message-ID": lambda m: m.__delitem__("Message-ID"),
}


@pytest.mark.parametrize("what", NOT_OURS)
def test_a_complaint_about_a_mail_the_site_did_not_send_counts_for_nothing(november, what):
    original = not_ours(november, NOT_OURS[what])
    ingest(complaint(original))
    ingest(forwarded(complaint(original)))

    assert withdrawn("asel@example.kz") == []
    assert december() == ["asel@example.kz", "dana@example.kz"]


def test_a_report_quoting_our_message_id_in_a_body_counts_for_nothing(november):
    """A report whose original is someone else's mail with our mail's Message-ID written in
    its text: the header is what names a mail, not a line of text."""
    other = EmailMessage()
    other["From"], other["To"] = "news@shop.example.kz", "asel@example.kz"
    other["Subject"], other["Message-ID"] = "Sale", "<other.2@shop.example.kz>"
    other.set_content(f"Forwarded:\nFrom: noreply@emaluplus-vko.kz\n"
                      f"Message-ID: {november['Message-ID']}\n")  # fmt: skip
    ingest(complaint(other))

    assert withdrawn("asel@example.kz") == []
    assert Subject.objects.get(email="asel@example.kz").campaigns_received.get().returned_at is None


def test_a_complaint_about_a_forward_of_our_mail_is_not_the_forwarders(november):
    """Dana forwards her November mail to a friend as an attachment; the friend presses «Спам»
    on the forward. The report's original is Dana's mail, not ours: it was counted by our
    Message-ID inside the attachment, and withdrew Dana's consent for a press that was not
    hers."""
    dana = test_returned_mail.sent_to("dana@example.kz")
    forward = EmailMessage()
    forward["From"], forward["To"] = "dana@example.kz", "friend@example.kz"
    forward["Subject"], forward["Message-ID"] = "Fwd: Новости", "<fwd.dana@example.kz>"
    forward.set_content("Посмотри.")
    forward.add_attachment(dana)
    ingest(complaint(forward))

    assert withdrawn("dana@example.kz") == []
    assert december() == ["asel@example.kz", "dana@example.kz"]
