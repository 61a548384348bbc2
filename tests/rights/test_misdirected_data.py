"""A letter saying we sent its writer someone else's data, or a letter meant for someone else
(compliance L7, L21): a possible breach. With «удалите их» it opened a destruction of the
writer's own record (carried out once confirmed, it ended her data and consents); without, an
"other" question due in fifteen working days, nothing telling the officer what it was, and its
writer was asked to confirm a request she never made. It now opens "other", acting on nothing,
marked (misdirected.py): the officers are told at once it may be a breach, the desk says so,
and the writer gets a receipt in her language without a link."""

import re

import pytest
from django.utils import timezone, translation

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import mails_to, message, untouched

Type = Ticket.Type
LETTERS = [
    ("Вы прислали мне чужие данные.", "ru"),
    ("Вы прислали мне чужие данные, удалите их.", "ru"),
    ("Мне пришло письмо для другого человека, с его паспортными данными.", "ru"),
    ("Мне пришло письмо для другого человека, удалите это письмо у себя.", "ru"),
    ("Вы отправили мне персональные данные другого клиента. Проверьте, как такое случилось.", "ru"),
    ("Мне по ошибке пришли чужие персональные данные, удалите их.", "ru"),
    ("Я получила от вас чужое письмо с паспортом. Удалите его у себя.", "ru"),
    ("Удалите мои данные. И ещё: вы прислали мне чужое письмо.", "ru"),
    ("Сіздер маған басқа адамның деректерін жібердіңіздер.", "kk"),
    ("Сіздер маған басқа адамның деректерін жібердіңіздер, оларды жойыңыз.", "kk"),
    ("Маған басқа адамға арналған хат келді.", "kk"),
    ("Маған бөтен адамның дербес деректері келді, өшіріңіз.", "kk"),
    ("Маған басқа біреудің төлқұжаты бар хат келді. Қалай болғанын тексеріңіз.", "kk"),
]  # fmt: skip
RECEIPT = {"ru": "Спасибо, что сообщили", "kk": "Хабарлағаныңызға рақмет"}
BREACH = {"ru": "Возможное нарушение безопасности", "kk": "Дербес деректер қауіпсіздігінің ықтимал"}


@pytest.mark.parametrize("sender", ["asel@example.kz", "bota@example.kz"], ids=["held", "unknown"])
@pytest.mark.parametrize("body, lang", LETTERS)
def test_someone_elses_data_sent_to_the_writer_is_a_possible_breach(
    person, privacy_officer, body, lang, sender
):
    ticket = ingest(message("Сәлем", body=body, sender=sender))
    assert (ticket.type, ticket.language, ticket.limits) == (
        Type.OTHER,
        lang,
        {"misdirected": True},
    )
    assert untouched(person) and not Ticket.objects.exclude(type=Type.OTHER).exists()
    (receipt,) = mails_to(sender)
    assert RECEIPT[lang] in receipt.message and "/requests/confirm/" not in receipt.message
    (notice,) = mails_to(privacy_officer.email)
    assert ticket.reference in notice.subject and notice.subject.startswith(tuple(BREACH.values()))
    assert ticket.closable_as(timezone.now()) == Ticket.Status.CLOSED  # by an officer, once read
    later = timezone.now() + Ticket.CONFIRM_WITHIN * 3
    assert not Ticket.objects.expired(later).exists()  # never closed unseen by the night


@pytest.mark.parametrize("body, kind", [
    ("Удалите мои данные.", Type.DESTROY),
    ("Деректерімді жойыңыз.", Type.DESTROY),
    ("Вы прислали мне рассылку, хотя я отписалась. Отпишите меня.", Type.UNSUBSCRIBE),
    ("Мне пришло письмо, удалите мои данные.", Type.DESTROY),
    ("Маған хат келді, деректерімді өшіріңіз.", Type.DESTROY),
])  # fmt: skip
def test_a_letter_about_the_writers_own_data_is_read_as_before(person, body, kind):
    ticket = ingest(message("Сәлем", body=body))
    assert ticket.type == kind and "misdirected" not in ticket.limits


def test_an_unsubscribe_beside_it_still_stops_the_news(person):
    body = "Вы прислали мне чужие данные. И отпишите меня от рассылки."
    ticket = ingest(message("Сәлем", body=body))
    assert ticket.limits == {"misdirected": True}
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("lang, says", [("ru", "Возможное нарушение"), ("kk", "Ықтимал бұзушылық")])
def test_the_desk_marks_it_as_a_possible_breach_in_the_officers_language(person, desk, lang, says):
    ticket = ingest(message("Сәлем", body="Вы прислали мне чужие данные, удалите их."))
    desk.cookies["django_language"] = lang
    with translation.override(lang):
        page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="possible-breach"' in page and says in page and "/admin/rights/breach/add/" in page


NOTED = {  # the due column of a letter answered at once with no link, by what it was
    ("misdirected", "ru"): "возможное нарушение, ссылка не отправлялась: можно закрыть",
    ("misdirected", "kk"): "ықтимал бұзушылық, сілтеме жіберілмеді: жабуға болады",
    ("analytics", "ru"): "письмо о\xa0статистике посещений, ссылка не отправлялась: можно закрыть",
    ("analytics", "kk"): "сайтқа кіру статистикасы туралы хат, сілтеме жіберілмеді: жабуға болады",
}
LETTER = {
    "misdirected": "Вы прислали мне чужие данные.",
    "analytics": "Отзываю согласие на аналитику.",
}


@pytest.mark.parametrize("kind, lang", NOTED)
def test_the_list_says_what_the_letter_was_not_that_it_was_forwarded(person, desk, kind, lang):
    """The due column said «пересланное письмо» («қайта жіберілген хат») of every letter
    answered with no link, a possible breach and a letter about the statistics too."""
    ticket = ingest(message("Сәлем", body=LETTER[kind]))
    assert ticket.limits.get(kind)
    desk.cookies["django_language"] = lang
    page = desk.get("/admin/rights/ticket/?due=all").content.decode()
    row = re.search(rf"<tr>(?:(?!</tr>).)*>№\xa0{ticket.reference}<.*?</tr>", page, re.S).group(0)
    assert NOTED[kind, lang] in row
    assert "пересланное" not in row and "қайта жіберілген" not in row
