"""The same request sent twice at the same moment (the web form in two tabs, the form and the
person's own page, two letters) opens one request: the second joins the first, as it does a
minute later (test_repeated_web_requests.py, test_repeated_requests.py). Each looked for an open
request before the other's was committed, and both opened one: two requests on the desk, two
deadlines, two confirmation links. Run as tests/core/test_one_at_a_time.py runs its cases: in a
process of their own, on a copy of the live tests' database, the first transaction held open
until the second waits for a lock (or has finished: the fault). The module's cases share one
such process, one after the other, each on addresses of its own (`every_case`): starting it
(~1.5 s of CPU) cost more than a case, and no case is about the process itself."""

import pytest
from django.db import connection

from tests.core.test_one_at_a_time import both_at_once
from tests.live import live_database, run_case

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row and advisory locks"),
]

LETTERS = {"kk": "Жеке деректерді жаңарту", "ru": "Обновление персональных данных"}


def _form(address, lang):
    """The request form sent from a page of its own (its own token): the browser's answer."""
    from django.test import Client

    from tests.conftest import aged_token

    browser = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")  # the live host
    data = {"token": aged_token(), "type": "correct", "email": address, "message": "Тегім қате"}

    def post():
        response = browser.post(f"/{lang}/requests/new/", data)
        return [response.status_code, response.get("Location", "")]

    return post


def _page(address, lang):
    """The person's own page (the session its emailed link makes) asking for a correction:
    the browser's answer, and the notices of the page it is sent back to."""
    import html
    import re
    import time

    from django.test import Client

    from consent.core.models import Subject
    from consent.core.subjects import address_tag
    from consent.rights.selfservice import SESSION_KEY
    from tests.conftest import aged_token

    person = Subject.objects.get(email=address)
    browser = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    session = browser.session
    session[SESSION_KEY] = {"s": person.pk, "a": address_tag(person.email),
                            "until": time.time() + 3600}  # fmt: skip
    session.save()
    data = {"token": aged_token(), "type": "correct", "message": "Тегім қате"}

    def post():
        response = browser.post(f"/{lang}/my-data/request/", data)
        page = browser.get(f"/{lang}/my-data/").content.decode()
        notices = re.findall(r'<div class="notice[^>]*><p>(.*?)</p></div>', page, re.S)
        return [
            response.status_code,
            response.get("Location", ""),
            [html.unescape(n) for n in notices],
        ]

    return post


def _letter(address, lang):
    from consent.rights.intake import ingest
    from tests.rights.conftest import message

    raw = message(LETTERS[lang], sender=address, message_id=f"<{lang}-{address}>")
    return lambda: ["taken in" if ingest(raw) is not None else "dropped"]


WAYS = {"form": _form, "page": _page, "letter": _letter}


def sent_at_once(address, known, first, second):
    """`first` and `second` ("form kk", "page ru", "letter kk", ...) of one address at once, by
    the person on record (`known`) or by an address no one on record holds: what each sender
    got, the requests of the address and the mail sent to it."""
    from post_office.models import Email

    from consent.core.ledger import consent_grant
    from consent.core.models import Source, Subject
    from consent.core.purposes import SERVICE
    from consent.core.texts import current_text
    from consent.rights.models import Ticket

    if known:
        person = Subject.objects.create(full_name="Әсел Қасымова", email=address, language="kk")
        consent_grant(person, current_text(SERVICE), language="kk", source=Source.CONTACT_FORM)
    senders = [WAYS[way](address, lang) for way, lang in (first.split(), second.split())]
    answers = both_at_once(*senders)
    tickets = list(Ticket.objects.filter(email=address).order_by("id"))
    number = {ticket.pk: n for n, ticket in enumerate(tickets)}
    mails = Email.objects.filter(to__icontains=address).order_by("id")
    return {
        "answers": answers,
        "requests": [[t.status, number.get(t.regarding_id)] for t in tickets],
        "references": [t.reference for t in tickets],
        "mails": [[m.subject, " ".join(m.message.split())] for m in mails],
    }


def every_case(cases):
    """Each of `cases` ([first, second, known]) in turn, with the rate limits' counters of a
    process just started: what `sent_at_once` gave, or the error it raised (its case fails)."""
    from django.core.cache import cache

    got = []
    for first, second, known in cases:
        cache.clear()
        try:
            got.append(sent_at_once(_address(first, second, known), known, first, second))
        except Exception as error:  # told to the test of its case
            got.append({"error": repr(error)})
    return got


def _address(first, second, known):
    return f"{first}-{second}-{'known' if known else 'new'}@example.kz".replace(" ", "-")


# The pairs sent at once by the person on record (KNOWN), by an address no one holds (NEW), and
# the person's page with the form (WITH_THE_PAGE, the second the other one, in Russian).
KNOWN = [("form kk", "form ru"), ("letter ru", "letter kk"), ("letter kk", "form ru")]
NEW = [("form kk", "form ru"), ("letter kk", "letter ru")]
WITH_THE_PAGE = {"page kk": "form ru", "form kk": "page ru"}
CASES = [
    *[[first, second, True] for first, second in KNOWN],
    *[[first, second, False] for first, second in NEW],
    *[[first, second, True] for first, second in WITH_THE_PAGE.items()],
    ["page kk", "page kk", True],
]


