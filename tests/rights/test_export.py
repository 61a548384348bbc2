"""Legal item 10: the access export holds every field of every row linked to the person, in
their language; a field added later to any of these models and left out of the export fails
test_the_export_holds_every_field_linked_to_the_subject."""

import base64
import json
import re
import subprocess
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.db import models
from django.test import RequestFactory
from django.utils import timezone, translation
from post_office.models import Email

from consent.common.i18n import language_name
from consent.common.text import plain_text
from consent.core.delivery import send_queued
from consent.core.ledger import consent_grant, consent_withdraw
from consent.core.models import Declined, Guardian, Held, LedgerEntry, Source, Subject, Submission
from consent.core.photos import photo_encrypt
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import data_listed
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign, CampaignRecipient, Returned
from consent.rights.answers import ticket_correct
from consent.rights.closing import ticket_reopen
from consent.rights.export import export_json
from consent.rights.models import Correction, KeptRequest
from consent.rights.readable import export_pdf
from consent.rights.selfservice import ticket_open_verified
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import PHOTO

ALMATY = ZoneInfo("Asia/Almaty")


# Fields that are not looked for in the export, and why. Everything else must be there.
NOT_EXPORTED = {
    "id": "a database row number, internal (the person's own number is subject_id)",
    "subject": "the link back to the person the whole export is about",
    "photo": "the storage file name, random and internal; the photo itself is exported, "
    "decrypted, with the time it was received (checked below)",
    "actor": "the staff member behind a ledger event: an employee's data, not the person's; the "
    "event's source already says it was staff",
    "assignee": "the officer who took the request on the desk: an employee's data, not the "
    "person's",
    "outbox_message_id": "the campaign mail's Message-ID, internal: which outbox row it was",
    "limits": "the desk's note of what the letter's own words kept the intake from doing (what "
    "it asked to stop and to keep), internal: the letter itself is exported as written",
    "asked_whether": "a desk mark: the letter (exported) asks whether the right can be used",
    "replaces": "a desk mark: the letter (exported) changes the request it names (regarding)",
    "about_someone_else": "the desk's mark that the letter reads as written about someone else: "
    "how the intake routed it, read from the message, which is exported",
    "as_guardian": "the desk's mark that the request's address is one a parent gave with their "
    "consent for a child: the access answer itself says what is held about them as a parent",
    "held": "the row numbers of the consent texts and the guardian a held consent is recorded "
    "with once confirmed, internal; the submission's consent_held says what became of it",
    "name_key": "the full name (exported) as the desk's search compares it, made from it by "
    "consent.core.names and never shown: a copy of it, not more data",
    "letter_key": "a hash of the emailed letter, internal: how the intake knows it if read again; "
    "the letter's Message-ID and text are exported",
    "acts": "whether the parent named acts for the person: a rule's mark, internal",
    "pending": "whether that parent waits to be confirmed: a rule's mark, on the person's page",
}


