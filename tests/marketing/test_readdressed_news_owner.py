"""A campaign mail the sender sends to the address its person holds now (the desk corrected it
while the mail waited) is theirs, where the person's page, export and destruction read whose
mail is whose (rights/mailed.py): also when someone else held that address before them."""

import pytest
from post_office.models import Email

from consent.core.delivery import send_queued
from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import MARKETING
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from consent.rights.mailed import mail_to
from tests.rights.conftest import address_corrected

pytestmark = pytest.mark.django_db


def test_news_sent_on_to_an_address_bolat_once_held_is_asels(texts, make_subject, time_machine):
    time_machine.move_to("2026-11-02 10:00+05:00")
    bolat = make_subject(email="family@example.kz")
    time_machine.move_to("2026-11-03 10:00+05:00")
    address_corrected(bolat, "bolat@example.kz")  # the family mailbox is his no longer
    asel = make_subject(email="asel@example.kz")
    consent_grant(asel, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    time_machine.move_to("2026-11-04 10:00+05:00")
    november = Campaign.objects.create(
        title="November", subject_line_kk="Жаңалықтар", body_kk="Қараша жаңалықтары",
        subject_line_ru="Новости", body_ru="Новости ноября",
    )  # fmt: skip
    assert campaign_send(november) == 1
    time_machine.move_to("2026-11-05 10:00+05:00")
    address_corrected(asel, "family@example.kz")  # now it is hers
    time_machine.move_to("2026-11-05 10:05+05:00")
    send_queued()

    news = Email.objects.get(subject="Жаңалықтар")
    assert news.to == ["family@example.kz"]
    assert Email.objects.filter(mail_to(asel), pk=news.pk).exists()
    assert not Email.objects.filter(mail_to(bolat), pk=news.pk).exists()
