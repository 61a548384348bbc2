"""A database migrated before the app split (consent.0012) upgrades with nothing lost: every
row stays, the triggers still refuse, and the role groups keep their permissions, which follow
the models to their new apps."""

import json
import os
import subprocess
import uuid

import psycopg
import pytest

from ..live import PYTHON, ROOT, _admin_dsn

pytestmark = pytest.mark.live

# Run in a process of its own against a scratch database: the state before the split is built
# with the migration executor (no post_migrate signals), as the code of that time left it.
SCRIPT = r"""
import json
from datetime import timedelta

import django
django.setup()

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from emalu.db.base import as_owner

OLD = {"request": ["view", "change"], "calendaroverride": ["view", "add", "change", "delete"],
       "correction": ["view"], "breach": ["view", "add", "change"], "cookiechoice": ["view"],
       "campaign": ["view", "add", "change"], "usedlink": [], "campaignrecipient": []}

with as_owner():
    executor = MigrationExecutor(connection)
    executor.migrate([("consent", "0012_request_types_art6_19"), ("emalu", "0001_initial"),
                      ("forms_app", "0001_initial")])
    with connection.cursor() as c:
        tables = {t for t in connection.introspection.table_names(c)}
    assert "consent_request" in tables and "consent_cookiechoice" in tables, tables
    # What the old code's post_migrate made: content types and permissions under "consent",
    # and the officer and marketer groups holding some of them.
    officer, _ = Group.objects.get_or_create(name="privacy_officer")
    marketer, _ = Group.objects.get_or_create(name="marketer")
    old_ids = {}
    for model, actions in OLD.items():
        ct = ContentType.objects.create(app_label="consent", model=model)
        old_ids[model] = ct.pk
        for action in ["add", "change", "delete", "view"]:
            p = Permission.objects.create(content_type=ct, codename=f"{action}_{model}",
                                          name=f"Can {action} {model}")
            if action in actions:
                (marketer if model == "campaign" else officer).permissions.add(p)
    # Rows in every moved table and in the append-only ones, written as the old code wrote them.
    now = timezone.now()
    with connection.cursor() as c:
        c.execute("INSERT INTO consent_subject (full_name, email, phone, birth_place, photo,"
                  " language, created_at, updated_at) VALUES ('Әсел', 'a@example.kz', NULL, '',"
                  " '', 'kk', %s, %s) RETURNING id", [now, now])
        subject = c.fetchone()[0]
        c.execute("INSERT INTO consent_ledgerentry (subject_id, purpose, kind, text_sha256,"
                  " language, at, user_agent, source, reason) VALUES"
                  " (%s, NULL, 'block', '', '', %s, '', 'admin', 'check')", [subject, now])
        c.execute("INSERT INTO consent_auditevent (at, action, actor_label, subject_ref,"
                  " object_type, object_id, detail) VALUES (%s, 'subject_block', '', %s, '', '',"
                  " '{}')", [now, subject])
        c.execute("INSERT INTO consent_request (type, status, channel, subject_id, email,"
                  " language, purpose, message, received_at, due_date, outcome) VALUES"
                  " ('access', 'open', 'web', %s, 'a@example.kz', 'kk', '', 'hello', %s, %s, '')"
                  " RETURNING id", [subject, now, now.date()])
        ticket = c.fetchone()[0]
        c.execute("INSERT INTO consent_correction (subject_id, request_id, field, old_value,"
                  " new_value, document, at) VALUES (%s, %s, 'full_name', 'A', 'B', 'doc', %s)",
                  [subject, ticket, now])
        c.execute("INSERT INTO consent_calendaroverride (date, is_working_day, note) VALUES"
                  " (%s, true, 'decree')", [now.date()])
        c.execute("INSERT INTO consent_breach (detected_at, description, data_affected,"
                  " people_affected, measures, regulator_due, subjects_notified, created_at)"
                  " VALUES (%s, 'x', '', 1, '', %s, false, %s)", [now, now.date(), now])
        c.execute("INSERT INTO consent_campaign (title, subject_kk, body_kk, subject_ru, body_ru,"
                  " status, created_at, recipient_count) VALUES ('t', 's', 'b', '', '', 'sent',"
                  " %s, 1) RETURNING id", [now])
        campaign = c.fetchone()[0]
        c.execute("INSERT INTO consent_campaignrecipient (campaign_id, subject_id, language,"
                  " queued_at) VALUES (%s, %s, 'kk', %s)", [campaign, subject, now])
        c.execute("INSERT INTO consent_cookiechoice (visitor, choice, policy_version, at) VALUES"
                  " (gen_random_uuid(), 'reject', 1, %s)", [now])
        c.execute("INSERT INTO consent_usedlink (nonce, used_at) VALUES (gen_random_uuid(), %s)",
                  [now])
    counted = ["consent_subject", "consent_ledgerentry", "consent_auditevent", "consent_request",
               "consent_correction", "consent_calendaroverride", "consent_breach",
               "consent_campaign", "consent_campaignrecipient", "consent_cookiechoice",
               "consent_usedlink"]

    def counts():
        with connection.cursor() as c:
            out = {}
            for t in counted:
                c.execute(f"SELECT count(*) FROM {t}")
                out[t] = c.fetchone()[0]
            return out

    before = counts()

# The upgrade itself, as an operator runs it (migrate, with its post_migrate signals).
call_command("migrate", verbosity=0)

from consent.rights.models import Ticket
from emalu.roles import ROLES

refused = {}
for table in ["consent_ledgerentry", "consent_auditevent", "consent_cookiechoice"]:
    try:
        with transaction.atomic(), connection.cursor() as c:
            c.execute(f"UPDATE {table} SET id = id")
        refused[table] = False
    except DatabaseError:
        refused[table] = True
ticket_ct = ContentType.objects.get_for_model(Ticket)
print(json.dumps({
    "before": before, "after": counts(),
    "ticket_row": list(Ticket.objects.values_list("id", "email", "message"))[0],
    "ticket_content_type_kept": ticket_ct.pk == old_ids["request"],
    "stale": list(ContentType.objects.filter(app_label="consent", model__in=list(OLD))
                  .values_list("model", flat=True)),
    "groups": {name: sorted(f"{p.content_type.app_label}.{p.codename}"
                            for p in Group.objects.get(name=name).permissions.all())
               for name in ROLES},
    "wanted": {name: sorted(role["perms"]) for name, role in ROLES.items()},
    "refused": refused,
}))
"""


@pytest.fixture
def scratch_url():
    from django.db import connection

    name = f"emalu_upgrade_{uuid.uuid4().hex[:8]}"
    db = connection.settings_dict
    with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"
    finally:
        with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_database_from_before_the_split_upgrades_with_nothing_lost(scratch_url):
    env = {**os.environ, "DATABASE_URL": scratch_url, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    done = subprocess.run(
        [PYTHON, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["after"] == result["before"]
    assert all(count == 1 for count in result["before"].values())
    assert result["ticket_row"][1:] == ["a@example.kz", "hello"]
    # The content type was relabelled, not replaced: permissions and admin log entries follow.
    assert result["ticket_content_type_kept"]
    assert result["stale"] == []
    assert result["groups"] == result["wanted"]
    assert result["refused"] == dict.fromkeys(result["refused"], True)
