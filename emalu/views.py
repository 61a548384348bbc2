import logging

from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from consent.common.pagecache import shared_page
from consent.core.declarations import operator
from consent.core.models import PolicyVersion
from consent.core.policy import policy_blocks
from consent.core.texts import current_policy

from .models import Page

logger = logging.getLogger(__name__)


def page(request, slug):
    """A content page; the home page still greets visitors before staff have written one."""

    def render_page(slots):
        obj = Page.objects.filter(slug=slug).first()
        if obj is None and slug != Page.Slug.HOME:
            raise Http404
        return render(request, f"pages/{slug}.html", {"page": obj, "slug": slug, **slots})

    return shared_page(request, render_page)


def privacy(request, number=None):
    def render_page(slots):
        if number is None:
            policy = current_policy()
            if policy is None:
                raise Http404
        else:
            policy = get_object_or_404(PolicyVersion, number=number, published_at__isnull=False)
        previous = (
            PolicyVersion.objects.filter(published_at__isnull=False, number__lt=policy.number)
            .order_by("-number")
            .first()
        )
        context = {"policy": policy, "previous": previous, "blocks": policy_blocks(policy.text),
                   **_operator(), **slots}  # fmt: skip
        return render(request, "pages/privacy.html", context)

    return shared_page(request, render_page)


def _operator():
    """The operator's details beside every policy version (compliance L3 and L20)."""
    return operator(get_language())


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
