from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from consent.common.errors import FORM_FROM_ELSEWHERE, error_page
from consent.common.net import sent_from_this_site

from .banner import BUSY, WORDS_CHANGED, analytics_settings, record_choice
from .models import CookieChoice

# The header the banner's script sends: answer without a page to go back to.
IN_PLACE = "fetch"
# The query the banner's own form comes back to the cookie settings page with, when an acceptance
# was not taken (banner.log_choice): the page's banner says why (its value, banner.BUSY or
# banner.WORDS_CHANGED).
NOT_TAKEN = "not-taken"
# What the banner's script is answered when an acceptance is not taken: too many answers, or
# words other than those shown (the script then posts the form, whose page says so).
NOT_TAKEN_STATUS = {BUSY: 429, WORDS_CHANGED: 409}


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def cookie_choice(request):
    """The banner's form: works without JavaScript and comes back to the same page; with it, the
    answer is sent from the page and gets an empty 204, so the page stays as it is. Its address
    opened in the browser (typed, or a link) gets the page where the choice is made, not an
    empty 405.

    It carries no CSRF token, which would make every page it is on one visitor's own and keep
    the proxy from serving it to the next (docs/deploy/nginx.conf); where the answer comes from
    is checked instead, so no other site can answer for a visitor."""
    if request.method != "POST":
        return redirect("cookie_settings")
    # A path on this site, and only a path: redirect() would read "home" or "staff_enrol" as the
    # name of a URL (and answer 500 for a name it does not know).
    target = request.POST.get("next", "")
    if not target.startswith("/"):
        target = "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    if not sent_from_this_site(request):
        # Told as the CSRF check tells it of any other form, in the language of the page the
        # banner was on: this address names none, and a Russian page's visitor read the Kazakh
        # (or their browser's language's) «Access denied», which says nothing of what to do.
        language = translation.get_language_from_path(target) or translation.get_language()
        with translation.override(language):
            refused = error_page(request, 403, FORM_FROM_ELSEWHERE)
        refused["Content-Language"] = language
        return refused
    choice = request.POST.get("choice")
    if request.headers.get("X-Requested-With") == IN_PLACE:
        # The banner's script (static/js/cookie-banner.js), which stays on the page: the same
        # answer without the page again, so a form the visitor was filling in keeps what they typed.
        if choice not in CookieChoice.Choice.values:
            return HttpResponseBadRequest()
        response = HttpResponse(status=204)
    else:
        response = HttpResponseRedirect(target)
    if choice in CookieChoice.Choice.values and not record_choice(request, response, choice):
        # An acceptance not taken (banner.log_choice): not «done», which removed the banner as if
        # it were, but the banner again, saying why (cookies/_banner.html).
        reason = request.cookie_not_taken
        if request.headers.get("X-Requested-With") == IN_PLACE:
            return HttpResponse(status=NOT_TAKEN_STATUS[reason])
        with translation.override(translation.get_language_from_path(target)):
            settings_page = reverse("cookie_settings")  # in the page's language
        return redirect(f"{settings_page}?{NOT_TAKEN}={reason}")
    return response


@never_cache
def cookie_settings(request):
    """Reopen the banner from the footer at any time, to accept or withdraw; after an acceptance
    not taken (?not-taken), the banner says why."""
    reason = request.GET.get(NOT_TAKEN)
    request.cookie_not_taken = reason if reason in NOT_TAKEN_STATUS else None
    context = {"choice": request.analytics_choice, "banner_is_content": True}
    return render(request, "cookies/cookie_settings.html", context)


@require_safe
def analytics_config(request):
    """Set-up for the analytics scripts, served by the site itself; empty unless accepted."""
    body = ""
    if getattr(request, "analytics_choice", None) == "accept":
        context = {"analytics": analytics_settings(request)}
        body = render_to_string("cookies/analytics_config.js", context)
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
