"""How far a letter's request to stop goes (compliance L7): what it asks us to keep, and whether
it asks where or how to be written to rather than whether. Read on what the person wrote (the
subject line and the first lines, intake.recognise), once a withdrawal or an unsubscribe is
recognised, since those act as the letter arrives.

«Отзываю согласие на обработку данных, но рассылку оставьте», «…келісімімді кері қайтарамын,
бірақ жаңалықтар таратылымын қалдырыңыз», «отпишите меня от всего, кроме новостей курса»: the
withdrawal or unsubscribe would end what the person keeps. It opens for the officer to read
(«other»: its fifteen working days are a withdrawal's own), nothing withdrawn as it arrives.

«Не хочу получать письма на старую почту, пишите на новую: …», «хаттарды жаңа поштаға
жіберіңіз», «пишите мне на казахском»: the person asks for their address or language to be
changed, not for the mail to stop. It opens as a correction, nothing unsubscribed.

«Прошу отменить подписку на онлайн-курс», «курсқа жазылуды тоқтатыңыз»: the person cancels a
service, not the news; «Отпишите меня от Кинопоиска», another company's (titles.py). It opens
for the officer, nothing unsubscribed.
"""

import re

from consent.core.purposes import MARKETING, PURPOSES
from consent.core.subjects import address_lookup_key

from .models import Ticket
from .pieces import pieces
from .service_notices import about_this, of_service
from .spelling import ABLATIVE, fold, words
from .titles import titled
from .unsaid import object_unsaid

Type, Limit = Ticket.Type, Ticket.Limit
# A verb of keeping, asked: the imperative or the gerund («оставьте», «оставив», «сохраните»,
# «продолжайте присылать», «қалдырыңыз», «сақтаңыз», «жалғастырыңыз»), or the infinitive after
# «прошу» or before «сұраймын», «өтінемін» («прошу оставить рассылку», «қалдыруды сұраймын»).
# Not negated («не оставляйте», «қалдырмаңыз»), nor an infinitive or a participle of anything
# else («хочу оставить отзыв», «не могу продолжать курс», «сохранённые данные», «сақтау
# мерзімі»). Folded (spelling.fold), whole words.
KEEP = re.compile(
    r"остав(ьте|ь|ляйте|ив)|сохран(ите|яйте|ив)|продолж(айте|ите)"
    r"|калдыр(ыныз|ыныздар|ындар|саныз)|сакта(ныз|ныздар|ндар|саныз)|жалгастыр(ыныз|ыныздар)"
)
KEEP_ASKED = re.compile(r"остав(ить|лять)|сохран(ить|ять)|продолжать|(калдыр|сакта|жалгастыр)уды?")
ASKING = frozenset({"прошу", "просим", "сураймын", "отинемин", "отинемиз"})
# A stop declined is a keep: «рассылку не трогайте», «от рассылки не отписывайте»;
# «хабарламаларды тоқтатпаңыз», «жаңалықтарды өшірмеңіз». Folded, whole words.
NOT_STOPPED = frozenset({"трогайте", "трогать", "удаляйте", "отписывайте", "отключайте"})
STOP_NEGATED = re.compile(r"(жой|токтат|шыгар|ошир)(ма|ме|па|пе|ба|бе)(н[ыи]з|н[ыи]здар|ндар)")
# Let it come, as a keep: «…, но новости пусть приходят», «курс туралы хабарламалар келе
# берсін», «жаңалықтар келсін», «жібере беріңіз». Folded: the word, and the one after it.
LET = {"пусть": ("приход", "присыла", "оста", "буд", "идут", "продолжа"),
       "келе": ("берсин",), "жибере": ("берсин", "бериниз"),
       "келсин": ("",), "калсын": ("",)}  # fmt: skip
# «Оставьте меня в покое» (leave me alone) keeps nothing.
LEFT_ALONE = "покое"
# Except: «кроме рассылки», «за исключением», «таратылымнан басқа» (a noun in the ablative,
# then «басқа»), «жаңалықтарды қоспағанда».
EXCEPT = frozenset({"кроме", "исключением", "коспаганда"})
# Besides: «кроме того», «кроме этого», «бұдан басқа», «одан басқа».
BESIDES = frozenset({"того", "этого", "всего", "будан", "мунан", "одан", "сонан"})
# Where the clause of what is kept begins («…, но рассылку оставьте», «тек жаңалықтарды …»).
BUT = frozenset({"но", "а", "однако", "бирак", "алайда", "тек"})
# What names the news and offers (the marketing consent) among what is kept. Folded.
NEWS = ("рассылк", "новост", "письм", "реклам", "акци", "предложен", "уведомлен", "подписк",
        "хабарлам", "хабарланды", "жанал", "таратылым", "усыныс", "жазылым", "хат",
        "жарнам")  # fmt: skip
