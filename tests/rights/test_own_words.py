"""Only the person's own words decide what an emailed letter asks (compliance L7): not the
earlier message it quotes, however the mail program pasted it, nor the signature under it."""

import itertools

import pytest

from consent.core import gate
from consent.core.models import LedgerEntry, Subject
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from tests.growth import grows_linearly

from . import one_person
from .conftest import message

# Asel and her texts made once for the module, each test's changes undone (one_person.py).
_asel, person, texts = one_person._asel, one_person.person, one_person.texts

NEWS = "Жаңалықтар\nЖаңа курстар басталды.\nЖазылымнан бас тарту\nОтписаться от рассылки"
NEWS_LATIN = "Novosti\nNovye kursy.\nOtpisatsya ot rassylki\nZhazylymnan bas tartu"
THANKS_KK = "Рахмет, келесі аптада хабарласамын."
THANKS_RU = "Спасибо, свяжусь на следующей неделе."
THANKS_LATIN = "Rakhmet, kelesi aptada khabarlasamyn."

# A reply to a newsletter, each as a mail program or a person writes it, the newsletter's
# unsubscribe footer in what it quotes or in the signature.
REPLIES = {
    "quoted with >": f"{THANKS_KK}\n\n> " + NEWS.replace("\n", "\n> "),
    "kk attribution, not quoted": (
        f"{THANKS_KK}\n\n2026 ж. 1 желт., 10:00 ЕМ АЛУ <news@emalu.kz> жазды:\n{NEWS}"),
    "ru attribution, not quoted": (
        f"{THANKS_RU}\n\n1 дек. 2026 г., в 10:00, ЕМ АЛУ <news@emalu.kz> написал(а):\n{NEWS}"),
    "en attribution, not quoted": (
        f"{THANKS_RU}\n\nOn Tue, 1 Dec 2026 at 10:00, EM ALU <news@emalu.kz> wrote:\n{NEWS}"),
    "attribution wrapped over two lines": (
        f"{THANKS_RU}\n\nВт, 1 дек. 2026 г. в 10:00, ЕМ АЛУ\n<news@emalu.kz>:\n\n{NEWS}"),
    "ru attribution in Latin letters": (
        f"{THANKS_LATIN}\n\n1 dek. 2026, EM ALU <news@emalu.kz> napisal(a):\n{NEWS_LATIN}"),
    "kk attribution in Latin letters": (
        f"{THANKS_LATIN}\n\n1 jeltoqsan 2026, EM ALU <news@emalu.kz> jazdy:\n{NEWS_LATIN}"),
    "Outlook original message": (
        f"{THANKS_RU}\n\n-----Original Message-----\nFrom: EM ALU\nSent: Tuesday\n\n{NEWS}"),
    "Outlook ru head": (
        f"{THANKS_RU}\n________________________________\nОт: ЕМ АЛУ <news@emalu.kz>\n"
        f"Отправлено: 1 декабря 2026 г. 10:00\nКому: asel@example.kz\nТема: Новости\n\n{NEWS}"),
    "signature after -- ": f"{THANKS_KK}\n-- \nӘсел Қасымова\n{NEWS}",
    "ru sign-off in Latin letters": f"{THANKS_LATIN}\n\nS uvazheniem,\nAsel\n{NEWS_LATIN}",
    "kk sign-off in Latin letters": f"{THANKS_LATIN}\n\nQurmetpen,\nAsel\n{NEWS_LATIN}",
    "ru sign-off": f"{THANKS_RU}\n\nВсего хорошего,\nАсель\n{NEWS}",
    "Mail.ru attribution, an address without a name": (
        f"{THANKS_KK}\n\nВторник, 1 декабря 2026, 10:00 +06:00 от news@emalu.kz:\n{NEWS}"),
    "kk mobile footer": f"{THANKS_KK}\n\niPhone құрылғысынан жіберілді\n{NEWS}",
    "Outlook mobile footer": f"{THANKS_RU}\n\nПолучите Outlook для Android\n{NEWS}",
}  # fmt: skip


@pytest.mark.parametrize("body", REPLIES.values(), ids=REPLIES.keys())
def test_a_quoted_footer_or_a_signature_asks_for_nothing(person, body):
    ticket = ingest(message("Re: Жаңалықтар", message_id="<reply@x>", body=body))
    assert ticket.type == Ticket.Type.OTHER
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


