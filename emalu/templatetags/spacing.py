"""Template filters that keep the spaces a text was written with.

Django's `truncatewords` splits a text on any white space and joins the words again with plain
spaces, even when it cuts nothing: the admin's breadcrumbs (a change form, a delete
confirmation, an object's history, a password form) showed «сведения о компании» and «Ответы
на обращения и заявки» where the catalogue joins «о» and «и» to the next word with a no-break
space, and a date whole, so a one-letter word, «№», a count or half a date could end a line
there (docs/glossary.md). This library is a template builtin (stack.TEMPLATES), loaded
after Django's own: its `truncatewords` replaces theirs in every template, the admin's
included."""

import re
from collections.abc import Callable

from django import template
from django.template.defaultfilters import stringfilter

from consent.common.link_secrets import LINK_SECRET
from consent.common.text import numbered

register = template.Library()

# A space a line may break at: white space but the no-break ones, which join two words into one.
BREAKABLE_SPACE = re.compile(r"([^\S\u00a0\u202f\u2007]+)")


@register.filter(is_safe=True)
@stringfilter
def truncatewords(value: str, arg) -> str:
    """The first `arg` words of `value` and « …» if there were more, as Django's filter, but
    with each space between them as it was written: words joined by a no-break space are one
    word, never cut apart."""
    try:
        length = int(arg)
    except ValueError:
        return value  # Django's: an invalid argument leaves the text alone
    parts = BREAKABLE_SPACE.split(value.strip())  # word, space, word, …, word
    if len(parts) <= 2 * length:
        return "".join(parts)
    return "".join(parts[: 2 * length - 1]) + " …" if length > 0 else ""


@register.filter(name="numbered")
def numbered_filter(number) -> str:
    """`{{ r.reference|numbered }}`: a record's or request's number as «№ 12», its sign kept with
    it by a no-break space (consent.common.text.numbered, the one home of that sign)."""
    return numbered(number)


# A hyphen between a number and the word ending after it («8-бабы», «1-нұсқа», «10-го»): a
# browser may end a line after it, and on a 320 px phone «1-» ended one line and «нұсқа» began
# the next, in a consent text, the policy's link, a page an editor wrote. And a number after its
# noun whose phrase it ends («услуги 1.», «версия 1,», «Демо: услуга 1», «(статья 8)»): a browser
# may end a line at the space before it, and the number began the next line alone, read as a
# list's numbering or a page's. What the page shows holds each in a span kept on one line
# (`.one-line` in site.css; for the second, the space and the number, so that the noun itself
# still wraps as any word): the characters stay the ones written, so a consent text reads,
# copies and is read aloud as the words its grant hashed. A number followed by its own words
# («8 Закона», «3 года») is not alone and is left alone.
# A tag and its attributes (a field's value, a link), a text area (what the visitor typed, sent
# back as typed), a script and a style are passed over.
_PASSED_OVER = r"<(?P<tag>textarea|script|style|pre)\b.*?</(?P=tag)\s*>|<!--.*?-->|<[^>]*>"
_ENDING = "[а-яёәғқңөұүһі]+"
# A short number (a version's, an article's, a service's, a year), whole: a long one (a BIN of 12
# digits) alone on a line reads as no list's numbering, and held whole with the 200 % text of a
# phone it would be wider than the line.
_NUMBER = rf"(?<!\d)\d{{1,4}}(?:[.,:]\d{{1,4}})*(?:-{_ENDING})?(?![\d])"
# A space a line may break at, after a letter: not a no-break one, which joins already.
_SPACE_AFTER_WORD = r"(?<=[^\W\d_])[^\S\u00a0\u202f\u2007]+"
# What ends the phrase after a number: a mark (not a hyphen of a range or of another word), or
# the end of the text run (a tag: a link's, a heading's end).
_PHRASE_END = r"(?=[^\w\s-]|\s*(?:<|\Z))"
_KEPT_ON_ONE_LINE = re.compile(
    rf"{_SPACE_AFTER_WORD}{_NUMBER}{_PHRASE_END}|(?<![\w-])\d+-{_ENDING}",
    re.IGNORECASE | re.DOTALL,
)
_OVER = re.compile(_PASSED_OVER, re.IGNORECASE | re.DOTALL)
_DIGIT = re.compile(r"\d")


