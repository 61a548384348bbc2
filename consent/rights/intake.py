"""Requests by email: a message that names a request type, in Kazakh or Russian, in its subject
line or in the first lines the person wrote, opens a typed request, answered in the language it
is written in (compliance L7). The phrases are the rows of `IntakePhrase`, matched by phrases.py.

A message that cannot become a request (no sender to answer, text in a broken encoding, a
structure the email package cannot read, a database that refuses it) is never dropped and never
stops the intake: it is set aside whole for the privacy officers (quarantine.py; L7)."""

import logging
import re
from datetime import datetime
from email import message_from_bytes, policy
from functools import lru_cache
from typing import NamedTuple

from django.db import IntegrityError, transaction

from consent.common.refusals import cache_down
from consent.core import routes
from consent.core.subjects import subject_find

from . import applications, changed, copies, news_stops, photos, phrases, pronouns, recalls
from .about_whom import names_another
from .also import one_request, withdrawn_beside
from .analytics_letters import analytics_letter
from .asked_nothing import asks_nothing, file_nothing_asked, out_of_office, paused, without_waits
from .besides import asks_besides
from .exasperation import calmed
from .forwarded import forwarded_read, from_someone_else, passes_on
from .items import asked_items, item_instead
from .keys import letter_key, message_key
from .language import language_of
from .letters import read_letter
from .limits import narrowed
from .machines import campaign_mail_returned, operator_addresses
from .misdirected import misdirected
from .models import IntakePhrase, QuarantinedMessage, Ticket
from .own_questions import asks_to_be_told
from .quarantine import SetAside, quarantine_record
from .reading import Reading, read_asked
from .refused import refused_in
from .relatives import names_someone_else, stops_mine, told_of_another
from .reported_request import told_done
from .scoped import scoped
from .seen import seen_before
from .spelling import CYRILLIC, key_words
from .still_sent import complained
from .taken_back import taken_request, takes_back
from .third_parties import about_transfers
from .threads import known_language, replied_to, returned_request, thread_request
from .tickets import ticket_open
from .withdrawn_of import every_purpose, of_purpose

logger = logging.getLogger(__name__)
Type, Reason = Ticket.Type, QuarantinedMessage.Reason

# A reply's or a forward's prefix, as mail programs write it: «Re:», «FW:», «Fw[2]:», and the
# Russian abbreviations with their dot («Отв.:», «Пересл.:»), without which «Пересл.: Отзыв
# согласия» was the forwarder's own words. Its spaces are taken possessively (`\s*+`).
_PREFIX = r"\s*+(?:re|fw|fwd|aw|ответ|отв|пересл|переслано|жауап)\.?\s*+(?:\[\d+\]\s*+)?:\s*+"
REPLY_PREFIX = re.compile(f"^{_PREFIX}", re.IGNORECASE)
# All of a subject line's prefixes at once («Re: Fwd: Re:»): one at a time, the rest of the line
# was copied for each. Possessively, with no group to capture, whose marks the engine would save.
REPLY_PREFIXES = re.compile(f"^(?:{_PREFIX})*+", re.IGNORECASE)
# Only the first lines the person wrote are read for a phrase: further down, a letter mentions
# things («рассылка») without asking for them. A line can be a whole letter, hence the cut.
FIRST_LINES = 8
FIRST_CHARACTERS = 2000


def without_reply_prefixes(line: str | None) -> str:
    """A subject line without the prefixes replies and forwards put before it («Re: Fwd:»)."""
    text = (line or "").strip()
    return text[REPLY_PREFIXES.match(text).end() :]


def active_phrases() -> list[phrases.Phrase]:
    """The phrases in use: every policy version's own (consent/core/routes.py, read by the policy
    and marketing mails too), the rows staff keep (`IntakePhrase`), then news_stops.PHRASES."""
    rows = IntakePhrase.objects.filter(active=True)
    rows = rows.values_list("phrase", "type", "language", "purpose")
    policy = [(*row, "") for row in routes.every_phrase()]  # (text, kind, language): no purpose
    return list(_ready((*policy, *rows, *news_stops.PHRASES)))


