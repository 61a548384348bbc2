"""Letters as people write them in, read by the intake as they meant them (compliance L7, L14,
L15): a question of how under a subject line that names the request, a polite imperative with a
«?», reminders of a payment or letters «about this» asked to stop, a request below a short-lined
story, processing and transfer stopped together, a Russian form word in Kazakh grammar, a
qualifier written with a capital, the news let to come. Each was read wrongly: acted on what
was not asked, or left to fifteen working days what was plainly asked."""

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from . import one_person
from .conftest import message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type, Status = Ticket.Type, Ticket.Status


def nothing_stopped(person):
    return (
        not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()
        and gate.may_process(person, SERVICE)
        and gate.may_process(person, MARKETING)
    )


@pytest.mark.parametrize(
    "subject_line, body, kind",
    [
        ("Отзыв согласия", "Как это сделать?", Type.WITHDRAW),
        ("Удаление данных", "Подскажите, как это сделать", Type.DESTROY),
        ("Отписка", "Здравствуйте! Можно ли?", Type.UNSUBSCRIBE),
        ("Отзыв согласия", "Что для этого нужно сделать?", Type.WITHDRAW),
        ("Келісімді кері қайтарып алу",
         "Сәлеметсіз бе, жағдайыңыз қалай? Мұны қалай жасауға болады?", Type.WITHDRAW),
        ("Келісімді кері қайтарып алу", "Сәлеметсіз бе! Ол үшін не істеу керек?", Type.WITHDRAW),
    ],
)  # fmt: skip
def test_a_question_of_how_under_the_requests_subject_line_acts_on_nothing(
    person, subject_line, body, kind
):
    """«Отзыв согласия» above «Как это сделать?» withdrew every consent as it arrived."""
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.status, ticket.asked_whether) == (kind, Status.UNVERIFIED, True)
    assert nothing_stopped(person)


def test_words_under_the_subject_line_that_ask_no_how_leave_it_acting(person):
    ticket = ingest(message("Отписка от рассылки", body="Как вам не стыдно спамить?"))
    assert not ticket.asked_whether and not gate.may_process(person, MARKETING)
    ticket = ingest(
        message(
            "Келісімді кері қайтарып алу",
            body="Сәлеметсіз бе! Жағдайыңыз қалай? Келісімімді қайтарамын.",
            message_id="<m2@example.kz>",
        )
    )
    assert ticket.type == Type.WITHDRAW and not gate.may_process(person, SERVICE)


def test_a_question_of_how_to_do_something_else_leaves_the_subject_lines_stop_acting(person):
    ticket = ingest(message("Отписка от рассылки", body="Здравствуйте! Как записаться на курс?"))
    assert not ticket.asked_whether and not gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "body",
    [
        "Как мне запретить обработку моих данных?",
        "А как мне запретить вам обрабатывать мои данные?",
    ],
)
def test_asking_how_to_forbid_processing_asks_for_no_copy_of_the_data(person, body):
    """It opened an access request: confirmed, the person would be sent their data."""
    ticket = ingest(message("Вопрос", body=body))
    assert ticket.type != Type.ACCESS
    assert nothing_stopped(person)


@pytest.mark.parametrize(
    "body, kind",
    [
        ("Удалите, пожалуйста, мои данные?", Type.DESTROY),
        ("Отпишите меня, пожалуйста, от рассылки?", Type.UNSUBSCRIBE),
        ("Мені тізімнен шығарыңызшы?", Type.UNSUBSCRIBE),
        ("Деректерімді жойыңызшы?", Type.DESTROY),
    ],
)
def test_a_polite_imperative_with_a_question_mark_asks_and_waits_for_the_link(person, body, kind):
    """Decided: the imperative cannot ask whether, so «Удалите, пожалуйста, мои данные?» is the
    request it names (it opened "other"); asked with a «?», it waits for the person's link."""
    ticket = ingest(message("Запрос", body=body))
    assert (ticket.type, ticket.status) == (kind, Status.UNVERIFIED)
    assert nothing_stopped(person)


