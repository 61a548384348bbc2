"""Russian that a reader understands at once: plain words, not the officialese or the calques of
English a translation slips into (docs/glossary.md, "Plain Russian"). Each rule reads every
Russian catalogue entry, Django's own strings included (staff read them beside ours), and is
shown the variants it must catch and the ones it must leave alone."""

import re

import polib
import pytest

from consent.core.models import Subject
from tests.site.mail_scenarios import SCENARIOS, SECOND_ROUTES
from tests.site.mail_scenarios_children import PARENT, withdrawal_carried_out_for_a_child
from tests.site.test_mail_language import outcome

from .test_glossary import CATALOGUES, PATTERNS_OF, django_msgids, offences

SPACE = "[ \N{NO-BREAK SPACE}]"

# «данный» for «this» is the paperwork's word: «просмотра данной страницы», «данный сайт». The
# participle «given» stays: after a comma («согласие, данное родителем») or before its agent
# («данное вами»); the plural «данные» is data and is never looked at.
THIS_AS_DANNYJ = re.compile(
    rf"(?<!,{SPACE})\bданн(ый|ая|ое|ого|ой|ому|ую|ом)\b"
    rf"(?!{SPACE}+(вами|нами|им|ею|ей|ими|ему|его|её|их)\b)",
    re.IGNORECASE,
)
# A verb wrapped round a verbal noun: «мы проведём уничтожение ваших данных» says «мы уничтожим
# ваши данные», «произвести действия над объектами» «выполнить действие».
WRAPPED_VERB = re.compile(
    rf"\b(пров[ео][дс]|произв[ео][дс]|осуществ)\w*{SPACE}+\w+(ние|ния|нию|нием|тие|тия|ция|ции|ций)\b",
    re.IGNORECASE,
)
# A form does not name or state anyone: English's «the form named a parent» is «в форме указан
# родитель»; «Форма указала родителя» reads as if the form had acted, and so did «Ваша форма не
# сообщила, какой текст согласия вы прочитали» (what is not written in it is «не указано»), and
# «Ваша страница не сообщила…» of the person's own page.
FORM_AS_AGENT = re.compile(
    r"\b(Форма|форма|Страница|страница)\b[^.:;]*\b(указал|сообщил|назвал|показал|сказал)а\b"
)

# What a parent gives, asks or withdraws for a child is done «от имени ребёнка» (docs/glossary.md):
# «подан родителем за ребёнка», «согласия, которые вы дали за детей» are talk, and so is «ваши
# запросы за этого ребёнка», a pronoun between.
FOR_THE_CHILD = re.compile(
    rf"\bза{SPACE}+((этого|этих|того|тех|вашего|ваших|своего|своих|каждого|всех|его|её|их)"
    rf"{SPACE}+)?(ребён|детей\b|детьми\b|детям\b)",
    re.IGNORECASE,
)
# A word written for both genders at once, «указан(а) %(name)s», is a form to fill in, not a
# sentence: the noun that agrees with it is named, «указан родитель или опекун: …».
BOTH_GENDERS = re.compile(r"\b[а-яё]+\((а|о|и|ы|ла|ло|ли)\)", re.IGNORECASE)
# A value filled in after a colon stands on its own (docs/glossary.md), but the colon goes after
# a whole clause: «теперь рассматривается как: другой вопрос» and «письма о: …» cut a sentence
# after the word that needs what follows, as a form to fill in does.
CUT_BEFORE_ITS_OBJECT = re.compile(
    rf"(?<![\w-])(как|чем|в|во|на|с|со|о|об|обо|для|по|от|к|ко|из|у|за|при|про|без|до|через"
    rf"|между|под|над|перед){SPACE}*:",
    re.IGNORECASE,
)
# A text does not «give» its hash: English's «the text gives this SHA-256» is that it matches it,
# «текст соответствует этому SHA-256»; the evidence and the desk said «текст даёт этот SHA-256»,
# «слова не дают SHA-256», word for word.
GIVES_A_HASH = re.compile(
    rf"\b(да[её]т|дают|давать|дал[аои]?)\b{SPACE}+(ли{SPACE}+\w+{SPACE}+)?(\w+{SPACE}+)?SHA",
    re.IGNORECASE,
)
# A count is given after a colon, never as the answer to a question asked in its place:
# «О скольких из них вам ещё не сообщали: 11», «Сколько из них вам ещё не сообщено: 3».
QUESTION_AS_LABEL = re.compile(r"\bсколь\w*\b[^.?!;]*:", re.IGNORECASE)

