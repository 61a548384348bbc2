"""What a screen reader says about the public forms, read from the markup of every form page in
kk and ru, as shown and as sent back with errors (the self-service page's request form
included):

- each control says whether it is in error, and says so only once the form has been sent with
  that field wrong (Chromium takes an empty required box, radio, list or date field for invalid
  from the start unless the page says otherwise, and NVDA then says "invalid entry");
- each link of the error summary leads to a control, where the keyboard can type or choose;
- each id a label or a description points to is on the page, once;
- on the self-service page, each consent's button is known by the consent it changes.
"""

import re
from html.parser import HTMLParser

import pytest
from post_office.models import Email

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import MARKETING, SERVICE
from emalu.models import Service
from tests.conftest import aged_token


@pytest.fixture
def texts(texts_of_the_module, db):  # published once for the module (tests/forms/conftest.py)
    return texts_of_the_module


FORMS = ["contact/", "apply/", "newsletter/", "requests/new/", "my-data/"]
CONTROLS = {"input", "select", "textarea"}
NOT_FIELDS = {"hidden", "submit", "button"}


class Markup(HTMLParser):
    """The elements of a page (tag and attributes, in order), which are inside the error summary,
    and the rows of the consents table."""

    def __init__(self, html):
        super().__init__()
        self.elements, self.summary_links, self.rows = [], [], []
        self._summary = self._table = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if "error-summary" in (attrs.get("class") or "").split():
            self._summary = 1
        elif self._summary and tag == "div":
            self._summary += 1
        if self._summary and tag == "a":
            self.summary_links.append(attrs["href"])
        if "consents-table" in (attrs.get("class") or "").split():
            self._table = True
        if self._table and tag == "tr":
            self.rows.append([])
        if self._table and self.rows:
            self.rows[-1].append((tag, attrs))

    def handle_endtag(self, tag):
        if self._summary and tag == "div":
            self._summary -= 1
        if tag == "table":
            self._table = False

    def ids(self):
        return [attrs["id"] for _, attrs in self.elements if attrs.get("id")]

    def fields(self):
        return [
            attrs
            for tag, attrs in self.elements
            if tag in CONTROLS and attrs.get("type") not in NOT_FIELDS
        ]


@pytest.fixture
def subject(texts, make_subject):
    s = make_subject(email="asel@example.kz")
    consent_grant(s, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    consent_grant(s, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    return s


def self_service(client, lang):
    """The client behind the emailed link to asel@example.kz's page."""
    client.post(f"/{lang}/my-data/", {"token": aged_token(), "email": "asel@example.kz"})
    mail = Email.objects.filter(to=["asel@example.kz"]).latest("id").message
    client.post(re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", mail).group(1))
    return client


def states(client, lang):
    """(what, html, sent) for every form page: as shown, sent empty, and the application of
    someone under 18 without a guardian; then the self-service page and its request form sent
    without a choice."""
    Service.objects.create(slug="consult", is_published=True, title_kk="Кеңес",
                           title_ru="Консультация")  # fmt: skip
    for path in FORMS:
        yield path, client.get(f"/{lang}/{path}").content.decode(), False
        sent = client.post(f"/{lang}/{path}", {"token": aged_token()})
        yield f"{path} sent empty", sent.content.decode(), True
    minor = {"token": aged_token(), "full_name": "Айгерім", "birth_date": "2015-01-01"}
    yield "apply/ minor", client.post(f"/{lang}/apply/", minor).content.decode(), True
    self_service(client, lang)
    yield "my-data page", client.get(f"/{lang}/my-data/").content.decode(), False
    sent = client.post(f"/{lang}/my-data/request/", {"message": ""})
    yield "my-data request sent empty", sent.content.decode(), True


def said_in_error(what, page, sent):
    """Each control says whether it is in error: only once sent, only with its message."""
    for attrs in page.fields():
        described = (attrs.get("aria-describedby") or "").split()
        in_error = any(d.endswith("_error") for d in described)
        assert attrs.get("aria-invalid") == ("true" if in_error else "false"), (what, attrs)
    assert sent == any(a.get("aria-invalid") == "true" for a in page.fields()), what


def summary_leads_to_controls(what, page, sent):
    assert bool(page.summary_links) == sent, what
    controls = {a.get("id") for a in page.fields()}
    for href in page.summary_links:
        assert href.removeprefix("#") in controls, (what, href)


def references_resolve(what, page, sent):
    ids = page.ids()
    assert len(ids) == len(set(ids)), (what, sorted(i for i in ids if ids.count(i) > 1))
    for tag, attrs in page.elements:
        for name in ("aria-describedby", "aria-labelledby", "for"):
            for target in (attrs.get(name) or "").split():
                assert target in ids, (what, tag, name, target)


@pytest.mark.parametrize("check", [said_in_error, summary_leads_to_controls, references_resolve])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_forms_as_a_screen_reader_reads_them(client, subject, lang, check):
    for what, html, sent in states(client, lang):
        page = Markup(html)
        assert page.fields(), what
        check(what, page, sent)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_consent_button_is_known_by_its_consent(client, subject, lang):
    """A screen reader's list of buttons read "Give consent" or "Withdraw consent", and moving
    along a row named no consent: the purpose was a plain cell, not the row's header."""
    page = Markup(self_service(client, lang).get(f"/{lang}/my-data/").content.decode())
    body = page.rows[1:]
    assert body and all(row[1][0] == "th" and row[1][1].get("scope") == "row" for row in body)
    switches = 0
    for row in body:
        head = row[1][1]["id"]
        for tag, attrs in row:
            if tag in ("button", "a"):
                switches += 1
                assert attrs.get("aria-describedby") == head, attrs
    assert switches


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_self_service_page_opens_on_what_a_button_did(client, subject, lang):
    """The consent switches and the request form sit far down the page: after a press the page
    opened at its top, and its message (role=status, present at load) was never announced. The
    page now opens on the message, as a form sent with errors opens on its summary."""
    self_service(client, lang)
    pressed = {
        "consent switch": ("consent/", {"withdraw": MARKETING}),
        "request": ("request/", {"type": "block", "message": "", "token": aged_token()}),
        "request with errors": ("request/", {"message": ""}),
    }
    for what, (action, data) in pressed.items():
        answer = client.post(f"/{lang}/my-data/{action}", data, follow=True)
        focused = [
            attrs for _, attrs in Markup(answer.content.decode()).elements if "autofocus" in attrs
        ]
        assert len(focused) == 1, what
        expected = "error-summary" if "errors" in what else "notice"
        assert expected in focused[0]["class"] and focused[0]["tabindex"] == "-1", what


THANK_YOU_PAGES = ["contact", "apply", "newsletter", "request", "my-data"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_thank_you_page_says_in_its_title_which_form_was_sent(client, lang):
    """The five thank-you pages were titled «Рақмет» / «Спасибо» alike: the first thing a
    screen reader says on arrival, and all a tab or the history shows, did not tell a message
    sent from an application, nor a request from a subscription waiting for its link."""
    titles = {}
    for kind in THANK_YOU_PAGES:
        html = client.get(f"/{lang}/{kind}/thanks/").content.decode()
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()
        assert title.startswith(f"{heading} · "), (kind, title, heading)
        titles[kind] = title
    assert len(set(titles.values())) == len(THANK_YOU_PAGES), titles
