"""Each right the policy tells people they may exercise by writing to us is recognised in a
letter, in Kazakh and in Russian: a request to see one's data or to block its processing opened
"other", due in fifteen working days, where the law gives an access answer three (compliance L10)
and a block one (Art. 25(2)(8)); the officer's digest showed it as not yet due."""

import pytest

from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import IntakePhrase, Ticket
from consent.workdays.calendar import due_date

from .conftest import message

Type = Ticket.Type
# What the policy lists as the person's rights, each of which a letter may ask for.
BY_EMAIL = [Type.ACCESS, Type.CORRECT, Type.BLOCK, Type.DESTROY, Type.WITHDRAW, Type.UNSUBSCRIBE]


@pytest.mark.parametrize("kind", BY_EMAIL)
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_right_has_words_the_intake_knows_in_each_language(db, kind, language):
    assert IntakePhrase.objects.filter(type=kind, language=language, active=True).exists()


@pytest.mark.parametrize("subject_line, body, kind", [
    ("Запрос", "Прошу предоставить сведения о моих персональных данных, которые вы храните.",
     Type.ACCESS),
    ("Запрос", "Пришлите, пожалуйста, копию моих данных.", Type.ACCESS),
    ("Доступ к персональным данным", "Здравствуйте!", Type.ACCESS),
    ("Сұрау", "Менің дербес деректерім туралы мәліметтерді беруіңізді сұраймын.", Type.ACCESS),
    ("Сәлеметсіз бе", "Дербес деректеріме қол жеткізуді сұраймын.", Type.ACCESS),
    ("Блокирование", "Прошу заблокировать мои персональные данные.", Type.BLOCK),
    # A subject line of one word of the request that reads as a surname (-ов before its ending)
    # signed the letter as someone else's: "other".
    ("Блокировка", "Прошу заблокировать мои персональные данные.", Type.BLOCK),
    ("Здравствуйте", "Требую блокирования моих персональных данных.", Type.BLOCK),
    ("Сәлем", "Менің дербес деректерімді бұғаттауыңызды сұраймын.", Type.BLOCK),
])  # fmt: skip
def test_a_letter_asking_to_see_or_block_the_data_is_due_when_the_law_says(
    person, subject_line, body, kind
):
    ticket = ingest(message(subject_line, body=body))
    assert ticket.type == kind and ticket.subject == person
    assert (
        ticket.due_date
        == due_date(ticket.received_at, deadline_days(kind))
        < due_date(ticket.received_at, deadline_days(Type.OTHER))
    )


@pytest.mark.parametrize("body, kind", [
    ("Сізде сақталған менің дербес деректерім туралы ақпарат беруіңізді сұраймын.", Type.ACCESS),
    ("Менің қандай дербес деректерім сақталады?", Type.ACCESS),
    ("Деректерімді базадан алып тастаңыз.", Type.DESTROY),
    ("Мені базадан алып тастаңыз.", Type.DESTROY),
])  # fmt: skip
def test_a_kazakh_letter_in_the_words_its_russian_twin_is_known_by_is_due_when_the_law_says(
    person, body, kind
):
    """Kazakh with «ақпарат», «сақталады» or «алып тастаңыз», where the Russian «информацию»,
    «храните» and «исключите из базы» were known: "other", due in fifteen working days."""
    ticket = ingest(message("Сәлеметсіз бе", body=body))
    assert (ticket.type, ticket.language, ticket.subject) == (kind, "kk", person)
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(kind))


@pytest.mark.parametrize("body", [
    "Предоставьте, пожалуйста, данные для оплаты курса.",
    "Деректерді үшінші тұлғаларға беру туралы айтыңызшы.",
])  # fmt: skip
def test_a_letter_about_other_data_or_asking_a_question_opens_no_access_request(person, body):
    assert ingest(message("Вопрос", body=body)).type == Type.OTHER


@pytest.mark.parametrize("subject_line, body, language, answered", [
    ("Запрос", "Прошу снять блокировку с моих персональных данных.", "ru", "разблокирована"),
    ("Запрос", "Снимите, пожалуйста, блокировку с моих данных.", "ru", "разблокирована"),
    ("Разблокировка", "Прошу разблокировать мои персональные данные.", "ru", "разблокирована"),
    ("Запрос", "Прошу отменить блокирование моих персональных данных.", "ru", "разблокирована"),
    ("Сәлем", "Дербес деректерімді бұғаттан шығаруыңызды сұраймын.", "kk", "бұғаттан шығарылды"),
    ("Сәлем", "Деректерімнен бұғаттауды алып тастаңыз.", "kk", "бұғаттан шығарылды"),
])  # fmt: skip
def test_a_letter_asking_to_lift_the_block_is_a_request_to_unblock_due_in_a_working_day(
    client, desk, person, django_capture_on_commit_callbacks,
    subject_line, body, language, answered,
):  # fmt: skip
    """Its words name the block too: read by their stems they opened a request to block,
    answered «your data is blocked», or "other", due in fifteen working days (Art. 25(2)(8))."""
    from consent.core import gate
    from consent.core.ledger import subject_block
    from consent.core.models import Source

    from .conftest import act, confirm, mails_to

    subject_block(person, reason="complaint under check", source=Source.ADMIN)
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.language) == (Type.UNBLOCK, language)
    assert ticket.due_date == due_date(ticket.received_at, 1)
    confirm(client, language)
    with django_capture_on_commit_callbacks(execute=True):
        # in the letter's language: the officer's words go into it (desk.ActionForm.clean_reason)
        reason = {"kk": "Бұзушылық расталмады.", "ru": "Нарушение не подтвердилось."}[language]
        act(desk, ticket, reason=reason)
    assert not gate.is_blocked(person)
    assert answered in mails_to("asel@example.kz")[-1].message


