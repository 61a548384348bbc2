"""`manage.py tombstones` (docs/deploy/backups.md): the destructions a restored backup must not
bring back, exported from one database and applied again in another, and the journal line each
destruction leaves outside the database."""

import io
import json
import logging
import subprocess
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from consent.core.models import Subject, Tombstone
from consent.rights.erasure import subject_destroy
from consent.rights.management.commands.tombstones import COLUMNS
from emalu.logline import JsonFormatter
from tests.live import PYTHON, ROOT, site_env

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


PARENT = "gulnar@example.kz"


def restored(listed, *rows_back):
    """The database as an older backup brings it back: what was destroyed, there again."""
    for put_back in rows_back:
        put_back()
    return run("reapply", str(listed))


def test_a_parents_erased_name_and_contact_stay_erased_after_a_restore(
    tmp_path, texts, django_capture_on_commit_callbacks
):
    """Erasing what a parent gave for a child left no destruction record: a backup restored
    and `tombstones reapply` brought their name, contact, request and mail back."""
    from post_office.models import Email

    from consent.core.ledger import consent_grant
    from consent.core.mail import queue_mail
    from consent.core.models import Guardian, Source
    from consent.core.purposes import SERVICE
    from consent.rights.guardianship import ticket_destroy_guardian
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_open, ticket_verify

    child = Subject.objects.create(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                                   birth_date="2012-05-17")  # fmt: skip
    guardian = Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact=PARENT)
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=guardian)  # fmt: skip
    ticket = ticket_open(kind="destroy", email=PARENT, language="kk", channel="email",
                         message="Гүлнар: жойыңыз")  # fmt: skip
    ticket_verify(ticket)
    ticket = Ticket.objects.get(pk=ticket.pk)
    assert ticket.as_guardian and ticket.subject_id is None
    with django_capture_on_commit_callbacks(execute=True):
        ticket_destroy_guardian(ticket, actor=None)
    out, _err = run("export")
    assert f",{ticket.reference},".join(["", ""]) in out and ",guardian," in out
    listed = tmp_path / "tombstones.csv"
    listed.write_text(out)

    def guardian_back():
        Guardian.objects.filter(pk=guardian.pk).update(
            full_name="Гүлнар Қасымова", name_key="гулнар", contact=PARENT
        )

    def request_back():
        Ticket.objects.filter(pk=ticket.pk).update(email=PARENT, message="Гүлнар: жойыңыз")

    def mail_back():  # written before the erasure, as the backup holds it
        queue_mail(PARENT, "ack", {"name": "x", "ack_line": "x", "policy_number": 1},
                   language="kk", subject_line="ack")  # fmt: skip
        Email.objects.filter(to__icontains=PARENT).update(created=ticket.received_at)

    with django_capture_on_commit_callbacks(execute=True):
        out, _err = restored(listed, guardian_back, request_back, mail_back)
    assert "erased again: 1" in out
    guardian.refresh_from_db()
    assert (guardian.full_name, guardian.name_key, guardian.contact) == ("", "", "")
    assert Ticket.objects.filter(pk=ticket.pk, email="", message="").exists()
    assert not Email.objects.filter(to__icontains=PARENT).exists()
    out, _err = run("reapply", str(listed))
    assert "erased again: 0" in out  # nothing left to erase: counted, nothing written


def test_items_a_minimisation_erased_stay_erased_after_a_restore(
    tmp_path, django_capture_on_commit_callbacks
):
    """A person who stays lost items of their data (a withdrawal, a purpose ended): restoring
    an older backup brought them back for good, no record naming them."""
    from consent.rights.erasure import subject_minimise

    person = Subject.objects.create(full_name="Kept Person", email="kept@example.kz",
                                    phone="+77015550000", birth_place="Zqtown")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        subject_minimise(person, keep=["full_name", "email"], request_ref="R-2026-00011")
    out, _err = run("export")
    assert f"{person.pk},R-2026-00011," in out and "minimised" in out
    listed = tmp_path / "tombstones.csv"
    listed.write_text(out)

    def back():
        Subject.objects.filter(pk=person.pk).update(phone="+77015550000", birth_place="Zqtown")

    out, _err = restored(listed, back)
    assert "erased again: 1" in out
    person.refresh_from_db()
    assert (person.phone, person.birth_place, person.email) == (None, "", "kept@example.kz")


def test_a_list_naming_an_item_that_is_no_data_is_refused_whole(tmp_path):
    person = Subject.objects.create(full_name="Kept Person", email="kept@example.kz")
    at = timezone.now().isoformat()
    listed = tmp_path / "tombstones.csv"
    listed.write_text(f"{person.pk},R-1,{at},minimised,phone\n{person.pk},R-2,{at},minimised,"
                      "email; DROP\n")  # fmt: skip
    with pytest.raises(CommandError, match="line 2 is not"):
        run("reapply", str(listed))
    assert Subject.objects.filter(pk=person.pk, email="kept@example.kz").exists()


