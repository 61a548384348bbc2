"""Whom a letter is about by a relation or a pronoun (compliance L7): someone else it names as the
writer's relative or as «his», «her» (names_someone_else), or whose request it tells in the third
person (told_of_another); or the writer themselves, who asks something in the first person
(says_me). By a name: about_whom.py."""

import re

from .phrases import same_word
from .someone_else import said_of_another, someone_elses
from .spelling import ABLATIVE, common_prefix, fold, word_set, words
from .unneeded import KAZAKH_NEEDING, NEEDING
from .word_order import DATA_NOUNS

# Words that name someone else the letter is about: «удалите данные моей дочери», «ұлымның
# деректерін жойыңыз», «otpishite muzha», «пишу за бабушку». What it asks is not the sender's own
# request, and is for an officer to read rather than carried out on the sender's record (a
# parent may act for a minor, once checked). Russian in every case (a list of forms missed the
# accusative «бабушку», «дедушку», the instrumental «мамой», «мужем», and the withdrawal «пишу за
# бабушку» ended the sender's consents); Kazakh with «my» (-ым, -ім, -м) and then nothing, the
# genitive, the accusative or the dative («ұлым», «ұлымның», «ұлымды», «ұлыма қатысты»; «балама»
# only as "alternative"); a Russian word for children in general only beside «my», «our» (MY):
# «курсы для детей» asks nothing about a child. Folded, see FOLD; whole words only; «доч» is
# «doch» in Latin letters.
OTHER_PERSON = re.compile(
    r"сын(а|у|ом|е|овья|овей|овьям|овьями)?|доч(ь|ери|ерью|ерей|ерям|ерями|ка|ки|ке|ку|кой)?"
    r"|мать|матер(и|ью|ей|ям|ями)|отец|отц(а|у|ом|е)|родител(и|ей|ям|ями|ях)"
    r"|(мам|пап|бабушк|дедушк|внучк|сестр|жен|племянниц)(а|ы|е|у|ой|ою|и)"
    r"|(тет|дяд)(я|и|е|ю|ей)|(муж|брат|внук|супруг|племянник)(а|у|ом|ем|е|и|ов|ья|ьям|ьев)?"
    r"|атынан"
)
CHILDREN = word_set("ребенок ребенка ребенку ребенком ребенке дети детей детям детьми")
MY = frozenset(map(fold, word_set("мой моя мое моего моей моему мою моим моих моими моем наш "
                                    "наша наше нашего нашей нашему нашу нашим наших нашими "
                                    "нашем")))  # fmt: skip
OTHER_PERSON_KAZAKH = re.compile(
    r"(улы|кызы|балалары|ана|аке|куйеуи|айели|жубайы|ага|ини|апа|синли|карындасы|немере"
    r"|ариптеси|досы|курбы)м"
    r"(нын|нин|ды|ди|а|е)?|балам(нын|нин|ды|ди)?"
)
# Whose data: «удалите её данные», «его персональные данные», «оның деректерін жойыңыз» (his,
# her, their, two words at most before what the operator holds). Folded, see FOLD.
THIRD_PERSON = frozenset({"ее", "его", "их", "онын", "олардын"})
# What the operator holds: the nouns of the data (word_order.DATA_NOUNS: «мәліметтер», «ақпарат»,
# «сведения», «информация» too, which a copy of this list in about_whom.py alone had), and their
# items. Folded beginnings.
HELD = (*DATA_NOUNS, "персональн", "анкет", "контакт", "номер", "номир", "телефон", "жеке",
        "дербес")  # fmt: skip
# Data the letter says is someone else's, not the writer's: «чужие данные», «данные другого
# человека», «басқа адамның деректері», «бөтен деректер» (within three words of what the operator
# holds, HELD; someone_else.someone_elses). «Вы прислали мне чужие данные, удалите их» destroyed
# the writer's own.
# Whom, taken off something: «отпишите её от рассылки», «Его отпишите от рассылки», «удалите их из
# базы», «оны тізімнен шығарыңыз», «unsubscribe him from» (him, her, them, with «from»: от, из,
# a Kazakh ablative, two words on at most). The sender's news stopped for a friend's «отпишите
# её». Not the object alone: «рассылка приходит, отключите её» stops the news itself. Folded.
OBJECT_PRONOUNS = frozenset({"ее", "его", "их", "оны", "оларды"})
TAKEN_FROM = re.compile(rf"от|из|{ABLATIVE.pattern}")
# Or right beside a verb that takes a person off a list, with nothing said from what: «Отпишите
# её», «её отпишите, пожалуйста», «исключите их» (a list's news is never «unsubscribed»). Folded.
TAKING_OFF = ("отпиш", "отпис", "исключ")
# Words read through between the pronoun and its verb: «Их тоже исключите из рассылки»,
# «Отпишите, пожалуйста, их тоже», «её тоже отпишите» stopped the sender's news for theirs.
# Folded.
BETWEEN = frozenset(map(fold, word_set("тоже также пожалуйста плиз всех обоих обеих сразу "
                                         "заодно да де та те")))  # fmt: skip