@pytest.mark.parametrize("body", [
    "Заблокируйте мои данные и снимите меня с рассылки.",
    "Деректерімді бұғаттап, мені тізімнен шығарыңыз.",
    "Прошу заблокировать мои персональные данные.",
])  # fmt: skip
def test_a_letter_asking_to_block_is_still_a_request_to_block(person, body):
    assert ingest(message("Сәлем", body=body)).type == Type.BLOCK


@pytest.mark.parametrize("body, language", [
    ("Мои данные опубликованы на вашем сайте без согласия, удалите публикацию.", "ru"),
    ("Уберите мою фотографию с сайта.", "ru"),
    ("Прошу снять публикацию моих персональных данных.", "ru"),
    ("Фотомды сайттан алып тастаңыз.", "kk"),
    ("Менің суретімді сайттан алып тастаңыз.", "kk"),
    ("Деректерім келісімімсіз жарияланған, жарияланымды алып тастаңыз.", "kk"),
])  # fmt: skip
def test_a_letter_asking_to_take_down_what_was_published_is_due_in_a_working_day(
    person, body, language
):
    """Art. 6: data published unlawfully is removed within one working day of the demand; the
    letter opened "other", due in fifteen."""
    ticket = ingest(message("Өтініш / Обращение", body=body))
    assert (ticket.type, ticket.language) == (Type.PUBLICATION_REMOVAL, language)
    assert ticket.due_date == due_date(ticket.received_at, 1)


@pytest.mark.parametrize("body, kind", [
    ("Уберите меня из рассылки на сайте.", Type.UNSUBSCRIBE),
    ("Удалите мои персональные данные с сайта.", Type.DESTROY),
    ("Будут ли мои данные опубликованы без согласия?", Type.OTHER),
    ("Мені сайттағы таратылымнан шығарыңыз.", Type.UNSUBSCRIBE),
])  # fmt: skip
def test_a_letter_about_the_site_that_asks_no_take_down_is_what_it_asks(person, body, kind):
    assert ingest(message("Сәлем", body=body)).type == kind


@pytest.mark.parametrize("body, kind", [
    ("Мені тізімнен алып тастаңыз.", Type.UNSUBSCRIBE),
    ("Мені таратылымнан алып тастаңыз.", Type.UNSUBSCRIBE),
    ("Мені рассылкадан алып тастаңыз.", Type.UNSUBSCRIBE),
    ("Менің поштамды таратылымнан алып тастаңыз.", Type.UNSUBSCRIBE),  # not a correction
    ("Хабарламалар жіберуді тоқтатыңыз.", Type.UNSUBSCRIBE),
    ("Прошу прекратить отправку рекламных писем.", Type.UNSUBSCRIBE),
    ("Сотрите все мои данные.", Type.DESTROY),
    ("Прошу стереть мои персональные данные.", Type.DESTROY),
    # Negated, the same words ask nothing.
    ("Хабарламалар жіберуді тоқтатпаңыз.", Type.OTHER),
    ("Не прекращайте отправку писем, я жду ответа.", Type.OTHER),
    ("Не стирайте мои данные.", Type.OTHER),
])  # fmt: skip
def test_plain_ways_of_stopping_the_news_or_erasing_the_data_are_recognised(person, body, kind):
    """The policy: anyone may stop the news by writing to us, at any time. These opened "other"
    (or a correction), fifteen working days for an officer while the news went on."""
    ticket = ingest(message("Сәлем", body=body))
    assert ticket.type == kind
    if kind == Type.UNSUBSCRIBE:  # from an address on record: in force as it arrives
        from consent.core import gate
        from consent.core.purposes import MARKETING, SERVICE

        assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


@pytest.mark.parametrize("body, kind", [
    # The policy's own definition of blocking, «өңдеуді уақытша тоқтату» (Art. 1(3)): not a
    # withdrawal in force as it arrives and ending in destruction.
    ("Деректерімді өңдеуді уақытша тоқтатыңыз.", Type.BLOCK),
    ("Приостановите обработку моих данных.", Type.BLOCK),
    ("Прошу о приостановлении обработки моих данных.", Type.BLOCK),
    ("Деректерімді өңдеуді тоқтатыңыз.", Type.WITHDRAW),  # stopping for good
    ("Деректерімді өңдеуді уақытша тоқтатпаңыз.", Type.OTHER),
    # Art. 13, 24(1)(2): change and supplement alike, one working day.
    ("Прошу дополнить мои персональные данные.", Type.CORRECT),
    ("Деректерімді толықтыруды сұраймын.", Type.CORRECT),
    ("Прошу дополнить заявку: хочу записаться и на второй курс.", Type.OTHER),
])  # fmt: skip
def test_a_pause_is_a_block_and_a_supplement_a_correction(person, body, kind):
    ticket = ingest(message("Сәлем", body=body))
    assert ticket.type == kind
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(kind))


@pytest.mark.parametrize("body", [
    "Прошу временно прекратить обработку моих данных.",
    "Прошу о временном прекращении обработки моих персональных данных.",
    "Деректерімді өңдеуді тоқтата тұрыңыз.",
])  # fmt: skip
def test_a_temporary_stop_in_other_words_is_a_block_and_withdraws_nothing(person, body):
    """Art. 1(3) defines blocking as «временное прекращение»: these opened a withdrawal of every
    consent, in force as the letter arrived, whose carrying out destroys the data."""
    from consent.core import gate
    from consent.core.purposes import MARKETING, SERVICE

    ticket = ingest(message("Сәлем", body=body))
    assert ticket.type == Type.BLOCK
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(Type.BLOCK))
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)
