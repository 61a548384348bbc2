"""A letter that names two rights besides a copy of the data (compliance L7): «Удалите мои
данные и исправьте фамилию», «Деректерімді жойыңыз және тегімді түзетіңіз». With two rights
matched none was opened, and the rule that reads one item to change (items.py) then took the
letter for a correction: the destruction it asked was lost without a word.

Decided (consent/rights/also.py): one letter opens one request, the right that must be done
first (a copy before a change, a change before a block, a block before an end); the others are
recorded on it (Ticket.limits["also"]), named in the one mail asking to confirm and shown on
the desk. A second right negated or asked about is no right asked."""

import pytest

from consent.core import gate
from consent.core.models import Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import classify, ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message, untouched

Type = Ticket.Type

BOTH = {
    "ru": ("Удалите мои данные и исправьте фамилию", Type.CORRECT, [Type.DESTROY],
           "другой запрос (уничтожение данных)"),
    "kk": ("Деректерімді жойыңыз және тегімді түзетіңіз", Type.CORRECT, [Type.DESTROY],
           "басқа да өтініш бар (деректерді жою)"),
    "ru, block and destroy": ("Заблокируйте мои данные, а потом удалите мои данные", Type.BLOCK,
                              [Type.DESTROY], "другой запрос (уничтожение данных)"),
    "kk, destroy and block": ("Деректерімді бұғаттаңыз және деректерімді жойыңыз", Type.BLOCK,
                              [Type.DESTROY], "басқа да өтініш бар (деректерді жою)"),
}  # fmt: skip


@pytest.mark.parametrize("body, kind, also, told", BOTH.values(), ids=BOTH)
def test_two_rights_open_the_first_and_name_the_other(person, body, kind, also, told):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.limits.get("also")) == (kind, also)
    assert Subject.objects.filter(pk=person.pk).exists()
    [mail] = mails_to("asel@example.kz")
    assert told in mail.message and "/requests/confirm/" in mail.message
    assert "копию" not in mail.message and "көшірме" not in mail.message


SUBJECT_AND_TEXT = [
    ("Обновление персональных данных", "И уничтожьте мои фотографии."),
    ("Вопрос", "Поменяйте номер телефона, пожалуйста. И уничтожьте мои фотографии."),
]


@pytest.mark.parametrize("subject_line, body", SUBJECT_AND_TEXT)
def test_a_correction_and_a_destruction_in_the_subject_line_and_text(person, subject_line, body):
    from consent.rights.models import IntakePhrase

    IntakePhrase.objects.create(phrase="уничтожьте фотографии", type="destroy", language="ru")
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.limits["also"], ticket.status) == (
        Type.CORRECT, [Type.DESTROY], "unverified"
    )  # fmt: skip
    assert untouched(person)


ONE = {
    "ru, correction negated": ("Удалите мои данные, фамилию исправлять не нужно", Type.DESTROY),
    "ru, correction asked about": ("Удалите мои данные. Когда вы исправите фамилию?",
                                   Type.DESTROY),
    "ru, destruction negated": ("Исправьте фамилию, но не удаляйте мои данные", Type.CORRECT),
    "kk, destruction negated": ("Тегімді түзетіңіз, бірақ деректерімді жоймаңыз", Type.CORRECT),
    "kk, correction asked about": ("Деректерімді жойыңыз. Тегімді қалай түзетуге болады?",
                                   Type.DESTROY),
    "kk, correction negated": ("Деректерімді жойыңыз, тегімді түзетудің қажеті жоқ",
                               Type.DESTROY),
}  # fmt: skip


@pytest.mark.parametrize("body, kind", ONE.values(), ids=ONE)
def test_a_second_right_negated_or_asked_about_counts_for_nothing(person, body, kind):
    ticket = ingest(message("", body=body))
    assert ticket.type == kind and not (ticket.limits or {}).get("also")
    [mail] = mails_to("asel@example.kz")
    assert "другой запрос" not in mail.message and "басқа да өтініш" not in mail.message


@pytest.mark.parametrize("lang, note", [
    ("kk", "Бұл хатта басқа да өтініш бар (деректерді жою)"),
    ("ru", "В\xa0этом письме есть и\xa0другой запрос (уничтожение данных)"),
])  # fmt: skip
def test_the_desk_warns_of_the_destruction_beside_a_correction(desk, person, lang, note):
    ticket = ingest(message("", body="Удалите мои данные и исправьте фамилию"))
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="also-asked"' in page and note in page


# Two verbs joined share one object (word_order._shared_object): the first verb's phrase matched
# nothing, and «Заблокируйте и удалите мои данные» opened the destruction alone, the block that
# protects the data while it waits lost. In either order, in both languages and word orders,
# the object on either side of either verb (word_order.moved: phrases matched in their written
# order opened the destruction alone for «Удалите мои данные и заблокируйте»).
SHARED = {
    "ru, block and destroy": "Заблокируйте и удалите мои данные",
    "ru, destroy and block": "Удалите и заблокируйте мои данные",
    "ru, asked": "Прошу заблокировать и удалить мои данные",
    "ru, comma": "Заблокируйте, а затем удалите мои данные",
    "ru, the other negated": "Заблокируйте и не удаляйте мои данные",
    "kk, joined": "Деректерімді бұғаттаңыз және жойыңыз",
    "kk, gerund": "Деректерімді бұғаттап, жойыңыз",
    "ru, object before the second verb": "Удалите мои данные и заблокируйте",
    "ru, object first": "Мои данные удалите и заблокируйте",
    "ru, object first, block first": "Мои данные заблокируйте и удалите",
    "ru, object first, the other negated": "Мои данные заблокируйте и не удаляйте",
    "ru, pronoun after the second verb": "Удалите мои данные и заблокируйте их",
    "kk, destroy first": "Деректерімді жойыңыз және бұғаттаңыз",
    "kk, object last": "Жойыңыз және бұғаттаңыз деректерімді",
}  # fmt: skip