# Someone the writer knows, as the object beside the writer («Отпишите меня и коллегу от
# рассылки», «исключите подругу»), read as him or her are. Folded.
KNOWN = re.compile(r"(коллег|подруг|сотрудниц|соседк|знаком)у|(друг|сотрудник|сосед|знаком"
                   r"|начальник|руководител)(а|я|ого)")  # fmt: skip
OFF_ENGLISH = re.compile(r"\b(?:him|her|them) (?:off|from)\b|\b(?:unsubscribe|exclude) (?:him|her"
                         r"|them)\b|\b(?:remove|delete|drop) (?:him|her)\b")  # fmt: skip
# To whom the news are not needed: «Ей не нужна ваша рассылка», «Ваши письма ему больше не
# нужны», «Оған хабарламаларыңыз керек емес» (a need word, unneeded.py, up to three words on),
# where the writer's own is «мне», «маған». Folded.
DATIVE_THIRD_PERSON = frozenset({"ей", "ему", "им", "оган", "оларга"})
# And someone the writer knows, in the dative: «Коллеге не нужна рассылка», «Подруге приходят
# ваши письма» (a relative's every case is OTHER_PERSON, a Kazakh one's OTHER_PERSON_KAZAKH).
DATIVE_KNOWN = re.compile(r"(коллег|подруг|сотрудниц|соседк|клиентк|знаком)е|(друг|сотрудник|"
                          r"сосед|клиент|начальник|руководител)[юу]|знаком(ой|ому)")  # fmt: skip
NEED_WORDS = (*NEEDING, *KAZAKH_NEEDING)
# The news coming or sent to whom the dative names: «Ей всё ещё приходит рассылка», «не
# присылайте ему», «шлёте ей». Folded.
COMING = ("приход", "присыл", "приш", "шлет", "шлите", "отправл", "идут", "пишит", "писат",
          "жибер", "жолда", "келед", "келип", "келмес")  # fmt: skip
# English relatives, read in the letter's own Latin words (words() reads «son» as the
# transliterated «сон»), beside «my» or «our» up to two words before: «Stop emailing my son»,
# «Please delete my daughter's data», «my 12 year old son», as «моему сыну» (L7). Not alone:
# «the newsletter about courses for children», «I am a mother of two» are the writer's own.
# And data that is his, hers or theirs, as THIRD_PERSON: «Please delete her personal data».
ENGLISH_WORD = re.compile(r"[a-z]+")
RELATIVES = frozenset(word_set(
    "son sons daughter daughters child children kid kids mother mom mum mommy mummy father dad "
    "daddy parent parents wife husband spouse partner brother brothers sister sisters "
    "grandmother grandma granny grandfather grandpa grandson granddaughter grandchild "
    "grandchildren"
))  # fmt: skip
MY_ENGLISH = frozenset({"my", "our"})
THIRD_PERSON_ENGLISH = frozenset({"his", "her", "their"})
HELD_ENGLISH = ("data", "personal", "detail", "information", "info", "email", "mail", "address",
                "phone", "number", "account", "contact")  # fmt: skip
# «Me» as the object of a request: «отпишите меня», «не присылайте мне», «мені тізімнен
# шығарыңыз», «маған жібермеңіз» (Latin spellings through words()). Folded, see FOLD.
ME = frozenset(map(fold, word_set("меня мне мени маган")))
# A death: «Адресат умер», «Владелец этого ящика скончался», «Бұл поштаның иесі қайтыс болды»,
# «марқұм», «passed away». The person the letter is about is not its writer, whoever holds the
# address: an unsubscribe from it was done and closed, a correction opened for the record, and
# no officer learnt the person had died. Folded; the English in its own words.
DIED = re.compile(r"умер(ла|ли|шего|шей|ший|шая)?|скончал(ся|ась|ись)|погиб(ла|ли)?|покойн\w*"
                  r"|кайтыс|дуниеден|маркум\w*")  # fmt: skip
