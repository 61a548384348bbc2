"""Why a self-service link (a person's or a parent's: links_spent.link_spend) opens nothing, as
its page tells the visitor: used already, and when (opened in another browser, or a second
time); past its hour; or anything else (damaged, or mailed to an address its person no longer
holds). Only a link this site signed is told it was used or expired: a guessed one learns
nothing, and the answer names no one."""

import uuid
from datetime import datetime

from django.contrib.sessions.backends.base import SessionBase
from django.core import signing

from . import wards
from .links_spent import LINK_MAX_AGE, SALT
from .models import UsedLink
from .selfservice import link_opened_here


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


def refused_as_opened(token: str, session: SessionBase) -> tuple[str, datetime | None] | None:
    """Why a link will open nothing, said as soon as it is opened (GET), as every other emailed
    link's page says it: damaged, used already in another browser, or past its hour. The page
    showed its button for any of them, and only the press said the link opened nothing: a link
    cut short by a mail program, or yesterday's opened from the mailbox, asked for a press
    first. None while a press may open it (within its hour and unused, or spent in this very
    browser, whose page it opens again); whether its address is still its person's is the
    press's to find, as it spends the link."""
    if link_opened_here(token, session) or wards.ward_link_opened_here(token, session):
        return None
    state, used_at = why_refused(token)
    if state == "invalid" and _may_open(token):
        return None
    return state, used_at


def _may_open(token: str) -> bool:
    """Whether `token` is a link this site signed, within its hour, whose nonce is unspent."""
    try:
        uuid.UUID(signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)["n"])
    except (signing.BadSignature, KeyError, ValueError, TypeError, AttributeError):
        return False
    return True
