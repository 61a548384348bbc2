"""An address of a public page as a person pasted or typed it (PastedAddressMiddleware)."""

from unicodedata import category

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import is_valid_path
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.http import escape_leading_slashes, url_has_allowed_host_and_scheme

from emalu.logline import unwrapped

# What stands after a link in a letter, a chat or a sentence and is copied with it: a closing
# bracket or quote, the sentence's punctuation, a space, in any script's typography («“» closes
# Russian „…“, «…», «—», a chat's «*»): a punctuation mark, a symbol or a space, by its Unicode
# category. Not a link key's own marks, «-», «_», the «=» that pads a newsletter link's key
# (read as pasted, «…/<key>==/» was sent to a key without it: no subscription was confirmed),
# nor a control or format character (a NUL, a right-to-left mark), which nobody pastes by chance
# and a mangled link is refused for. A list of the marks left «…/<key>/“» unread.
KEY_MARKS = frozenset("-_=/")
PASTED_CATEGORIES = ("P", "S", "Z")


class PastedAddressMiddleware:
    """A public page asked for by its address with what stood after it in a mail or a message,
    «…/my-data/open/<key>/)», «…/<key>>», «…/<key>/.», with its language in capitals,
    «/RU/contact/», or broken by a space or a line break where a mail program wrapped it (or by
    a «+», a space as a form's encoding writes it: logline.unwrapped), is sent (301) to the
    page's own address. Each was «page not found», or for a link's key «the link does not work»
    (the key read with the bracket), and the person's page or their request's confirmation did
    not open. Only a page in a language's part of the site (the
    admin's keys are its own), only a GET or HEAD (no form posts so), and only to a page the
    site has."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        meant = pasted_meant(request.path_info)
        if meant is None:
            return self.get_response(request)
        query = request.META.get("QUERY_STRING", "")
        target = escape_leading_slashes(iri_to_uri(meant) + (f"?{query}" if query else ""))
        if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
            return self.get_response(request)  # a path of the site's own, checked all the same
        return HttpResponsePermanentRedirect(target)


def pasted_meant(path: str) -> str | None:
    """The public page's address `path` was pasted or typed for, or None when it is that
    address already, or no page's."""
    first, slash, rest = path[1:].partition("/")
    language = first.lower()
    if not slash or language not in dict(settings.LANGUAGES):
        return None
    rest = unwrapped(rest)  # a long link broken over two lines where it was copied from
    written = rest.removesuffix("/")
    # «<key>/)», «<key>>/»: the key, then its «/»; a segment of nothing else, «/kk/...», is one
    kept = written
    while kept and kept[-1] not in KEY_MARKS and category(kept[-1]).startswith(PASTED_CATEGORIES):
        kept = kept[:-1]
    meant = f"/{language}/{kept if kept.strip('/') and kept != written else rest}"
    if meant == path:
        return None
    with translation.override(language):  # the pages' routes are the language's
        return next((p for p in (meant, f"{meant}/") if is_valid_path(p)), None)