# A subscription or unsubscribe word whose object is a service («отменить подписку на онлайн-курс»,
# «отмените мою запись на курс», «отписаться от курса», «курсқа жазылуды тоқтатыңыз»): the person
# cancels a course, an order or an event, not the news. The object follows a preposition in
# Russian («на», «от», «из», «с»; after «меня»), within a few words, and comes right before the
# word in Kazakh; the first of a service (SERVICE) or the news (NEWS) decides. Folded.
KAZAKH_SUBSCRIBING = ("жазыл", "тиркел")
SUBSCRIBING = ("подписк", "подпис", "отпис", "отпиш", "запис", *KAZAKH_SUBSCRIBING)
SERVICE = ("курс", "заняти", "урок", "обучени", "заказ", "услуг", "мероприяти", "вебинар",
           "семинар", "тренинг", "абонемент", "программ", "лагер", "марафон", "интенсив",
           "олимпиад", "групп", "сабак", "оку", "тапсырыс", "кызмет", "шара", "топ",
           # A paid subscription, or one to what we do not send (a magazine, an app, a plan):
           # «отпишите меня от платной подписки», «ақылы жазылымнан шығарыңыз». Our news and
           # offers are free, and the only thing an unsubscribe stops: an officer reads it.
           "платн", "акылы", "журнал", "газет", "приложени", "тариф", "премиум")  # fmt: skip
# Or another company's, by its title («отпишите меня от Кинопоиска», «…от рассылки «Вестника»»:
# titles.py), read after the subscription words (in English too) and the news's.
# English as spelling.words reads it: «remove», «newsletter», «mailing list», «emails».
ENGLISH_NEWS = ("невслеттер", "майлинг", "лист", "емайл", "мессаг", "леттер")
TITLED = ((*SUBSCRIBING, "унсубсцриб", "ремов"), (*NEWS, *ENGLISH_NEWS), SERVICE)
# So is a destruction from another company's base or list, by the same rule: «Удалите меня из
# базы «Вестника»», «…из Кинопоиска», «Мені «Вестник» базасынан өшіріңіз». Its verbs and the
# base's nouns, folded beginnings (English as spelling.words reads it: «delete», «remove»).
ERASING = ("удал", "исключ", "убер", "сотр", "уничтож", "жой", "ошир", "шыгар", "алып",
           "делет", "ремов")  # fmt: skip
BASES = ("баз", "списк", "реестр", "тизим", "дереккор", "датабас", *NEWS, *ENGLISH_NEWS)
BASE_OF_DATA = re.compile(r"\b(баз[а-яё]*)\s+данных\b", re.IGNORECASE)  # «из базы данных «…»»
OBJECT_AFTER = frozenset({"на", "от", "из", "с", "со"})
WHOM = frozenset({"меня", "нас", "мою", "мой", "мое", "моего", "моей", "наш", "нашу", "нашего"})
OBJECT_WORDS = 3  # words after the preposition read for the object
# Words that name the news anywhere in a letter, the subscription's own word aside.
MAILING = tuple(stem for stem in NEWS if not stem.startswith(SUBSCRIBING))
# Where or how to be written to: a verb of sending, asked (not «не присылайте», «жібермеңіз»),
# near a new or other address or a language, or beside an address other than the sender's.
SEND = ("пишит", "присылайт", "пришлит", "отправляйт", "отправьт", "направляйт", "шлит",
        "высылайт", "переведит", "смените", "измените", "поменяйт", "жазыныз", "жазып",
        "жибериниз", "жиберип", "жолданыз")  # fmt: skip
# A new, other or personal address («на новую», «на другой ящик», «жаңа поштаға», «басқа
# мекенжайға»; not «новости», «жаңалықтар»), a language («на казахском», «қазақша», «орыс
# тілінде»). Folded, whole words: «новую» is «новуйу» (spelling.fold).
PLACE = re.compile(
    r"(нов|друг|личн)(ый|уйу|ой|ое|ом|ая|ые|ых)|жана|баска|(казах|русс)(ком|ки)|казакша|орысша"
    r"|тилинде"
)
NEAR = 3  # words between the verb of sending and the place
# An old address near a verb of sending, negated too, is where not to write, not whether: «Не
# присылайте мне письма на старую почту», «Хабарламаларды ескі поштаға жібермеңіз», the
# object between them (NEAR + 2 words). Folded.
OLD = re.compile(r"стар(ый|уйу|ой|ом)|ески")
# An address (here and in a forwarded head, intake.py) begins only where the text around it ends
# (the lookbehind) and its domain holds no «@»: findall, free to start anywhere in a long run, or
# to try every «@» of one, took time growing with the square of its length (reading.py's
# patterns tell the same).
_NOT_IN_ADDRESS = r"\s<>\"'(),;:\[\]"
ADDRESS = re.compile(rf"(?<![^{_NOT_IN_ADDRESS}])[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}@]+\w")


