from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url

from consent.common.i18n import localised
from consent.cookies.banner import analytics_settings


def _absolute(request, url):
    try:
        return request.build_absolute_uri(url)
    except DisallowedHost:  # the 400 page for a forged Host header still renders
        return url


def site(request):
    """The operator's name and the same page in each language (switcher and hreflang)."""
    lang = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    path = request.path
    alternates = [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "absolute_url": _absolute(request, translate_url(path, code)),
            "current": code == lang,
        }
        for code, name in settings.LANGUAGES
    ]
    op = settings.OPERATOR
    return {
        "analytics": analytics_settings(request),
        "alternates": alternates,
        "operator_name": localised(op, "name", lang),
        "operator_email": op["email"],
    }
