"""Who works a request: an officer takes it, or hands it to another (Art. 25(3): the
responsible person controls how requests are handled; compliance L8). The desk lists and
filters requests by it and the digest lists each officer's own first; anyone on the desk may
still act on any request."""

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consent.core.audit import audit
from consent.core.models import AuditEvent, Subject

from .alerts import desk_staff
from .models import Ticket


@transaction.atomic
def ticket_assign(
    ticket: Ticket, *, to: AbstractBaseUser | None, actor: AbstractBaseUser, shown: int | None
) -> Ticket:
    """Give the open `ticket` to the officer `to` (None: to no one), as `actor` asks from a
    page that showed it held by the user numbered `shown` (None: by no one). The same hand
    again (a double click, two tabs) changes nothing and writes nothing; a page out of date (a
    colleague took or handed it since) is refused, saying who has it now, so that no one takes
    a request from a colleague without seeing it. Only desk staff may hold one. Audited with
    the logins before and after."""
    locked = Ticket.objects.select_for_update(of=("self",)).get(pk=ticket.pk)
    if not locked.is_open:
        raise ValidationError(_("This request is already closed, so nothing was done."))
    if to is not None and not desk_staff().filter(pk=to.pk).exists():
        raise ValidationError(_("Only a privacy officer can take a request. Choose one from "
                                "the list."))  # fmt: skip
    if locked.assignee_id == (to.pk if to is not None else None):
        return locked
    holder = locked.assignee_id and get_user_model().objects.get(pk=locked.assignee_id)
    if locked.assignee_id != shown:
        if holder:
            raise ValidationError(_("Another officer took this request after this page was "
                                    "opened (now in charge: %(who)s), so nothing was changed. "
                                    "Read the page again first.")
                                  % {"who": holder.get_username()})  # fmt: skip
        raise ValidationError(_("The request was released after this page was opened, so "
                                "nothing was changed. Read the page again first."))  # fmt: skip
    audit(
        AuditEvent.Action.REQUEST_ASSIGN, actor=actor, obj=locked, logged=True,
        subject=Subject(pk=locked.subject_id) if locked.subject_id is not None else None,
        old_assignee=holder.get_username() if holder else None,
        assignee=to.get_username() if to is not None else None,
    )  # fmt: skip
    locked.assignee = to
    locked.save(update_fields=["assignee"])
    return locked