def narrowed(kind: str, purpose: str, unsubscribe: bool, text: str, sender: str, own_names=()):
    """(kind, unsubscribe, limits) of a recognised request once its limits are read in `text`:
    "other" with nothing unsubscribed when a withdrawal or an unsubscribe would end what the
    letter keeps; a correction when an unsubscribe asks where or how to be written to; "other"
    with nothing unsubscribed when what it stops is a service, a course, not the news
    (SUBSCRIBING), notices of an order (service_notices.py) or another company's by its title,
    the sender's `own_names` on record none (titles.py); "other" when a withdrawal's object
    names no purpose (Limit.UNREAD); "other", nothing stopped, when either is asked from a
    later date (starts_later, Limit.LATER); "other", only the news stopped, when it leaves
    unsaid whether it deletes the data (Limit.UNSAID). `limits`, for the desk's note
    (Ticket.limits), is None when the request stays as asked, else why it does not (a
    Ticket.Limit) and the purposes it asked to stop."""
    if (kind in (Type.WITHDRAW, Type.UNSUBSCRIBE) or unsubscribe) and starts_later(text):
        # «С 1 марта отзываю согласие», «1 наурыздан бастап…»: done now, it would end more
        # than asked, and no campaign or consent can wait for a date. The officer decides.
        unnamed = purpose == Limit.UNREAD  # «…на звонки»: no purpose of ours named
        stops = stopped(Type.OTHER if unnamed else kind, "" if unnamed else purpose, unsubscribe)
        return Type.OTHER, False, {"stops": stops, "limit": Limit.LATER}
    if (kind in (Type.UNSUBSCRIBE, Type.DESTROY) or unsubscribe) and object_unsaid(text, MAILING):
        # «Деректерім бар, хабарлама да келеді, өшіріңіз»: the data or the news? (unsaid.py)
        # Either ends the news: they stop as it arrives (L14, L15), the deletion the officer's.
        return Type.OTHER, True, {"stops": stopped(Type.OTHER, "", True), "limit": Limit.UNSAID}
    if kind == Type.WITHDRAW and purpose == Limit.UNREAD:
        # Its object names no purpose (object_words.unread): every consent would be more than
        # it asks. The officer reads it; a stop of the news asked beside it still acts.
        return Type.OTHER, unsubscribe, {"stops": stopped(Type.OTHER, "", unsubscribe),
                                         "limit": Limit.UNREAD}  # fmt: skip
    if kind == Type.DESTROY and titled(BASE_OF_DATA.sub(r"\1", text), ERASING, BASES, SERVICE):
        # Another company's base: nothing of ours to destroy, for an officer to answer.
        return Type.OTHER, unsubscribe, {"stops": [], "limit": Limit.TITLED, "asked": kind}
    stops_news = unsubscribe or kind == Type.UNSUBSCRIBE or purpose == "marketing"
    if kind != Type.WITHDRAW and not stops_news:
        return kind, unsubscribe, None
    folded = [fold(word) for word in words(text)]
    asked = {"stops": stopped(kind, purpose, unsubscribe)}
    news_only = stops_news and kind != Type.WITHDRAW
    service, notices = news_only and _a_service(folded), news_only and of_service(text, MAILING)
    this = news_only and about_this(folded, MAILING)
    if service or notices or this or (news_only and titled(text, *TITLED, own_names)):
        # Nothing of the news is asked: for an officer, the other request stays what it is.
        limit = (Limit.SERVICE if service else Limit.NOTICES if notices
                 else Limit.THIS_MATTER if this else Limit.TITLED)  # fmt: skip
        return (Type.OTHER if kind == Type.UNSUBSCRIBE else kind), False, {**asked, "limit": limit}
    if stops_news and kind != Type.WITHDRAW and _elsewhere(folded, text, sender):
        # The other request of a letter that also asks it (a destruction) stays what it is.
        limits = {**asked, "limit": Limit.ELSEWHERE}
        return (Type.CORRECT if kind in (Type.UNSUBSCRIBE, Type.OTHER) else kind), False, limits
    kept = _kept(text)
    if kept is None:
        return kind, unsubscribe, None
    if kind == Type.WITHDRAW:
        # All purposes keep nothing; one purpose keeps nothing of its own kind.
        ends_kept = not purpose or kept == (purpose == "marketing") or (kept and unsubscribe)
    else:
        ends_kept = kept
    if not ends_kept:
        return kind, unsubscribe, None
    return Type.OTHER, False, {**asked, "limit": Limit.KEEPS_NEWS if kept else Limit.KEEPS_MORE}


