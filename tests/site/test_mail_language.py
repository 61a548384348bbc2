"""Compliance L24: every mail the site sends is wholly in its recipient's language — subject line,
text and HTML, every label filled in (request types, purposes, reasons, dates) — whatever
language the staff member or process that causes it works in.

Each template pair under templates/email/ is reached through the operation that sends it, with
the other language active (an officer working in Russian answers a Kazakh speaker; the intake,
a command in Kazakh, answers a Russian mail). A template added without a scenario in
mail_scenarios.py fails `test_every_mail_template_is_tried`."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail as django_mail
from django.test.signals import template_rendered
from django.utils import translation
from post_office.models import Email

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import MARKETING, SERVICE
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from tests.site.language import OTHER, assert_in_language, wrong_language
from tests.site.mail_scenarios import (
    PERSON,
    SCENARIOS,
    SECOND_ROUTES,
    STRANGER,
    WRITTEN,
    Type,
    staff_member,
)

# Its tests ask for their fixtures by name at run time (world()): the mark sets the database up.
pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates" / "email"
LAYOUTS = {"base"}  # extended by every mail, never sent on its own


def world(lang, request):
    """A consenting person who speaks `lang`; Alice, the officer who receives the notices, working
    in `lang` too; Boris, an officer without a mailbox, who works in the other language."""
    texts, make_subject, settings = (request.getfixturevalue(name)
                                     for name in ("texts", "make_subject", "settings"))  # fmt: skip
    settings.STAFF_NOTIFY_EMAIL = "alice@example.kz"
    settings.OPERATOR = {**settings.OPERATOR, "responsible_contact": "alice@example.kz"}
    person = make_subject(email=PERSON, language=lang)
    for purpose in (SERVICE, MARKETING):
        consent_grant(person, texts[purpose], language=lang, source=Source.CONTACT_FORM)
    staff_member("alice", lang)
    boris = staff_member("boris", OTHER[lang], email=False)
    return {"lang": lang, "person": person, "boris": boris,
            "time_machine": request.getfixturevalue("time_machine")}  # fmt: skip


def test_every_mail_template_is_tried():
    pairs = {p.stem for p in TEMPLATES.glob("*.txt")}
    assert pairs == {p.stem for p in TEMPLATES.glob("*.html")}, "a template without its pair"
    assert pairs - LAYOUTS == set(SCENARIOS), "each mail template needs a scenario here"


def run(scenario, w, request):
    """Run `scenario` with the other language active; the templates it rendered and every mail
    it sent, queued or sent at once."""
    rendered = []

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(record)
    before = set(Email.objects.values_list("id", flat=True))
    django_mail.outbox.clear()
    try:
        commits = request.getfixturevalue("django_capture_on_commit_callbacks")
        with translation.override(OTHER[w["lang"]]), commits(execute=True):
            scenario(w)
    finally:
        template_rendered.disconnect(record)
    queued = Email.objects.exclude(id__in=before).order_by("id")
    sent = [(m.to, m.subject, m.message, m.html_message, m.headers or {}) for m in queued]
    for message_ in django_mail.outbox:
        [(html, _)] = message_.alternatives
        sent.append((message_.to, message_.subject, message_.body, html, message_.extra_headers))
    return rendered, sent


# A date as staff lists read it, «03.12.2026»: a person is written to in words, «3 декабря
# 2026 г.» (DATE_FORMAT), as every letter about their request says its due date.
SHORT_DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")
LINK_END_UNNAMED = re.compile(r"(?:works until|жарамды:|действует до)[\s\N{NO-BREAK SPACE}]*\.")


# What each scenario rendered and what is wrong with the mails it sent, per language: a scenario
# that reaches several templates (the form's acknowledgement and the staff notice, ...) runs once
# for all of them, in the test of the first, whose database the mails are judged in (their words
# against the published texts'); the others check its outcome. One that failed is not kept: the
# next runs it again.
OUTCOMES = {}


def outcome(scenario, lang, request):
    if (scenario, lang) not in OUTCOMES:
        rendered, sent = run(scenario, world(lang, request), request)
        OUTCOMES[scenario, lang] = rendered, sent, [
            problem for to, subject, text, html, headers in sent
            for problem in [*problems(to, subject, text, html, lang), *list_fields(to, headers)]
        ]  # fmt: skip
    return OUTCOMES[scenario, lang]


def problems(to, subject, text, html, lang):
    try:
        assert_in_language(subject, text, html, lang, f"→ {to}")
    except AssertionError as error:
        yield str(error)
    if to[0] in (PERSON, STRANGER) and SHORT_DATE.search(subject + text + html):
        yield f"→ {to}: a date as staff lists write it:\n{text}"
    # The signature under its separator, dash dash space (RFC 3676, 4.3), which mail programs
    # know (they grey it, and leave it out of a reply's quote); «--» alone is a line of text.
    if text.splitlines().count("-- ") != 1 or "--" in text.splitlines():
        yield f"→ {to}: no signature separator «-- »:\n{text}"
    # One blank line between paragraphs of the text: a part that ended in its own line end, or
    # a list whose last row did, left two before the next paragraph or the signature.
    if "\n\n\n" in text:
        yield f"→ {to}: two blank lines in a row:\n{text}"
    # A confirmation link's end, named as the thank-you page names it: a route that gave the
    # template no end (links.confirmation_link) left «until .», the date written as nothing.
    if LINK_END_UNNAMED.search(text + html):
        yield f"→ {to}: a link's end not named:\n{text}"


# A campaign mail's fields (RFC 2369, RFC 8058, Gmail's Feedback-ID), exactly so: the one-click
# link and the mailto in angle brackets, the one-click POST's field, the campaign and sender.
CAMPAIGN_FIELDS = {
    "List-Unsubscribe": re.compile(
        r"<https?://[^<>\s]+/unsubscribe/[^<>\s/]+/>, <mailto:[^<>\s]+>"
    ),
    "List-Unsubscribe-Post": re.compile(r"List-Unsubscribe=One-Click"),
    "Feedback-ID": re.compile(r"c\d+:news:[\w.-]{5,15}"),
}


def list_fields(to, headers):
    """What is wrong with a mail's list fields: a mail to a reader of the news carries each of
    CAMPAIGN_FIELDS, right; no other mail of the site carries the unsubscribe fields (a mail
    client would offer to «unsubscribe» from a request's answer), and a marketer's test copy
    is counted apart from the campaign («test», never «news»)."""
    if "List-Unsubscribe" in headers:
        for name, form in CAMPAIGN_FIELDS.items():
            if not form.fullmatch(headers.get(name, "")):
                yield f"→ {to}: {name} is {headers.get(name)!r}"
    elif "List-Unsubscribe-Post" in headers or ":news:" in headers.get("Feedback-ID", ""):
        yield f"→ {to}: campaign fields on a mail with no List-Unsubscribe: {headers}"


def check(template, scenario, lang, request):
    rendered, sent, wrong = outcome(scenario, lang, request)
    assert f"email/{template}.txt" in rendered and f"email/{template}.html" in rendered
    assert sent
    assert not wrong, f"{template}:\n" + "\n\n".join(wrong)
    to_readers = [headers for to, *_, headers in sent if template == "campaign" and to == [PERSON]]
    assert all("List-Unsubscribe" in headers for headers in to_readers)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("template", sorted(SCENARIOS))
def test_every_mail_is_in_its_recipients_language(template, lang, request):
    check(template, SCENARIOS[template], lang, request)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("route", sorted(SECOND_ROUTES))
def test_second_routes_too(route, lang, request):
    template, scenario = SECOND_ROUTES[route]
    check(template, scenario, lang, request)


def test_a_campaign_without_russian_text_reaches_russian_readers_wholly_in_kazakh(
    texts, make_subject
):
    """Kazakh when no Russian was written (the campaign's own rule): the whole mail then, not a
    Kazakh text inside a Russian frame."""
    person = make_subject(email=PERSON, language="ru")
    consent_grant(person, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    campaign = Campaign.objects.create(title="x", subject_line_kk=WRITTEN["kk"]["title"],
                                       body_kk=WRITTEN["kk"]["body"])  # fmt: skip
    with translation.override("ru"):
        campaign_send(campaign)
    mail = Email.objects.get(to=[PERSON])
    assert_in_language(mail.subject, mail.message, mail.html_message, "kk", "campaign")


def test_the_checks_see_a_wrong_word():
    """The detector itself: a Kazakh label in a Russian mail, a Russian one in a Kazakh mail,
    English from an untranslated string, a Russian month in a Kazakh date."""
    with translation.override("kk"):
        kazakh_type = str(Type.CORRECT.label)
    with translation.override("ru"):
        russian_type = str(Type.CORRECT.label)
    assert wrong_language(f"Ваш запрос R-6 ({kazakh_type}) выполнен.", "ru")
    assert wrong_language(f"R-2 өтінішіңізді ({russian_type}) орындай алмаймыз.", "kk")
    assert wrong_language("Сіздің R-2 өтінішіңіз 3 декабря орындалды.", "kk")
    assert wrong_language("Сіздің өтінішіңіз: Your request has been carried out.", "kk")
    assert not wrong_language("Сіздің R-2 өтінішіңіз (JSON, PDF) https://x.kz/a орындалды.", "kk")
    assert not wrong_language("Ваш запрос R-2 выполнен, пишите на em.alu.plus@mail.kz.", "ru")
