from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from emalu.context_processors import site

from .campaigns import read_unsubscribe_token, unsubscribe
from .cookies import record_choice
from .marketing import marketing_confirm, read_token
from .models import CookieChoice, Request
from .requests import read_verify_token, request_verify


@never_cache
def confirm_marketing(request, token):
    """The double opt-in link: GET shows a button (link scanners follow GETs); POST confirms."""
    payload = read_token(token)
    if payload is None:
        return render(request, "consent/confirm_marketing.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        _, created = marketing_confirm(payload, request)
        return render(
            request, "consent/confirm_marketing.html", {"state": "done" if created else "already"}
        )
    return render(request, "consent/confirm_marketing.html", {"state": "ask"})


@never_cache
def verify_request(request, token):
    """The requester's confirmation link: GET shows a button, POST confirms (legal item 9)."""
    pk = read_verify_token(token)
    req = Request.objects.filter(pk=pk).select_related("subject").first() if pk else None
    if req is None:
        return render(request, "consent/verify_request.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        request_verify(req)
        return render(request, "consent/verify_request.html", {"state": "done", "req": req})
    return render(request, "consent/verify_request.html", {"state": "ask", "req": req})


@csrf_exempt  # RFC 8058: mail clients POST without cookies; the signed token is the credential
@never_cache
def unsubscribe_view(request, token):
    """One-click unsubscribe: GET asks (link scanners follow GETs), POST unsubscribes."""
    ids = read_unsubscribe_token(token)
    if ids is None:
        return render(request, "consent/unsubscribe.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        unsubscribe(ids[0], request)
        return render(request, "consent/unsubscribe.html", {"state": "done"})
    return render(request, "consent/unsubscribe.html", {"state": "ask"})


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
    return render(request, "consent/cookie_settings.html", {"choice": request.analytics_choice})


@require_GET
def analytics_config(request):
    """Set-up for the analytics scripts, served by the site itself; empty unless accepted."""
    body = ""
    if getattr(request, "analytics_choice", None) == "accept":
        context = {"analytics": site(request)["analytics"]}
        body = render_to_string("consent/analytics_config.js", context)
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