# A start later than the letter: «с 1 марта», «со следующего месяца», «начиная с понедельника»,
# «после 1.03»; «1 наурыздан бастап», «келесі айдан бастап». Not now: «с сегодняшнего дня», «с
# этого момента», «бүгіннен бастап», «осы сәттен бастап»; nor a year alone, which tells since
# when something went on («с 2020 года получаю спам»). Folded words.
MONTHS = ("январ", "феврал", "марта", "апрел", "июн", "июл", "август", "сентябр",
          "октябр", "ноябр", "декабр", "кантар", "акпан", "наурыз", "сауир", "мамыр", "маусым",
          "шилде", "тамыз", "кыркуйек", "казан", "караша", "желтоксан")  # fmt: skip
LATER = (*MONTHS, "следуйущ", "нового", "будущ", "завтра", "понедельник", "вторник", "среды",
         "четверг", "пятниц", "суббот", "воскресен", "келеси", "ертен", "дуйсенби", "сейсенби",
         "сарсенби", "бейсенби", "жума", "сенби", "жексенби")  # fmt: skip
MAY = frozenset({"мая", "май", "март"})  # whole words: «майлинг» (mailing) is no month
NOW = ("сегодн", "сейчас", "этого", "этой", "данного", "настоящ", "момент", "немедлен", "бугин",
       "казир", "осы", "сат")  # fmt: skip
FROM = frozenset({"с", "со", "начиная", "после", "from", "фром", "starting"})
STARTS = "бастап"  # the Kazakh «from», after its ablative: «1 наурыздан бастап»
# What a sentence that stops or withdraws says (folded beginnings), beside the news (NEWS).
STOPPING = ("отзыв", "отозв", "отпис", "отпиш", "отказ", "прекрат", "останов", "присыла",
            "соглас", "кайтар", "тарт", "токтат", "шыгар", "жиберме", "келисим", "унсубсцриб",
            "витхдрав", "стоп")  # fmt: skip
DATE_ALONE = 4  # words of a sentence that only dates what the letter asks


def starts_later(text: str) -> bool:
    """Whether the words put the start of what they ask after the letter (LATER, NOW): a date
    or a day after «с», «со», «начиная с», «после», or before «бастап», in a sentence that
    stops or withdraws something, or that is no more than the date («С 1 марта.» under «Отзыв
    согласия»); not «Курс начинается с 1 марта. Отпишите меня от рассылки»."""
    for piece in pieces(text):
        folded = [fold(word) for word in words(piece)]
        stops = any(word.startswith(STOPPING + NEWS) for word in folded)
        if (stops or len(folded) <= DATE_ALONE) and _later(folded):
            return True
    return False


def _later(folded):
    for at, word in enumerate(folded):
        if word in FROM:
            when = folded[at + 1 : at + 4]
            while when and when[0] in FROM:
                when = when[1:]
        elif word == STARTS:
            when = folded[max(0, at - 2) : at][::-1]
        else:
            continue
        if any(w.startswith(NOW) for w in when[:2]):
            continue
        # A day's number right after «с» (a month's or a day's word may wait one word, «с
        # первого марта»): one after a noun numbers an article, «со статьёй 8», «с частью 2».
        # Before «бастап» its case ending may follow it: «15-інен бастап».
        numbered = when[:2] if word == STARTS else when[:1]
        if any(w.isdigit() and len(w) <= 2 for w in numbered) or any(
            w.startswith(LATER) or w in MAY for w in when[:2]
        ):
            return True
    return False


def stopped(kind: str, purpose: str, unsubscribe: bool, withdraws: str | None = None) -> list[str]:
    """The purposes an emailed withdrawal (its purpose, or all) or unsubscribe stops; or a
    withdrawal asked beside another request (`withdraws`: its purpose, "" for all)."""
    if withdraws is not None:
        kind, purpose = Type.WITHDRAW, withdraws
    stops = ([purpose] if purpose else list(PURPOSES)) if kind == Type.WITHDRAW else []
    news = unsubscribe or kind == Type.UNSUBSCRIBE
    return [*stops, MARKETING] if news and MARKETING not in stops else stops


