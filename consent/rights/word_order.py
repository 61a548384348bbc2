"""Where the next word of a phrase may stand in a sentence (phrases._position): at most GAP words
after the one before, in its clause; further in Kazakh, where the verb comes last.

Kazakh puts what tells when, how or what else between a verb and its object: «Таратылымды 1
ақпанға дейін тоқтатыңыз», «Хабарламалардан жыл соңына дейін бас тартамын» each opened "other"
with two words allowed between. After a Kazakh phrase word in the accusative or the ablative
(the verb's object, «-ды», «-дан», folded), its next word may stand anywhere later in the
clause. So in Russian after the consent noun, whose object stands between it and a verb put last
(«Согласие на обработку персональных данных прошу отозвать», «…прошу считать отозванным»:
nothing was opened, the verb four words away). What withholds a phrase is still read between
its words (a «не», a question word:
phrases._position; a negated verb does not match: phrases.same_word); and a Kazakh «емес» or
«жоқ» ends the reach («таратылымды емес курсты тоқтатыңыз»: not the news, the course), but
may be the phrase's own next word («Келісімім енді жоқ»: «енді» read as an accusative).

Two verbs joined by «и», «және», «and» or a comma share their object: «Заблокируйте и удалите мои
данные», «Деректерімді бұғаттаңыз және жойыңыз». The verb alone in its clause reaches into the
next one, and the next clause's verb alone in it is reached from the one before; else the first
verb's phrase matched nothing and the letter's block was lost (phrases.find_each keeps both
matches, which share only their object).

The object may stand on either side of its verb: «Удалите мои данные и заблокируйте», «Мои данные
удалите и заблокируйте», «Блокировку данных снимите», «Жойыңыз деректерімді». A phrase of two
words is also matched the other way round (moved), when one of the two words it matches is a
verb asked for (ASKED_VERB): not a noun («данные об удалении» asks nothing), as «Согласие
отзываю», «Данные мои прошу удалить» ask. Not a two-word phrase with «не» in it: «не пишите»
turned round is «пишите, не стесняйтесь». A longer Russian phrase's object may stand first:
«Рассылку больше не хочу получать»; and a negated wish may come last, after the verb and its
object: «Рассылку получать не хочу», «Получать рассылку не желаю» (WISHING).

A reply between a phrase's words, or right after them in their clause, makes the letter what is
answered, not what is sent (replying): «Please do not reply to this email», «Не отправляйте ответ
на это письмо», «Бұл хатқа жауап жазбаңыз», as a mail program's or a helpdesk's acknowledgement
closes, unsubscribed the person it came from, as «do not email», «не отправляйте письма»."""

import re

from .spelling import ABLATIVE, fold

# The nouns a request's phrase names the data with (folded, spelling.fold): the object two
# rights of one sentence may share (apart), and that a pronoun stands for (also.py).
DATA_NOUNS = ("данн", "деректер", "малимет", "сведен", "информац", "акпарат", "дата")
# The pronouns that stand for them, or for the news, once named (pronouns.py, unsaid.py). Folded.
# («Это» is a function word, read as nothing.)
PRONOUNS = {"ru": ("ее", "их"), "kk": ("оны", "оларды", "муны")}
PRONOUN_WORDS = frozenset(word for words in PRONOUNS.values() for word in words)
# «Данное», «данного», ...: the participle and the demonstrative («согласие, данное на рассылку»,
# «удалите данное письмо»), which begin as the data do but are not the data («данные», «данных»).
# Folded as the words read are: «данную» is «даннуйу».
GIVEN = frozenset(map(fold, ("данное", "данного", "данному", "данную", "данной", "данный",
                             "выданное")))  # fmt: skip
