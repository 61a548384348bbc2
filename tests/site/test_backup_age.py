"""A nightly backup that failed showed only in the journal of the host that runs it: /healthz
was green and nobody looked at systemd. scripts/backup records each dump it writes in the
database (`manage.py backup_recorded`, tests/site/test_backup_restore.py runs the script);
/healthz and /metrics name `backup` past HEALTH_BACKUP_MAX_HOURS (26: a night's timer and its
spread), and the admin index tells administrators, in their language."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client, override_settings

from consent.core.models import JobRun
from tests.staff import verified_login

pytestmark = pytest.mark.django_db
NIGHT = datetime(2026, 12, 3, 21, 30, tzinfo=UTC)  # 02:30 in Almaty, the timer's hour


def backup_part(client):
    response = client.get("/healthz")
    return response.status_code, response.json()


def test_healthz_and_metrics_name_a_backup_older_than_a_day(client):
    with time_machine.travel(NIGHT):
        call_command("backup_recorded")
    assert JobRun.objects.filter(job="backup").count() == 1
    with time_machine.travel(NIGHT + timedelta(hours=25)):
        status, report = backup_part(client)
        assert report["backup"] == {"status": "ok", "last_success": NIGHT.isoformat()}
    with time_machine.travel(NIGHT + timedelta(hours=27)), override_settings(METRICS_TOKEN="t"):
        status, report = backup_part(client)
        assert status == 503 and "backup" in report["failing"]
        assert report["backup"]["status"] == "error"
        metrics = client.get("/metrics", headers={"Authorization": "Bearer t"}).content.decode()
        assert 'emalu_health_ok{part="backup"} 0' in metrics
        stamp = int(NIGHT.timestamp())
        assert f'emalu_job_last_success_timestamp_seconds{{job="backup"}} {stamp}' in metrics


def test_the_admin_index_tells_an_administrator_how_old_the_backup_is(officer):
    def index(language):
        # Signed in at the moment: a session idle for hours has ended.
        client = verified_login(Client(), officer)
        page = client.get("/admin/", headers={"Accept-Language": language})
        assert page.status_code == 200
        return page.content.decode()

    assert "Дерекқордың сақтық көшірмесі әлі тіркелмеген" in index("kk")
    with time_machine.travel(NIGHT):
        call_command("backup_recorded")
    with time_machine.travel(NIGHT + timedelta(hours=3)):
        assert "Последняя резервная копия базы данных: 04.12.2026 02:30." in index("ru")
    with time_machine.travel(NIGHT + timedelta(hours=27)):
        page = index("ru")
        assert "старше, чем допускает HEALTH_BACKUP_MAX_HOURS" in page
        assert "04.12.2026 02:30" in page and "journalctl -u emalu-backup" in page
        assert "HEALTH_BACKUP_MAX_HOURS рұқсат ететіннен ескі" in index("kk")


def test_the_desk_staff_are_not_shown_it(privacy_officer_client):
    assert 'id="backup"' not in privacy_officer_client.get("/admin/").content.decode()
