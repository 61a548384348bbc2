"""Whatever stops a person's campaigns stops the campaign mail of theirs already in the outbox,
by the one rule of who may get a campaign (campaigns.py::recipients), asked as each mail goes
(compliance L15). December was queued to Asel and Dana; before the sender reached Asel's mail,
November's mail to her came back as «user unknown»: December went to the dead address all the
same (the sender asked the gate alone, which a bounce does not close), and a mail server takes
a sender that keeps writing to addresses that do not exist for a spammer."""

import pytest
from django.core import mail
from django.test import Client
from post_office.models import Email

from consent.core.delivery import send_queued
from consent.core.ledger import consent_withdraw, subject_block
from consent.core.models import Source, Subject
from consent.core.purposes import MARKETING
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign, CampaignRecipient
from consent.rights.erasure import subject_destroy
from consent.rights.intake import ingest
from tests.marketing.test_campaigns import unsubscribe_path
from tests.marketing.test_refused_at_sending import Refusing, send_through
from tests.marketing.test_returned_mail import campaign, complaint, report

november = __import__("tests.marketing.test_returned_mail", fromlist=["november"]).november


def asel():
    return Subject.objects.get(email="asel@example.kz")


def one_click(original):
    december = Campaign.objects.get(title="December")
    Client().post(unsubscribe_path(asel(), december, "kk"), {"List-Unsubscribe": "One-Click"})


STOPS = {
    "hard bounce report": lambda original: ingest(report(original)),
    "hard bounce, headers only": lambda original: ingest(report(original, headers_only=True)),
    "complaint": lambda original: ingest(complaint(original)),
    "one-click unsubscribe": one_click,
    "withdrawn on her page": lambda original: consent_withdraw(
        asel(), MARKETING, source=Source.SELF_SERVICE
    ),
    "blocked": lambda original: subject_block(asel(), reason="R-1", source=Source.ADMIN),
}
# Her address corrected stops nothing: the mail goes to the new one
# (tests/rights/test_address_changed.py).


@pytest.mark.parametrize("stop", STOPS)
def test_what_stops_her_news_stops_the_mail_already_queued(november, stop):
    mail.outbox.clear()
    assert campaign_send(campaign("December")) == 2
    row = CampaignRecipient.objects.get(campaign__title="December", subject=asel())

    STOPS[stop](november)
    mail.outbox.clear()  # an unsubscribe's or a block's own answer is not what this is about
    send_queued()

    assert [m.to for m in mail.outbox if m.subject in ("Жаңалықтар", "Новости")] == [
        ["dana@example.kz"]
    ]
    row.refresh_from_db()
    assert row.withheld_at is not None  # her record and the campaign's say it was not sent
    assert not Email.objects.filter(message_id=row.outbox_message_id).exists()


def test_a_destroyed_persons_queued_mail_goes_nowhere(november):
    mail.outbox.clear()
    campaign_send(campaign("December"))
    subject_destroy(asel(), request_ref="R-2")

    send_queued()

    assert [m.to for m in mail.outbox] == [["dana@example.kz"]]


def test_an_address_refused_for_good_is_not_tried_again_in_the_same_run(texts, settings):
    """Two campaigns wait in the outbox; the mail server refuses the first one's address for
    good («550 5.1.1 User unknown»): the second is not offered to it a moment later."""
    from tests.marketing.test_campaigns import confirmed

    confirmed("gone@example.kz")
    confirmed("here@example.kz")
    campaign_send(Campaign.objects.create(title="N", subject_line_kk="Қараша", body_kk="Мәтін"))
    campaign_send(Campaign.objects.create(title="D", subject_line_kk="Желтоқсан", body_kk="Мәтін"))
    server = Refusing("gone@example.kz", "550 5.1.1 <gone@example.kz>: User unknown")
    server.tried = 0
    handle_rcpt = server.handle_RCPT

    async def counting(srv, session, envelope, address, options):
        server.tried += address == "gone@example.kz"
        return await handle_rcpt(srv, session, envelope, address, options)

    server.handle_RCPT = counting
    send_through(settings, server)

    assert server.tried == 1
    assert server.received == ["here@example.kz", "here@example.kz"]
    rows = CampaignRecipient.objects.filter(subject__email="gone@example.kz").order_by("pk")
    assert [(r.returned_as, r.withheld_at is not None) for r in rows] == [
        ("bounce", False),
        ("", True),
    ]