DIED_ENGLISH = re.compile(r"\b(died|deceased|passed away)\b")


def says_me(text: str) -> bool:
    """Whether what `text` asks is for the address it came from: for its writer, in the first
    person (ME), or for the address's holder said to have died (died), no relative of the
    writer's named (whose address it may not be). Stopping the news to it ends nothing."""
    return any(fold(word) in ME for word in words(text)) or (died(text) and not _relative(text))


def stops_mine(kind: str, unsubscribe: bool, written: list[str]) -> bool:
    """Whether a letter about someone else, asking (`kind`) or also asking (`unsubscribe`) for
    the news to stop, asks it for its writer too (says_me): «Отпишите меня и мужа», «Мне не
    нужна рассылка, и коллеге тоже». Those stop as it arrives; the other person's are read."""
    return (kind == "unsubscribe" or unsubscribe) and any(map(says_me, written))


def died(text: str) -> bool:
    """Whether `text` says someone died (DIED)."""
    return any(DIED.fullmatch(fold(word)) for word in words(text)) or bool(
        DIED_ENGLISH.search((text or "").casefold())
    )


def _relative(text):
    folded = [fold(word) for word in words(text)]
    named = any(OTHER_PERSON.fullmatch(w) or OTHER_PERSON_KAZAKH.fullmatch(w) for w in folded)
    english = ENGLISH_WORD.findall((text or "").casefold())
    return named or bool(RELATIVES & set(english))


def names_someone_else(text: str) -> bool:
    """Whether `text` names someone else it is written about: a relative (a Kazakh word with
    «my»), «атынан», children within two words after «my» or «our», or right before (MY), data
    that is his, hers or theirs (THIRD_PERSON), him, her or them taken off something
    (OBJECT_PRONOUNS), or news not needed by them (DATIVE_THIRD_PERSON), data said to be
    someone else's (someone_else.someone_elses), or anything said to belong to someone else
    or about them (someone_else.said_of_another: said of the data a clause away); in English too
    (RELATIVES); or a death (DIED)."""
    if died(text):
        return True
    folded = [fold(word) for word in words(text)]
    for at, word in enumerate(folded):
        if OTHER_PERSON.fullmatch(word) or OTHER_PERSON_KAZAKH.fullmatch(word):
            return True
        if word in CHILDREN and MY & {*folded[max(at - 2, 0) : at], *folded[at + 1 : at + 2]}:
            return True
        if word in THIRD_PERSON and any(w.startswith(HELD) for w in folded[at + 1 : at + 3]):
            return True
        if word.startswith(HELD) and someone_elses(folded[max(at - 3, 0) : at + 4]):
            return True
        if said_of_another(folded, at):  # «…, они принадлежат другому человеку»: the data's
            return True
        if _taken_off(folded, at):
            return True
        if (word in DATIVE_THIRD_PERSON or DATIVE_KNOWN.fullmatch(word)) and any(
            w.startswith((*NEED_WORDS, *COMING)) for w in folded[max(at - 3, 0) : at + 6]
        ):
            return True
    return _names_someone_else_in_english(text)


def _taken_off(folded, at) -> bool:
    """Whether the word at `at` is him, her or them (OBJECT_PRONOUNS), or someone the writer
    knows (KNOWN), taken off something: «от», «из» or a Kazakh ablative two words on at most, or
    a verb of taking off right beside, but for the words BETWEEN; or added, «тоже»."""
    if folded[at] not in OBJECT_PRONOUNS and not KNOWN.fullmatch(folded[at]):
        return False
    if folded[at + 1 : at + 2] in (["тоже"], ["также"]):  # «…, друга тоже», «их также»
        return True
    before = [w for w in folded[:at] if w not in BETWEEN][-1:]
    after = [w for w in folded[at + 1 :] if w not in BETWEEN][:2]
    return any(map(TAKEN_FROM.fullmatch, after)) or any(
        w.startswith(TAKING_OFF) for w in [*before, *after[:1]]
    )


