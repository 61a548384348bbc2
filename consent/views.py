from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from .campaigns import read_unsubscribe_token, unsubscribe
from .marketing import marketing_confirm, read_token
from .models import Request
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
