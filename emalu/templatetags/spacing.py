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
