"""The banner's wording as the visitor read it: rendered in the page's language from the same
template the banner shows (cookies/_banner_wording.html), kept once per wording
(models.BannerWording) and named by each answer.

The banner posts back the SHA-256 of the words it showed (SHOWN_FIELD), as a consent's box posts
the words beside it (core/digests.py): an acceptance is taken only to those words. A page opened
before a release or a setting changed the banner (another service, another recipient) showed
other words than the site would now keep: the banner asks again (compliance L19)."""

import re

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from consent.core.texts import sha256

from .models import BannerWording

WORDING_TEMPLATE = "cookies/_banner_wording.html"
# The hidden field of the banner holding the SHA-256 of the words it shows.
SHOWN_FIELD = "banner_shown"


def wording_text(language: str, services: list[tuple[str, str]]) -> str:
    """The banner's words in `language`, a paragraph or list item a line, without markup."""
    with translation.override(language):
        html = render_to_string(WORDING_TEMPLATE, {"analytics": {"services": services}})
    lines = (
        " ".join(strip_tags(line).split()) for line in re.split(r"<(?:/p|/h2|/li|/summary)>", html)
    )
    return "\n".join(line for line in lines if line)


def answered_language(request: HttpRequest) -> str:
    """The language of the page the banner was answered on: the banner's form names that page
    (`next`; its own address has no language in it), a page's own form is that page."""
    page = translation.get_language_from_path(request.POST.get("next", ""))
    language = page or translation.get_language()
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def wording_digest(language: str, services: list[tuple[str, str]]) -> str:
    """The SHA-256 of the banner's words in `language`: what the banner shows and posts back,
    and what its kept wording is found by."""
    return sha256(wording_text(language, services))


def words_as_shown(request: HttpRequest, services: list[tuple[str, str]]) -> bool:
    """Whether the answer of `request` was given to the words the site would keep for it: the
    banner's posted digest (SHOWN_FIELD) is theirs. None posted, or another, is not."""
    posted = request.POST.get(SHOWN_FIELD, "")
    return posted == wording_digest(answered_language(request), services)


def wording_answered(request: HttpRequest, services: list[tuple[str, str]]) -> BannerWording:
    """The kept wording the visitor of `request` answered, made on its first answer."""
    language = answered_language(request)
    text = wording_text(language, services)
    digest = sha256(text)  # as a consent text's: anyone may check it against the words kept
    # Two first answers at once: get_or_create takes the row the other one made.
    defaults = {"language": language, "text": text}
    return BannerWording.objects.get_or_create(digest=digest, defaults=defaults)[0]
