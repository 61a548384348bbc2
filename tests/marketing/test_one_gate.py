"""Who may get a campaign has one home, the gate: a complaint (the recipient pressed «Спам»)
withdraws the marketing consent on the ledger, and the sender keeps no rule of its own for
complainers. Each history a complainer can have leaves them out, or lets them back in by a new
double opt-in, through the gate alone: when a campaign is queued, when each of its mails is
sent, and for a complaint recorded before complaints withdrew anything."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone
from post_office.models import Email

from consent.core import gate
from consent.core.delivery import send_queued
from consent.core.models import Subject
from consent.core.purposes import MARKETING
from consent.marketing.campaigns import campaign_send, recipients, unsubscribe
from consent.marketing.models import CampaignRecipient
from consent.rights.intake import ingest
from tests.marketing import test_returned_mail
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_returned_mail import campaign, complaint, december

november = test_returned_mail.november  # the fixture: Asel (kk) and Dana (ru), November sent

MIGRATION = "consent.marketing.migrations.0010_complaints_withdrawn"


def asel():
    return Subject.objects.get(email="asel@example.kz")


def complained(original):
    ingest(complaint(original))


def complained_then_subscribed_again(original):
    ingest(complaint(original))
    confirmed("asel@example.kz")


def unsubscribed_complained_subscribed_again(original):
    unsubscribe(asel().pk)
    ingest(complaint(original))
    confirmed("asel@example.kz")


def complaint_row_only():
    """A complaint as the code before complaints withdrew recorded it: the row alone."""
    row = CampaignRecipient.objects.get(subject__email="asel@example.kz")
    row.returned_at, row.returned_as = timezone.now(), "complaint"
    row.save()


def complained_before_complaints_withdrew(original):
    complaint_row_only()
    import_module(MIGRATION).withdraw(apps, None)  # the release's migration


def complained_before_and_subscribed_again_before_the_migration(original):
    complaint_row_only()
    confirmed("asel@example.kz")
    import_module(MIGRATION).withdraw(apps, None)


HISTORIES = {
    complained: False,
    complained_then_subscribed_again: True,
    unsubscribed_complained_subscribed_again: True,
    complained_before_complaints_withdrew: False,
    complained_before_and_subscribed_again_before_the_migration: True,
}


@pytest.mark.parametrize("history", HISTORIES, ids=[h.__name__ for h in HISTORIES])
def test_a_complainer_is_left_out_by_the_gate_alone(november, history):
    """The sender's list is the gate's (everyone it permits with an address, no bounce), and it
    says of Asel what her history says: out after a complaint, back after a new double opt-in
    given later."""
    history(november)

    gets_it = HISTORIES[history]
    assert gate.may_process(asel(), MARKETING) is gets_it
    permitted = gate.permitted_subjects(MARKETING, Subject.objects.exclude(email=None))
    assert set(recipients()) == set(permitted)
    expected = ["asel@example.kz", "dana@example.kz"] if gets_it else ["dana@example.kz"]
    assert december() == expected


def test_a_complaint_while_a_campaign_waits_in_the_outbox_withholds_her_mail(november):
    """December is queued to both; before the sender reaches Asel's mail, the provider reports
    her «Спам» on November. Her December mail is deleted unsent, and its row says so."""
    mail.outbox.clear()
    assert campaign_send(campaign("December")) == 2
    ingest(complaint(november))

    send_queued()

    assert [m.to for m in mail.outbox] == [["dana@example.kz"]]
    row = CampaignRecipient.objects.get(campaign__title="December", subject=asel())
    assert row.withheld_at is not None
    assert not Email.objects.filter(message_id=row.outbox_message_id).exists()
