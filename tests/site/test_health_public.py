"""/healthz is public (a load balancer and an uptime check ask it), and it told anyone which part
of the site was failing and since when: the backup a day late, the mail queue stuck, Redis down,
a host's keys or clock wrong. A stranger now reads only ok or not, with the same status code;
the parts and their figures go to this host, a network of ours (TRUSTED_PROXIES) and a request
with METRICS_TOKEN, as the monitoring asks (README, "Watching it")."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = [pytest.mark.django_db, pytest.mark.real_clock]
TOKEN = "monitoring-token-0123456789"
STRANGER = "203.0.113.7"
# (REMOTE_ADDR, X-Forwarded-For or None, TRUSTED_PROXIES, Authorization or None)
PUBLIC = {
    "a visitor through nginx": ("127.0.0.1", STRANGER, ["127.0.0.1"], None),
    "a visitor reaching gunicorn": (STRANGER, None, ["127.0.0.1"], None),
    "a visitor naming loopback": (STRANGER, "127.0.0.1", ["127.0.0.1"], None),
    "behind an nginx not trusted": ("127.0.0.1", STRANGER, [], None),
    "a balancer not trusted": ("127.0.0.1", "10.0.0.5", ["127.0.0.1"], None),
    "a wrong token": ("127.0.0.1", STRANGER, ["127.0.0.1"], "Bearer wrong"),
    "the token unset, none sent": ("127.0.0.1", STRANGER, ["127.0.0.1"], "Bearer "),
    "the token without its scheme": ("127.0.0.1", STRANGER, ["127.0.0.1"], TOKEN),
    "the token under another scheme": ("127.0.0.1", STRANGER, ["127.0.0.1"], f"Basic {TOKEN}"),
}
DETAILED = {
    "this host": ("127.0.0.1", None, [], None),
    "this host over IPv6": ("::1", None, [], None),
    "the balancer's check": ("127.0.0.1", "10.0.0.5", ["127.0.0.1", "10.0.0.0/24"], None),
    "the token from outside": ("127.0.0.1", STRANGER, ["127.0.0.1"], f"Bearer {TOKEN}"),
    "the scheme in small letters": ("127.0.0.1", STRANGER, ["127.0.0.1"], f"bearer {TOKEN}"),
}


def ask(client, settings, peer, forwarded, proxies, authorization, token=TOKEN):
    settings.TRUSTED_PROXIES = proxies
    settings.METRICS_TOKEN = "" if authorization == "Bearer " else token
    headers = {"x-forwarded-for": forwarded} if forwarded else {}
    if authorization:
        headers["authorization"] = authorization
    return client.get("/healthz", REMOTE_ADDR=peer, headers=headers)


def two_days_on():
    """Neither retention nor the backup has run since the site was installed: both fail."""
    return time_machine.travel(timezone.now() + timedelta(days=2))


@pytest.mark.parametrize("who", PUBLIC)
def test_a_stranger_learns_only_whether_the_site_is_well(client, settings, who):
    assert ask(client, settings, *PUBLIC[who]).json() == {"status": "ok"}
    with two_days_on():
        response = ask(client, settings, *PUBLIC[who])
    assert response.status_code == 503
    assert response.json() == {"status": "error"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("who", DETAILED)
def test_the_monitoring_reads_which_part_fails(client, settings, who):
    well = ask(client, settings, *DETAILED[who])
    assert (well.status_code, well.json()["failing"]) == (200, [])
    assert well.json()["database"] == {"status": "ok"}
    with two_days_on():
        response = ask(client, settings, *DETAILED[who])
    assert response.status_code == 503
    report = response.json()
    assert report["status"] == "error" and {"retention", "backup"} <= set(report["failing"])
    assert report["backup"] == {"status": "error", "last_success": None}


def test_a_stranger_asking_in_a_loop_does_not_load_the_database(client, settings):
    """Each report is some twelve queries, three of them writes, and waited up to 5 s for a
    database that was down: /healthz had no limit, so anyone could load the database with it,
    or hold every worker while it was down. A stranger reads the last report for 10 s."""
    with CaptureQueriesContext(connection) as first:
        ask(client, settings, *PUBLIC["a visitor through nginx"])
    with CaptureQueriesContext(connection) as again:
        for _ in range(30):
            assert ask(client, settings, *PUBLIC["a visitor through nginx"]).status_code == 200
    assert len(first) >= 10 and len(again) == 0
    later = CaptureQueriesContext(connection)
    with time_machine.travel(timezone.now() + timedelta(seconds=11)), later:
        ask(client, settings, *PUBLIC["a visitor through nginx"])
    assert len(later) >= 10
