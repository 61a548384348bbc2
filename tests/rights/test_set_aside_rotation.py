"""A person destroyed after SECRET_KEY was changed: the letters set aside from her address before
the change go with her, whether the old key was kept in SECRET_KEY_FALLBACKS or not (changed in
a hurry, or dropped from the fallbacks a year on as README says). The digests an entry notes
its senders by are keyed with SECRET_KEY (set_aside.py); noted under a key the host no longer
has, they matched nothing, and her auto-replies stayed up to QUARANTINE_KEPT after her
destruction. Two processes as two releases of the env file: the MTA pipe sets the letter aside
under the old key, the officer's destruction runs under the new one."""

import subprocess
import uuid

import pytest

from consent.core.keys import key_digest
from tests.live import (
    LIVE_SECRET_KEY,
    PYTHON,
    ROOT,
    copy_database,
    drop_database,
    live_database,
    query,
    shell,
    site_env,
)

pytestmark = [pytest.mark.live, pytest.mark.django_db]
NEW_KEY = "live-test-rotated-" + "n" * 44
ADDRESS = "asel.rotation@example.kz"
AUTO_REPLY = (f"From: Asel <{ADDRESS}>\r\nTo: em.alu.plus@mail.kz\r\nSubject: Re: your request\r\n"
              "Auto-Submitted: auto-replied\r\nMessage-ID: <away1@example.kz>\r\n\r\n"
              "I am away until Monday.\r\n").encode()  # fmt: skip
DESTROY = (
    "from consent.core.models import Subject; from consent.rights.erasure import subject_destroy; "
    "from consent.rights.models import QuarantinedMessage as Q; "
    f"subject_destroy(Subject.objects.get(email={ADDRESS!r}), request_ref='R-9'); "
    "print(Q.objects.count())"
)


@pytest.fixture(scope="module")
def set_aside(django_db_setup, django_db_blocker):
    """The database as the old release left it, the same for every case: Asel on record, and her
    auto-reply set aside by the MTA pipe under the old key. Made once; each case carries on in a
    copy of it."""
    with django_db_blocker.unblock(), live_database() as url:
        before = site_env(url)  # SECRET_KEY: LIVE_SECRET_KEY
        shell(f"from consent.core.models import Subject; "
              f"Subject.objects.create(full_name='Әсел', email={ADDRESS!r})", before)  # fmt: skip
        piped = subprocess.run([PYTHON, "manage.py", "ingest_request_mail"], cwd=ROOT, env=before,
                               input=AUTO_REPLY, capture_output=True, check=True)  # fmt: skip
        assert b"set aside as Q-" in piped.stdout, piped
        assert query(url, "SELECT count(*) FROM rights_quarantinedmessage") == [(1,)]
        yield url


@pytest.fixture
def url(set_aside, django_db_blocker):
    """A copy of `set_aside`, the case's own."""
    server, template = set_aside.rsplit("/", 1)
    name = f"emalu_live_{uuid.uuid4().hex[:8]}"
    with django_db_blocker.unblock():
        copy_database(name, template)
        try:
            yield f"{server}/{name}"
        finally:
            drop_database(name)


@pytest.mark.parametrize("retention_ran", [False, True], ids=["at-once", "after-retention"])
@pytest.mark.parametrize(
    "fallbacks",
    [pytest.param("", id="without-fallback"),
     pytest.param(LIVE_SECRET_KEY, id="old-key-in-fallbacks")],
)  # fmt: skip
def test_her_letters_set_aside_before_a_key_change_go_with_her_destruction(
    url, fallbacks, retention_ran
):
    """Destroyed at once after the change, or after a night's retention noted her letters'
    senders anew under the new key (so that no later destruction need read them)."""
    after = site_env(url, SECRET_KEY=NEW_KEY, SECRET_KEY_FALLBACKS=fallbacks)
    if retention_ran:
        subprocess.run([PYTHON, "manage.py", "enforce_retention"], cwd=ROOT, env=after,
                       capture_output=True, check=True)  # fmt: skip
        noted = query(url, "SELECT senders_key FROM rights_quarantinedmessage")
        assert noted == [(key_digest(NEW_KEY),)]
    assert shell(DESTROY, after).split() == ["0"]
    assert query(url, "SELECT count(*) FROM rights_setasidesender") == [(0,)]
