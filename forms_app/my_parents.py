"""The person's confirmation, on their own page, of the parent or guardian the form that made
their record named under another address (core.guardians.guardian_confirm; compliance L6, L9):
only then does that parent see or act for anything of the record. The page was opened by a
link mailed to the person's own address, which is what the parent's typing could not show."""

from django.contrib import messages
from django.utils.translation import gettext as _

from consent.core.guardians import guardian_confirm, parents_waiting

from .my_data import _back_to_page, _self_service_action


@_self_service_action
def my_data_parent(request, subject):
    pk = request.POST.get("parent", "")
    row = next((r for r in parents_waiting(subject) if str(r.pk) == pk), None)
    if row is None or not guardian_confirm(row, "guardian_by_child"):
        # Confirmed already (another tab), erased meanwhile, or a tampered post.
        messages.error(request, _("This parent or guardian is not waiting for your "
                                  "confirmation. Nothing has changed."))  # fmt: skip
    else:
        messages.success(request, _(
            "Confirmed: your parent or guardian can now see your data and manage your consents "
            "until you turn 18."
        ))  # fmt: skip
    return _back_to_page(request)