@pytest.fixture
def person(texts, make_subject, officer):
    """A person with at least one row in every model linked to them, every field filled."""
    s = make_subject(
        full_name="Әсел Қасымова", email="asel@example.kz", phone="+77011234567",
        birth_date=date(2009, 3, 14), birth_place="Өскемен-Ұлан", language="ru",
    )  # fmt: skip
    submission = Submission(
        subject=s, source=Source.APPLICATION_FORM, language="kk", answered_at=timezone.now(),
        consent_held=Held.CONFIRMED,
        data={"full_name": "Әсел Қасымова", "message": "Сұрағым бар: бағасы қанша?",
              "service": "Кеңес берудің ерекше түрі", "consents": {SERVICE: True}},
    )  # fmt: skip
    # Stored as the application form stores it: encrypted, under a random name, the record's too.
    submission.photo.save("photo.jpg", photo_encrypt(ContentFile(PHOTO)), save=False)
    submission.save()
    s.photo.name = submission.photo.name
    s.save(update_fields=["photo"])
    guardian = Guardian.objects.create(subject=s, full_name="Гүлнар Қасымова",
                                       contact="gulnar@example.kz")  # fmt: skip
    Guardian.objects.create(subject=s, full_name="М", contact="m@e.kz", declined=Declined.BY_CHILD)
    web = RequestFactory().post(
        "/", HTTP_USER_AGENT="Mozilla/5.0 Firefox/Ерекше", REMOTE_ADDR="10.1.2.3"
    )
    consent_grant(s, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=guardian, request=web)  # fmt: skip
    consent_grant(s, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM,
                  guardian=guardian)  # fmt: skip
    campaign = Campaign.objects.create(
        title="internal-title", subject_line_kk="Көктемгі жаңалықтар", body_kk="Мәтін",
        subject_line_ru="Весенние новости", body_ru="Текст",
    )  # fmt: skip
    campaign_send(campaign)
    consent_withdraw(s, MARKETING, source=Source.SELF_SERVICE, reason="Больше не интересно")
    send_queued()  # the campaign's mail is withheld unsent: marketing was withdrawn meanwhile
    # The fields of a mail come back, filled for the walk (tests/marketing/test_returned_mail.py
    # has them come as they do: a bounce or a complaint read by the intake).
    CampaignRecipient.objects.filter(subject=s).update(
        returned_at=timezone.now(), returned_as=Returned.COMPLAINT
    )
    ticket = ticket_open(kind="correct", email="asel@example.kz", language="ru", channel="email",
                       purpose=SERVICE, message="Исправьте фамилию",
                       message_id="<abc-123@mail.example.kz>",
                       reply_to="asel.work@example.kz")  # fmt: skip
    ticket = ticket_verify(ticket)
    ticket_open(kind="other", email="asel@example.kz", language="ru", channel="email",
                message="Спасибо", regarding=ticket)  # a reply, filed with the request  # fmt: skip
    ticket_correct(ticket, changes={"full_name": "Әсел Қасымқызы"}, document="Удостоверение № 0451",
                    actor=officer)  # fmt: skip
    ticket_reopen(ticket, reason="Фамилия в удостоверении написана иначе", actor=officer)
    # A block her mother asked for her on the page of the children she acts for (rights.wards).
    ticket_open_verified(s, "block", "Прошу заблокировать", "kk", guardian=guardian)
    KeptRequest.objects.create(subject=s, type="block", message="Остановите рассылку, пожалуйста",
                               kept_until=timezone.now() + timedelta(days=1))  # fmt: skip
    s.refresh_from_db()
    return s


def shown(value):
    """How the JSON writes a value: a time in ISO 8601, in Almaty with its offset."""
    if isinstance(value, datetime):
        return value.astimezone(ALMATY).replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def expected(obj, field):
    """The strings the export must hold for one field of one row."""
    value = getattr(obj, field.attname)
    if value in (None, "", {}):
        return None
    if field.name == "language":  # named in the reader's language, not in its own
        return [language_name(value)]
    if field.choices:
        return [str(getattr(obj, f"get_{field.name}_display")())]
    if isinstance(obj, LedgerEntry) and field.name == "shown_fields":  # as the text listed them
        return [data_listed(obj.text, obj.language, value)] if value else None
    if isinstance(field, models.JSONField):
        leaves, stack = [], [value]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, str):
                leaves.append(item)
        return leaves
    if isinstance(obj, Correction) and field.name == "field":
        return [str(Subject._meta.get_field(value).verbose_name)]
    if isinstance(field, models.ForeignKey):
        related = getattr(obj, field.name)
        how = {
            "guardian": lambda g: g.full_name,
            "text": lambda t: str(t.version),
            "ticket": lambda r: r.reference,
            "regarding": lambda r: r.reference,
            "campaign": lambda c: c.content(obj.language)[0],
        }
        assert field.name in how, f"{obj._meta.label}.{field.name}: decide how to export it"
        return [how[field.name](related)]
    return [shown(value)]


