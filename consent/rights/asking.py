"""How a writer asks us to do something (compliance L7): the imperative of «вы» and «сіз», the
Russian infinitive a subject line asks with, a word of asking («прошу», «сұраймын»), or the act
done as it is said («отзываю», «бас тартамын»); and the courtesy tag such a request may close
with, whose «?» asks the reader to agree, not anything else: «Отпишите меня от рассылки,
хорошо?», «…, ok?», «…, ладно?», «…, можно?», «Деректерімді жойыңыз, жарай ма?», «…, болады
ма?». Read as the writer's question, the tag withheld the request it closes, and the letter
opened "other" while the news went on (pieces.untagged takes it off). All folded
(spelling.fold).
"""

import re

from .spelling import fold, word_set, words

# The imperative of «вы» («подскажите», «исправьте», «пришлите»).
RUSSIAN_ASKING = re.compile(r"\w{2,}[иыйь]те(сь)?")
# The Kazakh imperative of «сіз» («айтыңыз», «беріңізші», «хабарласыңыздар»): ң as н.
KAZAKH_ASKING_FORM = re.compile(r"\w{2,}н[ыи]з(дар|дер)?(шы|ши)?")
# The Kazakh past of «сіз», which ends as the imperative does («шығар-ды-ңыз», «жой-ды-ңыз»,
# «тоқтат-ты-ңыз», «кес-ті-ңіз»): it tells what was done and asks nothing («Мені тізімнен
# шығардыңыз, ok?»). «-ды» after a vowel or a voiced sound, «-ты» after a voiceless one: a stem's
# own «т» before the imperative's ending is no past («тоқтатыңыз», «айтыңыз»). Folded.
KAZAKH_PAST_YOU = re.compile(r"(д[ыи]|[кпстшфх]т[ыи])н[ыи]з(дар|дер)?$")
# A Russian infinitive, as a subject line asks («Отписаться от рассылки и удалить телефон»).
# Not a noun in «-ость», «-есть» («новость», «возможность»).
INFINITIVE = re.compile(r"\w{2,}(ть|чь)(ся|сь)?")  # not «-ти»: Kazakh's «-ті», «Құрметті»
NOUN_LIKE = re.compile(r"\w*[ое]сть")
# Words of asking that are no imperative («прошу исправить», «нөмірді өзгертуді сұраймын»).
ASKING_WORDS = frozenset(map(fold, (
    "прошу", "просим", "хочу", "хотим", "хотела", "хотел", "хотелось", "нужно", "надо",
    "необходимо", "өтінемін", "өтінеміз", "сұраймын", "сұраймыз", "қалаймын",
)))  # fmt: skip
# A greeting or a courtesy written as the imperative, or beside a particle: asks nothing.
COURTESY = frozenset(map(fold, (
    "здравствуйте", "извините", "простите", "будьте", "берегите", "сәлеметсіз", "сәлем", "бе",
    "ме", "саулығыңыз", "денсаулығыңыз", "болыңыз", "болыңыздар", "добрый", "доброе", "доброго",
    "день", "утро", "вечер", "қайырлы", "күн", "таң", "кеш",
)))  # fmt: skip
# The conditional of «you» («жойсаңыз», «шығарсаңыз»), which the imperative's form ends: it
# asks politely, a request that waits for the person's link (sentences.asked_of_us).
YOU_CONDITIONAL = re.compile(r"с[ае]н[ыи]з")
# The act done as it is said, in the first person: Russian's present («отзываю», «отказываюсь»,
# «отписываюсь»: -аю, -яю, folded -айу, -яйу), Kazakh's («бас тартамын», «кері аламын»,
# «қайтарып аламыз», «жоямын»).
DOING = re.compile(r"\w{2,}([ая]йу(сь)?|[аеяй]м[ыи][нз])")

# Asking whether we can («можете», «сможете», «не могли бы вы», «вас не затруднит»; «шығара
# аласыз ба», «жойып бересіз бе»; «Could you…»): a question in its form, asked of us politely,
# which waits for the person's link (sentences.asked_of_us). A courtesy tag after it takes
# nothing off that question: «Можете отписать меня от рассылки, пожалуйста?» asks as «Можете
# отписать меня от рассылки?» does (pieces.untagged). Folded.
CAN_YOU = word_set("можете сможете затруднит")
COULD = word_set("могли смогли могла смогла мог смог")  # with «бы»
ABLE_KAZAKH = ("аласы", "бересиз")
# English asks us as Russian «можете ли вы» does: «Can you stop emailing me?», «Could you
# please delete my data?», «Would you remove me from the list?» (not «Can I…», which asks
# whether the writer can: whether.py). A modal, then «you», «please» between them or not.
POLITE_ENGLISH = word_set("can could would will")