@lru_cache(maxsize=4)  # read again at each letter, built again only when staff change the table
def _ready(rows: tuple[tuple[str, str, str, str], ...]) -> tuple[phrases.Phrase, ...]:
    found = {}  # each phrase once, the first row that has it
    for text, kind, language, purpose in rows:
        # Latin letters («Unsubscribe») tell no language: a row's «kk» outweighed Russian words.
        told, key = language if CYRILLIC.search(text.casefold()) else "", key_words(text)
        if key:  # a phrase of function words only matches nothing (the admin refuses it)
            found.setdefault((key, kind, purpose), phrases.Phrase(key, kind, told, purpose))
    return tuple(found.values())


class Recognised(NamedTuple):
    kind: str
    language: str
    purpose: str = ""  # for a withdrawal: the one purpose it names (withdrawn_of), "" for all
    unsubscribe: bool = False  # the letter also asks to stop news and offers, beside `kind`
    someone_else: bool = False  # about someone else (relatives.py): never done on the sender's
    asked: bool = False  # a stop asked as a question («Можете ли вы…?»): waits for the link
    limits: dict | None = None  # what its words kept it from doing (limits.narrowed), the desk's
    whether: bool = False  # asked whether or how they can (whether.py): acting on nothing
    nothing: bool = False  # its words ask nothing («Спасибо», «👍», a quote: asked_nothing.py)
    withdraws: str | None = None  # beside `kind`, done on arrival (also.withdrawn_beside)
    replaces: bool = False  # a reply that changes the request it answers (changed.py)


def classify(
    subject_line: str | None, body: str = "", *, attached: tuple[tuple[str, str, str], ...] = ()
) -> tuple[str, str]:
    return recognise(subject_line, body, attached=attached)[:2]  # (type, language)