# The same replies with a request written above the quote: it is theirs, and it is read.
ASKED = {
    "kk, above a quote with >": ("Жазылымнан бас тартамын.", REPLIES["quoted with >"]),
    "ru, above an unquoted attribution": (
        "Отпишите меня от рассылки, пожалуйста.", REPLIES["ru attribution, not quoted"]),
    "Latin, above an Outlook head": ("Otpishite menya ot rassylki.", REPLIES["Outlook ru head"]),
    "kk, above a signature": ("Жазылымнан бас тартамын.", REPLIES["signature after -- "]),
}  # fmt: skip


@pytest.mark.parametrize("request_line, reply", ASKED.values(), ids=ASKED.keys())
def test_a_request_written_above_the_quote_is_read(person, request_line, reply):
    body = f"{request_line}\n{reply}"
    ticket = ingest(message("Re: Жаңалықтар", message_id="<asked@x>", body=body))
    assert ticket.type == Ticket.Type.UNSUBSCRIBE
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)


def test_a_line_of_the_letter_ending_in_wrote_does_not_hide_the_rest(person):
    """Only an attribution with a date or an address, as mail programs write one, starts the
    earlier message: a line of the person's own that ends in «пишет:» hides nothing after it."""
    body = "Здравствуйте. Вот что я вам уже писал и что ваш сайт пишет:\nОтпишите меня от рассылки."
    assert ingest(message("", message_id="<own@x>", body=body)).type == Ticket.Type.UNSUBSCRIBE


# A letter about someone else's data: a parent, a spouse, a child writing for a relative.
FOR_SOMEONE_ELSE = {
    "kk destroy, my son's": "Сәлеметсіз бе! Ұлымның деректерін жойыңыз.",
    "ru destroy, my daughter's": "Здравствуйте. Удалите данные моей дочери, пожалуйста.",
    "kk withdraw, my daughter": "Қызымның келісімін қайтарып аламын.",
    "kk destroy, about my son": "Ұлыма қатысты деректерді жойыңыз.",
    "ru withdraw, my son": "Отзываю согласие на обработку персональных данных моего сына.",
    "kk in Latin letters": "Qyzymnyñ derekterin joiyñyz.",
    "ru in Latin letters, unsubscribe": "Otpishite moyu mamu ot rassylki.",
    "ru in Latin letters, destroy": "Udalite dannye moego rebyonka.",
    # every case of the Russian word, not a list of some: the accusative, the instrumental
    "ru withdraw, for my grandmother": "Пишу за бабушку: отзываю согласие на обработку ПД.",
    "ru unsubscribe, with my husband": "Мы с мужем просим отписать нас от рассылки.",
    "ru destroy, my parents": "Удалите данные родителей, они больше не ходят на курсы.",
    # data that is his, hers or theirs
    "ru destroy, her data": "Удалите её персональные данные.",
    "kk destroy, his data": "Оның деректерін жойыңыз.",
}  # fmt: skip


@pytest.mark.parametrize("body", FOR_SOMEONE_ELSE.values(), ids=FOR_SOMEONE_ELSE.keys())
def test_a_letter_about_someone_else_leaves_the_senders_data_alone(person, body):
    ticket = ingest(message("", message_id="<for@x>", body=body))
    assert (ticket.type, ticket.status, ticket.about_someone_else) == ("other", "unverified", True)
    assert Subject.objects.filter(pk=person.pk).exists()
    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    assert not LedgerEntry.objects.filter(subject=person, kind="withdraw").exists()


def test_the_sender_s_own_request_is_still_carried_out(person):
    body = "Сәлеметсіз бе! Менің деректерімді жойыңыз."
    ticket = ingest(message("", message_id="<mine@x>", body=body))
    assert (ticket.type, ticket.about_someone_else) == ("destroy", False)
    # The subject line of the newsletter answered is not what the person wrote.
    reply = message("Re: Новые курсы для детей", message_id="<kids@x>", body="Отпишите меня.")
    assert (ingest(reply).type, gate.may_process(person, MARKETING)) == ("unsubscribe", False)


# An unsubscribe the sender asks for themselves («меня», «мне», «мені», «маған»), beside words
# naming someone else (a signature «мама Арсена», a child): held as "other" for the officer,
# the unsubscribe asked in the first person was not carried out and the newsletter kept coming.
MINE_BESIDE_SOMEONE_ELSE = [
    "Отпишите меня от рассылки.\nАсель, мама Арсена",
    "Не присылайте мне больше рассылку, сын уже закончил курс.",
    "Мені тізімнен шығарыңыз, ұлым курсты бітірді.",
    "Otpishite menya ot rassylki, doch uzhe ne khodit.",
]


