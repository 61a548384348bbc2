"""A withdrawal refused with reasons (Art. 8(2) of Law 94-V: an obligation to the person not yet
fulfilled, or a law) keeps only what the refusal can keep, for as long as it holds, and its
letter says what was done (compliance L14, L5). The refusal kept the data until the term of
every consent withdrawn, the news' too, which no refusal can keep: a news consent given after
the service's kept the person past the service consent's term. Nothing ended it when the
inquiry it kept the data for was dealt with. A person who still had the news kept, for as long
as they had them, what only the service needed. And the letter said «we cannot carry out your
request» of consents withdrawn, whose processing had stopped when the person confirmed."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone, translation

from consent.common.dates import document_time, local_date
from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, Source, Subject, Submission
from consent.core.purposes import MARKETING, SERVICE
from consent.core.submissions import submission_answer
from consent.rights.answers import ticket_refuse
from consent.rights.models import Ticket
from consent.rights.retention import enforce_retention
from consent.rights.tickets import ticket_open, ticket_verify
from tests.conftest import aged_token

from .conftest import mails_to

REASONS = {
    "kk": "Шарт әлі орындалмаған (Заңның 8-бабының 2-тармағы).",
    "ru": "Договор ещё не исполнен (пункт 2 статьи 8 Закона).",
}
# What the letter said of the withdrawal, the processing stopped for it at confirmation.
UNTRUE = {"kk": "орындай алмаймыз", "ru": "Мы не можем выполнить ваш запрос"}
WITHDRAWN = {
    ("kk", SERVICE): "келісіміңіз кері қайтарып алынды",
    ("kk", ""): "Бізге берген барлық келісімдеріңіз кері қайтарып алынды",
    ("ru", SERVICE): "Ваше согласие на цель «Ответы на обращения и заявки» отозвано",
    ("ru", ""): "Все согласия, которые вы нам дали, отозваны",
}
DAY = timedelta(days=1)


def refused(person, lang, purpose):
    """The person withdraws (`purpose`, "" for every consent), confirms, and it is refused."""
    ticket = ticket_open(kind="withdraw", email=person.email, language=lang, channel="email",
                         purpose=purpose)  # fmt: skip
    ticket_verify(ticket)
    return ticket_refuse(Ticket.objects.get(pk=ticket.pk), reason=REASONS[lang], actor=None)


def service_term(person):
    grant = LedgerEntry.objects.filter(subject=person, purpose=SERVICE, kind="grant").get()
    return grant.expires_at


def kept(person):
    return Subject.objects.filter(pk=person.pk).exists()


@pytest.mark.parametrize("purpose", [SERVICE, ""])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_refusal_says_what_was_withdrawn_and_until_when_the_data_stays(person, lang, purpose):
    refused(person, lang, purpose)
    letter = mails_to(person.email)[-1]
    with translation.override(lang):
        until = document_time(local_date(service_term(person)))
    for body in (letter.message, letter.html_message):
        body = body.replace("\N{NO-BREAK SPACE}", " ")  # the mail joins a date's words so
        assert UNTRUE[lang] not in body and ".." not in body  # «2026 г..» ending a sentence
        assert WITHDRAWN[lang, purpose] in body
        assert REASONS[lang] in body and until.replace("\N{NO-BREAK SPACE}", " ") in body
    assert not gate.may_process(person, SERVICE)


def test_the_news_term_keeps_nothing_past_the_service_consent(texts, make_subject, time_machine):
    person = make_subject(email="asel@example.kz", phone="+77011234567")
    consent_grant(person, texts[SERVICE], language="ru", source=Source.CONTACT_FORM)
    time_machine.move_to(timezone.now() + timedelta(days=200), tick=False)
    consent_grant(person, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    refused(person, "ru", "")
    enforce_retention(at=service_term(person) - DAY)
    assert kept(person)
    enforce_retention(at=service_term(person) + DAY)
    assert not kept(person)


def sent(client, contact_data, lang):
    data = {**contact_data(), "token": aged_token()}
    assert client.post(f"/{lang}/contact/", data).status_code == 302
    return Submission.objects.latest("pk")


def after_grace():
    return timezone.now() + timedelta(days=settings.SERVICE_ACHIEVED_GRACE_DAYS) + DAY


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("purpose", [SERVICE, ""])
def test_the_refusal_ends_once_the_inquiry_it_kept_the_data_for_is_dealt_with(
    client, texts, contact_data, lang, purpose
):
    submission = sent(client, contact_data, lang)
    person = submission.subject
    refused(person, lang, purpose)
    enforce_retention(at=after_grace())
    assert kept(person)  # the obligation the refusal named is not fulfilled yet
    submission_answer(submission, actor=None)
    enforce_retention(at=timezone.now() + DAY)
    assert kept(person)  # within the grace period
    enforce_retention(at=after_grace())
    assert not kept(person)


def test_an_inquiry_answered_before_the_refusal_does_not_end_it(client, texts, contact_data):
    submission = sent(client, contact_data, "ru")
    submission_answer(submission, actor=None)
    person = submission.subject
    refused(person, "ru", SERVICE)
    enforce_retention(at=after_grace())
    assert kept(person)


def test_with_the_news_standing_what_only_the_service_needed_goes_when_the_refusal_ends(
    client, texts, contact_data
):
    submission = sent(client, contact_data, "kk")
    person = submission.subject
    consent_grant(person, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    refused(person, "kk", SERVICE)
    submission_answer(submission, actor=None)
    enforce_retention(at=timezone.now() + DAY)
    person.refresh_from_db()
    assert person.phone  # the refusal keeps it while the grace period runs
    enforce_retention(at=after_grace())
    person.refresh_from_db()
    assert (person.email, person.phone) == ("asel@example.kz", None)
    assert gate.may_process(person, MARKETING) and not Submission.objects.exists()
