"""Settings of /etc/emalu/env that would switch a legal or security guarantee off without a word:
refused as the settings load, naming the variable, what it would switch off and what to write.

SILENCED_SYSTEM_CHECKS=emalu.W009 was taken: a web host logging in to PostgreSQL as the tables'
owner or a superuser started (`check --deploy` passed it by), and /healthz stopped naming
`login_role`, though any request could then RESET ROLE and rewrite the append-only ledger. Any
other id was taken as well: the HTTPS redirect, HSTS, the keys shared by the hosts, the clock,
the data's location. A check may be silenced only where a host may rightly fail it and what it
guards holds otherwise (SILENCEABLE); the test suite's hosts, which log in as the cluster's
superuser, silence emalu.W009 in Python (tests/host_settings.py), where no env file reaches."""

import ipaddress

from django.core.exceptions import ImproperlyConfigured

# The checks a host may pass over, and why it may.
SILENCEABLE = {
    # Visitors reach gunicorn directly, with no proxy: there is none for TRUSTED_PROXIES to name.
    "emalu.W001": "no reverse proxy stands in front of the host",
    # SECURE_SSL_REDIRECT off behind a proxy that redirects HTTP to HTTPS itself (README,
    # Configuration): Django's check cannot see the proxy's redirect. HSTS and the cookies'
    # Secure flag stay on whatever it says (emalu/settings.py).
    "security.W008": "the proxy in front redirects HTTP to HTTPS itself",
}

# What each check of the project's guards: said when it is named in SILENCED_SYSTEM_CHECKS.
GUARDS = {
    "emalu.W002": "the mailed links: SITE_URL the site's https:// address (their secrets would "
    "cross the network in the clear)",
    "emalu.W003": "a page's query ended by the database before gunicorn kills its worker",
    "emalu.W004": "the mailed links: SITE_URL's host one ALLOWED_HOSTS lists",
    "emalu.W005": "HTTPS: only the proxy may say a request came over it (FORWARDED_ALLOW_IPS)",
    "emalu.W006": "HTTPS: gunicorn believing the proxy (FORWARDED_ALLOW_IPS)",
    "emalu.W007": "the report of each server error reaching someone (ADMINS)",
    "emalu.W008": "every variable of /etc/emalu/env read under the name the site reads",
    "emalu.W009": "the append-only consent ledger and audit log: the web host logs in as the "
    "runtime role, which may not UPDATE or DELETE them, not as their owner or a superuser",
    "emalu.W010": "the site's mail sent from and to real addresses",
    "emalu.E001": "the database holding every migration the code needs",
    "emalu.E002": "one SECRET_KEY on every host (forms, sign-ins, mailed links)",
    "emalu.E003": "the database reached, as the runtime role",
    "emalu.E004": "the shared cache reached (rate limits, the sign-in lockout)",
    "emalu.E005": "the static files collected for this code",
    "emalu.I001": "the mail relay reached",
    "consent.W001": "the data kept in Kazakhstan (DATA_HOSTS_IN_KAZAKHSTAN)",
    "consent.W002": "rate limits and the lockout counted once for every worker (CACHE_URL)",
    "consent.W003": "each form's consent text naming the data it collects",
    "consent.W004": "the published texts' SHA-256 digests (the consent evidence)",
    "consent.W005": "the cookie banner wordings' digests (the cookie consent evidence)",
    "consent.E001": "every purpose's term (retention)",
    "consent.E002": "every purpose's data, only the approved",
    "consent.E003": "the operator's BIN in every consent text (OPERATOR_BIN)",
    "consent.E004": "the responsible person named in every consent text (RESPONSIBLE_PERSON)",
    "consent.E005": "the responsible person's contact (RESPONSIBLE_CONTACT)",
    "consent.E006": "the analytics script and its CSP (GA_MEASUREMENT_ID)",
    "consent.E007": "the analytics script and its CSP (YANDEX_METRICA_ID)",
    "consent.E009": "the photos encrypted with readable keys (MEDIA_ENCRYPTION_KEY)",
    "consent.E013": "the cross-border consent naming each processor's country",
    "consent.W006": "the analytics loaded from the hosts the cookie consent names, over https",
    "consent.E008": "the photos encrypted with a key of production's own",
    "consent.E010": "every legal date counted in Almaty's zone",
    "consent.E011": "the host's clock, from which every legal date is read",
    "consent.E012": "MEDIA_ENCRYPTION_KEY the same on every host",
    "consent.I001": "the forms waiting for their consent texts said at the start",
    "consent.I002": "the settings every host must hold alike",
}


def silenceable(var: str, ids: list[str]) -> list[str]:
    """`ids`, if each is a check a host may pass over (SILENCEABLE); else a stop naming the
    first that is not and what it guards. Django's own (security.W004 HSTS, security.W009 the
    secret key, security.W018 DEBUG…) guard HTTPS, cookies and headers, and a typo
    silences nothing: neither is taken."""
    for check in ids:
        if check in SILENCEABLE:
            continue
        guards = GUARDS.get(check) or (
            "Django's HTTPS, HSTS, cookie and header settings" if check.startswith("security.")
            else ""
        )  # fmt: skip
        raise ImproperlyConfigured(
            f"{var} names {check}{f', which guards {guards}' if guards else ''}: a host may not "
            "pass it over. Put right "
            f"what the check says (its hint, at `manage.py check --deploy`) and remove {check} "
            f"from {var} in /etc/emalu/env; only {' and '.join(SILENCEABLE)} may be silenced "
            "(README, Configuration)."
        )
    return ids


def trusted_proxies(var: str, networks: list[str]) -> list[str]:
    """TRUSTED_PROXIES whose every network holds proxies only: a proxy's own address (one
    address, public or not) or a network the internet does not route (a load balancer's private
    network, a cloud's or a VPN's shared 100.64.0.0/10). 0.0.0.0/0, or any public network, let
    every visitor in it write their own address in X-Forwarded-For: each post a new address for
    the form limits, the lockout and the audit's IP."""
    for value in networks:
        network = ipaddress.ip_network(value.strip(), strict=False)
        if network.num_addresses > 1 and network.is_global:
            raise ImproperlyConfigured(
                f"{var} names {value}, a public network of {network.num_addresses} addresses: "
                "each visitor in it could choose the address rate limits, the sign-in lockout "
                "and the audit log count them by. Name the proxies themselves: 127.0.0.1 "
                "behind the nginx on the host, the load balancer's address or private network "
                f"(e.g. {var}=127.0.0.1,10.0.0.0/24)."
            )
    return networks
