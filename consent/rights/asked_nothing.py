"""Letters that ask nothing (compliance L7): «Спасибо», «Рахмет!», «ок», «👍», an empty letter,
a signature alone, or only the quote of an earlier mail. Each opened a request of its own,
fifteen working days for an officer to answer a thank-you, and an answer went out, which an
auto-responder or a polite person answered again.

Such a letter, replying to a request of the sender's (its number in the subject line or text,
threads.replied_to; or its thread, threads.thread_request), is kept with that request for the
officer to see: filed with it, closed at once, never reopening a closed one, no mail to anyone.
Any other is set aside unanswered (QuarantinedMessage.Reason.NOTHING_ASKED), the whole message
kept, and listed in the officers' digest: nothing is lost if it meant more than it says.

What counts as asking nothing: every sentence the person wrote (the subject line, unless it is
a reply's, which is ours; their own lines, without the quote and the signature) is made of
courtesies (COURTESY: a thanks, an acknowledgement or an agreement, a reaction to our news or
what the writer will do about it, «приду», «жазылдым», a «waiting for your answer», an «I will
answer soon», a greeting), and a name may sign it off; none is a question but a
greeting asked as Kazakh asks it. «Хорошо, жду», «Жақсы, күтемін», «Ок, спасибо, жду ответа»
opened a request each when only a thanks was read: any word beyond the courtesies («Хорошо,
жду. И удалите мой номер», «Жақсы, бірақ деректерімді жойыңыз») still makes a request of it.

Or it is an out-of-office reply a mail program sends without a header naming it a machine
(machines.py reads those): one of its first sentences says its writer is away (AWAY), and no
sentence asks a question or asks us to do something (besides.asks); pointing the reader to
someone else for urgent matters (REDIRECT: «По срочным вопросам пишите на …») asks us nothing.
«Я в отпуске до 10-го, но прошу перезвонить мне» was set aside by the leave it mentions. Nor
does asking mail to wait until the writer is back (UNTIL: «Не присылайте мне письма до 15
декабря», «15 желтоқсанға дейін хат жібермеңіз»): read before the phrases (out_of_office), it
opened «other», or an unsubscribe; a stop without such a bound («Больше не присылайте мне
писем») from a person on leave is the person's unsubscribe.

A letter that forwards or attaches another, or carries a file, asks for it to be read, and is
read as a request (intake.recognise, intake.ingest)."""

import re
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from consent.core.guardians import held_at
from consent.core.mail import interpolate
from consent.core.purposes import MARKETING
from consent.core.subjects import normalise_email

from . import phrases
from .asking import ASKING_WORDS
from .besides import KAZAKH_NOT, asks, negated
from .closing import ticket_close
from .models import Ticket
from .pieces import pieces
from .sentences import NEGATIONS
from .spelling import fold, words
from .tickets import ticket_create


def _folded(text):
    return frozenset(fold(word) for word in words(text))


