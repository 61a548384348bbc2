"""A written application mailed as people in Kazakhstan write one (compliance L7): a header of
whom it is to and whom from (the director, the applicant's name, address, telephone, IIN), its
title on a line of its own («ЗАЯВЛЕНИЕ», «ӨТІНІШ»), then the text that asks. The header counts
as none of the first lines the intake reads for a request (consent/rights/applications.py)."""

from email.message import EmailMessage

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest, recognise
from consent.rights.models import Ticket

from . import one_person

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

RU_HEADER = (
    "Директору ТОО «ЕМ АЛУ плюс»\n"
    "г. Усть-Каменогорск\n"
    "от Касымовой Асель Ерлановны\n"
    "проживающей по адресу:\n"
    "г. Усть-Каменогорск, ул. Ленина, д. 5, кв. 12\n"
    "тел. +7 701 123 45 67\n"
    "ИИН 900101400123\n\n"
    "ЗАЯВЛЕНИЕ\n\n"
)
KK_HEADER = (
    "«ЕМ АЛУ плюс» ЖШС директорына\n"
    "Өскемен қаласы\n"
    "Қасымова Әсел Ерланқызынан\n"
    "мекенжайы: Өскемен қ., Ленин к., 5 үй, 12 пәтер\n"
    "тел. +7 701 123 45 67\n"
    "ЖСН 900101400123\n"
    "эл. пошта: asel@example.kz\n\n"
    "ӨТІНІШ\n\n"
)
# The director the application is addressed to, by name: the reader, no one it is about.
RU_TO_DIRECTOR = RU_HEADER.replace("«ЕМ АЛУ плюс»\n", "«ЕМ АЛУ плюс»\nг-ну Иванову И.И.\n")
KK_TO_DIRECTOR = KK_HEADER.replace(
    "«ЕМ АЛУ плюс» ЖШС директорына\n", "«ЕМ АЛУ плюс» ЖШС\nдиректоры Иванов И.И. мырзаға\n"
)
SIGNED = "\n\n07.12.2026                 Касымова А.Е."


def letter(subject_line, body):
    msg = EmailMessage()
    msg["From"] = "Әсел <asel@example.kz>"
    msg["To"] = "em.alu.plus@mail.kz"
    msg["Subject"] = subject_line
    msg["Message-ID"] = "<application@example.kz>"
    msg.set_content(body)
    return msg.as_bytes()


def test_a_withdrawal_written_as_an_application_stops_the_processing_as_it_arrives(person):
    body = RU_HEADER + (
        "Я, Касымова Асель Ерлановна, отзываю своё согласие на обработку персональных данных."
    )
    ticket = ingest(letter("", body + SIGNED))
    assert (ticket.type, ticket.language) == (Ticket.Type.WITHDRAW, "ru")
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
    (mail,) = Email.objects.filter(to__icontains="asel@example.kz")
    assert "Здравствуйте" in mail.message and "Сәлеметсіз" not in mail.message


def test_a_withdrawal_addressed_to_the_director_by_name_is_the_writers_own(person):
    body = RU_TO_DIRECTOR.replace("ЗАЯВЛЕНИЕ", "Заявление об отзыве согласия") + (
        "Настоящим отзываю согласие на обработку персональных данных."
    )
    ticket = ingest(letter("Заявление", body + SIGNED))
    assert (ticket.type, ticket.language) == (Ticket.Type.WITHDRAW, "ru")
    assert not ticket.about_someone_else
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


