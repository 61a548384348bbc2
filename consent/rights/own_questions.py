"""A question about what is done with the writer's own data, or their data asked to be sent to
them, asks for access (compliance L7, L10;
Law 94-V Art. 24(1)(1): the person may learn whether, how, for what and to whom their data is
processed and passed): «Какие мои данные у вас есть?», «Кому вы передаёте мои данные?», «Кто
имеет доступ к моим данным?», «Менің қандай деректерім сізде бар?», «Деректерімді кімге
бересіздер?», «Who do you share my data with?». Such a letter names no request's phrase, or
one that its question withholds (sentences.withheld: «кто», «где» before it), and opened
"other", due in fifteen working days, where the access answer, which lists the data, its
purposes and its recipients, is due in three.

A question whether the data was ended («Вы удалили мои данные?», «Мои данные удалены?»,
«Деректерім жойылды ма?») asks the same: what is held now. It is no new destruction (verb_forms
reads the past as asking nothing), and no "other" either. A question of why or when
(«Почему вы не удалили…», «Когда вы удалите…») is a complaint or about a request already made:
for an officer. Nor does a supposition ask («…, если я отпишусь?»), nor a question about someone
else's data (intake reads that after: about_whom.py, relatives.py)."""

import re

from .besides import asks
from .informed import informed
from .pieces import ASKED, pieces
from .sentences import KAZAKH_ASKING, QUESTION_PARTICLES, sentences
from .spelling import word_set, words
from .word_order import DATA_NOUNS

# Holding, using or passing the data on, in any form but the imperative (IMPERATIVE): «храните»,
# «хранятся», «обрабатываете», «переданы», «получают», «сақтайсыз», «өңделеді», «бересіздер»,
# «пайдаланасыз». Folded beginnings, and the short words as written.
HELD = ("хран", "имеет", "имеют", "доступ", "обраба", "обрабо", "использ", "собира", "собра",
        "получа", "переда", "передан", "предоставл", "раскры", "прода", "сакта", "ондел",
        "ондей", "пайдалан", "жина", "бересиз", "берет", "берилг", "берилд", "бердин", "тапсыр",
        "колжетим")  # fmt: skip
HELD_WORDS = word_set("есть ест бар барма откуда кайдан")  # whence: its source
# Ended or blocked, only in the past or as a passive: «удалили», «удалены», «уничтожены»,
# «стёрли», «жойылды», «жойдыңыз», «өшірілді», «заблокированы», «бұғатталды» (not «удалите»,
# which asks for it).
ENDED = re.compile(
    r"^(?:(?:удал|уничтож)(?:ил|ен)|стер[тл]|(?:жой|ошир)(?:[ыи]л|д[ыи]|г[ае]н)"
    r"|заблокир\w*(?:ал|ан)|бугатта(?:л|д))"
)
# A Russian imperative («передайте», «предоставьте»), a Kazakh one of «сіз» («сақтаңыз»,
# «беріңіздер»), which asks for the act; not the Kazakh past of «сіз» («сақтадыңыз»).
IMPERATIVE = re.compile(r"(йте|ьте|н[ыи]з(д[ае]р)?(ши)?)$")
KAZAKH_PAST_YOU = re.compile(r"[дт][ыи]н[ыи]з(д[ае]р)?$")
# Sending it to the writer, asked in the imperative (IMPERATIVE): «Пришлите мои данные»,
# «Вышлите», «Отправьте мне…», «Менің деректерімді жіберіңіз» ask for a copy as «Пришлите копию
# моих данных» does; not negated («не отправляйте», «жібермеңіз»), nor told («я отправила»).
SENT = ("пришл", "вышл", "отправ", "направ", "скин", "жибер", "жолда")
SENT_NEGATED = re.compile(r"^(?:жибер|жолда)м[еа]")
SENT_ASKED = re.compile(r"(ите|йте|ьте|н[ыи]з(д[ае]р)?(ши)?)$")  # «пришлите» too
# And nothing else named but the data, how whole, and the writer's mail (folded beginnings):
# a purpose, a recipient or another paper is a service asked of us, for an officer: «Пришлите
# мои данные для договора», «Направьте мои данные работодателю», «Шарт үшін деректерімді
# жіберіңіз», «Пришлите справку с моими данными».
SENT_ALONE = ("персональ", "личн", "дербес", "жеке", "все", "всю", "барл", "толык", "копи",
              "пожалуйст", "почт", "пошта", "email", "мейл", "электрон",
              # when, again, in what form, where, which: none a service («ещё раз», «срочно»,
              # «в PDF», «на мой адрес», «которые у вас есть»; «қайта», again)
              "снов", "повтор", "срочн", "сегодн", "сейчас", "скоре", "быстр", "немедл", "кайта",
              "тез", "жедел", "пдф", "pdf", "файл", "формат", "адрес", "мекенжай", "котор",
              "имеющ", "хран", "сакта")  # fmt: skip