AND_NOUNS = frozenset({"и", "жане"})  # two nouns joined, one owner after both (_shared_owner)
GAP = 2  # words allowed between two words of a phrase («отказ от получения рекламных рассылок»)
KAZAKH_OBJECT = re.compile(r"(д[ыи]|т[ыи]|н[ыи]|[дтн][ае]н)$")
CONSENT_NOUN = "соглас"  # folded; «согласна» is no phrase's word (phrases.OTHER_WORDS)
NOT_BETWEEN = ("емес", "жок")
# A verb asked for, folded: the Russian imperative or infinitive («удалите», «снимайте»,
# «удалить»), the first person doing it as it is said («отзываю», «отказываюсь», «удаляю»:
# -аю, -яю, folded as -айу, -яйу; not a noun's «информацию»), the Kazakh imperative of «сіз»
# («жойыңыз», «бұғаттаңыздар»).
ASKED_VERB = re.compile(r"(ть|ться|ти|те|тесь|[ая]йу|[ая]йусь|н[ыи]з|н[ыи]зд[ае]р)$")
MOVED_NOT = ("не", "ни")
# A Russian «не» negates the verb right after it, which a phrase's «не» reaches no further than:
# «Не прекращайте присылать рассылку» (do not stop sending) is no «не присылайте рассылку». A
# verb so read, folded: an imperative or an infinitive («прекращайте», «переставать»).
NEGATED = "не"
NEGATED_VERB = re.compile(r"(ть|ться|те|тесь)$")
DEEMED = ("считат", "считайт")  # «прошу считать (его) отозванным», «считайте отозванным»
# A negated wish («не хочу», «не желаю») may close the sentence after its verb and object:
# «Рассылку получать не хочу», «Получать письма не желаю» (folded beginnings).
WISHING = ("хоч", "хот", "жела")


# A refusal names what it refuses after it, with «от» («отказываюсь от звонков»): the words before
# it are another thing («Новости — отказываюсь от звонков»: the calls, not the news), which read
# as the phrase moved («реклама … отказываюсь») stopped the news. Unless what follows «от» is a
# pronoun for what stands before: «Рассылка — отказываюсь от неё». Folded.
REFUSING, FROM = "отказ", "от"
REFUSED_BEFORE = frozenset(("нее", "них", "него", "этого", "этой", "этих", "всего"))
# Words after «от» that name nothing of their own, read past for the word that does: whose
# («их», «его»), and the receiving or sending of what stands before, further or not
# («Рассылку — отказываюсь от их дальнейшего получения»: the news), which was read as another
# thing and opened "other". «…от получения звонков» still names the calls.
OF_WHAT_BEFORE = frozenset(("их", "его", "ее"))
RECEIVING = ("получ", "присыл", "отправ", "дальнейш")


def moved(words: tuple[str, ...], language: str) -> list[tuple[str, ...]]:
    """A two-word phrase's words the other way round. A longer Russian phrase's object (its last
    word) put first, as «Рассылку больше не хочу получать» says «не хочу получать рассылку» (its
    «не» stays with its verb), or its verb (its first word) put last: «Согласие на рассылку
    отзываю» is «отзыв согласия на рассылку». None for any other phrase."""
    if len(words) > 2 and language == "ru":
        wished = words[0] in MOVED_NOT and words[1].startswith(WISHING)
        return (
            [words[-1:] + words[:-1]]
            + [words[1:] + words[:1]] * (words[0] not in MOVED_NOT)
            + [words[-1:] + words[2:-1] + words[:2], words[2:] + words[:2]] * wished
        )
    if len(words) != 2 or any(word in MOVED_NOT for word in words):
        return []
    return [words[::-1]]


def asked_verb(sentence, places) -> bool:
    """Whether a moved phrase (moved) matched a verb asked for at one of its `places`, or a
    participle after «считать» («Согласие прошу считать отозванным», the formal way); not a
    refusal that names what it refuses after it (REFUSING, OF_WHAT_BEFORE)."""
    tokens, last = sentence.tokens, places[-1]
    if tokens[last].startswith(REFUSING) and sentence.following[last] == FROM:
        clause = [word for at, word in enumerate(tokens) if at > last
                  and sentence.clauses[at] == sentence.clauses[last]]  # fmt: skip
        named = [w for w in clause if w not in OF_WHAT_BEFORE and not w.startswith(RECEIVING)]
        if named and named[0] not in REFUSED_BEFORE:
            return False
    return any(
        ASKED_VERB.search(tokens[at]) or (at > 0 and tokens[at - 1].startswith(DEEMED))
        for at in places
    )