def test_an_unsubscribe_written_as_a_kazakh_application_stops_the_news(person):
    body = KK_HEADER + "Мені жаңалықтар таратылымынан шығаруыңызды сұраймын."
    ticket = ingest(letter("Өтініш", body + SIGNED))
    assert (ticket.type, ticket.language, ticket.status) == ("unsubscribe", "kk", "done")
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize(
    "subject_line,body,expected",
    [
        ("Заявление", RU_HEADER + "Я, Касымова Асель Ерлановна, прошу удалить мои "
         "персональные данные из вашей базы." + SIGNED, ("destroy", "ru")),
        ("", RU_HEADER.replace("ЗАЯВЛЕНИЕ", "Обращение.") + "Прошу исправить номер моего "
         "телефона на +7 701 765 43 21." + SIGNED, ("correct", "ru")),
        ("", KK_HEADER + "Менің дербес деректерімді жоюыңызды сұраймын." + SIGNED,
         ("destroy", "kk")),
        ("", KK_HEADER.replace("ӨТІНІШ", "Арыз") + "Мен туралы қандай деректер сақталғанын "
         "жіберуіңізді сұраймын." + SIGNED, ("access", "kk")),
        # a title spaced out, named after its word, or ending in it in Kazakh
        ("", RU_HEADER.replace("ЗАЯВЛЕНИЕ", "З А Я В Л Е Н И Е") + "Прошу удалить мои "
         "персональные данные." + SIGNED, ("destroy", "ru")),
        ("", RU_TO_DIRECTOR.replace("ЗАЯВЛЕНИЕ", "Заявление об отзыве согласия") + "Настоящим "
         "отзываю своё согласие на обработку персональных данных." + SIGNED, ("withdraw", "ru")),
        ("", KK_TO_DIRECTOR.replace("ӨТІНІШ", "Дербес деректерді жою туралы өтініш") + "Менің "
         "деректерімді жоюыңызды сұраймын." + SIGNED, ("destroy", "kk")),
        ("", "Генеральному директору ТОО «ЕМ АЛУ плюс»\nИванову Ивану Ивановичу\nот Касымовой "
         "А.Е.\n\nПрошу удалить персональные данные.", ("destroy", "ru")),
        # a person the text names is still someone else's, the director's name notwithstanding
        ("", RU_TO_DIRECTOR + "Прошу удалить данные Ерлана Асқарова." + SIGNED,
         ("other", "ru")),
        # the text below the title read as before: a question about a course asks nothing
        ("", RU_HEADER + "Прошу сообщить расписание курсов бухгалтеров на январь." + SIGNED,
         ("other", "ru")),
        ("", KK_HEADER + "Қаңтардағы курстардың кестесін жіберуіңізді сұраймын." + SIGNED,
         ("other", "kk")),
        # the same nine lines with no title: as far down as before
        ("Вопрос", "Текст письма.\n" * 8 + "Отписаться от рассылки", ("other", "ru")),
    ],
)  # fmt: skip
def test_the_text_below_an_applications_title_is_read_as_its_first_lines(
    db, subject_line, body, expected
):
    read = recognise(subject_line, body, sender_names=("Әсел Қасымова",))  # Asel's address
    assert (read.kind, read.language) == expected


def test_a_withdrawal_citing_the_laws_article_stops_the_processing_as_it_arrives(person):
    body = RU_HEADER + (
        "Я, Касымова Асель Ерлановна, в соответствии со статьёй 8 Закона Республики Казахстан "
        "«О персональных данных и их защите» отзываю согласие на обработку моих персональных "
        "данных."
    )
    ticket = ingest(letter("Заявление", body + SIGNED))
    assert (ticket.type, ticket.language, ticket.limits) == (Ticket.Type.WITHDRAW, "ru", {})
    assert not gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "body,expected",
    [
        # an article's, a part's or a point's number after «с», «со» is no date to start from
        ("Согласно со ст. 8 Закона прошу отписать меня от рассылки.", ("unsubscribe", "ru")),
        ("В соответствии с п. 2 ст. 8 отзываю согласие на обработку персональных данных.",
         ("withdraw", "ru")),
        ("В соответствии с частью 2 статьи 8 Закона прекратите обработку моих персональных "
         "данных.", ("withdraw", "ru")),
        # a date is still one, and the stop waits for it
        ("Отзываю согласие на обработку персональных данных с 1 марта.", ("other", "ru")),
        ("Отпишите меня от рассылки со 2 июня.", ("other", "ru")),
        ("Отпишите меня от рассылки с первого марта.", ("other", "ru")),
        ("Отпишите меня от рассылки с 01.03.2027.", ("other", "ru")),
    ],
)  # fmt: skip
def test_a_laws_article_cited_is_no_date_the_stop_waits_for(db, body, expected):
    read = recognise("", body, sender_names=("Әсел Қасымова",))
    assert (read.kind, read.language) == expected
