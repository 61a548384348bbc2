"""Why a self-service link (a person's or a parent's: selfservice.link_spend) opens nothing, as
its page tells the visitor: used already, and when (opened in another browser, or a second
time); past its hour; or anything else (damaged, or mailed to an address its person no longer
holds). Only a link this site signed is told it was used or expired: a guessed one learns
nothing, and the answer names no one."""

import uuid
from datetime import datetime

from django.core import signing

from .models import UsedLink
from .selfservice import LINK_MAX_AGE, SALT


def why_refused(token: str) -> tuple[str, datetime | None]:
    """("used", when), ("expired", None) or ("invalid", None)."""
    try:
        nonce = uuid.UUID(signing.loads(token, salt=SALT)["n"])
    except (signing.BadSignature, KeyError, ValueError, TypeError, AttributeError):
        return "invalid", None
    used = UsedLink.objects.filter(nonce=nonce).values_list("used_at", flat=True).first()
    if used is not None:
        return "used", used
    try:
        signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired:
        return "expired", None
    return "invalid", None
