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

from django import template
from django.template.defaultfilters import stringfilter

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
# the next, in a consent text, the policy's link, a page an editor wrote. What the page shows
# holds the two in a span kept on one line (`.one-line` in site.css): the characters stay the
# ones written, so a consent text reads, copies and is read aloud as the words its grant hashed.
# A tag and its attributes (a field's value, a link), a text area (what the visitor typed, sent
# back as typed), a script and a style are passed over.
_PASSED_OVER = r"<(?P<tag>textarea|script|style|pre)\b.*?</(?P=tag)\s*>|<!--.*?-->|<[^>]*>"
_ENDING = "[а-яёәғқңөұүһі]+"
_NUMBER_AND_ENDING = re.compile(
    rf"(?P<over>{_PASSED_OVER})|(?<![\w-])\d+-{_ENDING}", re.IGNORECASE | re.DOTALL
)
_ANY_NUMBER_AND_ENDING = re.compile(rf"\d-{_ENDING}", re.IGNORECASE)


def _kept_together(match: re.Match) -> str:
    return match["over"] or f'<span class="one-line">{match[0]}</span>'


@register.filter(is_safe=True)
@stringfilter
def endings_kept(html: str) -> str:
    """`{% filter endings_kept %}…{% endfilter %}` round a page's body: each number kept on one
    line with the ending its hyphen joins to it (see above)."""
    if not _ANY_NUMBER_AND_ENDING.search(html):
        return html
    return _NUMBER_AND_ENDING.sub(_kept_together, html)
