"""Two staff members saving the same unique value at the same instant (the same date in the
working-day calendar, the same version of a policy). Django's form checks that no row holds
the value before it saves, but both checks ran before either row was written: the second
insert broke the unique constraint, and the officer got the 500 page, her input gone.

The admin's add and change pages run in a transaction of their own, which the refusal rolls
back whole. The page is then answered once more: its form's own check now sees the row the
colleague saved and says so on the field, in the staff member's language, with what she typed
kept. Refused again (a constraint no form checks), she is told that nothing was saved."""

from functools import wraps

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from consent.common.errors import taken_first

# The admin's views that save a form in a transaction of their own (ModelAdmin.changeform_view).
SAVING_VIEWS = frozenset({"add_view", "change_view"})

NOT_SAVED = _(
    "Nothing was saved: another staff member saved the same value at the same moment. Check the "
    "list and enter your change again."
)


def saved_at_once(view):
    """`view`, an admin page that saves a form, answered once more when another save took its
    unique value first (see the module's docstring)."""

    @wraps(view)
    def once_more(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        for _attempt in range(2):
            try:
                return view(request, *args, **kwargs)
            except IntegrityError as error:
                if not taken_first(error):
                    raise
        messages.error(request, NOT_SAVED)
        return HttpResponseRedirect(request.get_full_path())

    return once_more
