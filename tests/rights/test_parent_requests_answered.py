"""A parent's requests for a child, asked on the page of her children (a correction, a block, a
download), are hers: written from her address, in her words, answered to her, and her
destruction erases them as hers (erasure.guardian_erase reads `Ticket.objects.of_guardian`).
Her access answer left them out: the export of a parent on record listed only the requests
about her own record, and the letter to a parent with no record listed only those she sent by
email or the form, then said «we hold nothing else about you as a parent or guardian». Both
now list every request of hers, by the one rule her destruction reads, each naming the child
it was for."""

import json
import re
import subprocess

import pytest
from django.test import Client

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import SERVICE
from consent.rights.models import Ticket
from consent.rights.selfservice import link_send

from .conftest import act, confirm_link, mails_to, web_request
from .test_guardian_rights import ask, with_child
from .test_guardian_withdrawal import PARENT

ASKED = {"kk": "Туған күні 18 мамыр деп түзетіңіз", "ru": "Исправьте дату рождения на 18 мая"}
REQUEST_ROW = {"kk": "№\xa0{ref} өтініш (деректерді түзету немесе жаңарту)",
               "ru": "запрос №\xa0{ref} (исправление или обновление данных)"}  # fmt: skip


def children_page(client, lang):
    """The parent's page of her children, opened by the link mailed to her address."""
    link_send(PARENT, lang)
    path = re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", mails_to(PARENT)[-1].message)[1]
    client.post(path)
    return client


def her_access_answer(client, desk, lang):
    """She asks for her data on the request form and confirms it; the officer carries it out."""
    web_request(client, lang, "access", email=PARENT)
    client.post(confirm_link(PARENT))
    ticket = Ticket.objects.filter(type="access", email=PARENT).latest("id")
    act(desk, ticket)
    assert Ticket.objects.get(pk=ticket.pk).status == Ticket.Status.DONE
    return mails_to(PARENT)[-1]


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_on_record_is_given_her_requests_for_her_child(
    texts, make_subject, privacy_officer_client, lang
):
    mother = make_subject(full_name="Гүлнар Мамаева", email=PARENT, phone="+77015550000")
    consent_grant(mother, texts[SERVICE], language=lang, source=Source.CONTACT_FORM)
    _child, row = with_child(make_subject, texts, name="Айсұлу Аминова", born="2012-05-17",
                             email="aisulu@example.kz", parent_name="Гүлнар Мамаева")  # fmt: skip
    client = children_page(Client(), lang)
    client.get(f"/{lang}/my-data/children/")
    assert ask(client, lang, row, "correct", ASKED[lang]).status_code == 200
    asked = Ticket.objects.get(type="correct")
    assert (asked.email, asked.guardian) == (PARENT, row)

    answer = her_access_answer(Client(), privacy_officer_client, lang)
    files = {a.name.rsplit(".", 1)[1]: a.file.read() for a in answer.attachments.all()}
    requests = {r["reference"]: r for r in json.loads(files["json"])["requests"]}
    assert asked.reference in requests
    assert requests[asked.reference]["message"] == ASKED[lang]
    assert requests[asked.reference]["child"] == "Айсұлу Аминова"
    text = subprocess.run(["pdftotext", "-", "-"], input=files["pdf"], capture_output=True)
    assert asked.reference in text.stdout.decode().replace("\xa0", " ")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_with_no_record_is_told_of_her_requests_for_her_child(
    texts, make_subject, privacy_officer_client, lang
):
    _child, row = with_child(make_subject, texts, name="Айсұлу Аминова", born="2012-05-17",
                             email="aisulu@example.kz", parent_name="Гүлнар Мамаева")  # fmt: skip
    client = children_page(Client(), lang)
    assert ask(client, lang, row, "correct", ASKED[lang]).status_code == 200
    asked = Ticket.objects.get(type="correct")

    letter = her_access_answer(Client(), privacy_officer_client, lang).message
    assert REQUEST_ROW[lang].format(ref=asked.reference) in letter