def test_the_export_holds_every_field_linked_to_the_subject(person):
    with translation.override("ru"):
        text = export_json(person, "ru").decode()
        data = json.loads(text)
        models_rows = [(Subject, [person])] + [
            (rel.related_model, list(rel.related_model.objects.filter(**{rel.field.name: person})))
            for rel in Subject._meta.related_objects
        ]
        checked = set()
        for model, rows in models_rows:
            assert rows, f"the fixture needs a {model._meta.label} row"
            for field in model._meta.concrete_fields:
                if field.name in NOT_EXPORTED:
                    continue
                values = [expected(row, field) for row in rows]
                assert any(values), f"fill {model._meta.label}.{field.name} in the fixture"
                for value in filter(None, values):
                    for v in value:
                        missing = f"{model._meta.label}.{field.name} = {v!r} not exported"
                        # Plain, but for what a hash was taken over (test_plain_files).
                        assert plain_text(v) in text or v in text, missing
                checked.add(f"{model._meta.label}.{field.name}")
    # the walk really covered the models the law is about
    for name in ["rights.Correction.old_value", "rights.Correction.document",
                 "marketing.CampaignRecipient.queued_at", "consent.Guardian.contact",
                 "consent.Submission.data", "rights.Ticket.outcome", "consent.LedgerEntry.ip",
                 "consent.LedgerEntry.user_agent", "consent.LedgerEntry.reason",
                 "consent.Subject.created_at"]:  # fmt: skip
        assert name in checked
    assert data["subject_id"] == person.pk
    assert "alice" not in text  # the staff member is not the person's data
    # the photo itself, decrypted, and when it came; once, the application naming the same file;
    # never its storage name
    photo = data["data"]["photo"]
    submission = Submission.objects.get()
    assert base64.b64decode(photo["base64"]) == PHOTO and photo["content_type"] == "image/jpeg"
    assert photo["received"] == shown(submission.created_at)
    same = "То же фото, что в разделе «Ваши данные» выше."  # plain in the JSON
    assert data["sources_and_methods"][0]["photo"] == same
    assert submission.photo.name.rsplit("/", 1)[-1].split(".")[0] not in text
    # mail sent to her, or her mother about her: when, to which address, subject, status; no body
    mails = [m for m in Email.objects.all() if m.to[0] in ("asel@example.kz", "gulnar@example.kz")]
    assert len(mails) >= 2 and len(data["emails"]) == len(mails)
    for mail in mails:
        assert plain_text(mail.subject) in text and shown(mail.created) in text
    assert "Текст" not in json.dumps(data["emails"], ensure_ascii=False)


