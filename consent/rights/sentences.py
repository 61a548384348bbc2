"""A text cut into the sentences and clauses a phrase is matched in (phrases.py), and what a
sentence or a clause does to the requests it names: asks about them («Можно ли удалить мои
данные?», «Деректерімді жоюға бола ма»), supposes them («Если я отзову согласие, что будет»,
«келісімді қайтарып алсам») or declines them after naming them («Отписываться от рассылки не
хочу», «бас тарту қажет емес»). Such a sentence names no request: the mailbox is the operator's
general address, and a withdrawal or an unsubscribe from an address on record takes effect as
it arrives (compliance L7).
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from .asking import COULD, YOU_CONDITIONAL, asked_please, can_you
from .pieces import ASKED, CLAUSE_END, pieces
from .spelling import FUNCTION_WORDS, fold, word_set, words
from .verb_forms import negates_another

# A request's number as our mails write it (Ticket.reference), the R also as the Cyrillic
# letter that looks the same. A sentence that names one is about that request («Мы получили ваш
# запрос № R-3 об отзыве согласия», our own mail pasted without a quote mark; «по запросу R-3
# удалите и телефон»): what it names is not a new request. The intake files it by the number.
REFERENCE = re.compile(r"(?<!\w)[RР]-(\d{1,9})(?!\d)")
# An aside in commas between two clauses is no clause of its own: politeness, haste, a day, or
# the reader's name («Блокировку данных, пожалуйста, не снимайте», «Удалите, если можно, мои
# данные», «Деректерімді, өтінемін, жойыңыз», «Удалите, Анна Петровна, мои данные»). Its words
# are left out and the clauses on both sides are one: else a verb and its object stood in two
# clauses and the «не» beside the verb was not read. Folded.
ASIDE = word_set(
    "пожалуйста плиз прошу просим если можно как скорее быстрее срочно немедленно сегодня "
    "отинемин сураймын бугин тез шугыл please asap today"
)
NAME_WORDS = 3  # an aside of at most so many words, each with a capital, is the reader's name
# A conjunction begins a clause too: «Больше не хочу получать письма и удалите мои данные».
CONJUNCTIONS = frozenset({"и", "а", "но", "однако", "или", "бирак", "жане", "немесе"})
# Question particles, written as words of their own: Russian «ли» («можно ли удалить»), and
# after the phrase Kazakh «ма», «ме», «ба», «бе», «па», «пе» («жоюға бола ма»); before it one is
# most often the greeting («Сәлеметсіз бе, келісімімді қайтарып аламын»).
ASKING = "ли"
QUESTION_PARTICLES = frozenset({"ма", "ме", "ба", "бе", "па", "пе"})
# A question written without its «?», as on a phone: a sentence that begins with a question word
# («Что нужно сделать, чтобы отписаться», «Где отозвать согласие»); a question word before the
# phrase in its clause («подскажите, где кнопка отписаться от рассылки»; not «как», which
# «как можно скорее» writes, and which spelling.BLOCKERS reads right before the phrase); a
# Kazakh one anywhere in its clause («хабарламалардан бас тарту үшін не істеу керек», «бас
# тарту қанша тұрады»), as Kazakh puts it after. Folded (spelling.fold).
OPENING_QUESTION = word_set(
    "что где когда куда какой какая какое какие каким какую сколько кто как почему зачем "
    "разве неужели откуда неге калай кашан кайда кандай канша"
)
ASKED_BEFORE = word_set("где когда куда сколько кто разве откуда почему зачем")
KAZAKH_ASKING = word_set("неге калай кашан кайда кандай канша")
KAZAKH_HOW = "калай"
# Kazakh «не» (what) before a verb of doing or happening: «не істеу керек», «не болады».
KAZAKH_WHAT = ("исте", "бол", "керек")
# A clause that begins «если» (if) supposes what follows in it; «Если можно, удалите мои данные»
# asks in the clause after the comma.
SUPPOSING = frozenset({"если", "ежели", "коли", "егер", "if"})
# «не хочу, чтобы вы удаляли»: a «не» before «чтобы» denies what follows it. A «не» or «ни»
# earlier in a phrase's clause denies it too: «я не отправляла запрос на удаление данных» (what
# the confirmation mail asks a person to answer when the request was not theirs).
SO_THAT = frozenset({"чтобы", "чтоб"})
NEGATIONS = frozenset({"не", "ни", "not", "dont", "didnt", "never"})  # English: spelling.BLOCKERS
# A request called off, in the phrase's clause: «отменяю запрос на удаление», «жою туралы
# өтінішті кері аламын»: a word of cancelling, not of a consent right after it («Отменяю своё
# согласие на рассылку» withdraws), or a request's noun beside one of taking back. Folded.
CANCELLING, CONSENT = ("отмен", "аннулир"), ("соглас", "келисим")
REQUEST_NOUNS = ("запрос", "зайавлен", "зайавк", "обращен", "отиниш")
TAKING_BACK = ("отзыва", "отозв", "кери", "кайтар")
# After a phrase, in its clause (DECLINED_AFTER words): a Kazakh auxiliary negated, as a verb made
# of a converb and an auxiliary is negated in it («қайтарып алмаймын», I will not take back), a
# wish or a possibility too («қайтарып алғым келмейді», «жоюға болмайды»); «не» with a word of
# wanting or needing («не хочу», «не надо», «не требуется»); «нет»; Kazakh «емес» («керек
# емес», «қажет емес») and «жоқ» («қажеті жоқ»). All folded (spelling.fold).
AUXILIARIES = "ал|бер|жибер|таста|кой|сал|шыгар|кет|кел|бол"
# Also a verb of asking or wanting negated: «жоюды сұрамадым» (I did not ask to delete),
# «қаламаймын» (I do not want). A verb's ending follows the negation (-й, -д, -ғ, -с, -у, -ң)
# or none: «Алматы» (the city, «ал» and «ма» then «ты») declines nothing.
NEGATED_AUXILIARY = re.compile(rf"^({AUXILIARIES}|сура|кала)(ма|ме|ба|бе|па|пе)(?=[йдгсун]|$)")
# Right after a phrase, an auxiliary in the conditional supposes it: «қайтарып алсам» (if I take
# back), as the phrase's own verb would (verb_forms.CONDITIONAL).
SUPPOSING_AUXILIARY = re.compile(rf"^({AUXILIARIES})с[ае]")
DECLINING = re.compile(r"нету?|емес\w*|жок\w*")  # «жоқпын», «емеспін»; not «Нетфликс»
WANTING = ("хоч", "хот", "жела", "прош", "надо", "нуж", "треб", "стоит", "буд", "собира", "обяз")
DECLINED_AFTER = 3  # words after a phrase read for the decline («алуды сұраған жоқпын»)
# A request's form in its clause, before the phrase in Russian or after it in Kazakh: «пришлите
# форму отзыва согласия», «бланк заявления на удаление данных», «келісімді қайтарып алу
# үлгісін жіберіңіз». The letter asks for a document, not for the act it is the form of: for
# staff to answer (a filled form sent back, «заполненный бланк отзыва согласия во вложении», is
# read by them too, since the form itself is not kept). Folded (spelling.fold).
FORMS = ("форм", "бланк", "образец", "образц", "шаблон", "улги", "нысан")
# Nor does a button or a link the phrase names, or pressing it: «случайно нажала «Отписаться»,
# верните подписку» (pressed by mistake: she asks for the opposite), «кнопка отписаться не
# работает», «байқамай «Бас тарту» батырмасын бастым». What the person wants is for staff to
# read. Folded.
CONTROLS = ("кнопк", "ссылк", "нажа", "нажим", "нажм", "кликн", "батырма", "силтеме", "басып")
# Of those, the Kazakh words, which name the phrase after it («… алу үлгісін», «… батырмасын»);
# a Russian one names it before it («форму отзыва», «кнопка отписаться»). On the other side a
# word names something else: «удалите мои данные из формы заявки», «отпишите меня от рассылки
# по ссылке», «сайттағы нысан арқылы жіберген деректерімді жойыңыз» ask, each of them.
NAMING_AFTER = ("улги", "нысан", "батырма", "силтеме", "басып")
# A Russian noun of them in a Kazakh word names as the Kazakh ones do: «келісімді қайтарып алу
# формасын жіберіңіз» asks for the form, «Формадағы деректерімді өңдемеңіз» for the data in it.
# Only the Russian endings keep its Russian side («форму», «бланка», «кнопкой»). Folded.
RUSSIAN_NOUNS = ("форм", "бланк", "шаблон", "образ", "кнопк", "ссылк")
RUSSIAN_NOUN = re.compile(
    r"(форм|бланк|шаблон|образе?ц|кнопк|ссылк)(а|ы|у|ой|ою|е|и|ах|ам|ами|ов|ом)?"
)
# A request asked of us politely or as a question is still a request when it is about the
# writer's own data (OWN): «Не могли бы вы удалить мои данные?», «Можете ли вы отписать меня?»,
# «Деректерімді жоя аласыз ба?», «Деректерімді жойып берсеңіз», «Буду благодарна, если вы
# удалите мои данные»; and so is any question of what is held about them, which is what a request
# for access asks («Какие мои данные у вас хранятся?», «Сіздерде мен туралы қандай мәліметтер
# бар?»). Not a question of whether it can be done («Можно ли удалить мои данные?», «жоюға бола
# ма?»), of how, when or why, nor one about someone else (about_whom.py). Folded.
OWN = frozenset(map(fold, word_set(
    "мой моя мое мои моего моей моему мою моим моих моими моем меня мне мною "
    "менин мени маган менде озим озимнин me my mine myself"
)))  # fmt: skip
# Kazakh says «my» in the noun: «деректерімді», «мәліметтерім», «келісімімді», «тегімді».
OWN_NOUN = re.compile(
    r"(деректер|малиметтер|малимет|акпарат|келисим|мекенжай|номир|пошта|адрес|тег|ат)[ыи]?м"
    r"(ды|ди|ны|ни|га|ге|ка|ке|на|не|нын|нин|да|де|дан|ден|нан|нен|ыз|из)?"
)
# Asking whether we can («можете», «сможете», «могли бы», «не затруднит», «будьте добры»,
# «могу ли я попросить»; «жоя аласыз ба», «жойып бересіз бе», «жоюыңызды сұрай аламын ба»), or
# thanking beforehand for it («буду благодарна, если вы удалите»): the «если» of thanks asks,
# it does not suppose. Folded. «можете», «могли бы», «аласыз», «Could you»: asking.can_you,
# which pieces.untagged reads too; the words of asking with no question in them, here.
ABLE = word_set("будьте попросить сурай")
GRATEFUL = word_set("благодарна благодарен благодарны признательна признателен признательны")
# The «не» of «не могли бы вы», «вас не затруднит» is politeness, not a negation.
POLITE_NOT = COULD | word_set("затруднит сложно трудно")
# A Kazakh verb in the conditional of «you» (asking.YOU_CONDITIONAL) that ends its sentence, or
# is followed only by words of asking, asks politely: «жойсаңыз», «шығарып берсеңіз», «өшіріп
# тастасаңыз екен», «шығарсаңыз бола ма» (not «алсам», if I take back; nor «жойсаңыз,
# сертификатым қала ма?», if you delete, will my certificate stay?). Folded.
POLITE_AFTER = word_set("екен деймин деп едим еди иги жаксы болар болады бола ма ба ме бе")
ACCESS = "access"
# «Не» and an infinitive asks only where a word of asking or «больше» governs it: «Прошу больше не
# писать мне», «Прошу не писать мне больше», «Просьба впредь не писать»; not «Я не могу писать
# вам» (its «не» is «могу»'s), nor «я решила не писать» unasked. Folded.
URGING = word_set("прошу просим просьба впредь больше более")
INFINITIVE = re.compile(r"(ть|ться|ти)$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its key words (spelling.key_words), the clause each belongs to, and
    whether it asks a question (or names a request by its number: about that one)."""

    tokens: tuple[str, ...]
    clauses: tuple[int, ...]
    asked: bool
    # (key word index, clause) of each Kazakh question particle: it asks in its clause, after
    # the phrase
    particles: tuple[tuple[int, int], ...]
    supposed_from: tuple[int, ...]  # per clause: the key word index «если» stands at, or -1
    # per key word: the word right after it in its clause, a function word too («отпишите мне»:
    # «мне»), "" at the clause's end
    following: tuple[str, ...]
    own: bool = False  # it names the writer or what is theirs (OWN, OWN_NOUN)
    able: bool = False  # it asks whether we can, or thanks beforehand (can_you, ABLE, GRATEFUL)
    wished: bool = False  # it holds «бы»: «если бы вы удалили» wishes, it does not report
    urged: frozenset[int] = frozenset()  # the clauses that hold a word of URGING