# Courtesies, as Russian, Kazakh (in Cyrillic or Latin letters) and English write them; read as
# spelling.words reads a letter, folded. Greetings and goodbyes, which alone may be asked
# («Сәлеметсіз бе?»):
GREETINGS = _folded(
    "здравствуйте добрый доброго день утро вечер привет хорошего дня всего до свидания "
    "с уважением пожалуйста "
    "сәлеметсіз бе сәлем қайырлы күн таң кеш сау болыңыз құрметпен "
    "hello hi regards"
)
# A thanks, and what it is for.
THANKS = _folded(
    "спасибо спасибочки спасибки спс сенкс благодарю благодарим благодарна благодарен большое "
    "огромное заранее вам вас всё все за ответ помощь оперативность информацию письмо ваше "
    "рахмет рақмет рахмат рахмеет көп сізге алғыс алғысым алдын ала жауап жауабыңыз бәрі "
    "жауабыңызға хат хатыңыз хатыңызға үшін көмек көмегіңіз көмегіңізге "
    "thanks thank you thx for the answer"
)
# An acknowledgement or an agreement: received, understood, agreed.
ACKNOWLEDGED = _folded(
    "ок окей хорошо ладно понятно поняла понял поняли ясно отлично супер класс прекрасно "
    "принято приняла принял приняли получила получил получили получено ага угу да конечно "
    "договорились согласна согласен согласны "
    "жақсы жарайды болады мақұл түсінікті түсіндім түсіндік иә ия алдым алдық қабылдадым "
    "қабылданды келісемін келістік "
    "ok okay got it fine great noted received agreed"
)
# A reaction to our news, a reply to a campaign's mail: «Спасибо, интересно!», «Здорово!»,
# «Керемет!», «Рахмет, қызық екен». Only «отлично», «супер» and «класс» were read: the rest
# opened a request of their own, and the reader was mailed a link to confirm it.
REACTIONS = _folded(
    "интересно интересная интересные очень здорово замечательно круто чудесно великолепно "
    "қызық қызықты керемет тамаша өте екен "
    "interesting cool nice awesome wonderful very"
)
# What the writer will do about our news, or did: «Спасибо, приду», «Записалась!», «Буду
# знать», «Рахмет, барамын», «Жазылдым». Each opened a request and was mailed a link.
PLANS = _folded(
    "приду придём придем прийду приеду приедем пойду пойдём пойдем иду идём идем будем "
    "записалась записался записались записала записал запишусь запишемся записаны "
    "зарегистрировалась зарегистрировался зарегистрировались подписалась подписался "
    "знать учту учтём учтем приму к сведению на заметку возьму посмотрю почитаю прочитаю "
    "обязательно непременно постараюсь постараемся увидимся встретимся там всей семьёй тоже "
    "с удовольствием завтра сегодня субботу воскресенье "
    "барамын барамыз барам келемін келеміз келем жазылдым жазылдық тіркелдім тіркелдік "
    "қатысамын қатысамыз білемін білдім білетін боламын ескеремін ескердім көрісеміз "
    "кездескенше міндетті түрде отбасымызбен жазылып тіркеліп қойдым қойдық ертең бүгін сенбі "
    "жексенбі "
    "will come be there attend see you signed up registered count me in"
)
# Saying they wait: for an answer, for news, as an answer said it would come.
WAITING = _folded(
    "жду ждем ждём ждать ожидаю ожидаем ожидать буду будем вашего ваш ответа ответов "
    "обратной связи новостей "
    "күтемін күтеміз күтем күтейін күтіп отырмын отырмыз сіздің жауабыңызды жауапты "
    "хабарыңызды хабар "
    "wait waiting look looking forward to your reply hearing from"
)
# Saying they will answer, as a busy person or a mail program's acknowledgement without a header
# naming it a machine writes it: «Спасибо за письмо. Я отвечу в ближайшее время.», «Ваше
# сообщение получено, свяжусь с вами позже», «Жақын арада жауап беремін», «I will get back to you
# shortly». Answered, a reply to our answer opened a request of its own, and was answered again.
REPLYING = _folded(
    "я мы вам вас вами с в как только отвечу ответим ответить свяжусь свяжемся ближайшее "
    "ближайшие время дни скоро позже смогу сможем обязательно сообщение письмо ваше получено "
    "жақын арада уақытта жауап беремін береміз хабарласамын хабарласамыз кейінірек міндетті "
    "түрде хатыңыз алынды "
    "i we will ll get back to you shortly soon as possible reply respond your email message "
    "has been received"
)
COURTESY = GREETINGS | THANKS | ACKNOWLEDGED | REACTIONS | PLANS | WAITING | REPLYING
# The writer says they are away, as an out-of-office reply does (read folded: Kazakh letters
# as typed without a Kazakh keyboard, spelling.fold).
AWAY = re.compile(
    r"в (\w+ ){0,2}отпуск|в (\w+ )?командировк|на больничном|в декрете|нет на месте|вне офиса|"
    r"не в офисе|отсутству|демалыс|иссапар|орнымда жок|кенседе жок|"
    r"(нет|не будет) (\w+ ){0,3}(в офисе|на месте|на работе)|в отъезде|на обучении|"
    r"(я|буду|будем) (временно )?недоступ|(жумыста|кенседе|орнымда) (жок|болмай)|"
    r"out of (the )?office|out-of-office|away from (the )?office|on (vacation|holiday|leave)|"
    r"(i am|i m|currently) away|annual leave",
    re.IGNORECASE,
)
AWAY_WITHIN = 2  # among the first sentences that are not courtesies
# A sentence of an out-of-office reply that sends the reader to someone else: it asks nothing of
# us, though it says «пишите», «обращайтесь», «хабарласыңыз» (CONTACTING). Read folded.
REDIRECT = re.compile(
    r"срочн\w* (вопрос|дел|случа|обращен)|в случае срочн|в (мое|моё) отсутств|"
    r"шугыл|жедел|urgent|in my absence",
    re.IGNORECASE,
)
# A sentence of an acknowledgement a helpdesk or a mail program sends without a header naming it
# a machine (machines.py reads those), saying this letter is automatic or not to be answered:
# «Это письмо сформировано автоматически, не отвечайте на него», «Бұл хат автоматты түрде
# жіберілді, оған жауап бермеңіз», «This is an automatically generated message. Please do not
# reply». Answered, its own letter came back under our answer, a request each time. Not an
# automatic thing the writer speaks of («ваша автоматическая рассылка»). Read folded.
AUTOMATIC = re.compile(
    r"(сформирован|сгенерирован|создан|отправлен|направлен)\w* автоматически|"
    r"автоматически (сформирован|сгенерирован|создан|отправлен|направлен)|"
    r"(это|данное|настоящее) (\w+ )?автоматическ\w* (ответ|уведомлен|сообщен|письм)|"
    r"не (нужно |надо )?(отвечать|отвечайте|(отправляйте|присылайте|пишите) ответ)|"
    r"отвечать на (него|нее|это|данное)\w* не |"
    r"автоматты (турде )?(жиберил|жасал|хабарлама|жауап|хат)|"
    r"жауап (бермениз|жазбаныз|кайтарманыз|берудин кажети жок|берудин кажет|бермениздер)|"
    r"automatic(ally)? (generated|sent|reply|response|message|notification)|auto-?generated|"
    r"automated (message|reply|response|email|notification)|do not reply|don ?t reply|"
    r"not monitored|no-?reply",
    re.IGNORECASE,
)
# A sentence of an out-of-office reply that asks for mail to wait until the writer is back: «Не
# присылайте мне письма до 15 декабря», «15 желтоқсанға дейін хат жібермеңіз», «do not email me
# until Monday». Its stop is bounded by a time (UNTIL) and it asks nothing of us, where «Больше не
# присылайте мне письма» from a person on leave is an unsubscribe. Read folded, casefolded.
UNTIL = re.compile(
    r"\bдо (\d|конц|окончан|мо(его|ей) |возвращ|выход|приезд|понедельник|вторник|сред|четверг|"
    r"пятниц|суббот|воскресен|нового|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|"
    r"ноябр|декабр|следующ|этого|того)|"
    r"(дейин|шейин|кайткан(ша|ға)|оралган(ша|га)|келгенше)\b|\b(until|till)\b",
    re.IGNORECASE,
)
# A stop asked for a while, not for good: «временно», «приостановите», «на паузу», «уақытша»,
# «тоқтата тұрыңыз», «for now», «pause». Read folded, casefolded, as UNTIL.
A_WHILE = re.compile(
    r"временн|приостан|пауз|уакытша|токтата тур|\b(temporar\w*|for now|for a while|pause)\b",
    re.IGNORECASE,
)
# The words of a stop in such a sentence: «не» and the verb after it («do not», «don't» too:
# sentences.NEGATIONS), «прошу не …», the Kazakh negative imperative («жібермеңіз», «жазбаңыз»;
# besides.KAZAKH_NOT), and a verb of stopping («stop sending», «перестаньте присылать»).
STOPPING = ("стоп", "перестан", "прекрат", "токтат")
CONTACTING = ("пиш", "напиш", "звон", "позвон", "обращ", "обрат", "связ", "хабарлас", "жаз",
              "конырау", "шалыныз", "contact", "write", "call")  # fmt: skip
