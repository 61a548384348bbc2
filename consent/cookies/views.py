from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .banner import analytics_settings, record_choice
from .models import CookieChoice


@require_POST
def cookie_choice(request):
    """The banner's form: works without JavaScript and comes back to the same page."""
    choice = request.POST.get("choice")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = redirect(target)
    if choice in CookieChoice.Choice.values:
        record_choice(request, response, choice)
    return response


@never_cache
def cookie_settings(request):
    """Reopen the banner from the footer at any time, to accept or withdraw."""
    return render(request, "cookies/cookie_settings.html", {"choice": request.analytics_choice})


@require_GET
def analytics_config(request):
    """Set-up for the analytics scripts, served by the site itself; empty unless accepted."""
    body = ""
    if getattr(request, "analytics_choice", None) == "accept":
        context = {"analytics": analytics_settings(request)}
        body = render_to_string("cookies/analytics_config.js", context)
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
