"""Counts in the kk and ru catalogues: a sentence must read right for every number filled in,
so a count follows a colon or takes its own plural form, and no pronoun stands for it."""

import re
from datetime import date

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

DIGEST_SUBJECTS = [  # consent.rights.digest.digest
    "Requests overdue: %(overdue)d, due today: %(today)d",
    "Breaches to report to the regulator: %(breaches)d; requests overdue: %(overdue)d, due "
    "today: %(today)d",
]


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("counts", [(0, 1, 2), (1, 5, 11), (21, 3, 104)])
def test_the_digest_subject_puts_each_count_after_a_colon(language, counts):
    """«Запросы: просрочено 1, срок сегодня 2» had no form right for every number (a count
    before a noun or participle needs its plural form): each count now follows a colon."""
    values = dict(zip(["overdue", "today", "breaches"], counts, strict=True))
    for msgid in DIGEST_SUBJECTS:
        with translation.override(language):
            text = gettext(msgid) % values
        for name in re.findall(r"%\((\w+)\)d", msgid):
            assert re.search(rf": {values[name]}(?!\d)", text), (name, text)
        assert not re.search(r"\d\s+\w", text), text


# A pronoun that stands for the counted thing: «прочитайте его» for one email, «их» for more.
RU_PRONOUNS = re.compile(r"\b(его|её|ее|него|нём|нем|ним|ней|неё|он|она|оно|они|их|них|им|ими)\b")


def test_a_russian_singular_form_reads_right_for_21_too():
    """Russian uses its first plural form for 1, 21, 31, 101…: «К вашему письму был приложен 21
    файл: мы его не сохранили» spoke of the 21 files as of one. A pronoun that changes between
    the first form and the form for 5 follows the count: a sentence that needs one is written
    without it (the thing named again, or the count after a colon)."""
    catalogue = polib.pofile("locale/ru/LC_MESSAGES/django.po")
    bad = []
    for entry in catalogue:
        if entry.msgid_plural and not entry.obsolete:
            one, many = entry.msgstr_plural[0], entry.msgstr_plural[2]
            if sorted(RU_PRONOUNS.findall(one.lower())) != sorted(
                RU_PRONOUNS.findall(many.lower())
            ):
                bad.append(one)
    assert not bad, bad


# English words that change with the count: a translation whose forms are all alike then
# says «them» of one thing, or «it» of many.
EN_NUMBERED = re.compile(r"\b(it|its|them|their|they|this|these|was|were|is|are|has|have)\b")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_plural_whose_english_changes_its_pronoun_changes_in_translation(language):
    """Kazakh said «Кезекке қойылмаған хаттар: 1. Олардың тіркемелері…» («emails: 1, their
    attachments») of a single email: where the English singular and plural differ in more than
    the noun, the form for one differs from the form for many ({% plural %} with a count after a
    colon and no pronoun reads the same for both)."""
    catalogue = polib.pofile(f"locale/{language}/LC_MESSAGES/django.po")
    bad = []
    for entry in catalogue:
        if not entry.msgid_plural or entry.obsolete:
            continue
        one = sorted(w.lower() for w in EN_NUMBERED.findall(entry.msgid))
        many = sorted(w.lower() for w in EN_NUMBERED.findall(entry.msgid_plural))
        forms = set(entry.msgstr_plural.values())
        pronouns = re.search(r"\b(олар|оның|оны|они|их|его|её|он|она|оно)\w*", " ".join(forms))
        if one != many and len(forms) == 1 and pronouns:
            bad.append(entry.msgstr_plural[0])
    assert not bad, bad


def _returned_paragraph(language, count):
    """The officers' digest's paragraph on our mail about requests that came back undelivered,
    for `count` such letters (the list shows one of them, the rest are counted)."""
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    letter = SimpleNamespace(reference="Q-7", received_at=datetime(2026, 12, 2, 5, tzinfo=UTC),
                             request=SimpleNamespace(reference="R-5"))  # fmt: skip
    with translation.override(language):
        text = render_to_string("email/staff_digest.txt",
                                {"returned": [letter], "returned_more": count - 1})  # fmt: skip
    [line] = [line for line in text.splitlines() if f": {count}. " in line]
    return line


@pytest.mark.parametrize("count", [1, 2, 5, 21])
def test_the_digest_counts_returned_mail_in_the_number_it_has(count):
    """The digest said «…хаттарымыз: 1. Адам оны…» of one letter and the same «Адам оны» (the
    person, it) of five, and Russian «Человек их не получил» (the person did not get them) of one:
    Kazakh has a form for one and one for many; Russian, whose form for 1 also serves 21, names
    the requester without a pronoun in every form."""
    kk, ru = _returned_paragraph("kk", count), _returned_paragraph("ru", count)
    if count == 1:
        assert kk.startswith("Өтініш туралы жеткізілмей қайтып келген хатымыз: 1. Адам оны "), kk
    else:
        assert kk.startswith(f"Өтініштер туралы жеткізілмей қайтып келген хаттарымыз: {count}. "
                             "Адамдар оларды "), kk  # fmt: skip
    assert ru.startswith(f"Наши письма по запросам, вернувшиеся недоставленными: {count}. "), ru
    assert not RU_PRONOUNS.search(ru.split(": ", 1)[1]), ru


