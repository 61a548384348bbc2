import hmac
import logging

from django.conf import settings
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from consent.common.net import absolute_url, from_inside
from consent.common.pagecache import shared_page
from consent.core.declarations import backups, operator
from consent.core.jobs import BACKUP, last_run
from consent.core.models import PolicyVersion
from consent.core.policy import policy_blocks
from consent.core.policy_schedule import last_applied_before, spans
from consent.core.texts import current_policy
from consent.rights.models import Ticket

from . import health
from .company import organization_json_ld
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
            context["legal"] = operator(get_language())
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
        in_force = current_policy()
        if number is None:
            policy = in_force
            if policy is None:
                raise Http404
        else:
            policy = get_object_or_404(PolicyVersion, number=number, published_at__isnull=False)
        now = timezone.now()
        every = spans()
        span = next(s for s in every if s.policy == policy)
        # What a reader of the version in force is told is coming: the next version that will
        # apply (one replaced before its date never will).
        coming = [s for s in every if s.state(now) == "coming"]
        blocks = policy_blocks(policy.text)
        # An older or a coming version, read at its own address, says which one applies now.
        context = {"policy": policy, "blocks": blocks,
                   "contents": [value for kind, value in blocks if kind == "heading"],
                   "state": span.state(now), "span": span,
                   "since": last_applied_before(policy, every),
                   "in_force": in_force if in_force != policy else None,
                   "coming": coming[0] if coming and in_force == policy else None,
                   "versions": [(s, s.state(now)) for s in reversed(every)],
                   **_operator(), **slots}  # fmt: skip
        return render(request, "pages/privacy.html", context)

    return shared_page(request, render_page)


def _operator():
    """The operator's details beside every policy version (compliance L3, L18 and L20)."""
    language = get_language()
    return {**operator(language), "backups": backups(language)["said"]}


def monitoring(request) -> bool:
    """Whether the request carries `Authorization: Bearer <METRICS_TOKEN>` (never when unset).
    The token counts only under its scheme, whose name is in any letter case (RFC 7235): the
    bare token was taken as well, and «bearer <token>» was refused."""
    token = settings.METRICS_TOKEN
    scheme, _space, sent = request.headers.get("Authorization", "").partition(" ")
    if not token or scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(sent.strip().encode(), token.encode())


@require_safe
@cache_control(no_store=True)
def healthz(request):
    """200 when every part the site needs is well, 503 when one fails (emalu/health.py). Which
    parts fail, and their figures, go only to the monitoring: a request from this host or a
    network of ours (loopback, TRUSTED_PROXIES) or with METRICS_TOKEN. Anyone else reads only
    {"status": "ok" | "error"}: that the mail queue, the backup or Redis is down told an
    attacker where to push and when; a load balancer needs only the status code."""
    inside = from_inside(request) or monitoring(request)
    report = health.report_for(fresh=inside)
    _log_change(report["failing"])
    if not inside:
        report = {"status": report["status"]}
    response = JsonResponse(report, status=503 if report["status"] != "ok" else 200)
    # Not Django's «Service Unavailable: /healthz» at ERROR too: the request's own line has the
    # status, and _log_change the parts.
    response._has_been_logged = True
    return response


_failing_before: list[str] = []  # what this process's last /healthz found failing


def _log_change(failing: list[str]) -> None:
    """One ERROR line when parts start failing (or others join them), one INFO when all are
    well again: the outage's start and end, in each worker. Every probe of a monitoring that
    asks each minute wrote two ERROR lines through an hour's outage, for one fault."""
    global _failing_before
    if failing == _failing_before:
        return
    if failing:
        logger.error("healthz: failing: %s", ", ".join(failing))
    else:
        logger.info("healthz: well again (was failing: %s)", ", ".join(_failing_before))
    _failing_before = failing


METRICS = [
    ("emalu_health_ok", "Whether each part /healthz checks is well (1) or not (0)."),
    ("emalu_mail_outbox", "Mail in the outbox by status."),
    ("emalu_mail_oldest_waiting_seconds", "Age of the oldest mail waiting to be sent."),
    ("emalu_mail_failed_last_day", "Mail given up on within the last day."),
    ("emalu_requests", "Data-subject requests by status."),
    ("emalu_job_last_success_timestamp_seconds", "When each periodic job last succeeded."),
]


@require_safe
@cache_control(no_store=True)
def metrics(request):
    """Prometheus text format, for `Authorization: Bearer <METRICS_TOKEN>` only (404 when no token
    is set or the wrong one is sent, so the page does not announce itself). Counts, ages and
    times; no personal data."""
    if not monitoring(request):
        raise Http404
    report = health.report()
    values = {name: [] for name, _help in METRICS}
    for part, data in report.items():
        if isinstance(data, dict):
            values["emalu_health_ok"].append(({"part": part}, int(data["status"] == "ok")))
    if report["database"]["status"] == "ok":
        for status, n in health.outbox_counts().items():
            values["emalu_mail_outbox"].append(({"status": status}, n))
        values["emalu_mail_oldest_waiting_seconds"].append(
            ({}, report["mail_queue"]["oldest_seconds"])
        )
        values["emalu_mail_failed_last_day"].append(({}, report["failed_mail"]["count"]))
        for row in Ticket.objects.values("status").annotate(n=Count("id")).order_by("status"):
            values["emalu_requests"].append(({"status": row["status"]}, row["n"]))
        for job in ("retention", "intake", "digest", "outgrown", BACKUP):
            if run := last_run(job):
                values["emalu_job_last_success_timestamp_seconds"].append(
                    ({"job": job}, int(run.finished_at.timestamp()))
                )
    lines = []
    for name, help_text in METRICS:
        lines += [f"# HELP {name} {help_text}", f"# TYPE {name} gauge"]
        for labels, value in values[name]:
            label_text = ",".join(f'{k}="{v}"' for k, v in labels.items())
            lines.append(f"{name}{{{label_text}}} {value}" if labels else f"{name} {value}")
    body = "\n".join(lines) + "\n"
    return HttpResponse(body, content_type="text/plain; version=0.0.4; charset=utf-8")


@require_safe
@cache_control(max_age=86400)
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever a page names: the site's icon."""
    return redirect(static("favicon.svg"))


@require_safe
def robots_txt(request):
    body = f"User-agent: *\nAllow: /\nSitemap: {absolute_url(reverse('sitemap'))}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
