"""A letter that only asks about a request, supposes it or declines it opens none (compliance
L7): the mailbox is the operator's general address, questions arrive there, and from an address
on record a withdrawal or an unsubscribe takes effect as the letter arrives."""

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry
from consent.core.purposes import MARKETING, SERVICE
from consent.core.texts import render_consent
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.reading import html_text
from tests.conftest import aged_token

from . import one_person
from .conftest import mails_to, message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

Type = Ticket.Type


@pytest.mark.parametrize(
    "body",
    [
        # asked: a question mark, «ли», Kazakh «ма», «ме», «ба», «бе», «па», «пе» (a question
        # of whether or how the writer can opens that right's request, acting on nothing:
        # test_asked_whether.py)
        "Где отозвать согласие?",
        "Что будет, если отозвать согласие?",
        "Вы уже отписали меня от рассылки?",  # with «Письма всё ещё приходят»: still_sent
        "Когда вы удалите мои данные?",
        "Деректерімді жою керек пе?",
        "Ya ne otpravlyala zapros na udalenie dannykh",
        "Kelisimimdi qaitaryp alsam ne bolady",
        # asked without its «?», as on a phone
        "Подскажите, где кнопка отписаться от рассылки",
        "Келісімді қайтарып алу қанша уақыт алады",
        # supposed: «если», «егер», a Kazakh verb in the conditional
        "Если я отзову согласие, курс продолжится",
        "Если вы удалите мои данные, я не смогу получать скидки.",
        "Егер келісімді қайтарып алсам, сертификат бере ме",
        "Келісімімді қайтарып алсам не болады",
        # declined after it is named, or «не …, чтобы»
        "Отписываться от рассылки не хочу",
        "Отзывать согласие не нужно, я передумала",
        "Удаление данных не требуется",
        "Не хочу, чтобы вы удаляли мои данные",
        "Келісімімді қайтарып алғым келмейді",
        "Хабарламалардан бас тарту қажет емес",
        "Менің деректерімді жоюдың қажеті жоқ",
        # denied, as a person answers a confirmation mail that was not theirs
        "Я не отправляла запрос на удаление данных",
        "Запрос на удаление данных отправляла не я",
        "Мен келісімді қайтарып алуды сұраған жоқпын",
        "Мен деректерімді жоюды сұрамадым",
        # called off
        "Прошу отменить отписку от рассылки",
        "Отменяю свой запрос на удаление данных",
        "Деректерімді жою туралы өтінішті кері аламын",
        # the form of a request asked for, not the request
        "Пришлите, пожалуйста, форму отзыва согласия",
        "Нужен образец заявления об отзыве согласия на обработку персональных данных",
        "Пришлите бланк заявления на удаление данных",
        "Келісімді кері қайтарып алу үлгісін жіберіңізші",
        # its button named, pressed by mistake
        "Случайно нажала отписаться. Верните подписку пожалуйста",
        "Случайно нажала на кнопку «Отписаться», хочу и дальше получать письма",
        "Байқамай «Бас тарту» батырмасын басып қойдым, жазылымды қайтарыңыз",
        # told in the past: a report, not a request
        "Хочу подписаться обратно на рассылку, я случайно отписалась",
        "Кто-то отозвал моё согласие от моего имени, верните всё",
    ],
)  # fmt: skip
def test_a_question_a_supposition_or_a_refusal_changes_nothing(person, body):
    """Each of these was opened as the request it names: a withdrawal of every consent, or an
    unsubscribe, carried out as the letter arrived; a destruction request for the officers to
    carry out, from «Can my data be deleted?», from «I did not send a request to delete my
    data» (what the confirmation mail asks a person to answer when it was not theirs), from «I
    call off my request to delete», from «send me the form to withdraw consent», from «I
    pressed "Отписаться" by mistake, subscribe me again». It is a letter for staff to read."""
    ticket = ingest(message("Сұрақ / Вопрос", body=body))
    assert ticket.type == Type.OTHER
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "body,kind",
    [
        ("Если можно, удалите мои данные", Type.DESTROY),
        ("Удалите мои данные. Когда это будет сделано?", Type.DESTROY),
        ("Отпишите меня от рассылки, не хочу больше получать письма", Type.UNSUBSCRIBE),
        ("Отзываю согласие на обработку персональных данных.\nВы меня слышите?", Type.WITHDRAW),
        ("Келісімімді қайтарып аламын. Қашан жауап бересіз?", Type.WITHDRAW),
        ("Прошу отозвать согласие на обработку\nперсональных данных", Type.WITHDRAW),
        ("Отзыв согласия на обработку перс. данных", Type.WITHDRAW),
        # «бе», «ба» of the greeting ask nothing about what follows
        ("Сәлеметсіз бе, келісімімді қайтарып аламын", Type.WITHDRAW),
        ("Саламатсыз ба деректерімді жойыңыз", Type.DESTROY),
        # a «не» in a clause of its own; a request's noun that is not called off; a change told
        # in the past
        ("Больше не хочу получать ваши письма и прошу удалить мои данные", Type.DESTROY),
        ("Прошу удалить мои данные - больше не пользуюсь вашими услугами", Type.DESTROY),
        ("Прошу принять заявление об отзыве согласия на обработку персональных данных",
         Type.WITHDRAW),
        ("Отмените подписку на рассылку", Type.UNSUBSCRIBE),
        # a «не» or a link in the clause before
        ("Ссылка для отписки не работает, отпишите меня", Type.UNSUBSCRIBE),
        ("Ссылка «отписаться от рассылки» не открывается, отпишите меня вручную",
         Type.UNSUBSCRIBE),
        ("Прошу как можно скорее удалить мои данные", Type.DESTROY),
        # a form or a link on the side where it is something else's: where the data came from,
        # the way the writer was subscribed
        ("Удалите мои данные из формы заявки", Type.DESTROY),
        ("Отпишите меня от рассылки по ссылке", Type.UNSUBSCRIBE),
        ("Сайттағы нысан арқылы жіберген деректерімді жойыңыз", Type.DESTROY),
        ("У меня изменились контактные данные, новый телефон +7 701 444 55 66", Type.CORRECT),
        # a word after the phrase that only begins as a negated Kazakh verb does («Алматы»:
        # «ал» and «ма», as «алмаймын»)
        ("Отпишите меня от рассылки о курсах в Алматы", Type.UNSUBSCRIBE),
        ("Деректерімді жойыңыз, Алматыдан көштім", Type.DESTROY),
    ],
)  # fmt: skip
def test_the_request_beside_a_question_is_still_heard(person, body, kind):
    """A question in a sentence of its own, an «if» in a clause of its own, a line the mail
    program wrapped, a Kazakh greeting that is a question: the request is in the sentence that
    asks for it."""
    assert ingest(message("Сұрақ / Вопрос", body=body)).type == kind