def test_the_destruction_records_say_what_went_in_the_officers_language(officer_client):
    from consent.rights.erasure import subject_minimise

    person = Subject.objects.create(full_name="Kept Person", email="kept@example.kz",
                                    phone="+77015550000")  # fmt: skip
    subject_minimise(person, keep=["full_name", "email"], request_ref="R-2026-00012")
    tombstone = Tombstone.objects.get()
    officer_client.cookies["django_language"] = "ru"
    listed = officer_client.get("/admin/consent/tombstone/").content.decode()
    shown = officer_client.get(f"/admin/consent/tombstone/{tombstone.pk}/change/").content.decode()
    for page in (listed, shown):
        assert "часть записи" in page and "номер телефона" in page and "R-2026-00012" in page
        assert f"№\xa0{person.pk}" in page  # the person by number, as the site writes one
        assert "birth_place" not in page  # codes are read in words


def test_a_form_submission_retention_erased_stays_erased_after_a_restore(
    tmp_path, texts, make_subject, django_capture_on_commit_callbacks
):
    """Retention erases an inquiry answered and past its grace period (erasure.submission_erase)
    and left no destruction record: a backup restored brought the inquiry back, its words and
    all, until the next nightly run found it again."""
    from consent.core.ledger import consent_grant
    from consent.core.models import Source, Submission
    from consent.core.purposes import SERVICE
    from consent.rights.retention import enforce_retention

    person = make_subject(email="inquirer@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    long_ago = timezone.now() - timedelta(days=40)
    answered = Submission.objects.create(subject=person, source=Source.CONTACT_FORM,
                                         language="kk", data={"message": "Zqinquiry"},
                                         answered_at=long_ago)  # fmt: skip
    Submission.objects.create(subject=person, source=Source.CONTACT_FORM, language="kk",
                              data={"message": "still open"})  # fmt: skip
    row = Submission.objects.filter(pk=answered.pk).values().get()
    with django_capture_on_commit_callbacks(execute=True):
        enforce_retention()
    assert not Submission.objects.filter(pk=answered.pk).exists()
    out, _err = run("export")
    assert f"{person.pk},retention " in out and f",submission,{answered.pk}" in out
    listed = tmp_path / "tombstones.csv"
    listed.write_text(out)

    def back():
        Submission.objects.create(**row)

    with django_capture_on_commit_callbacks(execute=True):
        out, _err = restored(listed, back)
    assert "erased again: 1" in out
    assert not Submission.objects.filter(data__message="Zqinquiry").exists()
    assert Submission.objects.filter(subject=person, data__message="still open").exists()
    out, _err = run("reapply", str(listed))
    assert "erased again: 0, left alone: 0" in out  # nothing left: counted as gone


def test_an_export_from_a_database_that_does_not_answer_writes_nothing(tmp_path):
    """`tombstones export > tombstones.csv` (backups.md, step 2) on a database gone: the file
    stays empty and the command exits 1. It had written the header line first, and `reapply`
    read the header-only list as «nothing was destroyed», bringing every destruction back."""
    env = site_env("postgres://postgres@127.0.0.1:1/gone", DJANGO_SETTINGS_MODULE="tests.settings")
    with (tmp_path / "tombstones.csv").open("w") as listed:
        done = subprocess.run([PYTHON, "manage.py", "tombstones", "export"], cwd=ROOT, env=env,
                              stdout=listed, stderr=subprocess.PIPE, text=True)  # fmt: skip
    assert done.returncode == 1
    assert "database could not be reached" in done.stderr
    assert (tmp_path / "tombstones.csv").read_text() == ""


@pytest.mark.parametrize("listed", ["", "\n"])
def test_an_empty_list_is_refused_not_read_as_no_destruction(tmp_path, listed):
    """An empty file is what an export that never started leaves (run as root, the database
    down, `| reapply -` after it failed): refused, not «destroyed again: 0», exit 0."""
    person = Subject.objects.create(full_name="Restored Person", email="restored@example.kz")
    (tmp_path / "tombstones.csv").write_text(listed)
    with pytest.raises(CommandError, match="the list is empty"):
        run("reapply", str(tmp_path / "tombstones.csv"))
    assert Subject.objects.filter(pk=person.pk).exists()


def test_lists_from_several_hosts_journals_joined_are_read(tmp_path):
    """backups.md's jq line writes the header first, so a journal with no destruction gives a
    list `reapply` takes; the lists of two hosts joined (`cat`) have a header each."""
    first = Subject.objects.create(full_name="First Person", email="first@example.kz")
    second = Subject.objects.create(full_name="Second Person", email="second@example.kz")
    at = (second.created_at + timedelta(hours=1)).isoformat()
    header = ",".join(COLUMNS)
    (tmp_path / "tombstones.csv").write_text(
        f'{header}\n{first.pk},"R-2026-00001","{at}","subject",""\n'
        f'{header}\n{second.pk},"R-2026-00002","{at}","subject",""\n{header}\n'
    )
    out, _err = run("reapply", str(tmp_path / "tombstones.csv"))
    assert "destroyed again: 2, gone already: 0" in out
