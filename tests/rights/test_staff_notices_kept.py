"""The outbox's notices to staff go a month after their last attempt, sent or given up on
(core.staff.staff_notices_prune, compliance L5), by the nightly retention: a form's notice, a new
request's, and those queued before they carried their header. They were kept for good, with what
they say of the person. Never one still to send, and never the person's own mail (their
acknowledgement, the answer to their request)."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation
from post_office.models import STATUS, Email, Log

from consent.core.mail import STAFF_NOTICE
from consent.core.staff import STAFF_NOTICES_KEPT, staff_language_choose
from consent.rights.retention import enforce_retention
from tests.conftest import aged_token
from tests.texts import SHOWN

from .conftest import mails_to, web_request

MIGRATION = import_module("consent.core.migrations.0068_staff_notices_marked")
CONTACT = {"full_name": "Әсел Қасымова", "phone": "8 701 123 45 67", "message": "Сәлем",
           "email": "asel@example.kz", "consent_service": "on", **SHOWN}  # fmt: skip


def _notices():
    return Email.objects.filter(headers__has_key=STAFF_NOTICE)


def test_sent_notices_to_staff_go_a_month_after_and_nothing_else_does(
    client, person, privacy_officer, settings, time_machine
):
    time_machine.move_to("2027-01-11 10:00+05:00", tick=False)
    assert client.post("/kk/contact/", {"token": aged_token(), **CONTACT}).status_code == 302
    web_request(client, "kk", "access")  # the officers are told of each new request
    web_request(client, "ru", "block")
    web_request(client, "kk", "other")
    notices = set(_notices().values_list("pk", flat=True))
    assert len(notices) == 4
    assert _notices().filter(to=[settings.STAFF_NOTIFY_EMAIL]).exists()  # the form's notice
    assert _notices().filter(to=[privacy_officer.email]).exists()  # the new request's
    persons = {m.pk for m in mails_to("asel@example.kz")}  # her acknowledgement, her link
    assert persons and not persons & notices
    Email.objects.update(status=STATUS.sent)
    for email in Email.objects.all():
        Log.objects.create(email=email, status=STATUS.sent, message="250 OK")
    unsent, failed, retried = sorted(notices)[:3]
    Email.objects.filter(pk=unsent).update(status=STATUS.queued)
    Email.objects.filter(pk=failed).update(status=STATUS.failed)  # given up on at once

    # Ten days on, another was given up on after its last retry: its month counts from then.
    time_machine.move_to(timezone.now() + timedelta(days=10))
    Email.objects.filter(pk=retried).update(status=STATUS.failed, last_updated=timezone.now())
    time_machine.move_to(timezone.now() + STAFF_NOTICES_KEPT - timedelta(days=10, minutes=1))
    enforce_retention()
    assert set(_notices().values_list("pk", flat=True)) == notices  # within their month

    time_machine.move_to(timezone.now() + timedelta(minutes=2))
    enforce_retention()
    # The failed one went with the sent ones: a month after its last attempt, as they did.
    assert set(_notices().values_list("pk", flat=True)) == {unsent, retried}
    assert not Log.objects.filter(email_id__in=notices - {unsent, retried}).exists()
    assert {m.pk for m in mails_to("asel@example.kz")} == persons  # hers stay, as her record's

    time_machine.move_to(timezone.now() + timedelta(days=10))
    enforce_retention()
    assert set(_notices().values_list("pk", flat=True)) == {unsent}  # never one still to send
    assert {m.pk for m in mails_to("asel@example.kz")} == persons


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_notices_queued_before_their_header_go_as_the_others_and_no_persons_mail(
    client, person, privacy_officer, make_subject, settings, time_machine, lang
):
    """Notices queued before the header existed carried the same headers as a person's mail:
    known by their subject line, which the site writes, never a visitor (the outbox keeps no
    template name), never by the address: Dana's own request is answered where her notices go."""
    time_machine.move_to("2027-01-11 10:00+05:00", tick=False)
    staff_language_choose(user=privacy_officer, language=lang)  # the notices in her language
    dana = make_subject(full_name="Дана Серікқызы", email=privacy_officer.email)
    assert client.post(f"/{lang}/contact/", {"token": aged_token(), **CONTACT}).status_code == 302
    web_request(client, lang, "access")
    web_request(client, lang, "block", email=dana.email)  # her own request, as a person
    notices = set(_notices().values_list("pk", flat=True))
    assert len(notices) == 3
    persons = {m.pk for m in Email.objects.exclude(pk__in=notices)}
    assert Email.objects.filter(pk__in=persons, to=[dana.email]).exists()  # her link
    # As they were queued before the header: every mail with the automatic reply header only.
    Email.objects.update(headers={"Auto-Submitted": "auto-generated"}, status=STATUS.sent)
    assert not _notices().exists()

    # Migrated as `release` may migrate: before the catalogues are compiled, or with them loaded
    # before it compiled them. The migration reads none: kk and ru notices were left unmarked.
    locale_paths, settings.LOCALE_PATHS = settings.LOCALE_PATHS, []
    MIGRATION.mark(apps, None)
    settings.LOCALE_PATHS = locale_paths
    assert set(_notices().values_list("pk", flat=True)) == notices

    time_machine.move_to(timezone.now() + STAFF_NOTICES_KEPT + timedelta(minutes=1))
    enforce_retention()
    assert not Email.objects.filter(pk__in=notices).exists()
    assert {m.pk for m in Email.objects.all()} == persons  # Asel's and Dana's own mail stay


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_subject_lines_old_notices_are_known_by_are_the_sites_own_today(lang):
    """The migration keeps each notice's subject line as data, in each language, as the site
    writes it today: a subject line reworded since, in English or in a translation, is said here
    (old notices carry the wording the migration keeps)."""
    english = MIGRATION.SUBJECT_LINES["en"]
    with translation.override(lang):
        assert [translation.gettext(line) for line in english] == MIGRATION.SUBJECT_LINES[lang]
    assert set(MIGRATION.SUBJECT_LINES) == {"en"} | {code for code, _name in settings.LANGUAGES}
