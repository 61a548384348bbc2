"""A question of whether (or how) a right can be used is about that right (compliance L7, L8):
«Можно ли удалить мои данные?», «Могу ли я отозвать согласие?», «Деректерімді жоюға бола ма?»,
«Келісімімді қайтарып алуға болады ма?» each opened "other", due in fifteen working days, with
nothing to tell the officer what it was about. It now opens as the request it asks about, due
when the law says for that right, marked `asked_whether`; nothing is done as it arrives (no
withdrawal, no unsubscribe), and the mail to the person, in their language, says that they can,
what confirming does, and that nothing happens unless they confirm."""

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from . import one_person
from .conftest import confirm, mails_to, message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type, Status = Ticket.Type, Ticket.Status

WHETHER = {
    # Russian: can I, is it possible, may I, how do I; polite and plain; with and without «?»
    "ru destroy, можно ли": ("Можно ли удалить мои данные?", Type.DESTROY),
    "ru destroy, no question mark": ("Можно ли удалить мои данные", Type.DESTROY),
    "ru destroy, asked within": (
        "Здравствуйте. Хотела спросить, можно ли удалить мои данные из вашей базы?",
        Type.DESTROY,
    ),
    "ru withdraw, могу ли я": ("Могу ли я отозвать согласие?", Type.WITHDRAW),
    "ru withdraw, своё": ("Могу ли я отозвать своё согласие?", Type.WITHDRAW),
    "ru withdraw, каким образом": (
        "Каким образом можно отозвать согласие на обработку данных?",
        Type.WITHDRAW,
    ),
    "ru withdraw, Latin": ("Mozhno li otozvat soglasie", Type.WITHDRAW),
    "ru withdraw, how, Latin": ("Kak otozvat soglasie?", Type.WITHDRAW),
    "ru withdraw, the policy's phrase": (
        "Можно ли отозвать согласие на обработку персональных данных?",
        Type.WITHDRAW,
    ),
    "ru withdraw, хочу узнать": ("Хочу узнать, можно ли отозвать согласие", Type.WITHDRAW),
    "ru unsubscribe, polite": (
        "Подскажите, пожалуйста, могу ли я отписаться от рассылки?",
        Type.UNSUBSCRIBE,
    ),
    "ru unsubscribe, как": ("Как отписаться от рассылки?", Type.UNSUBSCRIBE),
    "ru unsubscribe, возможно ли": (
        "Скажите, возможно ли отписаться от рассылки",
        Type.UNSUBSCRIBE,
    ),
    "ru unsubscribe, что нужно сделать": (
        "Что нужно сделать, чтобы отписаться от рассылки",
        Type.UNSUBSCRIBE,
    ),
    "ru destroy, как мне": ("Как мне удалить свои данные", Type.DESTROY),
    "ru destroy, что нужно сделать": ("Что нужно сделать, чтобы удалить мои данные?", Type.DESTROY),
    "ru block, имею ли я право": ("Имею ли я право заблокировать свои данные?", Type.BLOCK),
    "ru correct": ("Можно ли исправить ошибку в фамилии?", Type.CORRECT),
    "ru access": ("Могу я получить копию моих данных?", Type.ACCESS),
    "ru destroy, Latin lookalikes": ("M\u006fжно ли уд\u0061лить мои данные?", Type.DESTROY),
    # Kazakh
    "kk destroy, бола ма": ("Деректерімді жоюға бола ма?", Type.DESTROY),
    "kk withdraw, болады ма": ("Келісімімді қайтарып алуға болады ма?", Type.WITHDRAW),
    "kk withdraw, no question mark": ("Келісімімді қайтарып алуға бола ма", Type.WITHDRAW),
    "kk withdraw, beside another clause": (
        "Келісімімді қайтарып алуға бола ма, курс бітпеді",
        Type.WITHDRAW,
    ),
    "kk withdraw, Latin": ("Kelisimimdi qaitaryp aluğa bola ma?", Type.WITHDRAW),
    "kk withdraw, how, Latin": ("Kelisimdi qalai qaitaryp aluǵa bolady?", Type.WITHDRAW),
    "kk withdraw, can I": ("Келісімімді қайтарып ала аламын ба?", Type.WITHDRAW),
    "kk destroy, қалай": ("Деректерімді қалай жоюға болады?", Type.DESTROY),
    "kk unsubscribe, қалай": ("Хабарламалардан қалай бас тартуға болады", Type.UNSUBSCRIBE),
    "kk unsubscribe, не істеу керек": (
        "Хабарламалардан бас тарту үшін не істеу керек",
        Type.UNSUBSCRIBE,
    ),
    "kk block": ("Деректерімді бұғаттауға бола ма?", Type.BLOCK),
    "kk correct, polite": ("Деректерімді жаңартуға бола ма екен?", Type.CORRECT),
    "kk destroy, мүмкіндік": (
        "Сәлеметсіз бе! Мәліметтерімді өшіруге мүмкіндік бар ма?",
        Type.DESTROY,
    ),
    "kk access": ("Деректеріме қол жеткізуге бола ма?", Type.ACCESS),
    "kk destroy, Latin lookalikes": ("Дерект\u0065рімді ж\u006fюға бола ма?", Type.DESTROY),
}  # fmt: skip