def reach(language: str, word: str, sentence, at: int) -> list[int]:
    """The places the phrase word after `word` (a phrase of `language`, matched at tokens[at])
    may stand in `sentence` (sentences.Sentence). Words between two of a phrase's stay in their
    clause: «прекратите обработку
    моего заказа, данные неверные» is no «прекратить обработку данных». Next to each other
    they may stand on either side of a comma, as the policy's own phrases do («о новых
    продуктах, услугах и специальных предложениях»)."""
    tokens, clauses, following = sentence.tokens, sentence.clauses, sentence.following
    # The phrase's word in the object's case, or the text's for it («хабарлама», a stem, read as
    # «хабарламаларды»: news_stops.py).
    if language == "kk":
        far = KAZAKH_OBJECT.search(word) or KAZAKH_OBJECT.search(tokens[at])
    else:
        far = word.startswith(CONSENT_NOUN)
    gap = len(tokens) if far else GAP
    places = []
    for i in range(at + 1, min(len(tokens), at + 2 + gap)):
        shared = _shared_object(clauses, at, i) or (
            language == "ru" and _shared_owner(tokens, clauses, following, at, i)
        )
        if i == at + 1 or clauses[i] == clauses[at] or shared:
            places.append(i)
        if tokens[i].startswith(NOT_BETWEEN) and gap > GAP:
            break  # itself the phrase's next word only: «Келісімім енді жоқ»
        if language == "ru" and word == NEGATED and NEGATED_VERB.search(tokens[i]):
            break  # the verb its «не» negates: the phrase's, or another's
    return places


# A reply, the noun or the verb, folded: «ответ», «отвечайте», «reply» and «respond» as
# spelling.words transliterates them, «жауап».
REPLY = ("ответ", "отвеч", "репл", "респонд", "жауап")


def replying(tokens, clauses, places) -> bool:
    """Whether a reply stands between a phrase's words at `places`, or next to them in their
    clause (before, as Kazakh puts the object: «хатқа жауап жазбаңыз»): the letter it names is
    the one to answer (or not), no mail to stop."""
    first, last = places[0], places[-1]
    beside = [
        i for i in (first - 1, last + 1) if 0 <= i < len(tokens) and clauses[i] == clauses[first]
    ]
    return any(tokens[i].startswith(REPLY) for i in [*range(first, last), *beside])


# «Шығару» is to take out of what stands before it in the ablative («таратылымнан шығарыңыз»,
# «бұғаттан шығару»), or to issue or publish its object («жаңа курс туралы хабарлама шығарыңыз»,
# «жаңалықтарды шығарыңыз»), which asks no request. Folded.
ISSUING = "шыгар"


def issued(tokens, places) -> bool:
    """Whether a phrase's «шығару», its last word at `places`, follows its word before not in
    the ablative: to issue that, not to take out of it."""
    last, before = places[-1], places[-2] if len(places) > 1 else None
    return (
        before is not None
        and tokens[last].startswith(ISSUING)
        and not ABLATIVE.fullmatch(tokens[before])
    )


# «Из списка» is the news' list only alone or of its readers: «уберите меня из списка», «из
# списка рассылки», «…получателей»; a list of something else named right after it is that one's,
# no news of ours: «удалите из списка группы Ивана», «уберите из списка покупок второй курс»,
# «уберите опечатку из списка участников». Folded beginnings.
LIST = "списк"
NEWS = ("рассыл", "получат", "подписч", "адресат", "email", "емейл", "имейл", "почт", "уведомл",
        "новост", "писем", "письм", "сообщ", "реклам", "спам")  # fmt: skip
# Nor is a word of time or manner after it a list's owner: «удалите меня из списка немедленно»,
# «…срочно», «…навсегда» (a Russian adverb in «-о»; «вашего», «его» of whose list, in «-ого»,
# «-его», are not).
WHEN_OR_HOW = ("навсегда", "сейчас", "сегодня", "уже", "тоже", "также", "наконец", "спасибо")