@pytest.mark.parametrize("body", MINE_BESIDE_SOMEONE_ELSE)
def test_an_unsubscribe_asked_in_the_first_person_stops_the_senders_news(desk, person, body):
    ticket = ingest(message("Отказ от рассылки", message_id="<me@x>", body=body))
    assert (ticket.type, ticket.about_someone_else) == ("other", True)  # still read by an officer
    assert not gate.may_process(person, MARKETING)
    assert gate.may_process(person, SERVICE)  # nothing else of the sender's is touched
    desk.cookies["django_language"] = "ru"
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "новости и\xa0предложения на адрес отправителя" in page


# Letters that name children as those the courses or the newsletter are for, and ask
# for the sender's own: before, «детей» alone made each a letter about someone else, opened as
# "other", so the unsubscribe asked for was not carried out and the newsletter kept coming.
ABOUT_THEMSELVES = {
    "Отпишите меня от рассылки о курсах для детей.": "unsubscribe",
    "Отпишите меня от рассылки, курсы для детей нам больше не нужны.": "unsubscribe",
    "Удалите мои данные, я записывалась на курсы для детей.": "destroy",
    "Прошу отписать меня от рассылки про летний лагерь для ребенка.": "unsubscribe",
}


@pytest.mark.parametrize("body, kind", ABOUT_THEMSELVES.items())
def test_a_letter_naming_children_as_an_audience_is_the_senders_own(person, body, kind):
    ticket = ingest(message("", message_id="<own3@x>", body=body))
    assert (ticket.type, ticket.about_someone_else) == (kind, False)


@pytest.mark.parametrize(
    "lang, note",
    [("kk", "Бұл хат басқа адам (бала, туыс немесе өзге біреу) туралы"),
     ("ru", "Это письмо касается другого человека (ребёнка, родственника или кого-то ещё)")],
)  # fmt: skip
def test_the_desk_tells_the_officer_in_their_language(desk, person, lang, note):
    ticket = ingest(
        message("", message_id="<desk@x>", body=FOR_SOMEONE_ELSE["kk destroy, my son's"])
    )
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert note in page
    mine = ingest(message("", message_id="<own2@x>", body="Менің деректерімді жойыңыз."))
    assert note not in desk.get(f"/admin/rights/ticket/{mine.pk}/change/").content.decode()


@pytest.mark.parametrize("lang, only_if, retyped", [
    ("kk", "Түрін хат шынында жіберушінің өзі туралы болып шықса ғана өзгертіңіз",
     "өтініштің түрі кейін «деректерді жою» болып өзгертілді"),
    ("ru", "Меняйте тип, только если окажется, что письмо всё же о\xa0самом отправителе",
     "тип запроса с\xa0тех пор изменён на «уничтожение данных»"),
])  # fmt: skip
def test_the_desk_says_a_new_type_acts_on_the_senders_own_data(
    client, desk, person, lang, only_if, retyped
):
    """«Удалите данные моей дочери» from the mother's address: the note told the officer to
    find out whether she may act for her daughter and «then change the type»; changed to a
    destruction, the page still said nothing was done with the sender's data, and carrying it
    out destroyed the mother's record, not the daughter's."""
    from .conftest import act, confirm_link

    ticket = ingest(
        message("", message_id="<kid@x>", body=FOR_SOMEONE_ELSE["ru destroy, my daughter's"])
    )
    assert client.post(confirm_link()).status_code == 200
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert only_if in page
    act(desk, ticket, "retype", new_type="destroy")
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert retyped in page and only_if not in page


FORWARDED_HEAD = (
    "\n---------- Forwarded message ---------\nFrom: Ерлан Ахметов <erlan@example.kz>\n"
    "Subject: Отзыв согласия на обработку персональных данных\n\nОтзываю согласие.\n"
)


# How mail programs mark a forward or a reply in the subject line: with an abbreviation's dot
# («Пересл.:», «Отв.:», Russian mail programs), a count («Fw[2]:»), in capitals.
@pytest.mark.parametrize("prefix", ["Fwd:", "FW:", "Пересл.:", "ПЕРЕСЛ:", "Fw[2]:", "Отв.:"])
def test_a_forwarded_request_of_someone_else_changes_nothing_for_the_forwarder(person, prefix):
    """A colleague (or a parent) forwarded someone's withdrawal: every consent of the forwarder
    was withdrawn as the mail arrived, and the one who asked was never heard. The request is
    left for staff to read. Under «Пересл.: Отзыв согласия» it still was: the dot was not read
    as a forward's prefix, so the forwarded subject line counted as the forwarder's own."""
    ticket = ingest(message(f"{prefix} Отзыв согласия на обработку персональных данных",
                            body=FORWARDED_HEAD))  # fmt: skip
    assert (ticket.type, ticket.status) == ("other", "unverified")
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