def test_a_template_fills_a_count_in_with_its_plural_forms():
    """A count bound with `{% blocktranslate with count=… %}` gets one sentence for every number;
    `{% blocktranslate count count=… %}` gives each language its forms (the digest's returned
    mail was the last one bound with `with`)."""
    from pathlib import Path

    from django.conf import settings

    bound = re.compile(r"{% blocktranslate with [^%]*\bcount=")
    bad = [path.name for path in Path(settings.BASE_DIR).glob("**/templates/**/*.*")
           if ".venv" not in path.parts and bound.search(path.read_text())]  # fmt: skip
    assert not bad, bad


@pytest.mark.parametrize("errors", [1, 21, 101])
def test_the_admin_s_error_note_reads_right_for_any_number_of_errors(errors):
    """Django's admin heads a form with errors with «Please correct the error(s) below», counted
    but with no number in it: Russian's form for 1, also used for 21 and 101, said «исправьте
    ошибку ниже» (the error, one) above 21 marked fields."""
    with translation.override("ru"):
        text = ngettext("Please correct the error below.", "Please correct the errors below.",
                        errors)  # fmt: skip
        many = ngettext("Please correct the error below.", "Please correct the errors below.", 5)
    assert text == many, text
    assert "ошибку" not in text, text


# Counted by the consent purposes a form holds back (templates/email/ack.*) or a withdrawal
# stopped (templates/email/request_verify.*, request_withdrawn*.*): never 21.
COUNTS_OF_PURPOSES = [
    "If you sent the form and want to give this consent again, confirm it by this link:",
    "If you did not send it, do nothing: your withdrawal stands.",
    "As you asked, we also withdrew your consent when your email arrived: we stopped processing "
    "your personal data for this purpose:",
    "As the child's parent or guardian, you also stopped the processing of the child's personal "
    "data for this purpose:",
    "As their parent or guardian, you also stopped the processing of these children's personal "
    "data for this purpose:",
]


def test_a_russian_count_with_no_number_in_it_reads_the_same_for_21_as_for_5():
    """A Russian plural entry that shows no number («исправьте ошибку ниже») is read for 21 and
    101 with its first form: the words cannot say «one», so the forms for 1 and 5 are the same.
    A bare noun (one word, «запись») is the exception: the page writes the number before it; so
    is a count of the consent purposes, which stays below 21."""
    from consent.core.purposes import PURPOSES

    assert len(PURPOSES) < 21
    catalogue = polib.pofile("locale/ru/LC_MESSAGES/django.po")
    bad = [entry.msgstr_plural[0] for entry in catalogue
           if entry.msgid_plural and not entry.obsolete and len(entry.msgid.split()) > 1
           and "%" not in entry.msgid + entry.msgid_plural
           and entry.msgid not in COUNTS_OF_PURPOSES
           and entry.msgstr_plural[0] != entry.msgstr_plural[2]]  # fmt: skip
    assert not bad, bad


# What a parent's withdrawal by email stopped for their child, by the number of its purposes.
STOPPED_FOR_A_CHILD = {
    "kk": (
        "баланың дербес деректерін мына мақсат үшін",
        "баланың дербес деректерін мына мақсаттар",
    ),
    "ru": ("ребёнка для следующей цели:", "ребёнка для следующих целей:"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("own_record", [False, True])
@pytest.mark.parametrize("purposes", [("service",), ("service", "marketing")])
def test_a_parent_is_told_of_this_purpose_or_these(
    language, own_record, purposes, texts, make_subject, django_capture_on_commit_callbacks
):
    """A parent who withdrew by email the one consent they gave for a child was told «we stopped
    processing the child's personal data for these purposes:», «мына мақсаттар үшін», «для
    целей:» above a single name: the mail counts the purposes stopped for the children."""
    from post_office.models import Email

    from consent.core.ledger import consent_grant
    from consent.core.models import Guardian, Source
    from consent.rights.intake import ingest
    from consent.rights.models import IntakePhrase, Ticket
    from tests.rights.conftest import message
    from tests.site.mail_scenarios_children import PARENT

    if own_record:  # the parent's own consents stop too: «you also stopped…» for the child
        parent = make_subject(email=PARENT, language=language)
        consent_grant(parent, texts["service"], language=language, source=Source.CONTACT_FORM)
    child = make_subject(email="child@example.kz", birth_date=date(2014, 3, 1))
    mother = Guardian.objects.create(subject=child, full_name="Гүлнар", contact=PARENT)
    for purpose in purposes:
        consent_grant(child, texts[purpose], language="kk", guardian=mother,
                      source=Source.APPLICATION_FORM)  # fmt: skip
    phrase = IntakePhrase.objects.canonical(Ticket.Type.WITHDRAW, language)
    with django_capture_on_commit_callbacks(execute=True):
        ingest(message(phrase, sender=PARENT))
    [mail] = Email.objects.filter(to=[PARENT])
    one, many = STOPPED_FOR_A_CHILD[language]
    for text in (mail.message, mail.html_message):
        text = text.replace("\N{NO-BREAK SPACE}", " ")
        assert (one if len(purposes) == 1 else many) in text, text
        assert (many if len(purposes) == 1 else one) not in text, text
