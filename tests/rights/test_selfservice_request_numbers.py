"""A request's number is read as «№ R-2026-0021» in every mail and on every page (docs/glossary.md):
the person's own page listed «R-12: access — answer by …» and a parent's page for a child
«R-7: correction — confirmed.», the number bare, and the own page's line glued from pieces
outside the catalogue. Both now write the number with its sign, in whole translated sentences."""

import re

import pytest
from django.test import Client

from consent.core.ledger import consent_grant
from consent.core.models import Guardian, Source
from consent.core.purposes import SERVICE
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open
from tests.conftest import aged_token

from .test_guardian_withdrawal import PARENT, open_children_page
from .test_selfservice import ask_link, link_path

NBSP = "\N{NO-BREAK SPACE}"
OWN = {"kk": "№{nb}{ref} өтініш: ", "ru": "Запрос №{nb}{ref}: "}


def numbers(page):
    """Every request number the page shows, with the two characters before it: a number of its
    own, not a run of letters inside a random token (a form's «…8YR-39…»)."""
    return re.findall(r"(.{2})(?<![\w-])(R-\d+(?:-\d+)?)(?![\w-])", page)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_own_page_lists_a_request_by_its_number_with_its_sign(person, lang):
    ticket = ticket_open(kind=Ticket.Type.ACCESS, email=person.email, language=lang,
                         channel=Ticket.Channel.WEB)  # fmt: skip
    Ticket.objects.filter(pk=ticket.pk).update(subject=person)
    client = Client()
    ask_link(client, lang, person.email)
    assert client.post(link_path(person.email)).status_code == 302
    page = client.get(f"/{lang}/my-data/").content.decode()
    assert OWN[lang].format(nb=NBSP, ref=ticket.reference) in page
    shown = numbers(page)
    assert shown and all(before.endswith("№" + NBSP) for before, _ref in shown), shown


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parents_page_lists_a_childs_request_by_its_number_with_its_sign(
    make_subject, texts, lang
):
    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         birth_date="2012-05-17")  # fmt: skip
    mother = Guardian.objects.create(subject=child, full_name="Гүлнар", contact=PARENT)
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=mother)  # fmt: skip
    client = Client()
    open_children_page(client, lang)
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    assert f'name="child" value="{mother.pk}"' in page and f'name="{mother.pk}-type"' in page
    offered = {"child": mother.pk, f"{mother.pk}-type": "block", f"{mother.pk}-token": aged_token()}
    sent = client.post(f"/{lang}/my-data/children/request/", offered)
    assert sent.status_code == 302, sent
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    shown = numbers(page)
    assert shown and all(before.endswith("№" + NBSP) for before, _ref in shown), shown
