"""Compliance L4: policy version 1, published by a migration before digests were kept, is checked
like any later version: migration consent.0059 gave it the SHA-256 of the words it was published
with (the seed files), so words of it altered in the database since are named by the check and not
passed off as the policy every early consent was given under."""

import hashlib
import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.checks import run_checks
from django.db import connection, transaction

from consent.core.digests import policy_intact
from consent.core.models import PolicyVersion

SEED = Path(__file__).resolve().parents[2] / "consent" / "core" / "seed"
fill_digests = importlib.import_module("consent.core.migrations.0059_policy_v1_digest").fill_digests

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the owner's rights are PostgreSQL's"
)


def seed_digest(language):
    words = (SEED / f"privacy-policy-{language}.txt").read_text(encoding="utf-8")
    return hashlib.sha256(words.encode()).hexdigest()


@pytest.fixture
def as_owner(db):
    """Statements run as the database's owner (who migrates), the triggers left as they are
    unless a statement says otherwise."""

    def run(do):
        # A failed statement rolls the savepoint back, and the RESET ROLE with it.
        with connection.cursor() as cursor, transaction.atomic():
            cursor.execute("RESET ROLE")
            do(cursor)
            cursor.execute("SET ROLE emalu_app")

    return run


def bypassed(sql, params=()):
    """`sql` with the triggers bypassed, as an intruder holding the owner's rights would."""

    def do(cursor):
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(sql, params)
        cursor.execute("SET session_replication_role = origin")

    return do


def version_one_altered_warnings():
    return [
        w.msg
        for w in run_checks(databases=["default"])
        if w.id == "consent.W004" and "privacy policy version 1 " in w.msg
    ]


@pytest.mark.django_db
def test_version_one_carries_the_digest_of_the_words_it_was_published_with():
    first = PolicyVersion.objects.get(number=1)
    assert first.published_at is not None
    assert (first.sha256_kk, first.sha256_ru) == (seed_digest("kk"), seed_digest("ru"))
    assert policy_intact(first, "kk") and policy_intact(first, "ru")
    assert version_one_altered_warnings() == []


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_version_one_altered_in_the_database_is_named_by_the_check(as_owner, language):
    first = PolicyVersion.objects.get(number=1)
    as_owner(bypassed(f"UPDATE consent_policyversion SET text_{language} = text_{language} "
                      "|| ' Өзгертілді.' WHERE id = %s", [first.pk]))  # fmt: skip
    first.refresh_from_db()
    assert not policy_intact(first, language)
    (warning,) = version_one_altered_warnings()
    assert warning.startswith(f"The words kept of the privacy policy version 1 ({language}) ")


def test_the_migration_digests_the_words_published_not_the_row_already_altered(as_owner):
    """A database whose version 1 was altered before the upgrade: the digest the migration gives
    it is of the seed, so the alteration is named after the upgrade instead of being blessed."""
    first = PolicyVersion.objects.get(number=1)
    as_owner(bypassed("UPDATE consent_policyversion SET sha256_kk = '', sha256_ru = '', "
                      "text_kk = text_kk || ' Өзгертілді.' WHERE id = %s", [first.pk]))  # fmt: skip
    first.refresh_from_db()
    assert policy_intact(first, "kk")  # no digest: nothing to check it against

    with connection.schema_editor(atomic=True) as editor:
        as_owner(lambda cursor: fill_digests(apps, editor))

    first.refresh_from_db()
    assert (first.sha256_kk, first.sha256_ru) == (seed_digest("kk"), seed_digest("ru"))
    assert not policy_intact(first, "kk") and policy_intact(first, "ru")
    assert len(version_one_altered_warnings()) == 1


def test_the_trigger_still_refuses_a_change_to_version_one_after_the_migration(as_owner):
    first = PolicyVersion.objects.get(number=1)
    change = "UPDATE consent_policyversion SET text_kk = 'x' WHERE id = %s"
    with pytest.raises(Exception, match="cannot be changed"):
        as_owner(lambda cursor: cursor.execute(change, [first.pk]))
