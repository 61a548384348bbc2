"""What the access answer says became of each mail we wrote to the person (compliance L10,
L12): Asel, blocked, sent the contact form; its acknowledgement was held back, never to go,
and the data she downloaded from her page said of it «кезекке қойылды» («в очереди»), as if it
were still to come, where the desk's page of her said «expired, never sent». Both now read the
outbox by one rule (core.withheld.never_sent)."""

import json
import re

import pytest
from django.core import mail
from django.test import Client
from post_office.models import Email

from consent.core.delivery import send_queued
from consent.core.ledger import subject_block
from consent.core.models import Source
from tests.staff import verified_login

from .test_selfservice import ask_link

NEVER = {"kk": "мерзімі өтті, жіберілмеді", "ru": "срок истёк, не отправлено"}
SENT = {"kk": "жіберілді", "ru": "отправлено"}
ACK = {"kk": "Хабарламаңыз қабылданды", "ru": "Мы получили ваше сообщение"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mail_held_back_is_never_said_to_be_on_its_way(
    client, person, contact_data, privacy_officer, lang
):
    subject_block(person, reason="R-7", source=Source.ADMIN)
    assert Client().post(f"/{lang}/contact/", contact_data()).status_code == 302
    ask_link(client, lang)  # her page's link: a block stops no letter she asks for herself
    Email.objects.update(scheduled_time=None)
    send_queued()
    (sent,) = [m for m in mail.outbox if "/my-data/open/" in m.body]  # as it reached her
    client.post(re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", sent.body)[1])

    answer = json.loads(client.post(f"/{lang}/my-data/export/", {"format": "json"}).content)
    said = {row["email_subject"]: row["status"] for row in answer["emails"]}
    assert said[ACK[lang]] == NEVER[lang]
    assert SENT[lang] in said.values()  # the link she opened went, and says so

    desk = verified_login(Client(), privacy_officer)
    page = desk.get(f"/admin/consent/subject/{person.pk}/change/").content.decode()
    assert "expired, never sent" in page or "мерзімі өтті, жіберілмеді" in page
