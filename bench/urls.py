from pathlib import Path

from django.db import transaction
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from consent.core.models import AuditEvent
from emalu.urls import urlpatterns as site

ROOT = Path(__file__).resolve().parents[1]
BODY = {}


def bare_get(request, name):
    """The same bytes as the page `name` (saved by the bench), straight from a view."""
    if name not in BODY:
        BODY[name] = (ROOT / "var" / f"bench-{name}.html").read_bytes()
    return HttpResponse(BODY[name], content_type="text/html; charset=utf-8")


@csrf_exempt
def bare_insert(request):
    """One ORM insert in one transaction per POST: the floor for a form that stores its rows
    atomically (issue 21 compares the contact form with this)."""
    with transaction.atomic():
        AuditEvent.objects.create(action=AuditEvent.Action.SUBMISSION)
    return HttpResponse(status=302, headers={"Location": "/kk/contact/thanks/"})


urlpatterns = [
    path("bare/<str:name>", bare_get),
    path("bare-insert", bare_insert),
    *site,
]
