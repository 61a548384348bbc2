"""A staff member's address is where the officers' digest of requests falling due and each new
request's notice go: one no mail reaches got them nowhere while each day's requests ran to their
legal due dates. It is held to the rule a visitor's address is (subjects.clean_email), whether
the first officer is made by `create_privacy_officer` or an address is edited in the admin."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tests.staff import form_as_shown

NOWHERE = [
    # (typed, what the line says of it, in English: the command's language)
    ("aliya@localhost", "Mail cannot be sent to this address"),
    ("aliya@example.com", "set aside for examples and tests"),
    ("aliya@emaluplus-vko", "no ending after «@emaluplus-vko»"),
    ("aliya@gmail.con", "Did you mean aliya@gmail.com?"),
    ("aliya", "no @ sign"),
    ("Aliya <aliya@mail.kz>", None),
]


@pytest.mark.parametrize(("email", "said"), NOWHERE)
def test_the_command_refuses_an_address_no_mail_reaches(db, email, said):
    with pytest.raises(CommandError) as stopped:
        call_command("create_privacy_officer", "aliya", "--email", email, stdout=io.StringIO())
    line = str(stopped.value)
    assert line.startswith(f"{email!r} is not a staff member's email address: ")
    assert line.endswith("Nothing was created.")
    assert said is None or said in line  # in English, whatever the site's language
    assert not get_user_model().objects.exists()


def test_the_command_keeps_the_address_as_the_rule_writes_it(db):
    call_command("create_privacy_officer", "aliya", "--email", " Aliya@Mail.KZ ",
                 stdout=io.StringIO())  # fmt: skip
    assert get_user_model().objects.get().email == "Aliya@mail.kz"


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("email", ["dana@localhost", "dana@example.com", "dana@mail"])
def test_the_admin_refuses_a_staff_address_no_mail_reaches(
    officer_client, privacy_officer, language, email
):
    """Said in the staff member's language, and the address on record kept."""
    url = f"/admin/auth/user/{privacy_officer.pk}/change/"
    officer_client.cookies["django_language"] = language
    officer_client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    saved = officer_client.post(url, {**form_as_shown(officer_client.get(url)), "email": email,
                                      "_save": 1})  # fmt: skip
    assert saved.status_code == 200
    errors = saved.context["adminform"].form.errors["email"]
    assert errors and not any("address" in error for error in errors)  # not left in English
    assert any({"kk": "мекенжай", "ru": "адрес"}[language] in error for error in errors)
    assert get_user_model().objects.get(pk=privacy_officer.pk).email == privacy_officer.email


def test_the_admin_takes_a_staff_address_mail_reaches_or_none(officer_client, privacy_officer):
    url = f"/admin/auth/user/{privacy_officer.pk}/change/"
    for email, kept in [("Dana.New@Mail.KZ", "Dana.New@mail.kz"), ("", "")]:
        shown = officer_client.get(url)
        saved = officer_client.post(url, {**form_as_shown(shown), "email": email, "_save": 1})
        assert saved.status_code == 302, saved.context["adminform"].form.errors
        assert get_user_model().objects.get(pk=privacy_officer.pk).email == kept


@pytest.mark.live
def test_the_same_officer_made_on_two_hosts_at_once_is_refused_not_a_traceback(
    django_db_blocker,
):
    """Step 5 typed on both hosts at once (two operators): the second had looked the name up
    before the first committed, and stopped on an IntegrityError's traceback. It says the name
    is taken, exit 1, as when it was made long before."""
    import subprocess
    import time

    from tests.live import PYTHON, ROOT, live_database, query, running_host, site_env

    making = ("from django.contrib.auth.models import User; from django.db import transaction; "
              "transaction.set_autocommit(False); "
              "User.objects.create_user('dana', 'd@mail.kz')")  # fmt: skip
    with django_db_blocker.unblock(), live_database() as url:
        env = site_env(url)
        with running_host(env) as host_a:
            host_a.ask(making)  # not yet committed
            host_b = subprocess.Popen(
                [PYTHON, "manage.py", "create_privacy_officer", "dana", "--email", "d@mail.kz"],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            for _ in range(600):  # until host B's insert waits for host A's
                waiting = ("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                           "AND datname = current_database()")  # fmt: skip
                if query(url, waiting) != [(0,)] or host_b.poll() is not None:
                    break
                time.sleep(0.1)
            host_a.ask("from django.db import transaction; transaction.commit()")
            out, err = host_b.communicate(timeout=120)
    assert host_b.returncode == 1, out + err
    assert "A user named 'dana' exists already." in err and "Traceback" not in err
