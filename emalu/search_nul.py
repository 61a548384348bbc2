"""A NUL character typed or pasted into an admin list's search box (PostgreSQL text cannot hold
one, so every admin page refuses it: StaffAdminSite.admin_view). In the search box alone it is
no attack and no mistake of the officer's to be answered with a bare «Bad Request»: the list
opens again, searched for the rest of what was typed, and says what was left out."""

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.contrib.admin.views.main import SEARCH_VAR
from django.http import HttpRequest, HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

NUL = "\x00"
LEFT_OUT = _(
    "The search held an invisible control character (NUL), which cannot be searched for: it "
    "was left out, and the list shows what the rest of the search finds."
)


def nul_in(data: QueryDict, *, besides: str | None = None) -> bool:
    """Whether a key or a value of `data` holds a NUL, the values of the key `besides` aside."""
    return any(
        NUL in key or (key != besides and any(NUL in value for value in values))
        for key, values in data.lists()
    )


def _nul_only_in_search(request: HttpRequest) -> bool:
    """Whether the NUL of the request is in the search box's value, nowhere else."""
    return (
        not nul_in(request.POST)
        and not nul_in(request.GET, besides=SEARCH_VAR)
        and any(NUL in value for value in request.GET.getlist(SEARCH_VAR))
    )


def search_without_nul(
    request: HttpRequest, model_admin: ModelAdmin | None, view_name: str, allowed: bool
) -> HttpResponseRedirect | None:
    """The list again without the NUL, and the message, for a staff member (`allowed`: the
    site's permission, so no one else is told anything) on a searchable list whose search alone
    holds one; None otherwise (the request is refused as before)."""
    searchable = (
        isinstance(model_admin, ModelAdmin)
        and view_name == "changelist_view"
        and allowed
        and bool(model_admin.get_search_fields(request))
    )
    if request.method != "GET" or not searchable or not _nul_only_in_search(request):
        return None
    query = request.GET.copy()
    query.setlist(SEARCH_VAR, [v.replace(NUL, "") for v in query.getlist(SEARCH_VAR)])
    messages.warning(request, LEFT_OUT)
    opts = model_admin.opts  # the list's own address, not one read from the request
    listing = reverse(
        f"{model_admin.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist"
    )
    target = f"{listing}?{query.urlencode()}"  # the query cannot change where it leads
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        target = listing
    return HttpResponseRedirect(target)
