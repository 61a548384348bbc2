"""A parent's or guardian's self-service page (consent/rights/wards.py; compliance L6, L14): the
consents of each child under 18 they act for, an optional one withdrawn at once, behind the
single-use emailed link; every other right, for the child as for anyone, by a request."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from consent.common import ratelimit
from consent.core.guardians import wards_at
from consent.rights import wards

from .my_data import CLOSED, actions_over_limit
from .my_data_forms import WardWithdrawForm


@never_cache
def my_children(request):
    address = wards.acting_address(request.session)
    if address is None:  # the page's hour is over, or the parent's address erased since
        messages.info(request, CLOSED)
        return redirect("my_data")
    context = {"wards": wards.wards_overview(address)}
    return render(request, "forms_app/my_children.html", context)


def my_children_withdraw(request):
    """A «withdraw» button of the page: the child's consent stops at once, the ledger naming
    the parent. Anything but what the page offers changes nothing and says so."""
    if request.method != "POST":
        return redirect("my_data_children")
    address = wards.acting_address(request.session)
    if address is None:
        messages.info(request, CLOSED)
        return redirect("my_data")
    if actions_over_limit(request, ratelimit.address_key(address)):
        return redirect("my_data_children")
    form = WardWithdrawForm(request.POST, rows=wards_at(address))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect("my_data_children")
    data = form.cleaned_data
    if wards.ward_withdraw(address, int(data["child"]), data["withdraw"], request):
        messages.success(
            request, _("The consent is withdrawn: we no longer process the child's data for it.")
        )
    else:
        messages.info(request, _("Nothing has changed: this consent was not in force."))
    return redirect("my_data_children")
