"""Our own sentences pasted or sent back into a letter without a quote mark (compliance L7): the
Russian sentence of our acknowledgement and privacy text «Чтобы отозвать согласие на обработку
персональных данных, напишите на … с темой «…»» pasted under «Мне пришло это, что это?»
withdrew every consent as the letter arrived; our «my data» link mail pasted opened a
correction; our whole mail resent from the person's address, with no «>» and no forwarded head,
was read as their own words. The intake read what we wrote as what they ask.

A sentence of a letter that is one of ours, as our mails and pages write it in Kazakh or Russian
(the msgstr of the site's catalogues, locale/*/LC_MESSAGES/django.mo; the published policy
versions and consent texts, as frozen; each placeholder standing for a few words of any kind),
is read as quoted (reading.read_asked), as a quoted reply is: the writer's own words beside it
are still read for what they ask. A sentence of ours of fewer than MIN_WORDS words («Удалить
данные», a button; «Трансграничная передача: нет.», a line of the consent text) may be the
writer's own: it is ours only beside another of ours in its paragraph. A phrase the intake reads
(intake.active_phrases: the policy's «Отзыв согласия на обработку персональных данных» and the
table's rows, those staff add in the admin too: «Отозвать согласие», also a button of ours), or
a part of one, is never ours: the writer's when written, whatever stands beside it.
The catalogues are read once per process, the published texts again only when their words
change, the sentences kept as folded words (spelling.words, spelling.fold), so that a
letter's sentence is looked up, not compared with each of ours. The text kept for the officer
(letters.py) keeps all of it."""

import contextlib
import gettext
import re
from functools import cache
from itertools import chain, pairwise

from django.conf import settings

from consent.core.models import ConsentText, PolicyVersion
from consent.core.nameless import APPOSITION

from .pieces import SENTENCE_END
from .spelling import fold, key_words, words

LANGUAGES = ("kk", "ru")
MIN_WORDS = 5  # words of a sentence of ours besides its placeholders, to be ours alone
SHORT_WORDS = 2  # …to be ours beside another of ours
LONG, SHORT = "2", "1"  # what is_ours finds, in order
# A placeholder as our catalogues write it: «%(email)s», «%(count)d», «%s».
# A published consent text's «{full_name}».
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sd]|\{\w+\}")
TAG = re.compile(r"<[^<>]*>")  # a page's sentence may hold a link's markup
SLOT_WORD = "qqslotqq"  # put for a placeholder before the words are read; read as SLOT
SLOT_WORDS = 40  # the most words a placeholder stands for (an address, a name, a list of data)
# How much of a letter is read for our sentences: a letter of megabytes of them (each looked up
# in a fraction of a millisecond) held the intake for a minute; what is read for a request lies
# in its first lines (intake.FIRST_LINES).
READ_MOST = 20_000
ITEM = re.compile(r"\s*(?:[-–—•*·]|\d{1,2}[.)])\s")  # an item of a list begins
ENDS = (".", "!", "?", ":", ";", "…")  # a line ending so ends its sentence or clause
# A letter's sentence longer than this is none of ours: no pattern is tried on it.
LONGEST = 3000
# A line a mail program quoted («> …»): the one rule by which reading.py parts the writer's own
# lines from a quote, and this module finds a quote's lines among ours.
QUOTED = re.compile(r"^\s*>")
QUOTE_MARKS = re.compile(r"^\s*(?:>[ \t]?)+")  # «> », «>> », «> > »


def _folded(text: str) -> list[str]:
    return [fold(word) for word in words(text)]


SLOT = "".join(_folded(SLOT_WORD))


def _named(piece: str, phrases) -> bool:
    """Whether a letter's sentence is one of `phrases` (their key words), or a part of one
    («Отзыв согласия», a title; «Отозвать согласие», a staff member's row and our button)."""
    key = set(key_words(piece))
    return bool(key) and any(key <= set(phrase) for phrase in phrases)


