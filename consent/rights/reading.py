"""What the person wrote in an email, apart from what it quotes, signs off or forwards, and the
text an HTML-only body shows. The intake (intake.py) looks for a request's phrase there."""

import itertools
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser

import nh3

from . import notices, our_words, postscripts, spelling

QUOTE_MARK = re.compile(r"^\s*> ?")  # one level of a quote, and the space after its «>»
# The line that introduces a quote: «On … wrote:», «… написал(а):», «… пишет:», «… жазды:»
# (the verb also in Latin letters, read as the Cyrillic it stands for: «napisal(a):», «jazdy:»),
# or Mail.ru's and Yandex's «… <address>:» (Mail.ru's «… от address:» without a name).
# Each begins only where a word or an address does (the lookbehind, «(^|\s)»), an address's
# domain holds no «@», and no two runs of spaces meet: a pattern free to start anywhere in a
# long run of letters, to try every «@» of one for the domain, or to split spaces between two
# «\s*», took time growing with the square of the line (a letter of one 20,000-letter line:
# 36 s; of 1 MB: a day), and the intake stopped at that letter, every run.
ATTRIBUTION_VERB = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\s*(?:\((?:а|a)\)\s*)?:\s*$")
# Folded (spelling.fold); «написал» with its endings (написала, написали).
ATTRIBUTION_VERBS = frozenset({"wrote", "пишет", "жазды", "жазган"})
QUOTE_ADDRESS = re.compile(r"(<[^<>\s]+@[^<>\s@]+>|(^|\s)[^<>\s]+@[^<>\s@]+\.\w+)\s*:\s*$")
SIGNATURE = re.compile(
    r"^\s*(--|—|__)\s*$|^\s*(best regards|kind regards|regards|sent from|get outlook for|"
    r"получите outlook|скачайте outlook)\b",
    re.IGNORECASE,
)
# How a signature or a mobile footer begins, folded (spelling.fold): in Cyrillic, or in Latin
# letters as spelling.words() reads them («S uvazheniem», «Qurmetpen»).
SIGN_OFFS = (
    "с уважением", "с наилучшими пожеланиями", "всего доброго", "всего хорошего", "курметпен",
    "изги тилекпен", "отправлено из", "отправлено с", "отправлено через", "жиберилди",
)  # fmt: skip
SIGN_OFFS_WORDS = tuple(f"{sign_off} " for sign_off in SIGN_OFFS)  # each as whole words
# A Kazakh mobile footer ends in the verb: «iPhone құрылғысынан жіберілді» (folded), in a line
# of at most FOOTER_WORDS words.
FOOTER_VERB = "жиберилди"
FOOTER_WORDS = 6
# How much of a line is read for a sign-off or a footer: far more than either takes.
SIGN_OFF_CHARS = 200
# No run of spaces shared by two quantifiers: one was tried at every split (its length squared).
FORWARD_MARKER = re.compile(
    r"^[-_=*\s]*(forwarded message|original message|begin forwarded message|"
    r"пересылаемое сообщение|пересланное сообщение|исходное сообщение|пересылаемое письмо|"
    r"пересланное письмо|начало переадресованного сообщения|начало переадресованного письма|"
    r"жіберілген хат|қайта жіберілген хат|бастапқы хат|"
    r"жіберілген хабар|қайта жіберілген хабар|бастапқы хабар)"
    r"[-_=*\s]*(?::\s*)?$",
    re.IGNORECASE,
)
# The fields of a quoted or forwarded head, as mail programs name them in English, Russian and
# Kazakh, the Kazakh ones in their possessive and compound forms too («Тақырыбы», «Жіберілген
# уақыты»): a head written so was read as the person's own words, and a request it quoted from
# someone else was carried out on the sender's record.
HEADER_LINE = re.compile(
    r"^\s*\**(from|от|от кого|отправитель|кімнен|жіберуші|sent|date|дата|дата отправки|"
    r"отправлено|күні|жіберілді|жіберілген|жіберілген күні|жіберілген уақыты|to|кому|"
    r"получатель|получатели|кімге|алушы|алушылар|cc|bcc|копия|скрытая копия|көшірме|reply-to|"
    r"subject|тема|тақырып|тақырыбы)\**\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
SUBJECT_HEADER = re.compile(r"^\s*\**(subject|тема|тақырып|тақырыбы)\**\s*:", re.IGNORECASE)
SENDER_HEADER = re.compile(
    r"^\s*\**(from|от|от кого|отправитель|кімнен|жіберуші)\**\s*:\s*\S", re.IGNORECASE
)
# A field of a head whose name no list holds («Жіберілген уақыты:», «Datum:»): a name of one to
# three words, then its value. Read only right after a sender's field.
ANY_FIELD = re.compile(r"^\s*\**[^\W\d_]+(?:[ -][^\W\d_]+){0,2}\**\s*:\s*\S")


@dataclass(frozen=True)
class Reading:
    """What the person wrote in a message, apart from what it quotes or forwards."""

    own: list[str]  # their own lines, signature left out
    forwarded_subject_line: str = ""  # of a message forwarded without a word around it
    forwarded: "Reading | None" = None  # a message forwarded without a word around it
    forwarded_sender: str = ""  # its From (or attribution) lines as written, casefolded
    rest: str = ""  # the quoted and forwarded text: for the language, when theirs says nothing
    below: "Reading | None" = None  # a letter forwarded under their words: forwarded_read's


def read_own(
    body: str, *, operator: tuple[str, ...] = (), depth: int = 0, most: int | None = None
) -> Reading:
    """Split a body (plain text) into the person's own lines and the rest. A message forwarded
    under nothing the person wrote is read as theirs (its subject and own lines), unless our own
    address sent it: a pure forward of our mail names what we wrote, not what they ask. With
    `most`, reading stops once the own lines hold more characters than that (the ends of lines
    aside), for a caller that asks only whether they fit in so many."""
    lines, own, in_signature, held = body.split("\n"), [], False, 0
    for index, line in enumerate(lines):
        marker = FORWARD_MARKER.match(QUOTE_MARK.sub("", line, count=1))
        if our_words.QUOTED.match(line) and not marker:
            # Quoted: nobody's head or sign-off here ends what they wrote (an interleaved reply
            # goes on below a quoted «С уважением»), and a long thread costs a look a line.
            continue
        if marker or _header_block_at(lines, index):
            rest = "\n".join(lines[index:])
            forwarded = _unquoted_forward(lines[index:]) if marker else lines[index:]
            head = Reading(own, forwarded_sender=_head(forwarded)[1], rest=rest)
            if depth:  # a forward in a forward: its head read, its text not (1,000 deep: a crash)
                return head
            found = _forwarded(forwarded, operator=operator, depth=depth, rest=rest)
            return replace(head, below=found) if any(line.strip() for line in own) else found
        if _attribution(line) and not _quoted_after(lines, index) and _dated(lines, index):
            # The earlier message pasted below the attribution without «>» (Outlook, many
            # phones): none of the rest is theirs. Quoted with «>», lines after the quote are.
            return Reading(own, rest="\n".join(lines[index:]))
        in_signature = postscripts.signed(in_signature, line)  # a P.S.'s paragraph: theirs
        if not in_signature and _signature(line):
            in_signature = True
        elif not in_signature and (notice := _notice(lines, index, own)) is not None:
            own.append(line[:notice])
            in_signature = "notice"  # a legal notice: no postscript follows it that is theirs
        elif not (in_signature or _attribution(line)):
            own.append(line)
            held += len(line.strip())
            if most is not None and held > most:
                return Reading(own)
    quoted = "\n".join(line for line in lines if our_words.QUOTED.match(line))
    return Reading(own, rest=quoted)


def read_asked(body: str, *, operator: tuple[str, ...] = (), phrases=()) -> Reading:
    """What the person wrote (read_own), as read for what they ask: our own sentences pasted
    or sent back without a quote mark, or wrapped out of a quote (our_words.py), set aside as
    quoted, here and in a message they forward; none of `phrases` (those the intake reads,
    phrases.Phrase) is ours."""
    phrases = [phrase.words for phrase in phrases]
    reading = read_own(our_words.requoted(body), operator=operator)  # a quote's wrapped lines
    own, ours = our_words.without_ours(reading.own, phrases)
    forwarded, below = reading.forwarded, reading.below
    if forwarded is not None:
        forwarded_own, forwarded_ours = our_words.without_ours(forwarded.own, phrases)
        forwarded, ours = replace(forwarded, own=forwarded_own), ours + forwarded_ours
    if below is not None and below.forwarded is not None:
        below_own, below_ours = our_words.without_ours(below.forwarded.own, phrases)
        below = replace(below, forwarded=replace(below.forwarded, own=below_own))
        ours += below_ours
    rest = "\n".join([*ours, reading.rest]) if ours else reading.rest
    return replace(reading, own=own, forwarded=forwarded, rest=rest, below=below)


def _attribution(line):
    """Whether the line introduces a quote (ATTRIBUTION_VERB, QUOTE_ADDRESS)."""
    if not line.rstrip().endswith(":"):  # both end so: searched for nothing, a long line cost
        return False
    if QUOTE_ADDRESS.search(line):
        return True
    found = ATTRIBUTION_VERB.search(line)
    if not found:
        return False
    word = found[1].casefold()
    if word != "wrote":
        word = spelling.fold(spelling.words(word)[0])
    return word in ATTRIBUTION_VERBS or word.startswith("написал")


def _quoted_after(lines, index):
    """Whether the first line with text after lines[index] is quoted with «>»."""
    # Line by line, not a slice: a copy of the rest of the letter for each attribution line took
    # time growing with the square of a letter of many («a@b.kz:» and «> x» in turn, 1 MB: 24 s).
    following = next((lines[at] for at in range(index + 1, len(lines)) if lines[at].strip()), "")
    return bool(our_words.QUOTED.match(following))


def _dated(lines, index):
    """Whether the attribution at lines[index] (wrapped over the line before, as Gmail writes a
    long one) names a date or an address, as mail programs write it: «я написал:» in a letter
    does not cut off the lines after it."""
    return bool(re.search(r"\d|@", " ".join(lines[max(0, index - 1) : index + 1])))


def _signature(line):
    """Whether the line begins a signature or a mail program's footer (SIGNATURE, SIGN_OFFS).
    Both are a few words: a longer line is read for a sign-off at its start only (its words
    read whole, a line of 20 MB held the intake for a minute)."""
    if SIGNATURE.match(line):
        return True
    line = line.lstrip()
    read = [spelling.fold(word) for word in spelling.words(line[:SIGN_OFF_CHARS])]
    whole = len(line) <= SIGN_OFF_CHARS
    if whole and read and read[-1] == FOOTER_VERB and len(read) <= FOOTER_WORDS:
        return True
    return f"{' '.join(read[:3])} ".startswith(SIGN_OFFS_WORDS)


def _notice(lines, index, own):
    """Where in lines[index] a legal notice under what they wrote begins (notices.py): none of
    it is theirs, nor what follows. Only under words of theirs: a letter that is all «если вы
    получили это письмо по ошибке, …» is theirs, whatever it asks."""
    notice = notices.notice_at(lines, index)
    if notice is None or not (lines[index][:notice].strip() or any(map(str.strip, own))):
        return None
    return notice


def _header_block_at(lines, index):
    """Two header lines in a row (blank lines between allowed): a forwarded or original
    message's head, as Outlook and most mail programs write it."""
    if not HEADER_LINE.match(lines[index]):
        return False
    following = [line for line in lines[index + 1 : index + 4] if line.strip()]
    if not following:
        return False
    if SENDER_HEADER.match(lines[index]):  # «От: …» then any field: a head
        return bool(ANY_FIELD.match(following[0]))
    return bool(HEADER_LINE.match(following[0]))


def _head(lines):
    """(subject line, sender lines casefolded, index of the first body line) of a forwarded or
    quoted message's head at lines[0]."""
    at = 1 if FORWARD_MARKER.match(lines[0]) else 0
    subject_line, sender = "", ""
    while at < len(lines) and (
        not lines[at].strip() or HEADER_LINE.match(lines[at]) or _attribution(lines[at])
    ):
        if SUBJECT_HEADER.match(lines[at]):
            subject_line = HEADER_LINE.match(lines[at]).group("value")
        elif SENDER_HEADER.match(lines[at]) or _attribution(lines[at]):
            sender += lines[at].casefold()
        at += 1
    return subject_line, sender, at


def _unquoted_forward(lines):
    """A forwarded message at lines[0] (its marker) without the «>» Apple Mail puts before each
    of its lines, and the marker too in newer versions («> От кого: …»): so quoted, its head named
    no sender and its text was nobody's. As written if the line after the marker is unquoted."""
    if not (our_words.QUOTED.match(lines[0]) or _quoted_after(lines, 0)):
        return lines
    return [QUOTE_MARK.sub("", line, count=1) for line in lines]


def _forwarded(lines, *, operator, depth, rest):
    subject_line, sender, at = _head(lines)
    if any(address in sender for address in operator):
        return Reading([], rest=rest)
    inner = read_own("\n".join(lines[at:]), operator=operator, depth=depth + 1)
    return Reading(
        [], forwarded_subject_line=subject_line, forwarded=inner, forwarded_sender=sender, rest=rest
    )


class _HtmlText(HTMLParser):
    """The text an HTML body shows: one line per block, quoted blocks as "> " lines, no
    scripts, styles or head."""

    BLOCKS = frozenset(
        ("address", "article", "aside", "br", "dd", "div", "dl", "dt", "footer", "form", "h1",
         "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
         "table", "td", "th", "tr", "ul")
    )  # fmt: skip
    HIDDEN = frozenset({"head", "script", "style", "template", "title"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.line, self.hidden, self.quoted = [], "", 0, 0

    def _break(self):
        if self.line.strip():
            self.lines.append(("> " if self.quoted else "") + " ".join(self.line.split()))
        elif self.lines and self.lines[-1]:
            self.lines.append("")
        self.line = ""

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "blockquote":
            self._break()
            self.quoted += 1
        elif tag in self.BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "blockquote":
            self._break()
            self.quoted = max(0, self.quoted - 1)
        elif tag in self.BLOCKS:
            self._break()

    def handle_data(self, data):
        if not self.hidden:
            self.line += data

    def text(self):
        self._break()
        return "\n".join(self.lines)


# The most tags (start or end) of a letter's markup its HTML parser reads as tags. The parser
# looks through every element still open at most tags, so its time grows with the square of the
# elements nested: «<div>» 100,000 times (500 kB, a letter takes 25 MB) held the intake for 35 s,
# a million for hours, and a closed «<div></div>» under as many other open tags as well. Real
# letters, a newsletter quoted under a reply, hold a few thousand; read so, the worst of them
# takes a fraction of a second.
MOST_TAGS = 3_000
_TAG = re.compile(r"</?[A-Za-z]")
_TAG_WHOLE = re.compile(r"</?[A-Za-z][^<>]*>?")  # up to the next «<»: linear


def tags_bounded(html: str) -> str:
    """`html` with its first MOST_TAGS tags and, after them, the text alone: what followed is
    read inside the blocks open there (a quote's rest stays quoted)."""
    past = next(itertools.islice(_TAG.finditer(html), MOST_TAGS, None), None)
    if past is None:
        return html
    return html[: past.start()] + _TAG_WHOLE.sub(" ", html[past.start() :])


def html_text(html: str) -> str:
    """What an HTML body says, as plain lines (quoted blocks as "> " lines). The markup is first
    made well-formed by nh3 (an HTML5 parser, as browsers read it), keeping only the blocks and
    nothing of what is not shown: Python's HTMLParser read malformed markup in time growing with
    its square («<a '» 25,000 times, 100,000 characters: 54 s; «<!--» so: 5 s), and the intake
    read nothing else meanwhile, at every run until it was through. Only MOST_TAGS of its tags
    are read as tags (tags_bounded)."""
    shown = nh3.clean(tags_bounded(html), tags={*_HtmlText.BLOCKS, "blockquote"}, attributes={},
                      clean_content_tags=set(_HtmlText.HIDDEN), link_rel=None)  # fmt: skip
    parser = _HtmlText()
    parser.feed(shown)
    parser.close()
    return parser.text()


# A letter's body that is HTML as it was stored (letters.read_letter keeps the markup): it
# begins with a tag, as mail programs write an HTML body; a plain letter that writes «<div>»
# in its text is read as written.
MARKUP = re.compile(r"\s*<(!doctype|html|head|meta|body|div|p|br|span|table|font|style)\b", re.I)


def as_read(message: str) -> str | None:
    """The text a stored letter shows when its body is HTML (an HTML-only letter is stored as it
    came, head, styles and all): its subject line, then the body as html_text reads it; None
    for a plain text letter, which reads as it is stored."""
    if MARKUP.match(message or ""):  # no subject line: the body alone
        return html_text(message)
    subject_line, blank, body = (message or "").partition("\n\n")
    if not (blank and MARKUP.match(body)):
        return None
    return f"{subject_line}\n\n{html_text(body)}"
