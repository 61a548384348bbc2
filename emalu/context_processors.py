from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import override

from consent.common.i18n import localised
from consent.common.net import absolute_url
from consent.cookies.banner import analytics_settings

from .language import switch_query


def _same_page(path, lang, code):
    """`path` (shown in `lang`) in language `code`. translate_url knows only the URLconf's pages
    and hands any other path back as it was: the 404 page's switch led to itself. A path under
    the language prefix keeps its rest under the other prefix (the 404 in that language); any
    other goes to that language's home page."""
    url = translate_url(path, code)
    if url != path or code == lang:
        return url
    prefix = f"/{lang}/"
    if path.startswith(prefix):
        return f"/{code}/{path.removeprefix(prefix)}"
    with override(code):
        return reverse("home")


def site(request):
    """The operator's name and the same page in each language (switcher and hreflang). The
    switch keeps the query string (a service chosen on its page, ?service=...)."""
    lang = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    # A page shown at another page's address says so (forms_app.shown_back: the page that asks
    # for a link, shown at the address of a button pressed after its page closed): the switch
    # leads to that page in the other language, not to the button's address.
    shown_at = getattr(request, "shown_at", None)
    query = "" if shown_at else request.META.get("QUERY_STRING", "")
    alternates = []
    for code, name in settings.LANGUAGES:
        url = _same_page(shown_at or request.path, lang, code)
        alternates.append({
            "code": code,
            "name": name,
            "url": f"{url}?{query}" if query else url,
            "switch_url": f"{url}?{switch_query(query, code)}",
            "absolute_url": absolute_url(url),
            "current": code == lang,
        })  # fmt: skip
    op = settings.OPERATOR
    return {
        "analytics": analytics_settings(request),
        "alternates": alternates,
        "operator_name": localised(op, "name", lang),
        "operator_email": op["email"],
    }
