"""The person's answer, on their own page, about a parent or guardian the form that made their
record (or a later one) named under another address (compliance L6, L9): «yes, my parent»
(core.guardians.guardian_confirm), only then does that parent see or act for anything of the
record; or «not my parent» (rights.alerts.guardian_declined_by_child), and they never will.
The page was opened by a link mailed to the person's own address, which is what the parent's
typing could not show. One press decides a contact once: the two exclude each other, and a
second press (another tab, a double click, a tampered post) changes nothing and says so."""

from django.contrib import messages
from django.utils.translation import gettext as _

from consent.core.guardians import guardian_confirm, parents_waiting
from consent.rights.alerts import guardian_declined_by_child

from .my_data import _back_to_page, _self_service_action


@_self_service_action
def my_data_parent(request, subject):
    confirm, decline = request.POST.get("parent", ""), request.POST.get("not_parent", "")
    waiting = {str(row.pk): row for row in parents_waiting(subject)}
    row = waiting.get(confirm or decline) if bool(confirm) != bool(decline) else None
    if row is not None and confirm:
        done = guardian_confirm(row, "guardian_by_child")
    else:
        ended = guardian_declined_by_child(row) if row is not None else None
        done = ended is not None
    if not done:
        # Answered already (another tab), erased meanwhile, 18 now, or a tampered post.
        messages.error(request, _("This parent or guardian is not waiting for your answer. "
                                  "Nothing has changed."))  # fmt: skip
    elif confirm:
        messages.success(request, _(
            "Confirmed: your parent or guardian can now see your data and manage your consents "
            "until you turn 18."
        ))  # fmt: skip
    elif ended:
        messages.success(request, _(
            "Done: they will never see or manage anything of yours, and we have told them "
            "nothing. The consents given with them no longer stand; your parent or guardian "
            "can give them on the application form."
        ))  # fmt: skip
    else:
        messages.success(request, _(
            "Done: they will never see or manage anything of yours, and we have told them "
            "nothing."
        ))  # fmt: skip
    return _back_to_page(request)