@lru_cache(maxsize=4096)
def sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of `text`, in order (a text without one yields none). Kept for the texts
    read again: a letter's lines are read once for each kind of request and each phrase asked of
    them (besides.py, phrases.find)."""
    found = []
    for piece in pieces(text):
        tokens, clauses, supposed_from, particles, asking = [], [], [-1], [], False
        following, urged = [], set()
        every = [fold(word) for word in words(piece)]
        asking = bool(every) and every[0] in OPENING_QUESTION
        own, able = _own_and_able(every)
        parts, joined = CLAUSE_END.split(piece), False
        for number_of, clause in enumerate(parts):
            aside = 0 < number_of < len(parts) - 1 and _aside(clause)
            if aside == ASIDE:
                joined = True
                continue
            if tokens and clauses[-1] == len(supposed_from) - 1 and not (joined or aside):
                supposed_from.append(-1)  # the clause before held a word: a new one begins
            joined = bool(aside)
            following += [""] * (len(tokens) - len(following))
            folded = [fold(word) for word in words(clause)]
            for at, word in enumerate(folded):
                if word == "не" and folded[at + 1 : at + 2] and folded[at + 1] in POLITE_NOT:
                    continue
                if len(following) < len(tokens):
                    following.append(word)
                if word in CONJUNCTIONS and tokens and clauses[-1] == len(supposed_from) - 1:
                    supposed_from.append(-1)
                number = len(supposed_from) - 1
                asking = asking or word == ASKING
                if word in QUESTION_PARTICLES:
                    particles.append((len(tokens), number))
                if word in URGING:
                    urged.add(number)
                if word in SUPPOSING and supposed_from[-1] < 0:
                    supposed_from[-1] = len(tokens)
                if word not in FUNCTION_WORDS:
                    tokens.append(word)
                    clauses.append(number)
        if tokens:
            following += [""] * (len(tokens) - len(following))
            asked = asking or bool(ASKED.search(piece.strip()) or REFERENCE.search(piece))
            found.append(Sentence(tuple(tokens), tuple(clauses), asked, tuple(particles),
                                  tuple(supposed_from), tuple(following), own, able,
                                  "бы" in every, frozenset(urged)))  # fmt: skip
    return tuple(found)


def _aside(clause: str):
    """What a clause between two others is: ASIDE when its words are (left out), NAME_WORDS
    when it is a name (kept, in the clauses it joins: a capital begins «Отпишите» too; not words
    typed in capitals, «…, ХАБАРЛАМА ДА КЕЛЕДІ, ӨШІРІҢІЗ»), else None."""
    said = words(clause)
    if said and {fold(word) for word in said} <= ASIDE:
        return ASIDE
    written = re.findall(r"\w+", clause)
    named = all(word[:1].isupper() and not word[1:].isupper() for word in written)
    if 0 < len(written) <= NAME_WORDS and named:
        return NAME_WORDS
    return None


def unurged(sentence: Sentence, words: tuple[str, ...], places: tuple[int, ...]) -> bool:
    """Whether a phrase of «не» and an infinitive (`words`, matched at `places`) stands where it
    asks nothing: its «не» not right before the verb, or no word of URGING in its clause."""
    if len(words) < 2 or words[0] != "не" or not INFINITIVE.search(words[1]):
        return False
    at = places[0]
    adjacent = sentence.following[at] == sentence.tokens[places[1]]
    return not adjacent or sentence.clauses[at] not in sentence.urged


def _own_and_able(folded):
    """Whether a sentence's words (folded, function words too) name the writer's own, and ask
    whether we can or thank beforehand for it (see OWN, ABLE)."""
    own = any(word in OWN or OWN_NOUN.fullmatch(word) for word in folded)
    own = own or any(pair == ("мен", "туралы") for pair in pairwise(folded))
    able = can_you(folded) or asked_please(folded) or any(word in ABLE for word in folded)
    return own, able or bool(GRATEFUL & set(folded) and "если" in folded)


def questioned(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the phrase at tokens[start..end] stands in a question: the sentence asks, or a
    Kazakh question particle follows it in its clause."""
    clause = sentence.clauses[start]
    return sentence.asked or any(at > end and c == clause for at, c in sentence.particles)