def test_the_export_leaves_out_other_people(person, make_subject):
    make_subject(full_name="Басқа Адам", email="other@example.kz")
    Email.objects.create(from_email="a@example.kz", to=["other@example.kz"], subject="Бөтен хат")
    text = export_json(person, "kk").decode()
    assert "other@example.kz" not in text and "Бөтен хат" not in text


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize(
    "lang, headings",
    [
        (
            "kk",
            [
                "Сіздің деректеріңіз",
                "Түзетулер",
                "Өтініштер",
                "Ата-аналар немесе қорғаншылар",
                "Таратулар",
            ],
        ),
        ("ru", ["Ваши данные", "Исправления", "Запросы", "Родители или опекуны", "Рассылки"]),
    ],
)
def test_the_pdf_reads_in_the_persons_language(person, lang, headings, tmp_path):
    (tmp_path / "export.pdf").write_bytes(export_pdf(person, lang))
    out = subprocess.run(["pdftotext", tmp_path / "export.pdf", "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    correction = Correction.objects.get()
    assert correction.old_value in out and correction.new_value in out
    assert "Удостоверение № 0451" in out and "Гүлнар Қасымова" in out
    for heading in headings:
        assert heading in out
    assert "consent_history" not in out and "sources_and_methods" not in out
    # The photo is in it, as the picture: once, though the application names the same file.
    images = subprocess.run(["pdfimages", "-list", tmp_path / "export.pdf"],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    (image,) = images.splitlines()[2:]
    assert image.split()[3:5] == ["40", "30"]
    assert ("«Сіздің деректеріңіз»" if lang == "kk" else "«Ваши данные»") in out


def test_a_photo_no_key_opens_is_said_to_be_held_and_the_rest_is_answered(person, settings):
    """The person still gets everything else, and is told how to get the photo; the operator's
    log says why (a key dropped before encrypt_photos ran)."""
    from cryptography.fernet import Fernet

    settings.MEDIA_ENCRYPTION_KEY = [Fernet.generate_key().decode()]
    data = json.loads(export_json(person, "kk"))
    assert "@" in data["data"]["photo"] and data["data"]["full_name"] == person.full_name
    assert base64.b64encode(PHOTO).decode()[:40] not in json.dumps(data)


def test_an_address_taken_over_by_someone_else_brings_none_of_the_first_persons_requests(
    make_subject, texts, django_capture_on_commit_callbacks
):
    """A wrote from x@ and then moved to y@; B later signs up with x@. B's export and B's
    destruction leave A's requests alone."""
    from consent.rights.erasure import subject_destroy

    first = make_subject(full_name="First", email="x@example.kz")
    ticket = ticket_open(kind="access", email="x@example.kz", language="kk", channel="web",
                       message="first person's words")  # fmt: skip
    assert ticket.subject == first
    first.email = "y@example.kz"
    first.save()
    second = make_subject(full_name="Second", email="x@example.kz")
    assert "first person's words" not in export_json(second, "kk").decode()
    with django_capture_on_commit_callbacks(execute=True):
        subject_destroy(second, request_ref="R-test")
    ticket.refresh_from_db()
    assert ticket.subject == first and ticket.message == "first person's words"


# 30.11.2026 13:12, 01.12.2026 01:30, 14.03.2009, 14.04.2009 as the site's pages write them.
LONG_DATES = {
    "kk": ["2026 жылғы 30 қараша, 13:12", "2026 жылғы 1 желтоқсан, 01:30",
           "2009 жылғы 14 наурыз", "2009 жылғы 14 сәуір"],
    "ru": ["30 ноября 2026 г., 13:12", "1 декабря 2026 г., 1:30", "14 марта 2009 г.",
           "14 апреля 2009 г."],
}  # fmt: skip
READS = {
    # language: the names of the person's and the form's languages; a column where a raw
    # value could show, and the note on the JSON's times
    "kk": (("Орысша", "Қазақша"), "тіл", "ISO 8601 пішімінде"),
    "ru": (("Русский", "Казахский"), "язык", "формате ISO 8601"),
}


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_pdf_writes_times_dates_and_languages_as_the_person_does(
    texts, make_subject, time_machine, lang, tmp_path
):
    """The person's copy printed times as 2026-11-30 13:12:44, dates as 2009-03-14 (a date of
    birth corrected too), «Asia/Almaty», and each language by its own name whatever the
    person's (Русский in a Kazakh file). The PDF now writes them as the person does, wholly in
    their language; the JSON keeps ISO 8601 for programs, with the offset, and says so."""
    time_machine.move_to("2026-11-30 08:12:44+00:00", tick=False)  # 13:12:44 in Almaty
    person = make_subject(birth_date=date(2009, 3, 14), language="ru")
    Submission.objects.create(subject=person, source=Source.APPLICATION_FORM, language="kk",
                              data={"full_name": "Әсел", "birth_date": "2009-03-14"})  # fmt: skip
    mother = Guardian.objects.create(subject=person, full_name="Гүлнар", contact="+77011112233")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=mother)  # fmt: skip
    time_machine.move_to("2026-11-30 20:30:00+00:00", tick=False)  # 1 December in Almaty
    ticket = ticket_verify(ticket_open(kind="correct", email=person.email, language=lang,
                                       channel="web", message="…"))  # fmt: skip
    ticket_correct(ticket, changes={"birth_date": date(2009, 4, 14)}, document="№ 1", actor=None)
    person.refresh_from_db()
    (person_language, form_language), column, note = READS[lang]

    (tmp_path / "export.pdf").write_bytes(export_pdf(person, lang))
    out = subprocess.run(["pdftotext", "-layout", tmp_path / "export.pdf", "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    out = out.replace("\xa0", " ")
    for shown_ in [*LONG_DATES[lang], person_language, form_language]:
        assert shown_ in out
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}|Asia/Almaty", out)
    languages = re.findall(rf"^{column} +(\S+)$", out, re.MULTILINE)
    assert languages and set(languages) <= {person_language, form_language}

    data = json.loads(export_json(person, lang))
    assert data["consent_history"][0]["at"] == "2026-11-30T13:12:44+05:00"
    assert datetime.fromisoformat(data["exported_at"]).utcoffset().total_seconds() == 5 * 3600
    assert data["data"]["birth_date"] == "2009-04-14"
    assert data["corrections"][0]["old_value"] == "2009-03-14"
    assert note in data["about_times"]
