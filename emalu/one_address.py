"""A page has one address (OneAddressMiddleware): asked by another spelling of what its address
holds, it is sent to the one the site writes for it."""

from urllib.parse import unquote

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.admin.utils import unquote as admin_unquote
from django.core.exceptions import ValidationError
from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import escape_leading_slashes, url_has_allowed_host_and_scheme

# The names the admin gives an object's key in its routes (`<path:object_id>/change/`, and the
# user admin's `<id>/password/`): captured as typed, whatever the model's key reads it as.
OBJECT_KEYS = ("object_id", "id")


class OneAddressMiddleware:
    """A page reached by another spelling of what its address holds is sent (301) to the address
    the site writes for it: «/ru/privacy/01/» (a number's converter reads «01» as 1) served the
    policy's version 1 a second time, under an address no link of the site names. Whatever a
    route's converters read a part as, the address is the one `reverse` makes of it; a post is
    sent on as a post (308, SENT_ON_AS_POST), as NormalPathMiddleware sends it. In the admin, an
    object's key is read as its model reads it (`admin_keys`): «/admin/rights/ticket/01/change/»
    showed request 1, the route keeping «01» as typed; and only for a user the admin lets in:
    anyone else gets its sign-in at any spelling, as at the address it writes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        match = request.resolver_match
        if not match.captured_kwargs:
            return None
        if match.namespace == admin.site.name and not admin.site.has_permission(request):
            return None  # the admin's sign-in, as at the address it writes: nothing read
        captured = {**match.captured_kwargs, **admin_keys(match)}
        try:
            address = reverse(match.view_name, args=args, kwargs=captured)
        except NoReverseMatch:  # a route reverse cannot make (none of the site's)
            return None
        if unquote(address) == request.path:
            return None
        query = request.META.get("QUERY_STRING", "")
        target = escape_leading_slashes(address + (f"?{query}" if query else ""))
        if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
            return None  # a path of the site's own and its query, never another host
        posted = request.method not in ("GET", "HEAD")
        return HttpResponsePermanentRedirect(target, preserve_request=posted)


def admin_keys(match) -> dict[str, str]:
    """The object keys an admin route captured, each as its model's key writes it («01» as «1»);
    {} for any other route. A value the model's key cannot read is left to the admin («does not
    exist»)."""
    site = admin.site
    if match.namespace != site.name:
        return {}
    # The model whose admin named the route «<app>_<model>_<view>», by the site's public
    # `is_registered` (not its private registry).
    model = next((m for m in apps.get_models() if site.is_registered(m) and match.url_name
                  and match.url_name.startswith(f"{m._meta.app_label}_{m._meta.model_name}_")),
                 None)  # fmt: skip
    if model is None:
        return {}
    keys = {}
    for name in OBJECT_KEYS:
        if name in match.captured_kwargs:
            try:
                value = model._meta.pk.to_python(admin_unquote(match.captured_kwargs[name]))
            except ValidationError:
                continue
            keys[name] = quote(str(value))
    return keys
