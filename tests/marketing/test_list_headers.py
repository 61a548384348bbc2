"""The campaign mail's List-Unsubscribe as it reaches a mail server: RFC 2369 and RFC 8058 want
the URLs in angle brackets, as written. The link with its token is longer than a header line's
78 characters, and Python's email package, to fold it, wrote the whole field as RFC 2047 encoded
words («=?utf-8?q?=3Chttps=3A//…?=»), which no mail client reads as a URL: no unsubscribe
button, no one-click POST, at Gmail or Mail.ru."""

import re
from urllib.parse import urlsplit

from django.test import Client
from post_office.models import Email

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_refused_at_sending import send_through


class Wire:
    """An SMTP server on loopback that keeps the bytes of each message as received."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope.content)
        return "250 OK"


def over_the_wire(settings):
    """The bytes the mail server gets, through the outbox's sender and Django's SMTP backend."""
    wire = Wire()
    assert send_through(settings, wire) == (1, 0)
    (raw,) = wire.received
    return raw


def field(raw, name):
    """A header field's value as written, its folded lines unfolded (RFC 5322 2.2.3)."""
    head = re.sub(r"\r\n(?=[ \t])", "", raw.split(b"\r\n\r\n", 1)[0].decode("ascii"))
    (value,) = [line.split(":", 1)[1].strip() for line in head.split("\r\n")
                if line.casefold().startswith(f"{name.casefold()}:")]  # fmt: skip
    return value


def test_list_unsubscribe_reaches_the_mail_server_as_urls(texts, settings):
    subject = confirmed("reader@example.kz", "ru")
    campaign = Campaign.objects.create(
        title="November", subject_line_kk="Жаңалықтар", body_kk="Мәтін",
        subject_line_ru="Новости", body_ru="Текст",
    )  # fmt: skip
    campaign_send(campaign)
    raw = over_the_wire(settings)

    value = field(raw, "List-Unsubscribe")
    assert "=?" not in value
    urls = re.findall(r"<([^<>]+)>", value)
    assert [urlsplit(u).scheme for u in urls] == ["https", "mailto"]
    assert field(raw, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))

    # What a mail client does with it (RFC 8058): a POST of the one field, no cookies.
    response = Client().post(urlsplit(urls[0]).path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not gate.may_process(subject, MARKETING)


def test_a_campaign_mail_says_no_person_wrote_it(texts, settings, officer_client):
    """Every mail the site sends says Auto-Submitted (RFC 3834), so that a vacation reply does
    not answer it; the campaign mails, written outside the site's one mail function, did not:
    a campaign to thousands drew an out-of-office reply from each reader away, every one set
    aside by the intake. The copy a marketer sends to themselves is the mail as sent."""
    confirmed("reader@example.kz")
    campaign = Campaign.objects.create(title="N", subject_line_kk="Жаңалықтар", body_kk="Мәтін")
    campaign_send(campaign)
    raw = over_the_wire(settings)

    assert field(raw, "Auto-Submitted") == "auto-generated"
    assert field(raw, "Precedence") == "bulk"  # what older vacation programs look for
    data = {"action": "send_test", "_selected_action": [campaign.pk]}
    officer_client.post("/admin/marketing/campaign/", data)
    copies = Email.objects.filter(subject__regex=r"^\[(Сынақ|Тест)\] ")
    assert copies.count() == 2
    assert all(copy.headers["Auto-Submitted"] == "auto-generated" for copy in copies)


def test_gmails_feedback_loop_can_tie_a_complaint_to_its_campaign(texts, settings, officer_client):
    """Gmail sends no report of a single «Спам» press: its feedback loop counts them per
    Feedback-ID («a:b:c:SenderId») in Postmaster Tools. Campaign mails carried none, and a rise in
    complaints could not be told apart from the site's other mail, nor tied to a campaign. Each
    now names its campaign, the kind of mail and the sender, and nothing of its reader; the
    marketer's test copy is counted apart."""
    reader = confirmed("reader@gmail.com", "ru")
    campaign = Campaign.objects.create(title="N", subject_line_kk="Жаңалықтар", body_kk="Мәтін")
    campaign_send(campaign)
    raw = over_the_wire(settings)

    value = field(raw, "Feedback-ID")
    assert value == f"c{campaign.pk}:news:{settings.FEEDBACK_SENDER_ID}"
    assert len(value.split(":")) <= 4 and 5 <= len(value.split(":")[-1]) <= 15
    assert str(reader.pk) not in value.split(":")[1:] and "reader" not in value
    data = {"action": "send_test", "_selected_action": [campaign.pk]}
    officer_client.post("/admin/marketing/campaign/", data)
    copy = Email.objects.filter(subject__regex=r"^\[(Сынақ|Тест)\] ").first()
    assert copy.headers["Feedback-ID"] == f"c{campaign.pk}:test:{settings.FEEDBACK_SENDER_ID}"
    assert "List-Unsubscribe" not in copy.headers  # a copy to staff is on no list