def recognise(
    subject_line: str | None,
    body: str = "",
    *,
    attached: tuple[tuple[str, str, str], ...] = (),
    phrases_in_use: list[phrases.Phrase] | None = None,
    sender: str = "",
    sender_names: tuple[str, ...] = (),
    known_language: str = "",
    chosen_language: str = "",
    answers: bool = False,
) -> Recognised:
    """(ticket type, language, purpose) of a message: the type its subject line names, else
    the type the first lines the person wrote name (quotes, signatures and forwarded heads left
    out), else what a message they forwarded without a word names; "other" when none does. The
    language is that of what the person wrote (language_of, language.py).

    A message the `sender` forwards from another address is not their request: a colleague
    passing on a customer's withdrawal, a parent their child's, someone another shop's newsletter
    with its «отписаться» footer. Only what the sender wrote themselves is read for a phrase
    then; the forwarded request is for staff to read, never carried out on the sender's record.
    So is a request the sender writes about someone else («удалите данные моей дочери»), or
    about a person it names who is not the sender, whose names on record are `sender_names`:
    "other", marked `someone_else`. Words too few to tell their language («Ок») are read in the
    one the sender is `known_language` to write in (threads.known_language); words of no
    Cyrillic, in the one the person on record at the address chose for our letters
    (`chosen_language`). A reply that `answers` a request of theirs: its subject line unread."""
    table = active_phrases() if phrases_in_use is None else phrases_in_use
    operator = operator_addresses()
    reading = read_asked(body or "", operator=operator, phrases=table)  # none of them ours
    if not any(line.strip() for line in reading.own) and reading.forwarded is None and attached:
        # Forwarded as an attachment (message/rfc822), with nothing written around it.
        attached_line, inner, forwarder = attached[0]
        if forwarder.casefold() not in operator:
            reading = Reading([], attached_line, read_asked(inner, phrases=table),
                              forwarded_sender=forwarder.casefold(), rest=inner)  # fmt: skip
    reply = bool(REPLY_PREFIX.match(subject_line or ""))  # then the subject line is the quote's
    own_subject = "" if answers and reply else without_reply_prefixes(subject_line)
    candidates = [calmed(own_subject), _first_lines(reading.own)]
    passed_on = bool(sender) and from_someone_else(reading.forwarded_sender, sender, operator)
    if passed_on:
        # The subject line of a forward («Fwd: Отзыв согласия») is the forwarded message's.
        own_line = "" if REPLY_PREFIX.match(subject_line or "") else subject_line
        candidates = [own_line, _first_lines(reading.own)]
    elif (forward := forwarded_read(subject_line, reading, sender)) is not None:
        candidates += [without_reply_prefixes(forward.forwarded_subject_line),
                       _first_lines(forward.forwarded.own)]  # fmt: skip
    found = scoped(candidates, lambda text: _named(table, text, "\n".join(candidates)))
    if len(found) == 1 and found[0].phrase.kind in phrases.denied(table, candidates[1]):
        # The subject line names a request the letter says it does not make («Я не хочу отзывать
        # согласие, это ошибка?» under «Отзыв согласия»): for staff to read, not done on arrival.
        found = []
    found, still = complained(candidates, found)  # «…, а рассылка приходит»: reported, not asked
    kinds = {match.phrase.kind for match in found}
    asked = any(m.asked for m in found if m.phrase.kind in (Type.WITHDRAW, Type.UNSUBSCRIBE))
    if {Type.DESTROY, Type.WITHDRAW} <= kinds:  # the withdrawal covers the destruction (_named)
        kinds.discard(Type.DESTROY)  # of every consent: «удалите данные и отзываю согласие на…»
        found = [every_purpose(m) for m in found if m.phrase.kind != Type.DESTROY]
    # The subject line names one request and the first lines another: the first alone would
    # drop the other. An unsubscribe beside another request is kept as a flag (it still stops
    # marketing as it arrives, compliance L15) and the other request is opened; two or more
    # other rights open the one that must be done first, listing the others on it (also.py).
    unsubscribe = Type.UNSUBSCRIBE in kinds and len(kinds) > 1
    if unsubscribe:
        kinds.discard(Type.UNSUBSCRIBE)
        found = [match for match in found if match.phrase.kind != Type.UNSUBSCRIBE]
    beside, (found, also) = found, one_request(table, candidates, found)  # «…и исправьте фамилию»
    match = found[0] if found else None
    # A reply's subject line is the mail it answers' («Re: № R-2 өтінішіңізді растаңыз»): our
    # words, not the writer's; for the language read as the quote is, when theirs say nothing.
    written = candidates[1:] if reply else candidates
    own_text = "\n".join(["" if reply else without_reply_prefixes(subject_line), *reading.own])
    if reading.forwarded is not None:
        own_text += "\n".join(["", reading.forwarded_subject_line, *reading.forwarded.own])
    quoted = f"{without_reply_prefixes(subject_line)}\n{reading.rest}" if reply else reading.rest
    language = language_of(
        own_text, fallback_text=quoted, phrase_language=match.phrase.language if match else "",
        known=known_language, chosen=chosen_language,
    )  # fmt: skip
    # An out-of-office reply sent with no header naming it a machine (machines.py): its stop
    # until the writer is back («Не присылайте мне письма до 15 декабря») is no unsubscribe.
    if (not attached and reading.forwarded is None and out_of_office([own_text])
            and not any(_named(table, without_waits(text)) for text in written)):  # fmt: skip
        return Recognised(Type.OTHER, language, nothing=True)
    if passes_on(subject_line, candidates[1], passed_on, match is not None):  # forwarded.py
        return Recognised(Type.OTHER, language, someone_else=True, limits={"forwarded": True})
    if told_done("\n".join(written), match):  # «я просила удалить, спасибо, удалили»
        return Recognised(Type.OTHER, language, nothing=True)
    if (match is None or match.phrase.kind == Type.WITHDRAW) and about_transfers(written):
        return Recognised(Type.OTHER, language, limits={"transfers": True})  # third_parties.py
    if misdirected(written):  # «Вы прислали мне чужие данные, удалите их»: a possible breach
        stop = unsubscribe or Type.UNSUBSCRIBE in kinds  # «…, и отпишите меня»: stops as asked
        return Recognised(Type.OTHER, language, unsubscribe=stop, limits={"misdirected": True})
    if (news := analytics_letter(match, written, unsubscribe)) is not None:
        return Recognised(Type.OTHER, language, unsubscribe=news, limits={"analytics": True})
    if (back := takes_back(table, written, candidates[1], beside)) is not None:  # «Отмените…»
        stop = (unsubscribe or Type.UNSUBSCRIBE in kinds) and back != Type.UNSUBSCRIBE
        return Recognised(Type.OTHER, language, unsubscribe=stop, limits={"takes_back": back},
                          someone_else=any(map(names_someone_else, written)))  # fmt: skip
    by_name = match is not None and Type.CORRECT not in (match.phrase.kind, *also)  # «на Петрова»
    if match is not None and (
        any(names_someone_else(t) or told_of_another(match.phrase.words, t) for t in written)
        or (by_name and names_another(table, applications.unaddressed(written), sender_names))
    ):
        # «Ұлымның деректерін жойыңыз», «коллега отзывает»: a parent may act for a minor, but
        # only an officer can tell; acted on as it arrives, it would end the sender's own data.
        # But an unsubscribe the sender asks in the first person («отпишите меня от рассылки.
        # Асель, мама Арсена») stops their own news as it arrives (L15, relatives.stops_mine).
        mine = stops_mine(match.phrase.kind, unsubscribe, written)
        return Recognised(Type.OTHER, language, unsubscribe=mine, someone_else=True)
    kind, purpose = (match.phrase.kind, match.phrase.purpose) if match else (Type.OTHER, "")
    if match is None:  # «Мне не нужна ваша рассылка», «Звонки — отказываюсь»: refused.py
        kind, purpose, unsubscribe = refused_in(written, unsubscribe, subject_line)
    told = match is None and asks_to_be_told("\n".join(written))  # «сообщите, удалены ли…»
    items = match is None and asked_items("\n".join(written))
    unnamed = match is None and (kind != Type.OTHER or unsubscribe or items or told or still)
    if unnamed and any(map(names_someone_else, written)):  # «Мне не нужна, и коллеге тоже»
        return Recognised(Type.OTHER, language, someone_else=True,
                          unsubscribe=stops_mine(kind, unsubscribe, written))  # fmt: skip
    if items or told:  # told (informed.py): access, an item to change (items.py); else correct
        kind = Type.ACCESS if told else Type.CORRECT
        also = [Type.CORRECT.value] if told and items else also
    # The news said to come still stop (still_sent.py), but for what it keeps or where (limits.py).
    unsubscribe = unsubscribe or (still and kind != Type.UNSUBSCRIBE)
    kind, unsubscribe, limits = narrowed(kind, purpose, unsubscribe, "\n".join(written), sender,
                                         sender_names)  # fmt: skip
    whether = any(m.whether for m in found)
    # Done and closed as it arrives unless asked (besides.py): read by an officer if it asks more.
    if kind == Type.UNSUBSCRIBE and not (asked or whether) and asks_besides(table, written):
        kind, unsubscribe = Type.OTHER, True
    if kind == Type.UNSUBSCRIBE and limits is None:  # «…до 15 декабря» from someone not away
        limits = paused(table, written)
    if also and kind == (match.phrase.kind if match else Type.ACCESS):
        limits = {**(limits or {}), "also": also}
    if still and unsubscribe and kind != Type.UNSUBSCRIBE and not (limits or {}).get("limit"):
        limits = {**(limits or {}), "still_sent": True}  # the desk says so (still_sent.py)
    purpose = purpose if kind == Type.WITHDRAW else ""
    whether = whether and kind != Type.OTHER
    nothing = (kind == Type.OTHER and not (unsubscribe or limits or attached)
               and reading.forwarded is None and asks_nothing([own_text]))  # fmt: skip
    return Recognised(kind, language, purpose, unsubscribe, asked=asked, limits=limits,
                      whether=whether, nothing=nothing, withdraws=withdrawn_beside(
                          beside, limits, unsubscribe, "\n".join(written), sender),
                      replaces=answers and changed.changes_request("\n".join(written)))  # fmt: skip


