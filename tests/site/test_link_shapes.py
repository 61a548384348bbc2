"""An emailed link is pressed as it came, or as someone made it: with one character changed, cut
short, grown to 5,000 characters, holding a NUL or a right-to-left mark, or a link of another
kind (a self-service link pasted into a request's confirmation page). Every link page, found
in the URLs so that a new one is held too, answers each with its page saying the link opens
nothing, never a 500 nor a button to press, and a press (POST) of one the page did not make
for itself changes nothing: no request confirmed, no
consent withdrawn or given, no page opened, no link spent."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, Source
from consent.core.purposes import MARKETING, SERVICE
from consent.marketing.campaigns import unsubscribe_token
from consent.marketing.models import Campaign
from consent.rights.links import confirmation_url
from consent.rights.models import Ticket, UsedLink
from consent.rights.selfservice import SESSION_KEY, link_token
from consent.rights.tickets import ticket_open


def link_pages():
    """The name of every page whose address carries a link's token."""

    def walk(patterns):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns)
            elif isinstance(entry, URLPattern) and "token" in entry.pattern.regex.groupindex:
                yield entry.name

    return sorted(set(walk(get_resolver().url_patterns)))


PAGES = link_pages()


def test_the_link_pages_are_found():
    assert {"request_verify", "self_service_open", "unsubscribe"} <= set(PAGES)


@pytest.fixture
def person(texts, make_subject):
    subject = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    for purpose in (SERVICE, MARKETING):
        consent_grant(subject, texts[purpose], language="kk", source=Source.CONTACT_FORM)
    return subject


@pytest.fixture
def tokens(person):
    """A real link of each kind, as the site mails it."""
    ticket = ticket_open(kind="destroy", email=person.email, language="kk", channel="web")
    campaign = Campaign.objects.create(title="x", subject_line_kk="x", body_kk="x")
    verify = confirmation_url(ticket).rstrip("/").rsplit("/", 1)[1]
    return {
        "request_verify": verify,
        "self_service_open": link_token(person),
        "unsubscribe": unsubscribe_token(person.pk, campaign.pk),
    }


def variants(token):
    """What a mangled or made-up link of `token` looks like."""
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    payload = token.split(":", 1)[0]
    return {
        "one character changed": flipped,
        "cut short": token[: len(token) // 2],
        "the signature dropped": payload,
        "a signature of its own": f"{payload}:1abcde:{'x' * 43}",
        "5,000 characters": token + "A" * 5000,
        "a NUL": token + "%00",
        "a right-to-left mark": token + "%E2%80%AE",
    }


def state(person):
    return (
        LedgerEntry.objects.filter(subject=person).count(),
        UsedLink.objects.count(),
        Ticket.objects.filter(verified_at__isnull=False).count(),
    )


@pytest.mark.parametrize("page", PAGES)
def test_a_link_of_another_kind_or_mangled_changes_nothing(client, person, tokens, page):
    before = state(person)
    pressed = []
    for kind, token in tokens.items():
        shapes = variants(token) if kind == page else {f"a link of {kind}": token}
        for shape, made in shapes.items():
            path = reverse(page, args=["T"]).replace("/T/", f"/{made}/")
            for method in (client.get, client.post):
                status = method(path).status_code
                # Opened (GET) too, the page says it opens nothing: the self-service link's
                # showed its button, and only a press said so (test_selfservice_link_told.py).
                if status not in (400, 404):
                    pressed.append(f"{method.__name__.upper()} {shape}: {status}")
    assert pressed == []
    assert state(person) == before
    assert SESSION_KEY not in client.session


def test_each_real_link_does_its_work_on_its_own_page(client, person, tokens):
    """What the test above holds the mangled ones to: the link as mailed, pressed where it
    belongs, confirms, opens the page, unsubscribes."""
    from consent.core import gate

    for page, token in tokens.items():
        assert client.post(reverse(page, args=[token])).status_code < 400
    assert Ticket.objects.get().verified_at is not None
    assert SESSION_KEY in client.session
    assert not gate.may_process(person, MARKETING)
