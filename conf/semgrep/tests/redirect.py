# ruff: noqa
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def go(request):
    # ruleid: emalu-open-redirect, emalu-redirect-shortcut-with-request-value
    return redirect(request.GET["next"])


def go_post(request):
    target = request.POST.get("next", "/")
    # ruleid: emalu-open-redirect
    return HttpResponseRedirect(target)


def go_checked(request):
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    # ruleid: emalu-redirect-shortcut-with-request-value
    return redirect(target)


def go_checked_path(request):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    # ok: emalu-open-redirect, emalu-redirect-shortcut-with-request-value
    return HttpResponseRedirect(target)


def go_named(request):
    # ok: emalu-open-redirect
    return redirect("home")