def _sentences(lines: list[str]) -> list[str]:
    """The sentences of `lines`, read alike in our texts and in a letter: a line goes on the one
    before it (wrapped by a mail program) unless that one ends a sentence or a clause, or it
    begins with a capital (after a heading) or an item of a list («- …», «3. …»), as a policy
    writes them without a full stop before (pieces.SENTENCE_END reads a line break so)."""
    blocks = []
    for line in lines:
        if (
            not blocks
            or ITEM.match(line)
            or line.lstrip()[:1].isupper()
            or blocks[-1].endswith(ENDS)
        ):
            blocks.append(line.strip())
        else:
            blocks[-1] = f"{blocks[-1]} {line.strip()}"
    return [piece for block in blocks for piece in SENTENCE_END.split(block)]


def _spans(texts: list[str], *, wrapped: bool) -> tuple[str, list[tuple[int, int]]]:
    """(the lines `texts` joined by spaces, (start, end) of each of its sentences). As
    _sentences reads them; or, `wrapped`, as the run of text a mail program hard-wrapped at
    some 72 characters wherever a word ended, before a capital too («…направив\nОператору …»,
    «…Оператордың\nem.alu.plus@mail.kz…»): a line then goes on the one before it unless that
    one ends a sentence (SENTENCE_END)."""
    joined, cuts, at = " ".join(texts), set(), 0
    for before, text in pairwise(["", *texts]):
        new = not wrapped and (ITEM.match(text) or text[:1].isupper() or before.endswith(ENDS))
        cuts |= {at} if new else set()
        at += len(text) + 1
    cuts |= {0, len(joined)} | {found.start() for found in SENTENCE_END.finditer(joined)}
    return joined, list(pairwise(sorted(cuts)))


def _unwrapped(run: list[str]) -> list[str]:
    """The sentences of a letter's paragraph read as hard-wrapped text (_spans)."""
    joined, spans = _spans([line.strip() for line in run], wrapped=True)
    return [joined[start:end] for start, end in spans]


def _as_written(run: list[str], indexes) -> list[str]:
    """The sentences of a letter's paragraph: as _sentences reads them, or as hard-wrapped text
    (_unwrapped) when that finds more words of ours. A paragraph of ours pasted and wrapped by
    a mail program, a line beginning with «Пользователь» or «Операторға» inside a sentence, was
    read as sentences of no one's, and its end («…с пометкой «Обновление персональных
    данных».») opened a correction."""
    read, wrapped = _sentences(run), _unwrapped(run)

    def ours(pieces):
        return sum(len(words(piece)) for piece in pieces if is_ours(piece, indexes) == LONG)

    return wrapped if wrapped != read and ours(wrapped) > ours(read) else read


def requoted(body: str) -> str:
    """`body` with the lines a mail program wrapped out of a quote of ours marked quoted again. A
    quoted line («> » before a line of some 72 characters) is too long for the width, and the
    program carries its last words to a line of their own without the mark: «> …Вы можете
    отозвать его в любое время, написав на адрес» then «em.alu.plus@mail.kz.», read as the
    writer's. In a paragraph holding a quoted line, a line without the mark is quoted when each
    of its words is in a sentence of ours, read with the marks off and the lines joined, in
    either reading of _spans."""
    lines = body.split("\n")
    if not any(QUOTED.match(line) for line in lines):
        return body
    indexes, held, run = None, 0, []
    for at, line in enumerate([*lines, ""]):
        text = QUOTE_MARKS.sub("", line).strip()
        if text and held <= READ_MOST:
            run.append(at)
            held += len(text)
            continue
        quoted = [QUOTED.match(lines[i]) is not None for i in run]
        if any(quoted) and not all(quoted) and quoted.index(True) < len(run) - 1:
            indexes = indexes or (_catalogue(), _published_texts())
            for i in _ours_in(lines, run, indexes):
                lines[i] = f"> {lines[i]}"
        run = []
    return "\n".join(lines)