# A request told in the third person is someone else's: «Моя коллега отзывает своё согласие»,
# «Он отказывается от рассылки», «Ол келісімін қайтарып алады», «Әріптесім хабарлама алғысы
# келмейді», «она хочет отписаться», «She wants to unsubscribe». Who does or wishes it is
# neither the writer («отзываю», «хочу», «аламын», «алғым») nor the reader asked to do it
# («удалите»): read as the sender's own, the first withdrew every consent of the sender's as it
# arrived. A word of the request in the third person's present: a Russian verb's ending past
# the phrase word's own letters, a vowel's -ет or -ют (folded -йут), -ся after them; not -ит,
# -ат, -ет after a consonant, an infinitive typed or transliterated without its ь («udalit»);
# a Kazakh one (-ады, -ейді, -майды), or its wish (-ғысы, where the writer's is -ғым), or the
# auxiliary after its converb («қайтарып алады»); or a verb of wishing or asking in the third
# person (WISHING) right before a word of the request. Not the past, which is the writer's too
# («я просила удалить», «әлі жойылмады»: -мады), nor the passive («жойылады», «удаляются»:
# done to the data, by no one named), but for the reflexive verb a noun of the phrase's is
# told by («отказ», «отказывается»). Folded.
THIRD_PERSON_RUSSIAN = re.compile(r"[аеиоуыя](ет|йут)(ся)?$")
THIRD_PERSON_KAZAKH = re.compile(r"(?<![мбп])[аеи][дт][ыи]$|[мбп][ае]й[дт][ыи]$|[гк][ыи]с[ыи]$")
PASSIVE_KAZAKH = re.compile(r"[ыи]л")  # «жойылады»: done to the data, by no one named
IMPERFECTIVE = ("ыва", "ива")  # «отказывается», «отписывается»: a person's act, not a passive
CONVERB = re.compile(r"\w{3,}[ыи]?п$")
WISHING = frozenset(map(fold, word_set("хочет хотят желает желают просит просят требует "
                                         "требуют")))  # fmt: skip
# The writer's own wish, «алғым», «шыққым», «жойғым» (-ғым, -гім, -қым, -кім), before its
# auxiliary «келеді», which a slip reads as «келісім» in the third person: «Келісімімді қайтарып
# алғым келеді» went to an officer as someone else's withdrawal. Folded.
OWN_WISH = re.compile(r"[гк][ыи]м$")
AHEAD = 3  # words from a verb of wishing to the request's word it governs
# English: he, she, they or «my colleague» wanting, asking, withdrawing, not wanting; not «my
# inbox does not need it».
THIRD_PERSON_ENGLISH_ASKING = re.compile(
    r"\b(?:he|she|they|(?:my|our) \w+) (?:wants|asks|withdraws|would like|"
    r"(?:does ?n[o']?t|no longer) (?:want|wish)s?)\b"
)


def told_of_another(phrase_words: tuple[str, ...], text: str) -> bool:
    """Whether `text` tells the request whose key words are `phrase_words` (folded, as
    phrases.Phrase holds them) in the third person: someone else's (THIRD_PERSON_RUSSIAN)."""
    folded = [fold(word) for word in words(text)]
    for at, word in enumerate(folded):
        ahead = folded[at + 1 : at + 1 + AHEAD]
        if word in WISHING and any(same_word(p, later) for later in ahead for p in phrase_words):
            return True
        phrase_word = next((p for p in phrase_words if same_word(p, word)), None)
        if phrase_word is None or (at and OWN_WISH.search(folded[at - 1])):
            continue  # «…алғым келеді»: the writer's wish, its auxiliary no «келісім»
        tail = word[common_prefix(phrase_word, word) :]
        passive = PASSIVE_KAZAKH.search(tail) or (
            word.endswith("ся") and not tail.startswith(IMPERFECTIVE)
        )
        if (
            len(tail) >= 2
            and not passive
            and (THIRD_PERSON_RUSSIAN.search(word) or THIRD_PERSON_KAZAKH.search(word))
        ):
            return True
        if CONVERB.fullmatch(word) and ahead and THIRD_PERSON_KAZAKH.search(ahead[0]):
            return True
    return bool(THIRD_PERSON_ENGLISH_ASKING.search(" ".join((text or "").casefold().split())))


def _names_someone_else_in_english(text: str) -> bool:
    """Whether `text` names a relative after «my» or «our», or data that is his, hers or
    theirs, in English (RELATIVES, THIRD_PERSON_ENGLISH)."""
    english = ENGLISH_WORD.findall((text or "").casefold())
    for at, word in enumerate(english):
        if word in RELATIVES and MY_ENGLISH & set(english[max(at - 3, 0) : at]):
            return True
        after = english[at + 1 : at + 3]
        if word in THIRD_PERSON_ENGLISH and any(w.startswith(HELD_ENGLISH) for w in after):
            return True
    return bool(OFF_ENGLISH.search(" ".join(english)))