@pytest.mark.parametrize(
    "first", ["Отзываю согласие на обработку персональных данных", "Келісімімді қайтарып аламын"]
)
def test_our_own_mail_pasted_back_is_about_its_request(person, first):
    """Someone withdrew in Asel's name; she answered «Это не я!» in a new letter with our mail
    pasted under it, no quote mark, no head. Its «Мы получили ваш запрос № R-1 об отзыве
    согласия» read as her own withdrawal, asked again: joined to the forged one, every consent
    she gave since withdrawn with it. A sentence that names a request by its number is about
    that request: the letter is filed with it for the officers."""
    from .conftest import mails_to

    forged = ingest(message("", message_id="<forged@x>", body=first))
    pasted = mails_to("asel@example.kz")[-1].message
    letter = ingest(message("Это не я / Бұл мен емеспін", message_id="<not-me@x>",
                            body=f"Это не я!\n\n{pasted}"))  # fmt: skip
    assert (letter.type, letter.regarding, letter.status) == (Type.OTHER, forged, "filed")


@pytest.mark.parametrize(
    "subject_line,body",
    [
        # «отписать(ся)» is also "write back": the writer's own future, or the reader's reflexive
        ("Re: Курсы английского", "Спасибо, посмотрю расписание и отпишу вам завтра."),
        ("Re: Курсы английского", "Добрый день. Уточню у мужа и отпишусь"),
        ("Курсы английского", "Когда начинается набор? Отпишитесь пожалуйста, жду."),
        # and asks to be written back to: to whom, about what, where to
        ("Курсы английского", "Отпишите мне, когда будет расписание"),
        ("Счёт на оплату", "Прошу отписаться о получении письма"),
        ("Re: Курсы английского", "Жду ответа, otpishite po rezultatu"),
        ("Курсы английского", "Отпишите на почту, пожалуйста, когда будет набор"),
        # «отзыв» as a review, beside a consent given
        ("Отзыв о курсах", "Мой отзыв о курсе и согласие на публикацию во вложении"),
        # «отписка» as a brush-off: a complaint about an answer
        ("Re: Ответ на обращение", "Ваш ответ — просто отписка, я буду жаловаться"),
        ("Re: Ответ на обращение", "Опять получила отписку вместо ответа"),
        # the writer's own future of a destruction or a refusal
        ("Re: Курсы английского", "Удалю свои данные из профиля сама, спасибо."),
        ("Re: Курсы английского", "Наверное, откажусь от рассылки, писем слишком много."),
    ],
)  # fmt: skip
def test_what_the_writer_will_do_or_means_otherwise_is_no_request(person, subject_line, body):
    """«Отпишу вам завтра» (I will write back tomorrow) was read as «отпишите» and «отписка»
    in another form, and the person's news stopped as the letter arrived; so did a holiday
    auto-reply sent without a machine's header, «отпишите мне» (write back to me), and «ваш
    ответ — просто отписка» (a brush-off); «мой отзыв о курсе и согласие на публикацию» (a
    review) withdrew every consent. What the writer says they will do, asks to be written back,
    complains of or reviews is no request: a letter for staff to read, nothing changed."""
    ticket = ingest(message(subject_line, body=body))
    assert (ticket.type, ticket.language) == (Type.OTHER, "ru")
    assert not ticket.about_someone_else  # «мужа» named nobody a request is about
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


