"""A person's page, a download of theirs or the form that opens a request for them, reached after
their data was destroyed (a tab opened before, a digest's link, an audit row's): Django said
«Data subject with ID “12” doesn't exist. Perhaps it was deleted?» and the downloads and the
form «404 Not Found», which an officer on the phone with the person cannot tell from a typing
mistake. The desk says when the data was destroyed and under which request, from the record
of its destruction (Tombstone), and opens that record."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from consent.common.dates import reader_time
from consent.common.text import numbered, whole_number
from consent.core.models import Tombstone

DESTROYED_TOLD = _(
    "The data of data subject %(number)s was destroyed at %(time)s under request %(ref)s: "
    "nothing of theirs is held any more."
)


def person_gone(request: HttpRequest, number: object) -> HttpResponse | None:
    """For a person's number whose data was destroyed: the officer told so, on the record of
    its destruction (the people list for staff who may not read those records); None for a
    number no one had."""
    pk = whole_number(str(number))
    destroyed = Tombstone.objects.filter(kind=Tombstone.Kind.SUBJECT, subject_ref=pk)
    tombstone = destroyed.order_by("-id").first() if pk is not None else None
    if tombstone is None:
        return None
    told = {"number": numbered(pk), "time": reader_time(tombstone.at), "ref": tombstone.request_ref}
    messages.warning(request, str(DESTROYED_TOLD) % told)
    if request.user.has_perm("consent.view_tombstone"):
        return redirect("admin:consent_tombstone_change", tombstone.pk)
    return redirect("admin:consent_subject_changelist")


def person_gone_or_404(request: HttpRequest, number: object) -> HttpResponse:
    """`person_gone`, or Django's «Not Found» for a number no one had."""
    if (told := person_gone(request, number)) is not None:
        return told
    raise Http404