# A tag's words, as words() reads them (Latin «ok» as «ок»): agreeing («хорошо», «ладно», «ок»,
# «договорились», «жарай ма», «жақсы ма», «келістік пе»), or a courtesy («пожалуйста», «please»)
# asked with the «?» of a tone, not of a question.
AGREEING = frozenset(fold(word) for word in words(
    "хорошо ладно ок окей okay договорились пожалуйста плиз please pls plz "
    "жарай жарайды жақсы келістік"
))  # fmt: skip
# Or asking whether it may be done («можно», «если можно», «болады ма», «бола ма», «мүмкін бе»,
# «мүмкін болса»): after a request, a courtesy as well; after an infinitive it asks whether the
# writer can («Отписаться от рассылки, можно?», «Деректерімді жою, болады ма?»: whether.py).
MAY = frozenset(fold(word) for word in words("можно возможно бола болады мүмкін"))
# The words that may stand in a tag beside those: Kazakh's question particles, «если» and
# «болса» of «если можно», «мүмкін болса».
IN_TAGS = word_set("ма ме ба бе па пе если болса")


def imperative(word: str) -> bool:
    """Whether the (folded) word is the imperative of «вы» or «сіз», not a greeting's."""
    return word not in COURTESY and bool(
        RUSSIAN_ASKING.fullmatch(word) or KAZAKH_ASKING_FORM.fullmatch(word)
    )


# «Пожалуйста» inside a sentence that asks in the imperative: «Удалите, пожалуйста, мои данные?»
# asks us, its «?» no question of whether: the imperative cannot ask one. Folded.
PLEASE = frozenset(map(fold, word_set("пожалуйста плиз please")))
# Kazakh says it in the verb, «шығарыңызшы», «жойыңызшы» (not «айтыңызшы», telling: TELLING).
POLITE_KAZAKH = re.compile(r"н[ыи]з(дар|дер)?(шы|ши)$")
# Not a verb of telling, which opens a question: «Подскажите, пожалуйста, можно ли удалить мои
# данные?», «Скажите, пожалуйста, как…» ask whether (whether.py). Folded beginnings.
TELLING = ("подскаж", "скаж", "объясн", "расскаж", "уточн", "ответ", "сообщ", "посовет", "помог",
           "напиш", "покаж", "напомн", "айт", "тусиндир", "жазып", "жазыныз", "хабарла",
           "корсет")  # fmt: skip


def asked_please(folded: list[str]) -> bool:
    """Whether a sentence's words (`folded`, function words too) ask us in the imperative of
    «вы» with a «please» (PLEASE), or of «сіз» with its «-шы» (POLITE_KAZAKH), no verb of
    telling (TELLING): a request asked politely, whatever mark it ends with. Not a bare Russian
    imperative with a «?»: «Удалите мои данные?» is also «will you delete…?», for an officer."""
    kazakh = any(
        POLITE_KAZAKH.search(word) and imperative(word) and not word.startswith(TELLING)
        for word in folded
    )
    return kazakh or (
        bool(PLEASE & set(folded))
        and any(
            RUSSIAN_ASKING.fullmatch(word) and imperative(word) and not word.startswith(TELLING)
            for word in folded
        )
    )


def asks_us(text: str) -> bool:
    """Whether `text` asks us in the writer's voice: an imperative of «вы» or «сіз» (not the
    conditional of «you», nor the past of «сіз»), a word of asking, or the act done as it is said
    («отзываю», «бас тартамын»); not a bare infinitive or noun, a footer's «Отписаться от
    рассылки» (applications.first_lines)."""
    return any(
        (imperative(word) and not (YOU_CONDITIONAL.search(word) or KAZAKH_PAST_YOU.search(word)))
        or word in ASKING_WORDS
        or DOING.fullmatch(word)
        for word in map(fold, words(text))
    )


def can_you(folded: list[str]) -> bool:
    """Whether a sentence's words (`folded`, function words too) ask whether we can (CAN_YOU,
    COULD with «бы», ABLE_KAZAKH, POLITE_ENGLISH before «you»)."""
    return (
        any(word in CAN_YOU or word.startswith(ABLE_KAZAKH) for word in folded)
        or bool(COULD & set(folded) and "бы" in folded)
        or any(
            modal in POLITE_ENGLISH and "you" in folded[at + 1 : at + 3]
            for at, modal in enumerate(folded)
        )
    )


def tag_length(folded: list[str]) -> int:
    """How many of a sentence's last words (`folded`, its words) are a courtesy tag, 0 when
    none is: words of AGREEING or MAY, with particles (IN_TAGS) beside them."""
    at = len(folded)
    while at and (folded[at - 1] in AGREEING or folded[at - 1] in MAY or folded[at - 1] in IN_TAGS):
        at -= 1
    tag = folded[at:]
    return len(tag) if (AGREEING | MAY) & set(tag) else 0


def closes_a_request(tag: list[str], clause: list[str]) -> bool:
    """Whether the courtesy `tag` (folded words) closes a request: `clause`, the words of the
    clause before it, asks us (an imperative, not the conditional of «you», which asks politely
    and waits for the link: «шығарсаңыз бола ма?», nor the past of «сіз», «шығардыңыз, ok?»; a
    word of asking; the act done as it is said), or, after a tag of agreeing only, names the act
    in the infinitive («Отписаться от рассылки, пожалуйста?»)."""
    asks = asks_us(" ".join(clause))
    named = not MAY & set(tag) and any(
        INFINITIVE.fullmatch(word) and not NOUN_LIKE.fullmatch(word) for word in clause
    )
    return asks or named