# Where a clause ends: what is kept is named in the keeping verb's own clause. Read across one,
# «Деректерімді өшірмеңіз, бірақ хабарлама жібермеңіз», «Данные не удаляйте. Рекламу не
# присылайте» kept the news the next clause stops: nothing unsubscribed. A courtesy between
# commas stays inside its clause («Рассылку, пожалуйста, оставьте»).
CLAUSE_END = re.compile(r"[,.!?;:\n]+")
COURTESY = re.compile(r",\s*(пожалуйста|плиз|please|өтінемін|өтінеміз)\s*,", re.IGNORECASE)


def _clauses(text):
    """The folded words of each clause of `text`: split where punctuation ends one, and before a
    word that begins another («но», «бірақ», «тек»)."""
    for piece in CLAUSE_END.split(COURTESY.sub(" ", text)):
        clause = []
        for word in map(fold, words(piece)):
            if word in BUT and clause:
                yield clause
                clause = []
            clause.append(word)
        yield clause


def _kept(text):
    """None when the words keep nothing; else whether what they keep names the news (NEWS),
    read in the keeping word's clause."""
    for folded in _clauses(text):
        if (found := _kept_in(folded)) is not None:
            return found
    return None


def _kept_in(folded):
    for at, word in enumerate(folded):
        after = folded[at + 1 : at + 3]
        negated = folded[at - 1 : at] == ["не"]
        asked = KEEP_ASKED.fullmatch(word) and ASKING & {*folded[at - 1 : at], *after[:1]}
        keeps = (
            ((KEEP.fullmatch(word) or asked) and not negated and LEFT_ALONE not in after)
            or (word in LET and not negated and (after or [""])[0].startswith(LET[word]))
            or (word in NOT_STOPPED and negated)
            or STOP_NEGATED.fullmatch(word)
        )
        excepts = (word in EXCEPT and not BESIDES & set(after[:1])) or (
            word == "баска"
            and at > 0
            and ABLATIVE.fullmatch(folded[at - 1])
            and folded[at - 1] not in BESIDES
        )
        if keeps or excepts:
            # What is kept stands right before its verb (after the «но» or «бірақ» that
            # begins its clause), or after it or the «except».
            before = folded[max(0, at - 3) : at] * bool(keeps)
            while set(before) & BUT:
                before = before[1:]
            around = [*before, *after]
            return any(w.startswith(NEWS) for w in around)
    return None


def _elsewhere(folded, text, sender):
    """Whether the words ask to be written to (SEND) at another address or in a language: one
    near the verb (PLACE), or an address other than the sender's («пишите на asel@…»). An
    address alone asks nothing of where: «отпишите адрес asel@… от рассылки»."""
    sending = [at for at, word in enumerate(folded)
               if word.startswith(SEND) and folded[at - 1 : at] != ["не"]]  # fmt: skip
    if sending and any(
        address_lookup_key(a) != address_lookup_key(sender) for a in ADDRESS.findall(text)
    ):
        return True
    near = [word for at in sending for word in folded[max(0, at - NEAR) : at + 1 + NEAR]]
    unsent = [at for at, word in enumerate(folded) if word.startswith((*SEND, "жиберме"))]
    old = [word for at in unsent for word in folded[max(0, at - NEAR - 2) : at + 3 + NEAR]]
    return any(PLACE.fullmatch(word) for word in near) or any(map(OLD.fullmatch, old))


def _a_service(folded):
    """Whether the words stop a service rather than the news: a subscription word's object is a
    service (SERVICE), none is the news, and no other word names the news (MAILING)."""
    objects = {
        _object(folded, at) for at, word in enumerate(folded) if word.startswith(SUBSCRIBING)
    }
    news = any(word.startswith(MAILING) for word in folded)
    return "service" in objects and "news" not in objects and not news


def _object(folded, at):
    """ "service", "news" or None: what the subscription word at `at` names as its object."""
    after = folded[at + 1 : at + 3 + OBJECT_WORDS]
    while after and after[0] in WHOM:
        after = after[1:]
    named = after[1 : 1 + OBJECT_WORDS] if after[:1] and after[0] in OBJECT_AFTER else []
    before = folded[max(0, at - 2) : at] if folded[at].startswith(KAZAKH_SUBSCRIBING) else []
    for word in [*named, *reversed(before)]:
        if word.startswith(MAILING):
            return "news"
        if word.startswith(SERVICE):
            return "service"
    return None