def _when_or_how(word: str) -> bool:
    return word in WHEN_OR_HOW or (word.endswith("о") and not word.endswith(("ого", "его")))


def elsewhere(tokens, following, places) -> bool:
    """Whether a phrase's word at `places` is meant of something else than our news (issued),
    or its list is another's: a word that is no reader's of the news right after it."""
    return issued(tokens, places) or any(
        tokens[at].startswith(LIST)
        and at + 1 < len(tokens)
        and following[at] == tokens[at + 1]
        and not tokens[at + 1].startswith(NEWS)
        and not _when_or_how(tokens[at + 1])
        for at in places
    )


def from_news(sentence, at: int, writer: str) -> bool:
    """Whether the verb at `at` takes the `writer` («отпишитесь меня») and its clause names our
    news after it («…от рассылки»): the writer taken off them, not written back to."""
    tokens, clauses = sentence.tokens, sentence.clauses
    return sentence.following[at] == writer and any(
        clauses[i] == clauses[at] and tokens[i].startswith(NEWS) for i in range(at + 1, len(tokens))
    )


def _shared_object(clauses, at: int, i: int) -> bool:
    """Whether the words at `at` and `i` stand in clauses next to each other, one of them alone
    in its clause: a verb joined to the other clause's verb, sharing its object."""
    alone = 1 in (clauses.count(clauses[at]), clauses.count(clauses[i]))
    return clauses[i] == clauses[at] + 1 and alone


def _shared_owner(tokens, clauses, following, at: int, i: int) -> bool:
    """Whether the word at `at` and a noun joined to it by «и» share the words after that noun:
    «прекратить обработку и передачу моих данных», «…обработку и хранение персональных данных»
    stop the processing of the data, as «…обработку моих данных и их передачу» does; not a verb
    joined («…и пришлите данные»). Russian only: Kazakh's head comes after both joined words,
    «Трансшекаралық беруге және жарнамаға келісімімді…», two consents, each its phrase."""
    return (
        at + 2 <= i
        and clauses[i] == clauses[at] + 1 == clauses[at + 1]
        and at < len(following)
        and following[at] in AND_NOUNS
        and not ASKED_VERB.search(tokens[at + 1])
    )


def apart(match, other, tokens: list[str]) -> bool:
    """Whether two matches name two requests: they share no word, or only the data both verbs
    name («Заблокируйте и удалите мои данные», «Деректерімді бұғаттаңыз және жойыңыз»: two
    rights, _shared_object), by a pronoun too («Деректерімді жоймаңыз, оларды бұғаттаңыз»).
    Not «отзыв согласия на рассылку»: one request."""
    if match.start > other.end or match.end < other.start:
        return True
    shared = set(match.places) & set(other.places)
    return (
        match.phrase.kind != other.phrase.kind
        and bool(shared)
        and all(tokens[at].startswith(DATA_NOUNS) or tokens[at] in PRONOUN_WORDS for at in shared)
        and set(match.places) != shared
        and set(other.places) != shared
    )


def kept(matched: list, withheld: set[int], tokens: list[str]) -> list:
    """Of the matches of a text, those that name a request (phrases.find_each): the earliest
    first, of those the longest phrase, then the one reaching furthest («Блокировку данных
    снимите» is «снимите блокировку» moved, not «блокировку данных»), each apart from those
    before it. A match `withheld` (its phrase named only to deny it) is never kept, but claims its
    words from another kind's: «Блокировку данных не снимайте» names no block."""

    def rank(i):
        match = matched[i]
        return match.start, -len(match.phrase.words), -match.end, i in withheld

    taken = []
    for i in sorted(range(len(matched)), key=rank):
        if all(apart(matched[i], matched[other], tokens)
               or (other in withheld and matched[other].phrase.kind == matched[i].phrase.kind)
               for other in taken):  # fmt: skip
            taken.append(i)
    return [matched[i] for i in taken if i not in withheld]
