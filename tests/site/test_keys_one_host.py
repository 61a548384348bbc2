"""A site of one host changing a key or a setting (README, "Changing `SECRET_KEY`",
`MEDIA_ENCRYPTION_KEY`'s rotation): the host's own notes from before its restart are what the
checks find. Their lines said «another host» used or held it, sending the operator of a site of
one host to look for a host that does not exist, when the remedy (the old key among the
fallbacks, or ten minutes' wait) was this host's own."""

import pytest
from django.core.checks import run_checks
from django.core.management import CommandError, call_command

from consent.core.keys import note_keys

pytestmark = pytest.mark.django_db
OLD = "dGVzdC1vbmx5LW1lZGlhLWVuY3J5cHRpb24ta2V5LTA="
NEW = "bmV3LW1lZGlhLWVuY3J5cHRpb24ta2V5LTAwMDAwMDA="
THIS_HOST = "this one before its restart"


@pytest.fixture
def served_before_restart(settings, monkeypatch):
    """The host served with its old keys and settings, and noted them, as every host does."""
    import consent.core.keys

    monkeypatch.setattr(consent.core.keys, "_noted_at", None)
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "old-" + "k" * 50, []
    settings.MEDIA_ENCRYPTION_KEY = [OLD]
    settings.ACCESS_REQUEST_DAYS = 3
    note_keys()
    return settings


def said(check_id):
    return [str(message) for message in run_checks(include_deployment_checks=True)
            if message.id == check_id]  # fmt: skip


def test_a_secret_key_changed_without_its_fallback_names_this_host(served_before_restart):
    served_before_restart.SECRET_KEY = "new-" + "k" * 50
    (line,) = said("emalu.E002")
    assert THIS_HOST in line and "another host used" not in line
    assert "SECRET_KEY_FALLBACKS" in line  # what to do


def test_a_new_media_key_first_names_this_host_at_encrypt_photos(served_before_restart):
    served_before_restart.MEDIA_ENCRYPTION_KEY = [NEW, OLD]
    with pytest.raises(CommandError) as refused:
        call_command("encrypt_photos")
    assert THIS_HOST in str(refused.value) and "another host" not in str(refused.value)
    assert "10 minutes after the last restart" in str(refused.value)


def test_an_old_media_key_dropped_at_once_names_this_host(served_before_restart):
    served_before_restart.MEDIA_ENCRYPTION_KEY = [NEW]
    (line,) = said("consent.E012")
    assert THIS_HOST in line and "another host" not in line


def test_a_setting_changed_names_this_host(served_before_restart):
    served_before_restart.ACCESS_REQUEST_DAYS = 10
    (line,) = said("consent.I002")
    assert THIS_HOST in line and "another host" not in line
