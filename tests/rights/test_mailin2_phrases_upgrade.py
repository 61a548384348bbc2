"""0057–0059 on a database whose officer keeps a row of one of their phrases already, in another
spelling: the officer's row stays as it was left, the phrase once in the table (compliance L7;
consent/rights/migrations/_phrases.py). A second row of it withdrew every consent where the
officer had narrowed the phrase to the news, and the admin refused to save either row."""

import importlib

from django.apps import apps

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import IntakePhrase
from consent.rights.spelling import normalise

from . import one_person
from .conftest import message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

FORBIDDEN = importlib.import_module("consent.rights.migrations.0057_processing_forbidden_phrases")
ONCE = importlib.import_module("consent.rights.migrations.0060_mailin2_phrases_once")
PHRASE = "Не обрабатывайте данные"


def rows_of(phrase):
    return [row for row in IntakePhrase.objects.all() if normalise(row.phrase) == normalise(phrase)]


def officers_row():
    """The database before 0057, its officer's row of the phrase narrowed to the news."""
    IntakePhrase.objects.filter(phrase=PHRASE).delete()
    return IntakePhrase.objects.create(
        phrase="не обрабатывайте данные.", type="withdraw", language="ru", purpose=MARKETING
    )


def test_an_officers_phrase_narrowed_to_the_news_stays_so_after_the_upgrade(person):
    officers = officers_row()
    FORBIDDEN.seed(apps, None)
    assert rows_of(PHRASE) == [officers]
    officers.full_clean()  # the admin saves it still
    ingest(message("", body="Не обрабатывайте мои данные."))
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_a_row_added_beside_the_officers_is_taken_out_again(db):
    officers = officers_row()
    kind, phrase, language, note = FORBIDDEN.PHRASES[0]
    IntakePhrase.objects.create(phrase=phrase, type=kind, language=language, note=note)
    ONCE.unduplicate(apps, None)
    assert rows_of(PHRASE) == [officers]


def test_the_phrases_are_taken_out_on_the_way_back_the_officers_kept(db):
    officers = officers_row()
    FORBIDDEN.seed(apps, None)
    FORBIDDEN.unseed(apps, None)
    assert rows_of(PHRASE) == [officers]
    assert not IntakePhrase.objects.filter(phrase="Запрещаю обработку персональных данных").exists()
    FORBIDDEN.seed(apps, None)  # and forward again
    assert IntakePhrase.objects.filter(phrase="Запрещаю обработку персональных данных").count() == 1
