from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .marketing import marketing_confirm, read_token


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
