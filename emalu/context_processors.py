from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url


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
    choice = getattr(request, "analytics_choice", None)
    enabled = bool(settings.GA_MEASUREMENT_ID or settings.YANDEX_METRICA_ID)
    return {
        "analytics": {
            "enabled": enabled,
            "ask": enabled and choice is None,
            "load": enabled and choice == "accept",
            "ga_id": settings.GA_MEASUREMENT_ID,
            "ga_src": settings.GA_SCRIPT_URL,
            "ym_id": settings.YANDEX_METRICA_ID,
            "ym_src": settings.YANDEX_SCRIPT_URL,
        },
        "alternates": alternates,
        "operator_name": op["name_ru"] if lang == "ru" else op["name_kk"],
        "operator_email": op["email"],
    }