RULES = {
    "«за ребёнка» for «от имени ребёнка»": FOR_THE_CHILD,
    "«данный» for «этот»": THIS_AS_DANNYJ,
    "a verb wrapped round a verbal noun": WRAPPED_VERB,
    "a form that names someone": FORM_AS_AGENT,
    "a word written for both genders": BOTH_GENDERS,
    "a colon that cuts a sentence before its object": CUT_BEFORE_ITS_OBJECT,
    "a question asked in place of a label": QUESTION_AS_LABEL,
    "a text that gives its hash": GIVES_A_HASH,
}


def russian_texts():
    for path in CATALOGUES[2:]:
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                yield entry.msgid, text


@pytest.mark.parametrize("rule", RULES)
def test_no_russian_entry_breaks_the_rule(rule):
    bad = [(msgid, text) for msgid, text in russian_texts() if RULES[rule].search(text)]
    assert not bad, bad


@pytest.mark.parametrize(
    "rule, text",
    [("«за ребёнка» for «от имени ребёнка»", "согласие, данное за ребёнка"),
     ("«за ребёнка» for «от имени ребёнка»", "Согласия, которые вы дали за детей"),
     ("«за ребёнка» for «от имени ребёнка»", "как родитель или опекун, за ребёнком"),
     ("«за ребёнка» for «от имени ребёнка»", "Ваши запросы за\xa0этого ребёнка"),
     ("a word written for both genders", "родителем или опекуном указан(а) Асель"),
     ("a word written for both genders", "Сотрудник взял(а) запрос"),
     ("«данный» for «этот»", "у вас недостаточно прав для просмотра данной страницы"),
     ("«данный» for «этот»", "Данный объект не имеет истории изменений"),
     ("«данный» for «этот»", "На данный момент"),
     ("a verb wrapped round a verbal noun", "мы проведём блокирование обработки ваших данных"),
     ("a verb wrapped round a verbal noun", "Чтобы произвести удаление объектов"),
     ("a verb wrapped round a verbal noun", "осуществляется уничтожение данных"),
     ("a form that names someone", "Форма также указала родителя или опекуна"),
     ("a form that names someone", "Форма, отправленная с\xa0вашим адресом, указала его"),
     ("a form that names someone", "Ваша форма не сообщила, какой текст согласия вы прочитали"),
     ("a form that names someone", "Ваша страница не сообщила, какой текст согласия"),
     ("a colon that cuts a sentence before its object",
      "Ваш запрос №\xa0R-4 теперь рассматривается как: другой вопрос"),
     ("a colon that cuts a sentence before its object", "ранее он был записан как: x"),
     ("a colon that cuts a sentence before its object", "Уведомления о\xa0: новые запросы"),
     ("a colon that cuts a sentence before its object", "Отправлено на: адрес"),
     ("a question asked in place of a label", "О\xa0скольких из них вам ещё не сообщали: 11."),
     ("a question asked in place of a label", "Сколько из них вам ещё не сообщено: 3"),
     ("a text that gives its hash", "текст даёт этот SHA-256"),
     ("a text that gives its hash", "Хранимые в базе данных слова не дают SHA-256"),
     ("a text that gives its hash", "«%(check)s»\xa0— даёт ли он SHA-256 своей строки")],
)  # fmt: skip
def test_the_rule_sees_its_variant(rule, text):
    assert RULES[rule].search(text)


@pytest.mark.parametrize(
    "text",
    ["согласие, данное от имени ребёнка", "согласия, данного его родителем",
     "отозвать данное вами согласие", "персональные данные", "данных нет",
     "Благодарим вас за время, проведённое на этом сайте.", "мы уничтожим ваши данные",
     "В форме также указан родитель или опекун", "В отправленной форме не указано, какой текст",
     "С вашей страницы не пришли сведения", "Трансграничная передача не осуществляется.",
     "согласие, данное от имени ребёнка", "записи детей", "заботиться о детях",
     "отвечает за данные детей", "Ваши запросы от имени этого ребёнка", "пункт 2 а)",
     "Подстановка пишется так: {{ имя }}", "для целей: Ответы", "Новый тип: другой вопрос",
     "Срок в\xa0следующий рабочий день (4\xa0декабря): 3", "сколько людей получат сейчас",
     "сколько уже поставлено, видно на странице рассылки. Срок: 5",
     "текст соответствует этому SHA-256", "данные SHA-256"],
)  # fmt: skip
def test_the_rules_leave_plain_russian_alone(text):
    assert not [rule for rule, regex in RULES.items() if regex.search(text)]


