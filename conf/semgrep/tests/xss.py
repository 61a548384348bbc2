# ruff: noqa
import json

import nh3
from django.http import HttpResponse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def marked(text, name):
    # ruleid: emalu-mark-safe-non-literal
    a = mark_safe(text)
    # ruleid: emalu-mark-safe-non-literal
    b = mark_safe(f"<b>{name}</b>")
    # ruleid: emalu-mark-safe-non-literal
    c = SafeString(text)
    # ok: emalu-mark-safe-non-literal
    d = mark_safe("<br>")
    # ok: emalu-mark-safe-non-literal
    e = mark_safe(nh3.clean(text))
    clean = nh3.clean(text)
    # ok: emalu-mark-safe-non-literal
    return mark_safe(clean)


def formatted(name, rows, template):
    # ruleid: emalu-format-html-non-literal
    a = format_html(f"<b>{name}</b>")
    # ruleid: emalu-format-html-non-literal
    b = format_html("<b>%s</b>" % name)
    # ruleid: emalu-format-html-non-literal
    c = format_html(template, name)
    # ruleid: emalu-format-html-non-literal
    d = format_html_join("\n", "<li>{}</li>".format(name), rows)
    # ok: emalu-format-html-non-literal
    e = format_html("<b>{}</b>", name)
    # ok: emalu-format-html-non-literal
    f = format_html_join("\n", "<li>{}</li>", rows)
    # ok: emalu-format-html-non-literal
    return format_html(_("<b>{}</b> saved"), name)


def echo(request):
    q = request.GET.get("q", "")
    # ruleid: emalu-httpresponse-from-request
    return HttpResponse("You searched for " + q)


def echo_post(request):
    # ruleid: emalu-httpresponse-from-request
    return HttpResponse(request.POST["name"])


def echo_escaped(request):
    q = request.GET.get("q", "")
    # ok: emalu-httpresponse-from-request
    return HttpResponse("You searched for " + escape(q))


def echo_json(request):
    # ok: emalu-httpresponse-from-request
    return HttpResponse(json.dumps({"q": request.GET.get("q")}), content_type="application/json")