def test_what_the_forwarder_asks_above_someone_else_s_mail_is_their_request(person):
    ticket = ingest(message("Fwd: Отзыв согласия на обработку персональных данных",
                            body="Отпишите меня от рассылки.\n" + FORWARDED_HEAD))  # fmt: skip
    assert ticket.type == "unsubscribe"


def test_a_person_forwarding_their_own_request_is_still_heard(person):
    ticket = ingest(message("Fwd: Отзыв согласия на обработку персональных данных",
                            body=FORWARDED_HEAD.replace("erlan@", "asel@")))  # fmt: skip
    assert ticket.type == "withdraw"


@pytest.mark.parametrize(
    "subject_line,body",
    [
        ("Отзыв согласия на обработку персональных данных",
         "Здравствуйте! Я НЕ хочу отзывать согласие. Мне пришло письмо с такой темой, это ошибка?"),
        ("Отказ от рассылки", "Я не отказывалась от рассылки, почему письма перестали приходить?"),
        ("Жеке деректерді өңдеуге келісімді қайтарып алу",
         "Мен келісімді қайтарып алмаймын, бұл қате хат."),
        ("Келісімнен бас тарту", "Мен келісімнен бас тартпаймын, бұл қате."),
        ("Сұрақ", "Мен келісімді қайтарып алмаймын. Курстар қашан басталады?"),
    ],
)  # fmt: skip
def test_a_subject_line_the_letter_itself_denies_is_not_carried_out(person, subject_line, body):
    """The subject line named a withdrawal and the letter said «I do not want to withdraw», or a
    Kazakh letter said «келісімді қайтарып алмаймын» (I will not take my consent back): every
    consent was withdrawn as it arrived. Such a letter is left for staff to read."""
    ticket = ingest(message(subject_line, body=body))
    assert ticket.type == "other"
    assert gate.may_process(person, SERVICE) and gate.may_process(person, MARKETING)


def test_a_letter_of_long_unbroken_lines_is_read_at_once(person):
    """A letter may hold 100,000 characters, on one line if its sender likes. The patterns that
    find where a quote begins were free to start at every letter of a run, to try every «@» of
    a token as an address's, or to share a run of spaces between two «\\s*» (the subject line's
    «Re:» too): each such line took time growing with its length squared (these lines, a
    minute; one of 90,000 letters, a quarter of an hour), and the intake read nothing else
    meanwhile, at every run, while it lasted."""
    ids = itertools.count()

    def letter(n):  # a Message-ID of its own each: a letter read again is not read twice
        body = "\n".join(["Отпишите меня от рассылки.", "а" * n, "a@" * (n // 4),
                          "<" + "a@" * (n // 8), "a" + " " * n + "b"])  # fmt: skip
        subject_line = "Re" + " " * (n * 3 // 2) + "x"
        return ingest(message(subject_line, message_id=f"<long{next(ids)}@x>", body=body))

    ticket = grows_linearly(letter, 20_000)
    assert ticket.type == Ticket.Type.UNSUBSCRIBE and ticket.message.endswith("b")


def test_a_letter_of_lines_of_spaces_is_read_at_once(person):
    """A line of nothing but spaces (a blank line as a mail program pads it, a plain-text copy of
    an HTML letter), or spaces after «Forwarded message» with no colon: the pattern that finds a
    forward's marker shared each run between two quantifiers and tried every split of it, so a
    letter of one 20,000-space line kept the intake 30 s, and one of 400 KB, hours."""
    ids = itertools.count()

    def letter(n):  # a Message-ID of its own each: a letter read again is not read twice
        body = "\n".join(["Отпишите меня от рассылки.", " " * n,
                          "Forwarded message" + " " * n + "x", "b"])  # fmt: skip
        return ingest(message("Отписка", message_id=f"<spaces{next(ids)}@x>", body=body))

    ticket = grows_linearly(letter, 20_000)
    assert ticket.type == Ticket.Type.UNSUBSCRIBE and ticket.message.endswith("b")
