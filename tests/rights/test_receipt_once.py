"""A request confirmed as it is opened (a person's own page, or a parent's page for a child) is
receipted once, at the address that opened the page, in the page's language: not again for a
double tap, nor for the same request sent again, which joins it; and never at the child's
address. A request from the public form sent again while it waits is receipted once too, when
its link is pressed, however often it is pressed."""

import pytest
from django.test import Client

from consent.core.ledger import consent_grant
from consent.core.models import Guardian, Source
from consent.core.purposes import SERVICE
from consent.rights.models import Ticket
from tests.conftest import aged_token

from .conftest import confirm_link, mails_to, web_request
from .test_guardian_withdrawal import PARENT, open_children_page

HELLO = {"kk": "Сәлеметсіз бе!", "ru": "Здравствуйте!"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_s_request_for_a_child_is_receipted_once_at_the_parent_s_address(
    make_subject, texts, lang
):
    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         birth_date="2012-05-17")  # fmt: skip
    mother = Guardian.objects.create(subject=child, full_name="Гүлнар", contact=PARENT)
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=mother)  # fmt: skip
    parent = Client()
    open_children_page(parent, lang)
    before = len(mails_to(PARENT))
    token = aged_token()
    for sent_token in (token, token, aged_token()):  # a double tap, then the same sent again
        offered = {"child": mother.pk, f"{mother.pk}-type": "block", f"{mother.pk}-token":
                   sent_token}  # fmt: skip
        assert parent.post(f"/{lang}/my-data/children/request/", offered).status_code == 302
    ticket = Ticket.objects.filter(subject=child).order_by("id").first()
    mails = mails_to(PARENT)[before:]
    assert len(mails) == 1, [m.subject for m in mails]
    assert ticket.reference in mails[0].subject and mails[0].message.startswith(HELLO[lang])
    assert mails_to("aisulu@example.kz") == []


def test_a_public_form_request_sent_twice_and_its_link_pressed_twice_is_receipted_once(
    client, person
):
    web_request(client, "ru", "correct")
    web_request(Client(), "ru", "correct")  # sent again from another browser: it joins
    path = confirm_link()
    before = len(mails_to("asel@example.kz"))
    client.post(path)
    Client().post(path)
    mails = mails_to("asel@example.kz")[before:]
    assert len(mails) == 1, [m.subject for m in mails]
