"""Personal data leaving the desk as a file: the response to a download (an operation of
disclosure.py turned into bytes or into the reason it was refused), and the links to them, which a
blocked person's pages replace by the reason and what lifts it."""

from cryptography.fernet import InvalidToken
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from consent.core.models import Subject

from .. import disclosure
from .gone import person_gone_or_404


def links_or_reason(subject: Subject | int, links: SafeString) -> SafeString:
    """The download links of a person's page, or, while their processing is blocked, what the
    officer would be refused on pressing one (disclosure.download_refusal) in its place: before,
    each link was offered and each press answered by a refusal."""
    refusal = disclosure.download_refusal(subject)
    if refusal is None:
        return links
    return format_html('<span class="download-refused">{}</span>', refusal)


def released(request, subject, release, *, filename, content_type):
    """The response for personal data leaving the system through `release()` (an operation of
    disclosure.py), or the person's page with the reason it was refused."""
    try:
        body = release()
    except disclosure.ProcessingBlocked as refusal:
        messages.error(request, refusal.message)
        return redirect("admin:consent_subject_change", subject.pk)
    except disclosure.PersonGone:  # destroyed while this one waited: said when, under which
        return person_gone_or_404(request, subject.pk)
    except InvalidToken:  # a photo stored before encryption, or under a key no longer set
        messages.error(request, _(
            "The photo cannot be decrypted: run manage.py encrypt_photos "
            "with every key it may be under in MEDIA_ENCRYPTION_KEY."
        ))  # fmt: skip
        return redirect("admin:consent_subject_change", subject.pk)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def photo_response(request, owner, file):
    """A stored photo for staff: always a download, never rendered by the browser
    (compliance T10)."""
    if not file:
        raise PermissionDenied
    response = released(
        request, owner, lambda: disclosure.subject_photo(owner, file, actor=request.user),
        filename=f"photo-{owner.pk}.jpg", content_type="image/jpeg",
    )  # fmt: skip
    if response.status_code == 200:
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        response["Cache-Control"] = "no-store"
    return response
