"""`manage.py tombstones` (docs/deploy/backups.md): the destructions a restored backup must not
bring back, exported from one database and applied again in another, and the journal line each
destruction leaves outside the database."""

import io
import json
import logging
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from consent.core.models import Subject, Tombstone
from consent.rights.erasure import subject_destroy
from emalu.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("tombstones", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_list_line_that_cannot_be_read_destroys_no_one(tmp_path):
    person = Subject.objects.create(full_name="Kept Person", email="kept@example.kz")
    listed = tmp_path / "tombstones.csv"
    listed.write_text(f"subject_ref,request_ref,at\n{person.pk},R-1,{timezone.now().isoformat()}\n"
                      "12,R-2,yesterday\n")  # fmt: skip
    with pytest.raises(CommandError, match="line 3 is not subject_ref,request_ref,at"):
        run("reapply", str(listed))
    assert Subject.objects.filter(pk=person.pk).exists()


def test_a_number_given_to_someone_after_the_destruction_is_left_alone(tmp_path):
    newcomer = Subject.objects.create(full_name="New Person", email="new@example.kz")
    earlier = (newcomer.created_at - timedelta(days=1)).isoformat()
    listed = tmp_path / "tombstones.csv"
    listed.write_text(f"{newcomer.pk},R-2026-00001,{earlier}\n")
    out, err = run("reapply", str(listed))
    assert "another person has that number here" in err
    assert "destroyed again: 0, gone already: 0" in out
    assert Subject.objects.filter(pk=newcomer.pk).exists()


def test_an_export_read_back_destroys_those_it_names(tmp_path, django_capture_on_commit_callbacks):
    gone = Subject.objects.create(full_name="Gone Person", email="gone@example.kz")
    with django_capture_on_commit_callbacks(execute=True):
        subject_destroy(gone, request_ref="R-2026-00007")
    out, _err = run("export")
    assert out.splitlines()[1].startswith(f"{gone.pk},R-2026-00007,")
    listed = tmp_path / "tombstones.csv"
    listed.write_text(out)
    out, _err = run("reapply", str(listed))
    assert "destroyed again: 0, gone already: 1" in out
    assert Tombstone.objects.count() == 1


def test_each_destruction_leaves_a_journal_line_with_numbers_only(
    caplog, django_capture_on_commit_callbacks
):
    person = Subject.objects.create(full_name="Zqmarker Person", email="zq@example.kz")
    pk = person.pk
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        tombstone = subject_destroy(person, request_ref="R-2026-00009")
    lines = [json.loads(JsonFormatter().format(r)) for r in caplog.records
             if r.getMessage() == "data subject destroyed"]  # fmt: skip
    assert len(lines) == 1
    assert lines[0]["subject_ref"] == pk and lines[0]["request_ref"] == "R-2026-00009"
    assert lines[0]["at"] == tombstone.at.isoformat()
    assert "zq" not in json.dumps(lines[0]).lower()


def test_the_list_made_from_the_journal_is_read(tmp_path):
    """backups.md's jq line quotes the texts (@csv): `42,"R-2026-00042","2026-…"`."""
    person = Subject.objects.create(full_name="Journal Person", email="journal@example.kz")
    at = (person.created_at + timedelta(hours=1)).isoformat()
    listed = tmp_path / "tombstones.csv"
    listed.write_text(f'{person.pk},"R-2026-00042","{at}"\n')
    out, _err = run("reapply", str(listed))
    assert "destroyed again: 1, gone already: 0" in out
    assert Tombstone.objects.get().request_ref == "R-2026-00042"
