"""Withdrawals of consent as people write them by email, in Russian and Kazakh (compliance L7,
L14, L15), each taken through the intake and read on the ledger. Never more than the letter asks.

Found by writing them: the object first and the verb last with the object between («Согласие на
обработку персональных данных прошу отозвать», «…прошу считать отозванным») opened "other", the
verb too far from its consent; «согласие отзываю на рассылку» too, the verb read as the noun
«отзыв» (a review) before «на». The object in a clause or a sentence of its own («Отзываю
согласие, а именно на рассылку», «Отзываю согласие. На рассылку.», «Келісімімді кері қайтарамын,
яғни жарнамалық хабарламаларға берген келісімімді») or, in Kazakh, after the verb («Келісімімді
кері қайтарамын жарнамаға») withdrew every consent: the application's answer with the news. And
an object that is none of the site's purposes («отзываю согласие на звонки») withdrew every
consent too; it is now the officer's to read, nothing withdrawn as it arrives. So did what the
policy's own phrase is processed for («…на обработку персональных данных для рассылки»): its
«на» alone, cut short by the phrase's next word, was read as the object, which named nothing
processed for."""

import pytest

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import message, untouched

Type, Limit = Ticket.Type, Ticket.Limit

EVERY_CONSENT = [
    ("Отзыв согласия", "Здравствуйте.\nСогласие на обработку персональных данных прошу "
     "отозвать.\nС уважением, Әсел"),
    ("", "Согласие на обработку персональных данных прошу отозвать."),
    ("", "добрый день согласие на обработку пд прошу отозвать спасибо"),
    ("Заявление", "Согласие данное вам ранее на обработку персональных данных прошу считать "
     "отозванным."),
    ("", "Прошу считать моё согласие отозванным"),
    ("", "Своё согласие на обработку персональных данных отзываю."),
    ("", "Здраствуйте. Прошу отазвать мое сагласие на обработку персанальных данных. Спасибо"),
    ("", "Отзываю согласие, данное на сайте emalu.kz"),
    ("", "Отзываю согласие, потому что звонят"),
    ("", "Сіздерге берген келісімімді кері қайтарып аламын"),
    ("", "Келісімімді кері қайтарамын, сіздерге берген"),
    ("", "Жеке деректерімді өңдеуге келісімімді кері қайтарамын"),
    # «уведомляю» is no «уведомления» (phrases.OTHER_WORDS): it stopped only the news
    ("", "Уведомляю об отзыве согласия на обработку персональных данных"),
]  # fmt: skip


@pytest.mark.parametrize("subject_line, body", EVERY_CONSENT)
def test_the_data_as_a_whole_or_nothing_named_withdraws_every_consent(person, subject_line, body):
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, "")
    assert not gate.may_process(person, MARKETING) and not gate.may_process(person, SERVICE)


THE_NEWS = [
    ("", "согласие отзываю на рассылку"),
    ("", "Согласие на рассылку прошу считать отозванным"),
    ("", "Отзываю своё согласие, а именно на рассылку"),
    ("", "Согласие отзываю, то есть на рассылку"),
    ("", "Отзываю согласие. На рассылку."),
    ("", "Прошу отозвать согласие на обработку персональных данных, а именно на получение "
         "рассылки"),
    ("", "Отзываю согласие, а именно на рассылку\n\n> Новости курса: отзыв согласия на "
         "обработку персональных данных"),
    ("Келісімді қайтарып алу", "Сәлеметсіз бе. Келісімімді кері қайтарамын, яғни жарнамалық "
     "хабарламаларға берген келісімімді.\nРахмет"),
    ("", "келісімімді қайтарамын жарнамаға"),
    ("", "Келісімімді кері қайтарамын жарнамалық хабарламаларға"),
    ("", "Келісімімді кері қайтарамын, жарнамалық хабарламаларға берген."),
    ("", "Келісімімді кері қайтарамын. Жарнамалық хабарламаларға берген келісімімді."),
    ("", "Сәлем! рассылкаға берген келісімімді қайтарамын"),
    # The policy's own phrase, then what the data is processed for.
    ("", "Отзываю согласие на обработку персональных данных для рассылки"),
]  # fmt: skip


@pytest.mark.parametrize("subject_line, body", THE_NEWS)
def test_the_news_named_anywhere_withdraw_the_news_only(person, subject_line, body):
    ticket = ingest(message(subject_line, body=body))
    assert ticket.type in (Type.WITHDRAW, Type.UNSUBSCRIBE)
    assert ticket.type == Type.UNSUBSCRIBE or ticket.purpose == MARKETING
    assert not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE)  # the answer to their application goes on


@pytest.mark.parametrize("body", [
    "согласие отзываю на передачу данных за границу",
    "Отзываю согласие, а именно на трансграничную передачу",
])  # fmt: skip
def test_the_transfer_abroad_named_after_the_verb_withdraws_that_one(person, texts, body):
    consent_grant(person, texts[CROSS_BORDER], language="ru", source=Source.CONTACT_FORM)
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, CROSS_BORDER)
    assert not gate.may_process(person, CROSS_BORDER)
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