def _named(table, text, letter=None):  # the news a pronoun stands for named in `letter`
    """The requests `text` names (phrases.find_each, one a kind; photos.py, copies.py); and a
    withdrawal beside a destruction («деректерімді жойып, келісімімді қайтарып алыңыз») opened
    rather than it: it stops processing as the letter arrives, the destruction nothing until."""
    found = item_instead(pronouns.find_named(table, text, letter), text)
    found = of_purpose(copies.without_copies(photos.or_destroyed(table, found, text), text), text)
    if any(match.phrase.kind == Type.DESTROY for match in found):
        withdrawals = [phrase for phrase in table if phrase.kind == Type.WITHDRAW]
        withdrawal = phrases.find(withdrawals, text)
        if withdrawal is not None and all(m.phrase.kind != Type.WITHDRAW for m in found):
            found.append(withdrawal)
    return found


def _first_lines(lines):  # read for a request, «Сколько можно?!» as the «!» it is (exasperation)
    return calmed("\n".join(applications.first_lines(lines, FIRST_LINES))[:FIRST_CHARACTERS])


def ingest(raw: bytes, received_at: datetime | None = None) -> Ticket | QuarantinedMessage | None:
    """Open a request from one RFC 5322 message (bytes), received at `received_at` (when it
    reached our mailbox; now by default, as for a message an MTA pipes in on delivery). Returns
    the request; or the quarantine entry it was set aside in; or None when the same letter was
    taken in before (keys.py: fetched again, or delivered twice), either way. Another letter
    that carries an earlier one's Message-ID is a letter of its own. Raises only when the
    database cannot even record the quarantine entry, or the shared cache is down: a reading
    that fails on a letter sets it aside, or the letters after it in the mailbox stayed unread."""
    key = letter_key(raw)
    seen = seen_before(raw, key)
    if seen:
        return None
    if seen is None:
        return quarantine_record(raw, reason=Reason.REUSED_ID, key=key, received_at=received_at)
    try:
        letter = read_letter(raw)
    except SetAside as aside:
        returned = None
        if aside.reason == Reason.AUTOMATED:
            campaign_mail_returned(raw)
            returned = returned_request(message_from_bytes(raw, policy=policy.default))
        reason = Reason.RETURNED if returned else aside.reason
        return quarantine_record(raw, reason=reason, key=key, received_at=received_at,
                                 request=returned)  # fmt: skip
    reason = Reason.UNREADABLE
    try:
        holder = subject_find(email=letter.sender)
        recall, recalled = recalls.recall_of(letter, raw)  # else: by the number, its thread
        regarding = recalled or replied_to(letter) or thread_request(letter.thread, letter.sender)
        read = recognise(
            letter.subject_line, letter.body, attached=letter.attached, sender=letter.sender,
            sender_names=(holder.full_name,) if holder is not None and holder.full_name else (),
            known_language=known_language(regarding, letter.sender), answers=bool(regarding),
            chosen_language=holder.language if holder is not None else "",
        )  # fmt: skip
        regarding = regarding or taken_request(holder, letter.sender, read.limits)  # taken_back
        nothing = recall or (read.nothing and not letter.files)  # a file says something, a scan
        if nothing and regarding is None:  # asked_nothing.py: nothing to open or answer
            return quarantine_record(raw, reason=Reason.NOTHING_ASKED, key=key,
                                     received_at=received_at)  # fmt: skip
        reason = Reason.STORE_FAILED
        # A savepoint: whatever the insert meets, the connection stays usable for the quarantine.
        with transaction.atomic():
            if nothing:
                return file_nothing_asked(
                    regarding, email=letter.sender, language=read.language, message=letter.text,
                    received_at=received_at, message_id=message_key(raw), letter_key=key,
                    reply_to=letter.reply_to, recall=recall,
                )  # fmt: skip
            # Due from when the mail reached us: not its Date header, nor when it was read.
            return ticket_open(
                kind=read.kind, email=letter.sender, language=read.language,
                purpose=read.purpose, channel=Ticket.Channel.EMAIL, message=letter.text,
                message_id=message_key(raw), received_at=received_at, letter_key=key,
                unsubscribe=read.unsubscribe, regarding=regarding, files=letter.files,
                about_someone_else=read.someone_else, acts=not (read.asked or read.whether),
                limits=read.limits, asked_whether=read.whether, reply_to=letter.reply_to,
                withdraws=read.withdraws, replaces=read.replaces,
            )  # fmt: skip
    except IntegrityError:
        if Ticket.objects.filter(letter_key=key).exists():
            return None  # another fetcher took the same message a moment ago
        error_name = "IntegrityError"
    except Exception as error:  # whatever the reading, the database or the outbox refused
        if cache_down(error):  # Redis's, not the letter's: read again once it answers
            raise
        error_name = type(error).__name__
    # The class only: the error's text may quote the message (an address, a value).
    logger.warning("request message set aside, %s (%s)", reason, error_name)
    return quarantine_record(raw, reason=reason, key=key, received_at=received_at)