@pytest.mark.parametrize("body", SHARED.values(), ids=SHARED)
def test_two_verbs_of_one_object_open_the_block_first_and_keep_the_destruction(person, body):
    ticket = ingest(message("", body=body))
    also = [] if "не удаляйте" in body else [Type.DESTROY]
    assert (ticket.type, ticket.limits.get("also", [])) == (Type.BLOCK, also)
    assert untouched(person)


# The object turned before its verb is still read as the verb reads it: negated, reported, a noun.
OBJECT_FIRST = {
    "ru, asked": ("Мои данные удалите, пожалуйста", Type.DESTROY),
    "kk, object after": ("Жойыңыз деректерімді", Type.DESTROY),
    "ru, negated": ("Мои данные не удаляйте", Type.OTHER),
    # asks what is held now: access (own_questions.py), never a destruction again
    "ru, reported": ("Мои данные вы удалили?", Type.ACCESS),
    "ru, a noun, no verb": ("Данные об удалении в письме неверны", Type.OTHER),
    "kk, negated": ("Жоймаңыз деректерімді", Type.OTHER),
}  # fmt: skip


@pytest.mark.parametrize("body, kind", OBJECT_FIRST.values(), ids=OBJECT_FIRST)
def test_the_object_before_its_verb_names_what_the_verb_asks(db, body, kind):
    assert classify("", body)[0] == kind


def test_one_request_named_by_two_phrases_is_still_one(person):
    """«Отзыв согласия на рассылку» shares more than its object: one unsubscribe, no withdrawal."""
    ticket = ingest(message("", body="Отзыв согласия на рассылку"))
    assert ticket.type == Type.UNSUBSCRIBE and not ticket.limits.get("also")


# A withdrawal beside another right: the other opened first (also.FIRST) and the withdrawal
# only listed, so «Отзываю согласие и исправьте фамилию» stopped nothing until an officer opened
# it, though a withdrawal alone stops processing as it arrives (compliance L14).
WITHDRAWN_BESIDE = {
    "ru, correction": ("Отзываю согласие и исправьте фамилию", Type.CORRECT,
                       "с\xa0момента получения вашего письма ваше согласие отозвано"),
    "ru, copy first": ("Пришлите копию моих данных и отзываю согласие", Type.ACCESS,
                       "с\xa0момента получения вашего письма ваше согласие отозвано"),
    "ru, block": ("Заблокируйте мои данные. Отзываю согласие на обработку", Type.BLOCK,
                  "с\xa0момента получения вашего письма ваше согласие отозвано"),
    "kk, correction": ("Келісімімді қайтарып аламын және тегімді түзетіңіз", Type.CORRECT,
                       "хатыңыз келген сәттен бастап келісіміңіз де кері қайтарып алынды"),
}  # fmt: skip


@pytest.mark.parametrize("body, kind, told", WITHDRAWN_BESIDE.values(), ids=WITHDRAWN_BESIDE)
def test_a_withdrawal_beside_another_right_stops_processing_as_it_arrives(person, body, kind, told):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.status) == (kind, "unverified")
    assert Type.WITHDRAW in ticket.limits["also"]
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
    [mail] = mails_to("asel@example.kz")
    assert told in mail.message and "/requests/confirm/" in mail.message
    assert "nothing will be done" not in mail.message


WAITS = {
    "asked about": "Исправьте фамилию. Можно ли отозвать согласие?",
    "keeps the news": "Отзываю согласие, но рассылку оставьте. Исправьте фамилию",
}


@pytest.mark.parametrize("body", WAITS.values(), ids=WAITS)
def test_a_withdrawal_asked_about_or_keeping_the_news_beside_another_waits(person, body):
    ingest(message("", body=body))
    assert untouched(person)


@pytest.mark.parametrize("lang, note", [
    ("kk", "келісімді кері қайтарып алу заң талап ететіндей хат келген сәтте күшіне енді"),
    ("ru", "уже вступил в\xa0силу при получении письма"),
])  # fmt: skip
def test_the_desk_says_the_withdrawal_beside_took_effect(desk, person, lang, note):
    ticket = ingest(message("", body="Отзываю согласие и исправьте фамилию"))
    other = ingest(message("", message_id="<m2@example.kz>", body="Исправьте фамилию. Можно ли "
                           "отозвать согласие?"))  # fmt: skip
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="also-asked"' in page and note in page
    page = desk.get(f"/admin/rights/ticket/{other.pk}/change/").content.decode()
    assert note not in page