def test_a_holiday_reply_that_will_write_back_is_set_aside_and_changes_nothing(person):
    """A holiday auto-reply sent without a machine's header: «отпишусь» is «I will write back»,
    not «unsubscribe me», and the letter asks nothing (asked_nothing.py): set aside for staff to
    read, no request opened, no answer sent, and the person's news go on."""
    letter = ingest(
        message("Нет на месте", body="Я в отпуске до 10 декабря, по возвращении отпишусь.")
    )
    assert getattr(letter, "reason", None) == "nothing_asked"
    assert not Ticket.objects.exists()
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "body",
    [
        "Отписываюсь от вашей рассылки",
        "Прошу оформить отписку от рассылки",
        "Отпишите меня, пожалуйста",
        "Прошу отписать мой адрес от рассылки",
        "Отписка",
        # a reflexive verb the writer means for themselves, or says angrily to us
        "Хочу удалиться из рассылки",
        "Уберитесь из моей почты со своей рассылкой",
    ],
)
def test_the_present_and_the_noun_still_unsubscribe(person, body):
    """The present («отписываюсь»: I unsubscribe, as I say it) and the noun in the accusative
    («отписку») are the request, one phrase's form aside."""
    assert ingest(message("Рассылка", body=body)).type == Type.UNSUBSCRIBE
    assert not gate.may_process(person, MARKETING)


@pytest.mark.parametrize(
    "body,language",
    [
        ("Отказываюсь от соглашения об оказании услуг, верните оплату", "ru"),
        ("Отзываю подпись под соглашением, курс не подошёл", "ru"),
        ("Отказываюсь от курса, согласна на возврат половины суммы", "ru"),
        ("Келісімшарттан бас тартамын, ақшамды қайтарыңыз", "kk"),
        ("Келісім-шарттан бас тартамын, курс маған ұнамады", "kk"),
        ("Келісемін, бірақ курстан бас тартамын", "kk"),
        # according to the agreement, return the money
        ("Келісім бойынша ақшаны қайтаруыңызды сұраймын", "kk"),
        ("Келісімге сәйкес ақшамды кері қайтарыңыз", "kk"),
        # a phrase's words a clause apart: the order's processing, then the data
        ("Прекратите обработку моего заказа, данные в нём неверные", "ru"),
    ],
)
def test_an_agreement_or_a_contract_is_no_consent(person, body, language):
    """A customer cancelling the course contract («соглашение», «келісімшарт») had every consent
    withdrawn as the letter arrived: «соглашения» was read as «согласия» with a slip, and
    «келісімшарт» (contract), «келісемін» (I agree), «келісім бойынша» (according to the
    agreement) as «келісім» (consent); «прекратите обработку моего заказа, данные…» as
    «прекратить обработку данных» across a comma. A letter for staff."""
    ticket = ingest(message("Курс / Курс", body=body))
    assert (ticket.type, ticket.language) == (Type.OTHER, language)
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