def asked_of_us(sentence: Sentence, start: int, end: int, kind: str) -> bool:
    """Whether the phrase at tokens[start..end], of a request of `kind`, is asked of us about the
    writer's own data, politely or as a question (OWN, ABLE, YOU_CONDITIONAL): a request, which
    a question, a conditional or the «не» of politeness does not withhold."""
    if not sentence.own:
        return False
    if kind == ACCESS or sentence.able:
        return True
    tokens = sentence.tokens
    at = next((at for at in range(start, min(end + 2, len(tokens)))
               if YOU_CONDITIONAL.search(tokens[at])), None)  # fmt: skip
    return (
        at is not None
        and set(tokens[at + 1 :]) <= POLITE_AFTER
        and not 0 <= sentence.supposed_from[sentence.clauses[start]] <= start
    )


def withheld(
    sentence: Sentence, start: int, end: int, *, polite: bool = False, whether: bool = False
) -> bool:
    """Whether the phrase at tokens[start..end] of `sentence` names no request: the sentence
    asks, its clause supposes it (neither when it is asked of us `polite`ly, asked_of_us),
    negates it before it (or a «не … чтобы» does; not another verb's «не», verb_forms), calls the
    request off, asks for its form (FORMS), names its button (CONTROLS) on the side its language
    names it (NAMING_AFTER), or declines it right after. A question of `whether` the writer can
    (whether.py) is asked, and its how («қалай», «не істеу керек») withholds nothing."""
    tokens, clause = sentence.tokens, sentence.clauses[start]
    if not (polite or whether) and questioned(sentence, start, end):
        return True
    if not polite and 0 <= sentence.supposed_from[clause] <= start:
        return True
    before = tokens[:start]
    if "не" in before and SO_THAT & set(before[before.index("не") :]):
        return True
    own = [at for at in range(len(tokens)) if sentence.clauses[at] == clause]
    if (NEGATIONS | ASKED_BEFORE) & {
        tokens[at] for at in own if at < start and not negates_another(tokens, at, start)
    }:
        return True
    asking = KAZAKH_ASKING - {KAZAKH_HOW} if whether else KAZAKH_ASKING
    if asking & {tokens[at] for at in own if not start <= at <= end} or any(
        not whether and tokens[at] == "не" and tokens[at + 1].startswith(KAZAKH_WHAT)
        for at in own
        if at > end and at + 1 < len(tokens)
    ):
        return True
    if _called_off(tokens, [at for at in own if not start <= at <= end]):
        return True
    if any(
        tokens[at].startswith(FORMS + CONTROLS) and (at > end) == _naming_after(tokens[at])
        for at in own
        if not start <= at <= end
    ):
        return True
    if not polite and end + 1 < len(tokens) and SUPPOSING_AUXILIARY.match(tokens[end + 1]):
        return True
    after = [
        at for at in range(end + 1, min(len(tokens), end + 1 + DECLINED_AFTER))
        if sentence.clauses[at] == clause
    ]  # fmt: skip
    for at in after:
        following = tokens[at + 1] if at + 1 < len(tokens) else ""
        # «не» before a word of wanting, or ending its clause: «отправляла не я».
        last = at + 1 == len(tokens) or sentence.clauses[at + 1] != clause
        if (
            DECLINING.fullmatch(tokens[at])
            or NEGATED_AUXILIARY.match(tokens[at])
            or (tokens[at] == "не" and (last or following.startswith(WANTING)))
        ):
            return True
    return False


def _naming_after(word: str) -> bool:
    """Whether a word of a form or a control names the phrase after it, as Kazakh does."""
    kazakh = word.startswith(RUSSIAN_NOUNS) and not RUSSIAN_NOUN.fullmatch(word)
    return word.startswith(NAMING_AFTER) or kazakh


def _called_off(tokens, aside):
    """Whether the clause's words `aside` the phrase (places in `tokens`) call a request off."""
    words = [tokens[at] for at in aside]
    if any(tokens[at].startswith(CANCELLING) and not (tokens[at + 1 : at + 2] or ("",))[0]
           .startswith(CONSENT) for at in aside):  # fmt: skip
        return True
    return any(words[at].startswith(REQUEST_NOUNS) and words[near].startswith(TAKING_BACK)
               for at in range(len(words)) for near in (at - 1, at + 1)
               if 0 <= near < len(words))  # fmt: skip
