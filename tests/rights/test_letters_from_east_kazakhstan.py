"""Letters as people in East Kazakhstan write them (the `mailin15` batch of the recognition set,
tests/rights/intake_mail/README.md): spam named as what is to stop, the Kazakh «keep doing»
negated on its auxiliary, information named as what is deleted, Russian's «рассылка» in Kazakh
grammar (compliance L7)."""

import pytest

from consent.rights.intake import classify
from consent.rights.spelling import key_words


@pytest.mark.parametrize(
    "subject_line,body,expected",
    [
        # spam named as what is to stop; «спам» alone is the folder a letter lands in
        ("СПАМ", "Хватит слать мне ваш спам!", ("unsubscribe", "ru")),
        ("", "Перестаньте мне спамить", ("unsubscribe", "ru")),
        ("", "Маған спам жібермеңіздер", ("unsubscribe", "kk")),
        ("", "Ваше письмо попало в спам, пришлите ссылку ещё раз", ("other", "ru")),
        ("", "Хат спамға түсті, қайта жіберіңізші", ("other", "kk")),
        ("", "Почему вы присылаете мне спам?", ("other", "ru")),
        # «keep doing» negated on its auxiliary is the verb negated
        ("", "Маған хабарлама жібере бермеңдер!!!", ("unsubscribe", "kk")),
        ("", "Маған хат жаза көрмеңіздер", ("unsubscribe", "kk")),
        ("", "Маған хабарлама жібере беріңіз", ("other", "kk")),
        # information named as what is deleted is a destruction; information about a deletion
        # asked for is access
        ("", "Информацию обо мне удалите", ("destroy", "ru")),
        ("", "Сведения обо мне удалите, пожалуйста", ("destroy", "ru")),
        ("", "Ақпаратымды өшіріңіз", ("destroy", "kk")),
        ("", "Информацию об удалении данных пришлите", ("access", "ru")),
        ("", "Сообщите, когда удалите мои данные", ("access", "ru")),
        ("", "Не удаляйте информацию обо мне", ("other", "ru")),
        # Russian's «рассылка» in Kazakh grammar
        ("", "Сәлеметсіз бе, мені рассылкадан шығарыңызшы", ("unsubscribe", "kk")),
        ("", "Рассылкадан бас тартпаймын", ("other", "kk")),
    ],
)  # fmt: skip
def test_classify(db, subject_line, body, expected):
    assert classify(subject_line, body) == expected


@pytest.mark.parametrize("written, read", [
    ("хабарлама жібере бермеңдер", "хабарлама жібермеңдер"),
    ("хат жаза көрмеңіз", "хат жазбаңыз"),
    ("айта бермеңізші", "айтпаңызшы"),
    # a dative or a noun before «бермеңіз» is what is given, not a converb
    ("үшінші тарапқа бермеңіз", "үшінші тарапқа бермеңіз"),
    ("анама бермеңіз", "анама бермеңіз"),
    ("жарнама бермеңіз", "жарнама бермеңіз"),
    # «keep doing» asked is no stop
    ("жібере беріңіз", "жібере беріңіз"),
])  # fmt: skip
def test_a_negated_auxiliary_is_read_as_its_verb_negated(written, read):
    assert key_words(written) == key_words(read)