def _in_text(html: str, sub: Callable[[str], str], worth: Callable[[str], bool]) -> str:
    """`html` with `sub` applied to each run of text between what is passed over, a run only
    when `worth` it: nothing a pattern here matches holds a «<», so each run is matched as in
    the whole, where the page's tags, hyphens and digits by the hundred made one pattern try
    every character of every tag and attribute."""
    parts, start = [], 0
    for over in _OVER.finditer(html):
        run = html[start : over.start()]
        parts += [sub(run) if worth(run) else run, over[0]]
        start = over.end()
    run = html[start:]
    parts.append(sub(run) if worth(run) else run)
    return "".join(parts)


def _kept_together(match: re.Match) -> str:
    return f'<span class="one-line">{match[0]}</span>'


@register.filter(is_safe=True)
@stringfilter
def endings_kept(html: str) -> str:
    """`{% filter endings_kept %}…{% endfilter %}` round a page's body: each number kept on one
    line with the ending its hyphen joins to it, and with the noun it ends a phrase after (see
    above)."""
    return _in_text(html, lambda run: _KEPT_ON_ONE_LINE.sub(_kept_together, run), _DIGIT.search)


# An address shown as text, a link's («https://emaluplus-vko.kz/kk/privacy/1/», the policy's
# own words, a link in a mail) or a mailbox's («ivan-petrov@mail.kz»): a browser may end a line
# after its hyphen, and «emaluplus-» at a line's end reads as a word hyphenated, the address
# copied or typed from it as «emaluplusvko.kz», which is nobody's. Each hyphen is held on one
# line with the character after it: a line may still break before it, where the hyphen then
# begins the next line and is plainly the address's own, or, for an address longer than the
# line, anywhere the page's `overflow-wrap` lets it. On a page the hold is `.one-line`; in a
# mail, where no style sheet comes along, a style of its own. A tag (a link's href) is passed
# over, as above; an address without a hyphen is left as written, and so is a link that carries
# a secret (consent/common/link_secrets.py): held in pieces, the outbox's copy of the mail, kept
# without the secret, would keep all of it after its first hyphen; it is clicked, not copied.
_ADDRESS = re.compile(
    r"(?:https?://|www\.)[^\s<>\"«»]*[^\s<>\"«».,;:!?)]"  # a link, not the mark after it
    # A mailbox, from its first character only: tried from each, a long word without an «@»
    # (a pasted key, «1-1-1-…») took time growing with its square, on every page and mail.
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@.-])(?:[\w-]+\.)+(?:kz|қаз|ru|com|net|org)\b(?:/[^\s<>\"«»]*[^\s<>\"«».,;:!?)])?",
    re.IGNORECASE | re.DOTALL,
)
# The hyphens and what follows: a letter or a digit, or a character written as an entity whole.
_HYPHENS = re.compile(r"-+(?:&#?\w+;|\w)?")
_HELD = {
    "page": r'<span class="one-line">\g<0></span>',
    "mail": r'<span style="white-space:nowrap">\g<0></span>',
}


@register.filter(is_safe=True)
@stringfilter
def addresses_kept(html: str, where: str = "page") -> str:
    """`{% filter addresses_kept %}…` round a page's body, `addresses_kept:"mail"` round a
    mail's: no address shown as text ends a line at one of its hyphens (see above)."""
    held = _HELD[where]

    def kept(match: re.Match) -> str:
        return match[0] if LINK_SECRET.search(match[0]) else _HYPHENS.sub(held, match[0])

    return _in_text(html, lambda run: _ADDRESS.sub(kept, run), lambda run: "-" in run)
