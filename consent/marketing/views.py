from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from consent.common.pagecache import shared_page

from .campaigns import read_unsubscribe_token, unsubscribe
from .optin import marketing_confirm, read_token


@never_cache
def confirm_marketing(request, token):
    """The double opt-in link: GET shows a button (link scanners follow GETs); POST confirms."""
    payload = read_token(token)
    if payload is None:
        return render(request, "marketing/confirm_marketing.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        _, created = marketing_confirm(payload, request)
        return render(
            request, "marketing/confirm_marketing.html", {"state": "done" if created else "already"}
        )
    return render(request, "marketing/confirm_marketing.html", {"state": "ask"})


@csrf_exempt  # RFC 8058: mail clients POST without cookies; the signed token is the credential
@never_cache
def unsubscribe_view(request, token):
    """One-click unsubscribe: GET asks (link scanners follow GETs), POST unsubscribes."""
    ids = read_unsubscribe_token(token)
    if ids is None:
        return render(request, "marketing/unsubscribe.html", {"state": "invalid"}, status=400)
    if request.method == "POST":
        unsubscribe(ids[0], request)
        return shared_page(
            request,
            lambda slots: render(request, "marketing/unsubscribe.html", {"state": "done", **slots}),
            name="unsubscribed",
        )
    return render(request, "marketing/unsubscribe.html", {"state": "ask"})