@pytest.mark.parametrize(
    "body",
    [
        "Подскажите пожалуйста, можно ли удалить мои данные?",
        "Скажите, пожалуйста, как удалить мои данные?",
        "Айтыңызшы, деректерімді қалай жоюға болады?",
    ],
)
def test_a_please_beside_a_verb_of_telling_still_asks_whether(person, body):
    ticket = ingest(message("Вопрос", body=body))
    assert (ticket.type, ticket.asked_whether) == (Type.DESTROY, True)


@pytest.mark.parametrize(
    "subject_line, body, limit",
    [
        ("Re: оплата", "Хватит мне писать напоминания об оплате", "notices"),
        ("Re: долг", "Хватит присылать напоминания о задолженности", "notices"),
        ("Счёт", "Перестаньте слать счета на оплату", "notices"),
        ("Re: Оплата за декабрь", "Спасибо, оплатила. Больше не пишите мне по этому поводу",
         "this_matter"),
        ("Re: Төлем", "Рахмет, төледім. Бұл туралы енді жазбаңыз", "this_matter"),
    ],
)  # fmt: skip
def test_reminders_or_letters_about_this_asked_to_stop_leave_the_news(
    person, subject_line, body, limit
):
    """Payment reminders are no news and offers, nor is the matter a reply answers: each
    unsubscribed the writer as it arrived."""
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.limits["limit"]) == (Type.OTHER, limit)
    assert nothing_stopped(person)


@pytest.mark.parametrize(
    "body",
    [
        "Больше не пишите мне об этом, надоела ваша рассылка",
        "Больше не пишите мне по этому адресу",  # the address, no matter
    ],
)
def test_letters_about_this_that_name_the_news_stop_them(person, body):
    ingest(message("Re: Новости школы", body=body))
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_the_desk_says_why_a_stop_about_this_was_not_done(person, desk):
    ticket = ingest(message("Re: Төлем", body="Рахмет, төледім. Бұл туралы енді жазбаңыз"))
    for language, words in (("ru", "об одном деле"), ("kk", "бір мәселе туралы")):
        desk.cookies["django_language"] = language
        page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
        assert 'id="letter-limits"' in page and words in page


SHORT_LINES = {
    "ru": (
        "Обращение",
        "Здравствуйте!\n\nМеня зовут Әсел.\nЯ прохожу у вас курс английского уже второй год.\n"
        "Очень довольна преподавателями.\nНо в последнее время у меня изменились обстоятельства.\n"
        "Я переехала в другой город.\nЗаниматься больше не смогу.\nПоэтому пишу вам.\n"
        "Прошу удалить мои персональные данные.\n\nС уважением,\nӘсел",
        Type.DESTROY,
    ),
    "kk": (
        "",
        "Сәлеметсіз бе!\nМенің атым Әсел.\nМен сіздердің курстарыңызға өткен жылы бардым.\n"
        "Барлығы ұнады.\nБірақ қазір басқа қалаға көштім.\nЕнді бара алмаймын.\n"
        "Сондықтан жазып отырмын.\nХабарламалар да келе береді.\n"
        "Мені таратылымнан шығарыңызшы.\nРахмет!",
        Type.UNSUBSCRIBE,
    ),
}


@pytest.mark.parametrize("language", SHORT_LINES)
def test_a_request_on_the_ninth_short_line_is_read(person, language):
    """A story told a sentence a line put the request below the eighth line: "other", fifteen
    working days, the news going on."""
    subject_line, body, kind = SHORT_LINES[language]
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.language) == (kind, language)


def test_a_bare_footer_below_the_eighth_short_line_is_still_not_read(person):
    body = "Спасибо.\nА когда следующий курс?\nИ сколько стоит?\nМожно в рассрочку?\n"
    body += "Жду ответа.\nАсель\n8 701 123 45 67\nНовости школы ЕМ АЛУ\nОтписаться от рассылки"
    ticket = ingest(message("Re: Новости", body=body))
    assert ticket.type == Type.OTHER and gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "body",
    [
        "Прошу прекратить обработку и передачу моих данных",
        "Прекратите обработку и хранение моих персональных данных",
    ],
)
def test_processing_stopped_with_another_of_its_kinds_is_a_withdrawal(person, body):
    """Two nouns joined share the data after them: it opened "other", the processing going on."""
    ticket = ingest(message("Заявление", body=body))
    assert ticket.type == Type.WITHDRAW
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


