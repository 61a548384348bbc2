"""A staff member's sessions, ended on their own word or when their account no longer holds
(compliance L22, T7).

A staff member who signed in on a shared or lost computer had no way to sign it out from
another: the password page ("my account") now ends every other session of theirs, and says how
many it ended, audited. A session also ends, row and all, when an administrator closes the
account or removes one of its second factors: Django only stopped reading a closed account's
session (reopened, the account had it back), and a session verified by the recovery codes stayed
signed in when the authenticator app was removed. A password changed by an administrator already
ends them: Django checks each session's password hash."""

from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from consent.core.audit import audit
from consent.core.models import AuditEvent

# The session key of a staff member between their password and their first code (enrolment.py).
ENROLLING = "enrol_user"


def _store():
    """The session store class: its rows are where the sessions are (database-backed engines,
    the database one and the cached one)."""
    return import_module(settings.SESSION_ENGINE).SessionStore


def sessions_of(user) -> list[str]:
    """The keys of `user`'s live sessions: signed in, or half-way through enrolment. Every live
    session is read: a session's owner is only in its encoded data."""
    store = _store()
    rows = store.get_model_class().objects.filter(expire_date__gt=timezone.now())
    keys = []
    for key, data in rows.values_list("session_key", "session_data").iterator():
        decoded = store().decode(data)
        enrolling = decoded.get(ENROLLING)
        owner = decoded.get(SESSION_KEY) or (enrolling.get("user") if isinstance(enrolling, dict)
                                             else None)  # fmt: skip
        if owner is not None and str(owner) == str(user.pk):
            keys.append(key)
    return keys


def sessions_end(user, *, keep: str | None = None, actor=None, reason: str) -> int:
    """End `user`'s sessions but `keep`, in the database and any cache in front of it; one
    audit row saying how many and why (`reason`: a code, no personal data)."""
    ended = [key for key in sessions_of(user) if key != keep]
    store = _store()
    for key in ended:
        store(session_key=key).delete()
    if ended:
        audit(AuditEvent.Action.SESSIONS_END, actor=actor, obj=user, ended=len(ended),
              reason=reason)  # fmt: skip
    return len(ended)


@require_POST
def end_my_other_sessions(request):
    """The button on the password page: every session of the staff member but this one."""
    count = sessions_end(request.user, keep=request.session.session_key, actor=request.user,
                         reason="own")  # fmt: skip
    said = ngettext(
        "%(count)d other session of yours was ended: whoever used it must sign in again.",
        "%(count)d other sessions of yours were ended: whoever used them must sign in again.",
        count,
    ) % {"count": count}
    messages.success(request, said if count else gettext("You had no other session."))
    return HttpResponseRedirect(reverse("admin:password_change"))


def account_closed(sender, instance, **kwargs):
    """post_save of a user: a closed account keeps no session."""
    if not instance.is_active:
        sessions_end(instance, reason="deactivated")


def factor_removed(sender, instance, **kwargs):
    """post_delete of a second factor (the authenticator app or the recovery codes): no session
    of its owner stays signed in, by it or by their other one."""
    sessions_end(instance.user, reason="second_factor_removed")