def _ours_in(lines: list[str], run: list[int], indexes) -> list[int]:
    """The lines of `run` (indexes of `lines`) without a quote mark whose every word is in a
    sentence of ours (requoted), a long one or one going on from a quoted line."""
    texts = [QUOTE_MARKS.sub("", lines[i]).strip() for i in run]
    places, at = [], 0  # each line's characters in the joined text
    for text in texts:
        places.append({at + n for n, char in enumerate(text) if not char.isspace()})
        at += len(text) + 1
    marked = set().union(*(p for i, p in zip(run, places, strict=True) if QUOTED.match(lines[i])))
    covered = set()
    for wrapped in (False, True):
        joined, spans = _spans(texts, wrapped=wrapped)
        for start, end in spans:
            found = is_ours(joined[start:end], indexes) if _worded(joined[start:end]) else ""
            # A short one only where it goes on from a quoted line: «Удалить данные.» written
            # under it is the writer's.
            if found == LONG or (found and marked & set(range(start, end))):
                covered |= set(range(start, end))
    return [i for i, place in zip(run, places, strict=True)
            if not QUOTED.match(lines[i]) and place <= covered]  # fmt: skip


def _index(texts) -> tuple[dict[tuple[str, ...], bool], dict[str, tuple[tuple[re.Pattern, bool]]]]:
    """({the sentences of `texts` without a placeholder, as folded words: whether they are of
    MIN_WORDS}, {a first word ("" for a placeholder): (pattern over the words of a sentence
    with one, joined by spaces; whether it is of MIN_WORDS), …})."""
    exact, patterns = {}, {}
    for text in texts:
        marked = PLACEHOLDER.sub(f" {SLOT_WORD} ", TAG.sub(" ", text))
        for piece in _sentences(marked.split("\n")):
            folded = _folded(piece)
            counted = sum(word != SLOT for word in folded)
            if counted < SHORT_WORDS:
                continue
            if SLOT not in folded:
                exact[tuple(folded)] = exact.get(tuple(folded)) or counted >= MIN_WORDS
                continue
            slot = rf"\S+(?: \S+){{0,{SLOT_WORDS - 1}}}"
            pattern = " ".join(slot if word == SLOT else re.escape(word) for word in folded)
            first = "" if folded[0] == SLOT else folded[0]
            patterns.setdefault(first, {})[pattern] = counted >= MIN_WORDS
    compiled = {first: tuple((re.compile(pattern), long) for pattern, long in found.items())
                for first, found in patterns.items()}  # fmt: skip
    return exact, compiled


@cache
def _catalogue():
    """Our catalogues' sentences (_index), read once per process."""
    texts = []
    for path in settings.LOCALE_PATHS:
        for language in LANGUAGES:
            with (
                contextlib.suppress(OSError),
                open(f"{path}/{language}/LC_MESSAGES/django.mo", "rb") as catalogue,
            ):
                texts += gettext.GNUTranslations(catalogue)._catalog.values()
    return _index(texts)


_published: dict[tuple, tuple] = {}


def _published_texts():
    """The published policy versions' and consent texts' sentences (_index), read again only
    when their words differ from the last read (two queries a letter fetch them): what was
    indexed is looked up by the words themselves, so that a text published, or published
    again with the same words, is never read for the wrong ones."""
    policies = PolicyVersion.objects.filter(published_at__isnull=False).order_by("pk")
    consents = ConsentText.objects.filter(published_at__isnull=False).order_by("pk")
    bodies = tuple(chain.from_iterable(consents.values_list("body_kk", "body_ru")))
    # A consent text's words as a person with no name was shown them too (core.nameless).
    texts = (*chain.from_iterable(policies.values_list("text_kk", "text_ru")), *bodies,
             *(body.replace(APPOSITION, "") for body in bodies))  # fmt: skip
    if texts not in _published:
        _published.clear()
        _published[texts] = _index(texts)
    return _published[texts]