def test_data_in_the_form_not_to_be_processed_tells_the_officer_why(person):
    """«Формадағы» read as asking for the form: "other" with no note to say what it was."""
    ticket = ingest(message("Өтініш", body="Формадағы деректерімді өңдемеңіз"))
    assert (ticket.type, ticket.limits["limit"]) == (Type.OTHER, "unread")
    assert nothing_stopped(person)


def test_a_form_asked_for_in_kazakh_grammar_withdraws_nothing(person):
    ticket = ingest(message("Сұрақ", body="Келісімді қайтарып алу формасын жіберіңіз"))
    assert ticket.type == Type.OTHER and nothing_stopped(person)


@pytest.mark.parametrize(
    "body",
    [
        "Прошу прекратить обработку моих персональных данных Только для рассылки",
        "Отзываю согласие Только на рассылку",
    ],
)
def test_a_capitalised_qualifier_is_no_ones_name(person, body):
    """«Только» after «данных» read as whose data they were: someone else's, for an officer."""
    ticket = ingest(message("Заявление", body=body))
    assert not ticket.about_someone_else
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize(
    "body",
    [
        "Жарнамаға берген келісімімді қайтарып аламын, бірақ курс туралы хабарламалар келе берсін",
        "Отпишите меня от рекламы, но новости о курсах пусть приходят",
    ],
)
def test_news_let_to_come_are_kept_for_the_officer(person, body):
    """Unsubscribed as it arrived, the person lost the course news they asked to keep."""
    ticket = ingest(message("Келісім", body=body))
    assert (ticket.type, ticket.limits["limit"]) == (Type.OTHER, "keeps_news")
    assert nothing_stopped(person)


def test_a_change_of_mind_about_something_else_takes_back_no_request(person):
    """«Я передумала учиться» took back a destruction she never asked: the answer told her not
    to press a link, and her request to delete was read as none."""
    ticket = ingest(message("", body="Добрый день! Я передумала учиться. Прошу удалить мою анкету"))
    assert "takes_back" not in (ticket.limits or {})
    ticket = ingest(
        message("", body="Можете не удалять мои данные, я передумала", message_id="<m3@x>")
    )
    assert ticket.limits["takes_back"] == Type.DESTROY


@pytest.mark.parametrize(
    "body, kind",
    [
        ("Я бы хотела отозвать согласие, но боюсь, что тогда не смогу учиться. Что посоветуете?",
         Type.WITHDRAW),
        ("Келісімімді қайтарып алғым келеді, бірақ қорқамын", Type.WITHDRAW),
        ("Хочу отписаться от рассылки, но не знаю как", Type.UNSUBSCRIBE),
    ],
)  # fmt: skip
def test_a_request_doubted_after_a_but_waits_for_the_person(person, body, kind):
    """A wish with a fear after it is no instruction yet: the first stopped the service of the
    course she was afraid to lose, as it arrived."""
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.asked_whether) == (kind, True)
    assert nothing_stopped(person)


def test_the_act_done_as_it_is_said_is_done_whatever_doubt_follows(person):
    ingest(message("", body="Отзываю согласие, но не уверена, что правильно пишу"))
    assert not gate.may_process(person, SERVICE)


def test_i_want_to_withdraw_my_consent_in_kazakh_is_the_writers_own(person):
    """«…алғым келеді»: its auxiliary read as «келісім» in the third person, someone else's."""
    ticket = ingest(message("", body="Келісімімді қайтарып алғым келеді"))
    assert (ticket.type, ticket.about_someone_else) == (Type.WITHDRAW, False)
    assert not gate.may_process(person, SERVICE)