CLAUSE = re.compile(r"[,;:—–]")  # an automatic sentence's clauses (_beside_automatic)
RECALLED = _("Added to request %(ref)s: the sender's mail program recalls a letter.")
SIGNED_WORDS = 3  # a last line of at most this many capitalised words is a name signing off


def asks_nothing(texts: list[str]) -> bool:
    """Whether the person's own words (`texts`: the subject line unless a reply's, then their
    own lines, as intake.recognise reads them) ask nothing: courtesies alone, or an
    out-of-office reply."""
    rest = beyond_courtesies(texts)
    return rest is not None and (not rest or _away(rest))


def out_of_office(texts: list[str]) -> bool:
    """Whether the person's own words are an out-of-office reply (AWAY), asking nothing of us:
    read before the phrases, for its stop until the writer is back («Я в отпуске. Не присылайте
    мне письма до 15 декабря») names an unsubscribe it does not ask for (without_waits)."""
    rest = beyond_courtesies(texts)
    return bool(rest) and _away(rest)


def without_waits(text: str) -> str:
    """`text` without its sentences that ask mail to wait until a time (UNTIL): what an
    out-of-office reply names a request in, if it names one anywhere else («Я в отпуске.
    Отказ от рассылки» does)."""
    return "\n".join(
        " ".join(piece for piece in pieces(line) if not _waits(piece))
        for line in (text or "").split("\n")
    )


