"""The answer to a correction names what was corrected and what was removed (compliance L11).
Asel asked for her surname and her telephone number to be changed; the officer, with the
document for the surname only, changed the surname; the letter said «Ваши данные исправлены»
(«Деректеріңіз түзетілді»), which she read as both. It now names the items, by the names the
consent texts give them, in her language; a number removed at her request is said to be
removed (rights.corrected_told)."""

import pytest

from .conftest import act, confirm, mails_to, web_request
from .test_corrections import panel_as_shown

SAID = {
    "kk": {"corrected": "Түзетілген деректер: тегі, аты және әкесінің аты.",
           "removed": "Өтінішіңіз бойынша жойылған деректер: телефон нөмірі.",
           "both": "Түзетілген деректер: тегі, аты және әкесінің аты; туған жері."},
    "ru": {"corrected": "Исправлено: фамилия, имя и\xa0отчество.",
           "removed": "Удалено по вашей просьбе: номер телефона.",
           "both": "Исправлено: фамилия, имя и\xa0отчество; место рождения."},
}  # fmt: skip
ASKED = {"kk": "Тегім Қасымқызы болуы керек, телефонымды 8 702 111 22 33 деп өзгертіңіз",
         "ru": "Фамилия должна быть Қасымқызы, телефон замените на 8 702 111 22 33"}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_answer_names_the_items_corrected_and_no_other(
    client, privacy_officer_client, person, lang
):
    web_request(client, lang, "correct", message=ASKED[lang])
    ticket = confirm(client, lang)
    shown = panel_as_shown(privacy_officer_client, ticket)
    act(privacy_officer_client, ticket, **{**shown, "full_name": "Әсел Қасымқызы"},
        document="Жеке куәлік № 045")  # fmt: skip
    answer = mails_to("asel@example.kz")[-1].message
    assert SAID[lang]["corrected"] in answer
    assert "телефон" not in answer.lower()  # not corrected, not said to be


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_item_removed_is_said_to_be_removed(client, privacy_officer_client, person, lang):
    web_request(client, lang, "correct", message="Телефон нөмірімді өшіріңіздер")
    ticket = confirm(client, lang)
    shown = panel_as_shown(privacy_officer_client, ticket)
    act(privacy_officer_client, ticket, **{**shown, "phone": "", "full_name": "Әсел Қасымқызы",
                                          "birth_place": "Өскемен"}, document="Өтініш")  # fmt: skip
    answer = mails_to("asel@example.kz")[-1].message
    assert SAID[lang]["both"] in answer and SAID[lang]["removed"] in answer