def nothing_withdrawn(person):
    return (
        not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()
        and gate.may_process(person, SERVICE)
        and gate.may_process(person, MARKETING)
    )


@pytest.mark.parametrize("body, kind", WHETHER.values(), ids=WHETHER.keys())
def test_a_question_of_whether_opens_the_right_it_asks_about(person, body, kind):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.status, ticket.asked_whether) == (kind, Status.UNVERIFIED, True)
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(kind))
    assert nothing_withdrawn(person)  # nothing done before the person confirms


@pytest.mark.parametrize(
    "body, language, says",
    [
        ("Можно ли удалить мои данные?", "ru", "мы уничтожим ваши персональные"),
        ("Как отписаться от рассылки?", "ru", "мы сразу перестанем присылать"),
        ("Деректерімді жоюға бола ма?", "kk", "дербес деректеріңізді жоямыз"),
        ("Келісімімді қайтарып алуға бола ма?", "kk", "келісімдеріңіз бойынша"),
    ],
)
def test_the_answer_says_what_they_can_do_and_how(person, body, language, says):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    mail = mails_to("asel@example.kz")[-1]
    assert ticket.language == language
    you_asked = {"ru": "Вы спросили, можете ли вы", "kk": "бере аласыз ба деп сұрадыңыз"}
    assert you_asked[language] in mail.message and says in mail.message
    assert f"/{language}/requests/confirm/" in mail.message
    # Neither the type nor the deadline is the "other question"'s.
    assert ticket.reference in mail.subject


def test_an_unsubscribe_asked_whether_is_done_by_the_persons_link_only(client, person):
    ticket = ingest(message("Вопрос", body="Как отписаться от рассылки?"))
    assert (ticket.type, ticket.status) == (Type.UNSUBSCRIBE, Status.UNVERIFIED)
    assert gate.may_process(person, MARKETING)
    confirm(client)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_a_destruction_asked_whether_waits_for_the_officer_after_the_link(client, person):
    ticket = ingest(message("Сұрақ", body="Деректерімді жоюға бола ма?"))
    confirm(client)
    ticket.refresh_from_db()
    assert (ticket.status, ticket.asked_whether) == (Status.OPEN, True)
    person.refresh_from_db()  # still there: only the officer destroys
    assert nothing_withdrawn(person)


def test_the_desk_shows_the_officer_it_was_asked_as_a_question(person, desk):
    ticket = ingest(message("Вопрос", body="Можно ли удалить мои данные?"))
    desk.cookies["django_language"] = "ru"
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="asked-whether"' in page


@pytest.mark.parametrize(
    "body",
    [
        # when, why, what if, how long: no question of whether the writer can
        "Когда вы удалите мои данные?",
        "Почему вы удалили мои данные?",
        "Что будет, если отозвать согласие?",
        "Вы уже отписали меня от рассылки?",  # with «Письма всё ещё приходят»: still_sent
        "Деректерімді жою керек пе?",
        "Келісімді қайтарып алу қанша уақыт алады",
        "Kelisimimdi qaitaryp alsam ne bolady",
        "Подскажите, где кнопка отписаться от рассылки",
        "Можно ли не удалять мои данные?",
        "Как подписаться на рассылку?",
    ],
)
def test_other_questions_stay_for_the_officer(person, body):
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert (ticket.type, ticket.asked_whether) == (Type.OTHER, False)
    assert nothing_withdrawn(person)


def test_whether_about_someone_else_is_still_someone_elses(person):
    ticket = ingest(message("Вопрос", body="Можно ли удалить данные моей дочери?"))
    assert (ticket.type, ticket.about_someone_else) == (Type.OTHER, True)
    assert nothing_withdrawn(person)