@pytest.fixture(scope="module")
def sent(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), live_database() as url:
        got = run_case(url, "tests.rights.test_sent_twice_at_once", "every_case", CASES)
    return {tuple(case): result for case, result in zip(CASES, got, strict=True)}


def run(sent, first, second, known=True):
    got = sent[(first, second, known)]
    assert "error" not in got, got["error"]
    return got


# The subject lines: «№» and the number are kept on one line by a no-break space.
CONFIRM = {"kk": "№\xa0{} өтінішіңізді растаңыз", "ru": "Пожалуйста, подтвердите запрос №\xa0{}"}
JOINED = {"kk": "№\xa0{} өтінішіңіз", "ru": "Ваш запрос №\xa0{}"}
STILL_OPEN = {"kk": "әлі ашық, сондықтан екінші өтініш ашпай", "ru": "ещё открыт, поэтому мы"}
RECEIPT = {"kk": "расталды", "ru": "подтверждён"}
FROM_THE_PAGE = "бетіңізден жіберілген"  # the receipt of one opened on the page, in Kazakh
JOINED_ON_THE_PAGE = {"kk": "жазғаныңыз соған қосылды", "ru": "написанное вами добавлено к\xa0нему"}


@pytest.mark.parametrize("first,second", KNOWN)
def test_the_same_request_sent_twice_at_once_is_one_request(sent, first, second):
    """Asel sends the correction form in Kazakh and, in another tab, in Russian, at the same
    moment (or mails it twice, or mails it and sends the form): one request waits for her
    link, the other is filed with it. She gets one mail asking her to confirm, in the
    language of the one that opened the request, and one that says, in the language of the
    other, that it joined the request still open."""
    got = run(sent, first, second)
    if first.startswith("form"):
        assert got["answers"] == [[302, "/kk/request/thanks/"], [302, "/ru/request/thanks/"]]
    assert got["requests"] == [["unverified", None], ["filed", 0]]
    ref, lang_first, lang_again = got["references"][0], first.split()[1], second.split()[1]
    (confirm, _), (joined, text) = got["mails"]
    assert confirm == CONFIRM[lang_first].format(ref) and joined == JOINED[lang_again].format(ref)
    assert STILL_OPEN[lang_again] in text


@pytest.mark.parametrize("first,second", NEW)
def test_an_address_no_one_holds_sending_it_twice_at_once_is_told_once(sent, first, second):
    """The same from an address no one on record holds: one request, the other filed with it,
    and one mail, that no data is held for it."""
    got = run(sent, first, second, known=False)
    assert got["requests"] == [["unverified", None], ["filed", 0]]
    assert [subject for subject, _ in got["mails"]] == ["Дербес деректерге қатысты өтінішіңіз"]


@pytest.mark.parametrize("first", list(WITH_THE_PAGE))
def test_the_persons_page_and_the_form_at_once_are_one_request(sent, first):
    """Asel asks for a correction on her own page while the form with the same request is
    being sent (or the other way round): one request, confirmed by the page; the other is
    filed with it. The page, sent second, says the request is still open and what she wrote
    was added, never an error; the form, sent second, mails her so."""
    got = run(sent, first, WITH_THE_PAGE[first])
    ref = got["references"][0]
    if first.startswith("page"):
        assert got["requests"] == [["open", None], ["filed", 0]]
        # The page confirmed it: no link to mail, its receipt (tickets.ticket_confirmed).
        (receipt, told), (joined, text) = got["mails"]
        assert receipt == JOINED["kk"].format(ref) and FROM_THE_PAGE in told
        assert joined == JOINED["ru"].format(ref) and STILL_OPEN["ru"] in text
    else:
        status, location, [notice] = got["answers"][1]
        assert (status, location) == (302, "/ru/my-data/")
        assert JOINED_ON_THE_PAGE["ru"] in notice and ref in notice
        # The form's request, confirmed by the page (what the link would prove), is the one.
        assert got["requests"] == [["open", None], ["filed", 0]]
        # Its link mailed, then confirmed by the page: the receipt with its due date follows,
        # in the language of the form that opened it (email/request_confirmed).
        (confirm, _), (receipt, text) = got["mails"]
        assert confirm == CONFIRM["kk"].format(ref) and receipt == JOINED["kk"].format(ref)
        assert RECEIPT["kk"] in text


def test_the_persons_page_in_two_tabs_at_once_is_one_request(sent):
    """Both tabs wait for the person's row (selfservice._hold): the second says the first is
    still open, and one receipt is mailed, the first's: the page confirmed it."""
    got = run(sent, "page kk", "page kk")
    assert got["requests"] == [["open", None], ["filed", 0]]
    status, location, [notice] = got["answers"][1]
    assert (status, location) == (302, "/kk/my-data/")
    assert JOINED_ON_THE_PAGE["kk"] in notice and got["references"][0] in notice
    [(receipt, told)] = got["mails"]
    assert receipt == JOINED["kk"].format(got["references"][0]) and FROM_THE_PAGE in told