def _worded(piece: str) -> bool:
    """Whether `piece` holds a word: not a list's «3.» alone."""
    return any(not word.isdigit() for word in words(piece))


def is_ours(sentence: str, indexes: tuple | None = None) -> str:
    """LONG when `sentence` is one of the sentences our mails and pages write of MIN_WORDS
    words or more, SHORT when one of fewer, "" when none of ours (see the module). `indexes`:
    ours as _index keeps them, when the caller has them at hand."""
    folded = _folded(sentence)
    if len(folded) < SHORT_WORDS:
        return ""
    joined, found = " ".join(folded), ""
    for exact, patterns in indexes or (_catalogue(), _published_texts()):
        if tuple(folded) in exact:
            found = max(found, LONG if exact[tuple(folded)] else SHORT)
        if len(joined) <= LONGEST:
            tried = (*patterns.get(folded[0], ()), *patterns.get("", ()))
            for pattern, long in tried:
                if pattern.fullmatch(joined):
                    found = max(found, LONG if long else SHORT)
    return found


def without_ours(lines: list[str], phrases=()) -> tuple[list[str], list[str]]:
    """(`lines` without the sentences of ours among them, those sentences); none of `phrases`,
    the key words of the phrases the intake reads (_named), is ours. A paragraph (lines
    between blank ones) is read whole, as a mail program may wrap a sentence over two lines;
    one that holds none of ours is kept as it was written; lines past READ_MOST characters too.
    A short sentence of ours
    («Трансграничная передача: нет.») is ours only beside another of ours in its paragraph
    (pieces of no words, a list's «3.», between), the first of them long: «Отзыв согласия.»
    written above our pasted mail, which names it, is the writer's."""
    held, cut = 0, len(lines)
    for at, line in enumerate(lines):
        held += len(line)
        if held > READ_MOST:
            cut = at
            break
    lines, beyond = lines[:cut], lines[cut:]
    runs, run = [], []
    for line in [*lines, ""]:
        if line.strip():
            run.append(line)
        elif run:
            runs.append(run)
            run = []
    if not any(_worded(line) for run in runs for line in run):
        return [*lines, *beyond], []
    indexes = (_catalogue(), _published_texts())  # once a letter: the latter asks the database
    paragraphs = [_as_written(run, indexes) for run in runs]
    pieces = [(at, piece) for at, found in enumerate(paragraphs) for piece in found]
    read = [is_ours(piece, indexes) if _worded(piece) else None for _, piece in pieces]
    read = ["" if found and _named(piece, phrases) else found
            for found, (_, piece) in zip(read, pieces, strict=True)]  # fmt: skip
    marked = [found == LONG for found in read]
    for order in (range(len(pieces)), reversed(range(len(pieces)))):  # each way from a long one
        beside, paragraph = False, None
        for at in order:
            if read[at] is None:
                continue
            beside = beside and pieces[at][0] == paragraph
            marked[at] = marked[at] or (beside and read[at] == SHORT)
            beside, paragraph = marked[at], pieces[at][0]
    if not any(marked):
        return [*lines, *beyond], []
    dropped = {}  # paragraph: its pieces that are ours
    for (paragraph, piece), ours in zip(pieces, marked, strict=True):
        dropped.setdefault(paragraph, []).extend([piece] if ours else [])
    kept, run, paragraph = [], [], 0
    for line in [*lines, ""]:
        if line.strip():
            run.append(line)
            continue
        if run:
            found = dropped[paragraph]
            remains = [piece.strip() for piece in paragraphs[paragraph] if piece not in found]
            kept += [" ".join(remains)] if found else run
            run, paragraph = [], paragraph + 1
        kept.append(line)
    return [*kept[:-1], *beyond], [piece for found in dropped.values() for piece in found]
    return kept, ours
