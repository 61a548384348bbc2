"""Every machine-readable file the site hands out, as an officer filters it in a spreadsheet and
a program reads it: plain spaces. The catalogues' typography (a no-break space after a Russian
one-letter word, inside «декабрь 2026 г.») came along into the CSVs and the JSON, and a
spreadsheet's filter for «доступ к данным», typed on a keyboard, matched nothing. Only what a
consent's hash was taken over (the name and the list of data its text showed) is kept exactly,
so the hash can still be computed again from the file."""

import csv
import io
import json

import pytest
from django.urls import get_resolver
from django.urls.resolvers import URLResolver

from consent.common.text import TYPOGRAPHY_ONLY
from consent.core.ledger import consent_grant, data_shown, text_shown
from consent.core.models import LedgerEntry, Source
from consent.core.purposes import SERVICE
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import act
from .test_selfservice import ask_link, link_path

TYPOGRAPHIC = {chr(code) for code in TYPOGRAPHY_ONLY}
# What the officer types into the filter, and finds, in each language.
TYPED = {
    "kk": ["2026 жылғы желтоқсан", "деректерге қол жеткізу"],
    "ru": ["декабрь 2026 г.", "доступ к данным", "отвечено в срок"],
}
# Every file the desk and the person's page hand out for programs, by its address: a new one
# fails test_every_machine_readable_file_is_here until it is read below.
FILES = {
    "rights/ticket/register.csv",
    "rights/ticket/statistics-consents.csv",
    "rights/ticket/statistics-requests.csv",
    "consent/subject/<int:pk>/evidence.<str:fmt>",
    "consent/subject/<int:pk>/export.<str:fmt>",
    "my-data/export/",
    "my-data/children/export/",
}
VERBATIM = {"shown_name", "shown_fields", "consent_text", "consent_text_given"}


def typographic(text):
    return sorted({ch for ch in text if ch in TYPOGRAPHIC})


def cells(body):
    return [cell for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for cell in row]


def texts_in(value, key=""):
    """Every text of the JSON (keys too) but those kept verbatim."""
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in [k, *texts_in(v, k)]]
    if isinstance(value, list):
        return [t for v in value for t in texts_in(v, key)]
    return [value] if isinstance(value, str) and key not in VERBATIM else []


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, route)
        else:
            yield route


def test_every_machine_readable_file_is_here(settings):
    routes = {
        route.removeprefix(settings.ADMIN_URL).removeprefix("kk/")
        for route in _patterns(get_resolver())
        if any(mark in route for mark in (".csv", ".json", "<str:fmt>", "export"))
    }
    assert routes == FILES


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_csv_and_json_holds_plain_spaces(desk, client, person, texts, time_machine, lang):
    time_machine.move_to("2026-12-01 10:00+05:00")
    consent_grant(person, texts[SERVICE], language="ru", source=Source.CONTACT_FORM)
    ticket = ticket_verify(ticket_open(kind="access", email=person.email, language=lang,
                                       channel="web"))  # fmt: skip
    act(desk, Ticket.objects.get(pk=ticket.pk), "refuse", reason="Шарт әлі орындалуда.")
    desk.cookies["django_language"] = lang
    admin = "/admin/rights/ticket/"
    spreadsheets = {
        name: desk.get(admin + name).content
        for name in ("register.csv?due=all", "statistics-consents.csv", "statistics-requests.csv")
    }
    found = [cell for body in spreadsheets.values() for cell in cells(body)]
    assert {typed for typed in TYPED[lang] if typed in found} == set(TYPED[lang])

    evidence = desk.get(f"/admin/consent/subject/{person.pk}/evidence.csv").content
    header, *rows = csv.reader(io.StringIO(evidence.decode("utf-8-sig")))
    ledger = LedgerEntry.objects.filter(subject=person).order_by("id")
    # The list of data is kept as the text showed it: its hash is computed from it again.
    assert [row[7] for row in rows] == [data_shown(e) for e in ledger]
    assert any(typographic(data_shown(e)) for e in ledger)  # ru: «имя и\xa0отчество»
    # The words of the text shown too, with their no-break spaces (column 8).
    assert [row[8] for row in rows] == [text_shown(e) for e in ledger]
    spreadsheets["evidence.csv"] = "\n".join(
        cell for row in [header, *rows] for i, cell in enumerate(row) if i not in (6, 7, 8)
    ).encode()

    ask_link(client, lang)
    client.post(link_path())
    documents = {
        "desk's export.json": desk.get(f"/admin/consent/subject/{person.pk}/export.json").content,
        "person's download": client.post(f"/{lang}/my-data/export/", {"format": "json"}).content,
    }
    for name, body in spreadsheets.items():
        assert not typographic(body.decode("utf-8-sig")), name
    for name, body in documents.items():
        data = json.loads(body)
        assert data["consent_history"], name
        assert not [t for t in texts_in(data) if typographic(t)], name