def paused(table: list[phrases.Phrase], texts: list[str]) -> dict | None:
    """The limits (Ticket.limits) of an unsubscribe that `texts`, the person's own words, ask
    for a while: a sentence that names it is bounded by a time (UNTIL) or says it is for a
    while (A_WHILE): «Не присылайте мне письма до 15 декабря», «Таратылымды 1 ақпанға дейін
    тоқтатыңыз», «Приостановите рассылку», from someone who does not say they are away. No
    campaign can be paused: the news stop as asked, for good, and the answer says so and how
    to subscribe again (Limit.UNTIL). None when it is asked for good."""
    for text in texts:
        for line in (text or "").split("\n"):
            for piece in pieces(line):
                read = _read(piece)
                if (UNTIL.search(read) or A_WHILE.search(read)) and any(
                    m.phrase.kind == Ticket.Type.UNSUBSCRIBE
                    for m in phrases.find_each(table, piece)
                ):
                    return {"stops": [MARKETING], "limit": Ticket.Limit.UNTIL}
    return None


def _waits(piece):
    every = [fold(word) for word in words(piece)]
    return bool(UNTIL.search(_read(piece))) and _without_stops(every) != every


def beyond_courtesies(texts: list[str]) -> list[str] | None:
    """The sentences of `texts` beyond the courtesies, a name signing off aside; None when one
    asks a question (a greeting asked as Kazakh asks it aside)."""
    lines = [line for text in texts for line in (text or "").split("\n") if words(line)]
    if len(lines) > 1 and _signed(lines[-1]):
        lines = lines[:-1]
    said = [piece for line in lines for piece in pieces(line) if words(piece)]
    if any("?" in piece and not _folded(piece) <= GREETINGS for piece in said):
        return None
    return [piece for piece in said if not _folded(piece) <= COURTESY]


def _away(rest):
    """Whether the sentences beyond the courtesies are an out-of-office reply (AWAY among the
    first) or an automatic acknowledgement (AUTOMATIC anywhere), and none asks us anything but
    in a clause AUTOMATIC names («не отвечайте на него»)."""
    read = [_read(piece) for piece in rest]
    away = any(AWAY.search(text) for text in read[:AWAY_WITHIN])
    return (away or any(AUTOMATIC.search(text) for text in read)) and not any(
        _asks_us(clause) for clause in _beside_automatic(rest)
    )