def test_our_own_words_of_withdrawing_pasted_back_withdraw_nothing(client, person, contact_data):
    """«You can withdraw your consent at any time by writing to …», our acknowledgement says in
    Kazakh («кері қайтарып ала аласыз»), and the consent text «I can withdraw it» («ала
    аламын»): a person who pasted either into a letter («I got this: what is it?») had every
    consent withdrawn as it arrived, where the Russian «можете», «могу» asked nothing. What
    says that it can be done («алуға болады» too) is no request; «I withdraw» still is."""
    client.post("/kk/contact/", contact_data())
    acknowledgement = mails_to("asel@example.kz")[-1].message
    assert "кері қайтарып ала аласыз" in acknowledgement
    for number, body in enumerate([
        f"Маған мынадай хат келді:\n\n{acknowledgement}",
        "Мен осы келісімді кез келген уақытта хат жіберу арқылы кері қайтарып ала аламын деп "
        "жазылған. Бұл не?",
        "Келісімді кері қайтарып алуға болады.",
    ]):  # fmt: skip
        ticket = ingest(message("Сұрақ", message_id=f"<pasted-{number}@x>", body=body))
        assert ticket.type != "withdraw", body
    assert not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)
    ingest(message("Келісім", message_id="<meant@x>", body="Келісімімді кері қайтарып аламын."))
    assert not gate.may_process(person, SERVICE)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_our_own_mails_pasted_or_resent_without_quote_marks_ask_nothing(
    client, person, texts, contact_data, lang
):
    """Our acknowledgement pasted under «Мне пришло это, что это?» withdrew every consent as it
    arrived (its Russian «Чтобы отозвать согласие …, напишите на … с темой «…»» read as the
    writer's); our «my data» link mail pasted opened a correction; our whole mail resent from the
    person's address with no «>» and no forwarded head was read as their own words. A sentence of
    ours is read as quoted; what the writer asks beside it still is."""
    client.post(f"/{lang}/contact/", contact_data(message="Вопрос о курсах"))
    acknowledgement = mails_to("asel@example.kz")[-1].message
    client.post(f"/{lang}/my-data/", {"token": aged_token(), "email": "asel@example.kz"})
    link_mail = mails_to("asel@example.kz")[-1].message
    assert link_mail != acknowledgement
    # The published consent text, as the form showed it to Әсел: «Трансграничная передача: нет.»
    # in it, a line too short to tell alone, withdrew every consent.
    consent = render_consent(texts[SERVICE], lang, full_name="Әсел Қасымова")
    # The privacy page's lines that tell what to write to us: one opened a correction.
    page = html_text(client.get(f"/{lang}/privacy/").content.decode()).split("\n")
    told = [line for line in page if "@" in line]
    assert told
    what = {"ru": "Мне пришло это письмо, что это?", "kk": "Маған мына хат келді, бұл не?"}[lang]
    for number, body in enumerate([
        f"{what}\n\n{acknowledgement}", f"{what}\n\n{link_mail}", acknowledgement, link_mail,
        f"{what}\n\n{consent}", *[f"{what}\n\n{line}" for line in told],
    ]):  # fmt: skip
        ticket = ingest(message("Письмо / Хат", message_id=f"<ours-{number}@x>", body=body))
        assert getattr(ticket, "type", "other") == "other", body
    assert not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)
    asked = {"ru": "Отписываюсь от рассылки.", "kk": "Жаңалықтардан бас тартамын."}[lang]
    pasted = f"{asked}\n\n{acknowledgement}\n\n{consent}"
    ticket = ingest(message("Хат", message_id="<meant@x>", body=pasted))
    assert ticket.type == "unsubscribe"
    assert gate.may_process(person, SERVICE) and not gate.may_process(person, MARKETING)
    # The phrase our mail tells them to write, or its title, written right above it, is theirs.
    phrase = {"ru": "Отзыв согласия.", "kk": "Келісімді қайтарып алу."}[lang]
    where = next(line for line in acknowledgement.split("\n") if "@" in line)
    ingest(message("Хат", message_id="<phrase@x>", body=f"{phrase}\n{where}"))
    assert not gate.may_process(person, SERVICE)


def test_a_policy_published_between_two_letters_is_read_as_ours_in_the_second(person, texts):
    """Our published texts are looked up by their words: a sentence of a policy version
    published after one letter was read is ours in the next, pasted with no quote mark."""
    from django.utils import timezone

    from consent.core.models import PolicyVersion
    from consent.core.texts import policy_publish

    ingest(message("Сұрақ", message_id="<before@x>", body="Курс қашан басталады?"))
    sentence = "Согласие можно отозвать письмом по адресу оператора в любой рабочий день."
    policy_publish(PolicyVersion.objects.create(
        number=3, effective_date=timezone.localdate(), title_kk="Саясат 3",
        title_ru="Политика 3", text_kk="Үшінші нұсқа.", text_ru=f"Третья версия.\n\n{sentence}",
    ))  # fmt: skip
    ticket = ingest(message("Что это?", message_id="<after@x>", body=f"Что это?\n\n{sentence}"))
    assert getattr(ticket, "type", "other") == "other"
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)