@pytest.mark.django_db
def test_a_parent_is_told_what_they_did_in_the_child_s_name(request):
    """The mail a parent reads once the desk carries out the withdrawal they made for a child:
    it began «Согласие, которое вы отозвали за ребёнка (Айгерим): других…», a noun left
    hanging before a colon and the talk's «за ребёнка» for the law's «от имени ребёнка»."""
    _rendered, sent, wrong = outcome(withdrawal_carried_out_for_a_child, "ru", request)
    assert not wrong, wrong  # wholly in Russian, as every mail
    [text] = [text for to, subject, text, html, headers in sent
              if to == [PARENT] and "выполнен" in text]  # fmt: skip
    text = text.replace("\N{NO-BREAK SPACE}", " ")
    assert "Вы отозвали согласие от имени ребёнка (Айгерим). Других действующих" in text, text
    assert not offences(text, PATTERNS_OF["ru"]), text
    assert not [rule for rule, regex in RULES.items() if regex.search(text)], text
    assert not Subject.objects.filter(email="child@example.kz").exists()  # as the mail says


# Every mail the site sends, by the operation that sends it (tests/site/mail_scenarios.py).
MAILS = {**SCENARIOS, **{route: scenario for route, (_t, scenario) in SECOND_ROUTES.items()}}


@pytest.mark.django_db
@pytest.mark.parametrize("mail", sorted(MAILS))
def test_every_russian_mail_as_sent_reads_plainly(mail, request):
    """The rules above, on each Russian mail as a person or an officer receives it: a sentence
    the template and the code put together as well as each catalogue entry. The retyped
    request's mail said «теперь рассматривается как: исправление или обновление данных
    (ранее он был записан как: другой вопрос)», the digest of set-aside letters «О скольких
    из них вам ещё не сообщали: 11»."""
    _rendered, sent, _wrong = outcome(MAILS[mail], "ru", request)
    assert sent
    bad = [(rule, subject, text) for _to, subject, text, _html, _headers in sent
           for rule, regex in RULES.items() if regex.search(f"{subject}\n{text}")]  # fmt: skip
    bad += [("glossary", subject, text) for _to, subject, text, _html, _headers in sent
            if offences(f"{subject}\n{text}", PATTERNS_OF["ru"])]  # fmt: skip
    assert not bad, bad


# Placeholders a person's name fills in. Russian declines a name («Айгерим Серикова», «адресом
# Айгерим Сериковой»), which a placeholder cannot: it stands after a colon, in brackets, after
# a comma, or in apposition to a noun in the nominative («сотрудник Иванов», «как Иванов»).
PERSON = re.compile(rf"(\w+){SPACE}+%\((child|name|full_name|responsible_person|who)\)s")
APPOSITION = {"сотрудник", "как"}


def test_a_person_s_name_is_never_filled_in_where_a_case_is_needed():
    """The desk's page that declines a parent began «В форме, отправленной с адресом
    %(child)s, …»: «с адресом Айгерим Серикова» for «Сериковой». Django's own strings fill
    in a model's name, not a person's, and are left alone."""
    django = django_msgids()
    bad = [(msgid, text) for msgid, text in russian_texts() if msgid not in django
           for word, _name in PERSON.findall(text) if word.lower() not in APPOSITION]  # fmt: skip
    assert not bad, bad


def test_a_title_filled_into_a_sentence_stands_in_quotes():
    """A campaign's title is whatever the marketer typed («Скидки к Наурызу», «x»): bare in a
    sentence it reads as part of it. The test send said «x: тестовые письма поставлены в
    очередь на em@example.kz» where every other message of the campaign's page says «Рассылка
    «x»…». An object's own name («%(title)s, версия 2», no sentence) is left alone."""
    bad = [(msgid, text) for msgid, text in russian_texts()
           if "%(title)s" in msgid and text.rstrip().endswith(".")
           and text.count("%(title)s") != text.count("«%(title)s»")]  # fmt: skip
    assert not bad, bad


# «по следующим причинам:», «для следующей цели:» say how many things follow the colon. Before
# what an officer typed or a list whose length varies, only an entry counted with ngettext knows
# it: the refusal of a request said «по следующим причинам:» before the one reason an officer
# gave, the answer to a withdrawal «для следующих целей:» before the news alone.
NUMBER_ANNOUNCED = re.compile(rf"\bследующ(ей|ая|ую|ий|им|их|ие|ими)({SPACE}+\w+)+:\s*$", re.I)


