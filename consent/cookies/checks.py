"""Compliance L4 for the cookie banner: each wording kept still gives the SHA-256 it is kept under
(wording.wording_answered). The table is append-only, but someone with the database owner's
rights can bypass its triggers; the answers that name a changed wording would then name words no
visitor read. A database check, as core.checks.check_published_digests. And L19: the analytics
a visitor accepts load from, and send to, the hosts their consent names."""

from django.core.checks import Warning as CheckWarning
from django.core.checks import register

from consent.common.checks import database_check
from consent.core.texts import sha256

from .models import BannerWording


def wordings_altered() -> list[BannerWording]:
    """The kept banner wordings whose text does not give their digest."""
    return [w for w in BannerWording.objects.order_by("pk") if sha256(w.text) != w.digest]


@database_check(named=True)
def check_banner_wordings(app_configs, **kwargs):
    return [
        CheckWarning(
            f"The words kept of cookie banner wording {wording.pk} ({wording.language}) do not "
            "give the SHA-256 kept with them: they were changed in the database.",
            hint="Restore the wording from a backup; the answers naming it name words no "
            "visitor read.",
            id="consent.W005",
        )
        for wording in wordings_altered()
    ]


# The hosts of the analytics the cookie banner asks consent for (Google Analytics, Yandex
# Metrica), each with its subdomains: the script's, and those it sends to. Yandex's are those its
# guide to a site with a CSP lists: a visitor in Kazakhstan is counted at mc.yandex.kz, and the
# operator who added it was told it was not Yandex's.
YANDEX_ZONES = ("ru", "az", "by", "co.il", "com", "com.am", "com.ge", "com.tr", "ee", "fr", "kg",
                "kz", "lt", "lv", "md", "tj", "tm", "uz")  # fmt: skip
ANALYTICS_DOMAINS = ("googletagmanager.com", "google-analytics.com", "analytics.google.com",
                     *(f"yandex.{zone}" for zone in YANDEX_ZONES), "webvisor.com",
                     "webvisor.org", "yastatic.net")  # fmt: skip


def _vendors(url: str, schemes=("https",)) -> bool:
    """Whether `url` is https:// (or another of `schemes`) on a host of ANALYTICS_DOMAINS
    («https://*.…» as the CSP writes a host with its subdomains)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("://*.", "://", 1))
    host = (parts.hostname or "").lower()
    return parts.scheme in schemes and any(
        host == domain or host.endswith(f".{domain}") for domain in ANALYTICS_DOMAINS
    )


@register(deploy=True)
def check_analytics_hosts(app_configs, **kwargs):
    """GA_SCRIPT_URL, YANDEX_SCRIPT_URL and ANALYTICS_CONNECT_HOSTS are variables so that the
    tests can serve stand-ins on loopback (README: «leave them»). Set otherwise on a host, a
    visitor who accepted analytics loaded a script from, and sent to, a host their consent
    does not name (compliance L19), or over http://, where anyone on the way may replace the
    script; the CSP let it in, and nothing was said."""
    from django.conf import settings

    if settings.DEBUG:
        return []
    scripts = [("GA_SCRIPT_URL", settings.GA_SCRIPT_URL),
               ("YANDEX_SCRIPT_URL", settings.YANDEX_SCRIPT_URL)]  # fmt: skip
    wrong = {name for name, value in scripts if not _vendors(value)}
    # What a script sends to, over https:// or a WebSocket's wss:// (Metrica's Webvisor).
    if not all(_vendors(host, ("https", "wss")) for host in settings.ANALYTICS_CONNECT_HOSTS):
        wrong.add("ANALYTICS_CONNECT_HOSTS")
    wrong = sorted(wrong)
    return [
        CheckWarning(
            f"{name} names a host that is not Google's or Yandex's over https:// (the value is "
            "not shown): visitors who accept analytics would load or send to what their consent "
            "does not name.",
            hint=f"Remove {name} from /etc/emalu/env (its default is the vendor's; .env.example "
            "gives it): it is there for the tests' stand-ins.",
            id="consent.W006",
        )
        for name in wrong
    ]
