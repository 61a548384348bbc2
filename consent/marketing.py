"""Marketing consent by double opt-in: nothing is granted until the address owner confirms.

The confirmation link carries everything needed, signed and expiring; nothing about the person is
stored before they confirm, and only the one confirmation email is sent.
"""

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import gate
from .ledger import consent_grant
from .models import ConsentText, Source, Subject, Submission
from .purposes import MARKETING
from .subjects import normalise_email, subject_find
from .texts import current_text

SALT = "consent.marketing-confirm"
MAX_AGE = 7 * 24 * 3600


def marketing_request(email, name, language, request):
    """Queue the one confirmation email (call inside the submission's transaction)."""
    from .mail import queue_mail

    text = current_text(MARKETING)
    payload = {"e": normalise_email(email), "n": name, "l": language, "t": text.pk,
               "ts": timezone.now().timestamp()}  # fmt: skip
    token = signing.dumps(payload, salt=SALT, compress=True)
    url = request.build_absolute_uri(reverse("marketing_confirm", args=[token]))
    queue_mail(
        email,
        "confirm_marketing",
        {"confirm_url": url},
        language=language,
        subject=_("Please confirm your subscription"),
    )


def read_token(token):
    """The signed request, or None when forged or older than seven days."""
    try:
        return signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None


@transaction.atomic
def marketing_confirm(payload, request):
    """Grant marketing consent to the text the person was shown; a second click adds nothing.

    Returns the subject, and whether this click recorded the consent. A link older than the
    person's latest marketing event (say, an unsubscribe) records nothing: subscribing again
    takes a new double opt-in.
    """
    subject = subject_find(email=payload["e"])
    if subject is None:
        subject = Subject.objects.create(
            email=payload["e"], full_name=payload["n"] or "", language=payload["l"]
        )
    else:
        latest = gate.latest_events(subject).get(MARKETING)
        if latest is not None and latest.at.timestamp() >= payload.get("ts", 0):
            return subject, False
    text = ConsentText.objects.select_related("policy").get(pk=payload["t"])
    Submission.objects.create(
        subject=subject,
        source=Source.NEWSLETTER_FORM,
        language=payload["l"],
        data={"email": payload["e"], "full_name": payload["n"], "double_opt_in": True},
    )
    consent_grant(
        subject,
        text,
        language=payload["l"],
        source=Source.NEWSLETTER_FORM,
        full_name=payload["n"] or payload["e"],
        request=request,
    )
    return subject, True
