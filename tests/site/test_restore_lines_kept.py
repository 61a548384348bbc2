"""The journal lines a restore reads (docs/deploy/backups.md, step 2: each destruction, each
mail sent) are written whatever LOG_LEVEL says. They are INFO lines, and an operator who set
LOG_LEVEL=WARNING (README: a line per request fills the journal fast) had none: with the
database lost, the journal's lists were empty but for their header, the restored database
brought back every person destroyed since the backup and sent their mail again."""

import logging
from logging.config import dictConfig

import environ
import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from post_office.models import STATUS, Email

from consent.core.delivery import send_queued
from consent.core.models import Tombstone
from consent.rights.forgetting import journal
from emalu.logs import logging_settings
from emalu.mailers import mailers
from tests.live import smtp_relay
from tests.site.test_logs import console

pytestmark = pytest.mark.django_db


@pytest.fixture
def warnings_only():
    dictConfig(logging_settings("WARNING"))
    try:
        yield
    finally:
        dictConfig(django_settings.LOGGING)


def test_the_lines_a_restore_reads_are_kept_with_log_level_warning(
    warnings_only, settings, django_capture_on_commit_callbacks
):
    Email.objects.create(to=["asel@example.kz"], from_email="noreply@emaluplus-vko.kz",
                         subject="Сәлем", message="Сәлем", status=STATUS.queued,
                         message_id="<1.2.3@emaluplus-vko.kz>")  # fmt: skip
    gone = Tombstone(subject_ref=7, request_ref="R-7", at=timezone.now(), erased=[])
    with smtp_relay() as (_inbox, port), console() as lines:
        settings.MAILERS = mailers(environ.Env.email_url_config(f"smtp://127.0.0.1:{port}"))
        with django_capture_on_commit_callbacks(execute=True):
            assert send_queued() == (1, 0)
            journal(gone)
        logging.getLogger("consent.core.delivery").info("held back")  # INFO elsewhere: not kept
    said = {line["message"]: line for line in lines}
    assert said["mail sent"]["message_id"] == "<1.2.3@emaluplus-vko.kz>"
    assert said["mail sent"]["reply"].startswith("250")
    assert said["data subject destroyed"]["subject_ref"] == 7
    assert "held back" not in said
