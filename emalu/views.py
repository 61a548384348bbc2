import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from consent.common.i18n import localised
from consent.common.pagecache import shared_page
from consent.core.models import PolicyVersion
from consent.core.policy import policy_blocks
from consent.core.texts import current_policy

from .company import legal_details, organization_json_ld
from .models import Company, Page, Service

logger = logging.getLogger(__name__)


def page(request, slug):
    """A content page. Home, services and contacts show the company's services and details
    below what staff wrote, so they stand before staff have written them; About does not."""

    def render_page(slots):
        obj = Page.objects.filter(slug=slug).first()
        if obj is None and slug == Page.Slug.ABOUT:
            raise Http404
        context = {"page": obj, "slug": slug, **_company(), **slots}
        if slug in (Page.Slug.HOME, Page.Slug.SERVICES):
            context["services"] = list(Service.objects.published())
        if slug == Page.Slug.CONTACTS:
            context["legal"] = legal_details()
        shown = [obj, context["company"], *context.get("services", [])]
        context["demo"] = any(getattr(o, "is_demo", False) for o in shown)
        return render(request, f"pages/{slug}.html", context)

    return shared_page(request, render_page)


def service(request, slug):
    def render_page(slots):
        obj = get_object_or_404(Service.objects.published(), slug=slug)
        context = {"service": obj, "demo": obj.is_demo, **_company(), **slots}
        return render(request, "pages/service.html", context)

    return shared_page(request, render_page)


def _company():
    """What every company page's head needs: the company row and its schema.org data."""
    company = Company.load()
    return {"company": company, "organization_json_ld": organization_json_ld(company)}


def privacy(request, number=None):
    def render_page(slots):
        if number is None:
            policy = current_policy()
            if policy is None:
                raise Http404
        else:
            policy = get_object_or_404(PolicyVersion, number=number, published_at__isnull=False)
        context = {"policy": policy, "blocks": policy_blocks(policy.text), **_operator(), **slots}
        return render(request, "pages/privacy.html", context)

    return shared_page(request, render_page)


def _operator():
    """The operator's details beside every policy version (compliance L3 and L20)."""
    op = settings.OPERATOR
    return {
        "bin": op["bin"],
        "address": localised(op, "address"),
        "data_location": localised(op, "data_location"),
        "responsible_person": op["responsible_person"],
        "responsible_contact": op["responsible_contact"],
    }


@require_GET
@cache_control(no_store=True)
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok", "database": "ok"})
    except DatabaseError as e:
        logger.error("healthz: database unavailable: %s %s", type(e).__name__, e)
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    body = f"User-agent: *\nAllow: /\nSitemap: {sitemap}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