SENT_ALONE_WORDS = frozenset(("раз", "есть", "бар"))  # whole words: «разрешение» is no «раз»
# Who receives it, Kazakh: «кімге», «кімде», «кімдер» (Russian «кому» is read by its «?»).
WHO = ("ким",)
# Stopping or forbidding what is done with the data asks how to end it, not what is done:
# «Как мне запретить обработку моих данных?», «Можно ли прекратить обработку моих данных?»
# opened an access request (a copy of the data) for an officer to read as what it asks.
STOPPING = ("запрет", "запрещ", "прекрат", "прекращ", "останов", "отказ", "отозв",
            "отзыв", "токтат", "тыйым")  # fmt: skip
# Why and when: for an officer (see the module). Folded.
WHY_OR_WHEN = word_set("почему зачем когда неге кашан")
# English, read as written (spelling.words reads a Latin word as the Cyrillic it may stand for):
# «Who do you share my data with?», «What data do you have about me?», «Did you delete my data?».
ENGLISH_OWN = word_set("my me mine")
ENGLISH_DATA = word_set("data information details")
ENGLISH_HELD = word_set(
    "have has hold holding keep keeping store stored share shared sell sold pass passed use "
    "used process processed transfer transferred disclose disclosed deleted erased removed"
)
ENGLISH_DID = word_set("did have has")  # «did you delete», «have you deleted»
ENGLISH_ENDED = word_set("delete erase remove")
ENGLISH_WHY_OR_WHEN = word_set("why when")


def asks_to_be_told(text: str) -> bool:
    """Whether `text` asks for what an access request answers: to be told of an end of the data
    (informed.py), or what is done with the writer's data while no other sentence asks anything
    (besides.asks): «Где хранятся мои данные? Не передавайте их за границу» asks an officer, and
    as an access request it dropped the objection beside the question."""
    if informed(text):
        return True
    said = [piece for piece in pieces(text) if piece.strip()]
    rest = [piece for piece in said if not asks_about_own(piece)]
    return len(rest) < len(said) and not any(asks(piece, words(piece)) for piece in rest)


def asks_about_own(text: str) -> bool:
    """Whether a sentence of `text` asks (its «?», «ли», a question word, a Kazakh particle
    after its data) what is done with the writer's own data (OWN, a data noun, and a word of
    holding it, HELD, or of its end in the past, ENDED)."""
    for sentence in sentences(text):
        tokens = sentence.tokens
        data = [at for at, word in enumerate(tokens) if word.startswith(DATA_NOUNS)]
        if not (sentence.own and data) or WHY_OR_WHEN & set(tokens):
            continue
        if any(word.startswith(STOPPING) for word in tokens):
            continue
        if any(start >= 0 for start in sentence.supposed_from):
            continue
        if "не" not in tokens and any(map(_sent, tokens)) and all(map(_sent_alone, tokens)):
            return True
        asked = (
            sentence.asked
            or any(word in KAZAKH_ASKING or word.startswith(WHO) for word in tokens)
            or any(at > data[0] for at, _ in sentence.particles)
            or bool(QUESTION_PARTICLES & set(tokens[data[0] :]))
        )
        if asked and any(map(_held_or_ended, tokens)):
            return True
    return any(map(_asked_in_english, pieces(text)))


def _asked_in_english(piece: str) -> bool:
    said = re.findall(r"[a-z]+", piece.casefold())
    if not (ASKED.search(piece.strip()) and ENGLISH_OWN & set(said) and ENGLISH_DATA & set(said)):
        return False
    if ENGLISH_WHY_OR_WHEN & set(said):
        return False
    return bool(ENGLISH_HELD & set(said)) or bool(
        ENGLISH_DID & set(said) and ENGLISH_ENDED & set(said)
    )


def _held_or_ended(word: str) -> bool:
    if ENDED.match(word):
        return True
    if word in HELD_WORDS:
        return True
    imperative = IMPERATIVE.search(word) and not KAZAKH_PAST_YOU.search(word)
    return word.startswith(HELD) and not imperative


def _sent(word: str) -> bool:
    return word.startswith(SENT) and bool(SENT_ASKED.search(word)) and not SENT_NEGATED.match(word)


def _sent_alone(word: str) -> bool:
    return (_sent(word) or word.startswith(DATA_NOUNS) or word.startswith(SENT_ALONE)
            or word in SENT_ALONE_WORDS)  # fmt: skip