def _beside_automatic(rest):
    """The sentences of `rest`, each without its clauses AUTOMATIC names: «Не отвечайте на это
    письмо, перезвоните мне» still asks."""
    for piece in rest:
        if not AUTOMATIC.search(_read(piece)):
            yield piece
            continue
        for clause in CLAUSE.split(piece):
            if words(clause) and not AUTOMATIC.search(_read(clause)):
                yield clause


def _asks_us(piece):
    """Whether a sentence asks a question or asks us to do something; in one that sends the
    reader elsewhere (REDIRECT), its verbs of contacting and the «прошу» before them aside; in
    one that asks mail to wait until a time (UNTIL), its words of the stop aside."""
    every = [fold(word) for word in words(piece)]
    if UNTIL.search(_read(piece)):
        every = _without_stops(every)
    if REDIRECT.search(_read(piece)):
        contacting = [word.startswith(CONTACTING) for word in every]
        every = [
            word
            for at, word in enumerate(every)
            if not contacting[at]
            and not (word in ASKING_WORDS and any(contacting[at + 1 : at + 3]))
        ]
    return asks(piece, every)


def _without_stops(every):
    """A sentence's words (folded) without those of a stop: «не» and the word after it, «прошу»
    before a «не», a Kazakh negative imperative."""
    kept = []
    for at, word in enumerate(every):
        if word in NEGATIONS or negated(every, at, NEGATIONS) or KAZAKH_NOT.fullmatch(word):
            continue
        if word.startswith(STOPPING) or (at and every[at - 1].startswith(STOPPING)):
            continue
        kept.append(word)
    return kept


def _read(piece):
    """A sentence as AWAY, UNTIL and REDIRECT read it: as written, and as its words read
    (spelling.words: Latin letters as the Kazakh or Russian they transliterate, «Men
    demalystamyn», «Ya v otpuske»), folded."""
    return f"{fold(piece.casefold())}\n{' '.join(fold(word) for word in words(piece))}"


def _signed(line):
    """Whether a line is a name: a few words, each capitalised, nothing else («Асель»,
    «Иванова Мария»)."""
    written = line.split()
    return len(written) <= SIGNED_WORDS and all(
        word.rstrip(".,!").isalpha() and word[0].isupper() for word in written
    )


def file_nothing_asked(
    regarding: Ticket, *, email: str, language: str, message: str, received_at: datetime | None,
    message_id: str, letter_key: str, reply_to: str = "", recall: bool = False,
) -> Ticket:  # fmt: skip
    """Keep a letter that asks nothing with the request it replies to: a row of its own, as
    joining.file_with_open keeps a reply, filed and closed at once; `regarding` stays as it is,
    open or closed. No one is mailed: neither the person, whose thanks need no answer (and an
    auto-responder's would be answered again), nor the officers, who see it on the request. An
    Outlook recall (`recall`, recalls.py) says so in its outcome."""
    email = normalise_email(email) or ""
    subject, as_guardian = held_at(email)
    ticket = ticket_create(
        kind=Ticket.Type.OTHER, subject=subject, email=email, language=language,
        channel=Ticket.Channel.EMAIL, received_at=received_at, notify=False,
        as_guardian=as_guardian,
        message=message[: Ticket.MESSAGE_MAX_LENGTH], message_id=message_id,
        letter_key=letter_key, regarding=regarding, reply_to=reply_to,
    )  # fmt: skip
    said = RECALLED if recall else _("Added to request %(ref)s.")
    outcome = interpolate(said, {"ref": regarding.reference})
    detail = {"filed_with": regarding.reference, "asked_nothing": True, "recall": recall}
    return ticket_close(ticket, outcome=outcome, status=Ticket.Status.FILED, notify=False,
                        detail=detail)  # fmt: skip