def test_only_a_counted_entry_says_how_many_things_follow_it():
    """Django's own strings («удаления следующих защищённых связанных объектов:») are left
    alone. Otherwise what follows is named by a word that does not count it («Обоснование
    отказа:»), or the entry has its plural forms."""
    django = django_msgids()
    bad = [(entry.msgid, entry.msgstr) for path in CATALOGUES[2:]
           for entry in polib.pofile(str(path))
           if not entry.msgid_plural and entry.msgid not in django
           and NUMBER_ANNOUNCED.search(entry.msgstr)]  # fmt: skip
    assert not bad, bad
    assert NUMBER_ANNOUNCED.search("мы прекратили обработку данных для\xa0следующих целей:")
    assert NUMBER_ANNOUNCED.search("Мы не можем выполнить запрос по следующим причинам:")
    assert not NUMBER_ANNOUNCED.search("срок в\xa0следующий рабочий день (%(day)s):")
    assert not NUMBER_ANNOUNCED.search("расходятся в\xa0следующем: %(elements)s.")


REASONS_ANNOUNCED = [("request_refused", "Обоснование отказа:"),
                     ("request_destroyed_instead", "Обоснование:")]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("mail, words", REASONS_ANNOUNCED)
def test_the_reasons_an_officer_typed_follow_a_word_that_does_not_count_them(mail, words, request):
    """Each refusal and the destruction in place of a correction, as the person receives them:
    the one reason typed on the desk (WRITTEN) followed «…по следующим причинам:»."""
    _rendered, sent, _wrong = outcome(MAILS[mail], "ru", request)
    texts = [text.replace("\N{NO-BREAK SPACE}", " ")
             for _to, _subject, text, _html, _headers in sent if words in text]  # fmt: skip
    assert texts
    for text in texts:
        assert f"{words}\n\nМы не публикуем персональные данные." in text, text
        assert not [line for line in text.splitlines() if NUMBER_ANNOUNCED.search(line)], text


# A confirmation link works seven days: the mails said «в течение 7 дней», the pages and the
# other mails «в течение семи дней», one span written two ways. A number of days up to nine is
# written in words, as business Russian writes a small number standing alone.
FEW_DAYS_IN_DIGITS = re.compile(rf"(?<![\d,.])[1-9]{SPACE}+(день|дня|дней)\b")


def test_a_few_days_are_written_in_words():
    """Django's own filter «Последние 7 дней» is left alone."""
    django = django_msgids()
    bad = [text for msgid, text in russian_texts()
           if msgid not in django and FEW_DAYS_IN_DIGITS.search(text)]  # fmt: skip
    assert not bad, bad
    assert FEW_DAYS_IN_DIGITS.search("Откройте эту ссылку в течение 7\xa0дней")
    assert not FEW_DAYS_IN_DIGITS.search("в течение 15 рабочих дней")
    assert not FEW_DAYS_IN_DIGITS.search("через 56 дней после того")


# An example in brackets opens with «например», as every other one does: the note on an address
# with no ending after its host said «(как в .kz, .ru или .com)», English's «as in» word for word.
AS_IN = re.compile(rf"\(как{SPACE}+в\b")
RUSSIAN = "locale/ru/LC_MESSAGES/django.po"


def test_an_example_in_brackets_opens_with_for_example():
    bad = [entry.msgstr for entry in polib.pofile(RUSSIAN) if AS_IN.search(entry.msgstr)]
    assert not bad, bad
    assert AS_IN.search("добавьте точку (как\N{NO-BREAK SPACE}в .kz, .ru или .com)")
    assert not AS_IN.search(
        "(например, .kz, .ru или .com); Отправить рассылку, как в предпросмотре"
    )


# Personal data is destroyed, «уничтожение», as the law says it (docs/glossary.md): «удалить» is
# what a visitor asks in their own words («просят удалить данные»), never what the site did. The
# desk said of a request taken back «данные не удалены», and of a reopening's reason «удаляется
# вместе с его данными», where the English says destroyed.
DESTROY = re.compile(r"\bdestr", re.IGNORECASE)
DELETE = re.compile(r"\b(delet|remov|eras)", re.IGNORECASE)
REMOVED = re.compile(r"\bудал[ияеё]", re.IGNORECASE)


def test_what_the_english_destroys_the_russian_never_deletes():
    bad = [text for msgid, text in russian_texts()
           if DESTROY.search(msgid) and not DELETE.search(msgid)
           and REMOVED.search(text)]  # fmt: skip
    assert not bad, bad
    assert REMOVED.search("данные не удалены") and REMOVED.search("удаляется вместе с ними")
    assert not REMOVED.search("уничтожается вместе с ними; запрос не выполнен")