NO_PURPOSE_OF_OURS = [
    ("", "отзываю согласие на звонки"),
    ("", "Согласие отзываю на звонки"),
    ("Отзыв согласия", "Здравствуйте, отзываю согласие на звонки и смс. Спасибо"),
    ("Отзыв", "Прошу отозвать моё согласие на звонки от менеджеров.\n\nОтправлено с iPhone"),
    ("", "Прошу отозвать согласие на фото и видео съемку"),
    ("", "Отзываю согласие на обработку данных в целях звонков"),
    ("", "Отзываю согласие на обработку персональных данных для звонков"),
    ("", "Қоңырау шалуға берген келісімімді кері қайтарып аламын"),
    ("Келісімді қайтарып алу", "Келісімімді кері қайтарып аламын, яғни қоңырауларға берген "
     "келісімімді"),
]  # fmt: skip


@pytest.mark.parametrize("subject_line, body", NO_PURPOSE_OF_OURS)
def test_a_consent_to_no_purpose_of_ours_is_the_officers_to_read(person, subject_line, body):
    """Every consent withdrawn would be more than it asks; which one it means, if any, is for an
    officer to say. Opened "other" with a withdrawal's days, the desk told why."""
    ticket = ingest(message(subject_line, body=body))
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.UNREAD
    assert untouched(person)


def test_the_news_stopped_beside_it_still_stop(person):
    ticket = ingest(message("", body="Отзываю согласие на звонки. Отпишите меня от рассылки"))
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.UNREAD
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Согласие на обработку персональных данных не отзываю, это ошибка",
    "Согласие на рассылку я отозвала вчера",
    "мой отзыв на курс и согласие на публикацию",
    "Согласие на обработку персональных данных как отозвать?",
])  # fmt: skip
def test_its_denied_told_or_questioned_twins_withdraw_nothing(person, body):
    ingest(message("", body=body))
    assert untouched(person)


@pytest.mark.parametrize("lang, said", [
    ("ru", "не является ни одной из целей"), ("kk", "мақсаттардың ешқайсысы емес"),
])  # fmt: skip
def test_the_desk_says_why_nothing_was_withdrawn(person, desk, lang, said):
    ticket = ingest(message("", body="Отзываю согласие на звонки. Отпишите меня от рассылки"))
    desk.cookies["django_language"] = lang
    html = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="letter-limits"' in html and said in html
    # The news it asked to stop as well were stopped, and the officer is told so.
    assert {"ru": "остановлены при получении", "kk": "хат келгенде тоқтатылды"}[lang] in html


NO_LONGER_GIVEN = [
    "Согласие больше не даю",
    "Больше не согласна на обработку моих данных",
    "Больше не согласен на обработку персональных данных",
    "Своё согласие на обработку данных более не даю",
    "Согласие на обработку персональных данных более не действует, прошу прекратить обработку",
    "Бұдан былай келісім бермеймін",
    "Келісімім енді жоқ",
    "Енді келісімімді бермеймін",
]  # fmt: skip


@pytest.mark.parametrize("body", NO_LONGER_GIVEN)
def test_a_consent_no_longer_given_withdraws_every_consent(person, body):
    """Said so in the person's own words, not the policy's: each opened "other", nothing
    withdrawn."""
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, "")
    assert not gate.may_process(person, MARKETING) and not gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Согласие на рассылку больше не даю",
    "Больше не даю согласие на рассылку",
    "Бұдан былай жарнамаға келісім бермеймін",
])  # fmt: skip
def test_a_consent_no_longer_given_to_the_news_withdraws_the_news_only(person, body):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.purpose) == (Type.WITHDRAW, MARKETING)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "не даю ли я согласие?",
    "раньше не давала согласия",
    "Согласие больше не даю?",
    "Бұрын келісім бермегенмін",
    "Бұдан былай келісім бермеймін бе?",
    "Келісімім енді жоқ па?",
    "Ссылка для подтверждения согласия не действует",
    "Я не согласна с вашим ответом",
])  # fmt: skip
def test_its_question_past_or_other_sense_withdraws_nothing(person, body):
    ingest(message("", body=body))
    assert untouched(person)


@pytest.mark.parametrize("body", [
    "Отзываю согласие на рассылку и на звонки",
    "Прошу отозвать согласие на рассылку и на звонки от менеджеров",
    "Отзываю согласие на рассылку и звонки",
])  # fmt: skip
def test_a_consent_to_no_purpose_of_ours_beside_the_news_is_not_dropped(person, body):
    """The news stopped, the rest was dropped without a word: the officer reads it now."""
    ticket = ingest(message("", body=body))
    assert ticket.type == Type.OTHER and ticket.limits["limit"] == Limit.UNREAD
    assert ticket.limits["stops"] == [MARKETING]
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body", [
    "Отзываю согласие на рассылку и больше не пишите",
    "Отзываю согласие на рассылку и всё",
])  # fmt: skip
def test_a_request_joined_to_the_news_is_no_object_for_the_officer(person, body):
    ticket = ingest(message("", body=body))
    assert ticket.type == Type.UNSUBSCRIBE and not ticket.limits
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
