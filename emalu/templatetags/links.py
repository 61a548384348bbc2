"""`urlize` as a Kazakh or Russian writer needs it (a template builtin, stack.TEMPLATES, as
`spacing` is): the links a marketer writes in a campaign or an officer in an answer.

Django's filter takes only brackets for punctuation around an address, and a bare domain only
under the seven original gTLDs. In Kazakh and Russian an address is quoted «…» or „…“, and this
company's is a .kz one: «https://emaluplus-vko.kz/kk/» and emaluplus-vko.kz/kk/services/ were
left as plain text in the mail's HTML, which most readers see, so nothing could be clicked."""

import re
from functools import lru_cache

from django import template
from django.core.validators import DomainNameValidator
from django.template.defaultfilters import stringfilter
from django.utils.functional import cached_property
from django.utils.html import Urlizer
from django.utils.safestring import mark_safe

register = template.Library()


class ReadersUrlizer(Urlizer):
    """Django's Urlizer, with the quotation marks of Kazakh, Russian and English around an
    address, and Kazakhstan's .kz domains written without a scheme."""

    wrapping_punctuation = [*Urlizer.wrapping_punctuation, ("«", "»"), ("„", "“"), ("“", "”")]

    @cached_property
    def simple_url_2_re(self) -> re.Pattern:
        # Compiled at its first link, as Django's own is: the hostname's Unicode ranges under
        # IGNORECASE took 20 ms, paid by every process that loads the templates' builtins.
        return re.compile(
            rf"^www\.|^(?!http)(?:{DomainNameValidator.hostname_re})"
            rf"(?:{DomainNameValidator.domain_re})"
            r"\.(com|edu|gov|int|mil|net|org|kz)($|/.*)$",
            re.IGNORECASE,
        )


_urlize = ReadersUrlizer()


# The texts linked again and again are a form's consent texts, the same words at each showing
# of the form (1.8 ms a text of 1,400 characters, three or four a form): each is linked once a
# process. Typed: a text marked safe is linked unescaped, the same words unmarked escaped. A
# longer text (a letter, a campaign) is linked as it comes, so that the cache stays small.
LINKED_KEPT_UP_TO = 5000


@lru_cache(maxsize=256, typed=True)
def _linked(value: str, autoescape: bool) -> str:
    return _urlize(value, nofollow=True, autoescape=autoescape)


@register.filter(is_safe=True, needs_autoescape=True)
@stringfilter
def urlize(value: str, autoescape: bool = True) -> str:
    """Django's `urlize` (rel="nofollow", the text escaped), by ReadersUrlizer."""
    # Safe as Django's own filter is: the Urlizer escapes every word it does not link, and
    # the address of each link it makes.
    if len(value) <= LINKED_KEPT_UP_TO:
        linked = _linked(value, autoescape)
    else:
        linked = _urlize(value, nofollow=True, autoescape=autoescape)
    return mark_safe(linked)  # noqa: S308  # nosec B308 B703  # nosemgrep: emalu-mark-safe-non-literal


# A tag, and the elements whose text is never linked: a link already, or code as written. A
# quoted attribute's value may hold «>» (a picture's description written in HTML): read up to
# the first «>», the tag ended inside it and the address after it was linked inside the tag.
# One left open runs to the end (nothing after it linked; nh3 then writes it as text): each
# «<» read once, where a tag never closed was read again from each «<» in it, in 20 s for 80 KB.
_TAG = re.compile(
    r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[^>"']++|"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z))*+(?:>|\Z)"""
)
_UNLINKED = {"a", "code", "pre"}


def linked_in_html(html: str) -> str:
    """`html` (Markdown rendered, before it is sanitised) with each address in its text a link,
    as `urlize` makes one: the editor's «https://emaluplus-vko.kz/kk/» or «em.alu.plus@mail.kz»
    in a page was plain text, Markdown linking only «<…>» and «[…](…)». The text of a link or
    of code is left as written."""
    parts, start, inside = [], 0, 0
    for tag in _TAG.finditer(html):
        run = html[start : tag.start()]
        parts += [run if inside else _urlize(run, autoescape=False), tag[0]]
        if tag[2].lower() in _UNLINKED:
            inside = max(0, inside + (-1 if tag[1] else 1))
        start = tag.end()
    run = html[start:]
    parts.append(run if inside else _urlize(run, autoescape=False))
    return "".join(parts)
