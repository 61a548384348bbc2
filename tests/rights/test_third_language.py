"""A letter in a language that is neither Kazakh nor Russian (compliance L7, language.py
OTHER_LANGUAGE): «Bitte löschen Sie meine Daten. Schöne Grüße» was answered in Kazakh, since
any ö or ü counted as a letter of Kazakh's Latin alphabets. German, Turkish and Spanish write
them too; a Latin text is Kazakh by its words («derekterimdi», «sälemetsız») or by a letter only
Kazakh writes (ǵ, ŋ, ə), the shared letters counting only beside them."""

import pytest

from consent.rights.intake import ingest

from .conftest import mails_to, message

KAZAKH = set("әғқңөұүһі")

STRANGERS = {
    "de": ("Datenlöschung", "Guten Tag,\nbitte löschen Sie meine Daten.\nSchöne Grüße, Jürgen"),
    "de, no subject": ("", "Ich möchte keine E-Mails mehr bekommen. Danke für Ihre Mühe"),
    "tr": ("Verilerim", "Merhaba, lütfen kişisel verilerimi silin. Teşekkürler, Gül"),
    "es": ("Datos", "Hola, por favor borren mis datos. Gracias, Begoña Núñez"),
}  # fmt: skip


@pytest.mark.parametrize("subject_line, body", STRANGERS.values(), ids=STRANGERS)
def test_a_strangers_letter_in_a_third_language_is_answered_wholly_in_russian(
    db, subject_line, body
):
    ticket = ingest(message(subject_line, sender="j@example.de", body=body))
    assert ticket.language == "ru"
    [mail] = mails_to("j@example.de")
    assert "Здравствуйте" in mail.message and not KAZAKH & set(mail.message.lower())


LATIN_KAZAKH = {
    "2021": "Sälemetsız be!\nMeniñ derekterimdi joiyñyz.\nRahmet, Aigerım",
    "2018": "Sálemetsiz be! Meni jarnama taratylymynan shyǵaryńyz, ótinemin.",
    "ascii": "Salemetsiz be, menin derekterimdi zhoiynyz",
    "a question": "Derekterimdi qalai joiuǵa bolady?",
}


@pytest.mark.parametrize("body", LATIN_KAZAKH.values(), ids=LATIN_KAZAKH)
def test_kazakh_in_latin_letters_is_still_answered_in_kazakh(db, body):
    ticket = ingest(message("", sender="a@example.kz", body=body))
    assert ticket.language == "kk"
