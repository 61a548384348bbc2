"""docs/deploy/backups.md's restore, for the outbox: the nightly dump holds the mail queued in the
minute before it, which the database then lost went on to send. Restored, that mail went out a
second time (a person got the same acknowledgement twice). The list of what was sent, from the
current database or from the senders' journal, is recorded in the restored one before the
timers start: what the lost database handed to the relay goes no more, and what it never sent
goes once."""

import re
import subprocess

import pytest

from tests.live import PYTHON, ROOT, live_database, shell, site_env, smtp_relay
from tests.site.test_backup_restore import manage, nightly_backup, restored_from

pytestmark = [
    pytest.mark.live,
    pytest.mark.django_db,
    pytest.mark.requires_tool("pg_dump", apt="postgresql-client"),
]

# Two acknowledgements queued just before the dump, each with a link whose secret the outbox
# keeps until the relay takes the mail.
QUEUED = """
from consent.core.mail import queue_mail
link = "https://emaluplus-vko.kz/kk/my-data/open/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/"
for who in ("first", "second"):
    queue_mail(f"{who}@example.kz", "ack", {"name": who, "ack_line": link, "policy_number": 1},
               language="kk", subject_line=f"ack {who}")
"""

# A minute after the dump the lost database's sender sent the first; it was lost before the
# second went (one batch of one, as a run cut short leaves it).
ONE_SENT = """
from consent.core.delivery import send_batch
print(send_batch(batch_size=1).sent)
"""

SENDER = ["send_queued_mail", "--processes", "1"]


BACKUPS = ROOT / "docs" / "deploy" / "backups.md"


def journal_list(lines: str) -> str:
    """The list the restore's step 2 makes of the senders' journal when the database is lost:
    its jq line, as the page gives it, run on what a sender wrote."""
    text = " ".join(BACKUPS.read_text().split())
    [program] = re.findall(r"jq -rRn '(\"message_id,reply\".*?)'", text)
    done = subprocess.run(["jq", "-rRn", program], input=lines, capture_output=True, text=True,
                          check=True)  # fmt: skip
    return done.stdout


@pytest.mark.requires_tool("jq", apt="jq")
@pytest.mark.parametrize("source", ["database", "journal"])
def test_mail_the_lost_database_sent_goes_no_more_from_the_restored_one(
    django_db_setup, django_db_blocker, tmp_path, source
):
    with django_db_blocker.unblock(), live_database() as current, smtp_relay() as (inbox, port):
        env = site_env(current, EMAIL_URL=f"smtp://127.0.0.1:{port}")
        shell(QUEUED, env)
        dump = nightly_backup(env, tmp_path)
        sender = subprocess.run(
            [PYTHON, "manage.py", "shell", "-v", "0", "-c", ONE_SENT], env=env,
            capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
        assert sender.returncode == 0, sender.stderr
        assert [m["To"] for m in inbox.messages] == ["first@example.kz"]
        if source == "database":
            exported = manage(env, "sent_mail", "export")
            assert exported.returncode == 0, exported.stderr
            listed = exported.stdout
        else:  # the journal: the sender's JSON lines on stderr
            listed = journal_list(sender.stderr)
        assert listed.count("<") == 1 and "@emaluplus-vko.kz>" in listed
        with restored_from(dump, current) as restored:
            env_r = {**env, "DATABASE_URL": restored}
            again = manage(env_r, "sent_mail", "reapply", "-", stdin=listed)
            assert again.returncode == 0, again.stderr
            assert "recorded as sent: 1, left to send: 1" in again.stdout
            sent = manage(env_r, *SENDER)
            assert sent.returncode == 0, sent.stderr
            # The second goes once; the first, which the relay took before the loss, not again.
            assert [m["To"] for m in inbox.messages] == ["first@example.kz", "second@example.kz"]
            twice = manage(env_r, "sent_mail", "reapply", "-", stdin=listed)
            assert "recorded as sent: 0, left to send: 0" in twice.stdout
            # Recorded as a sent mail is: its link without its secret, the relay's receipt kept.
            kept = shell(KEPT, env_r)
            assert "AbCdEfGhIjKl" not in kept and "250" in kept, kept


KEPT = """
from post_office.models import Email
first = Email.objects.get(to=["first@example.kz"])
print(first.status, first.message, first.html_message, [log.message for log in first.logs.all()])
"""


@pytest.mark.parametrize(
    ("listed", "said"),
    [("", "the list is empty"), ("message_id,reply\nnot a message id,250\n", "line 2 is not")],
)
def test_a_list_that_is_not_one_records_nothing(tmp_path, listed, said):
    """An export that never started (the database down, run as root) leaves an empty file, and
    a list read from the wrong file has no Message-IDs: each is refused, not read as «none
    sent», after which every mail in the dump would go again."""
    env = site_env(None, DATABASE_URL="postgres://emalu_app@127.0.0.1:1/emalu",
                   DJANGO_SETTINGS_MODULE="tests.settings")  # fmt: skip
    (tmp_path / "sent.csv").write_text(listed)
    refused = manage(env, "sent_mail", "reapply", str(tmp_path / "sent.csv"))
    assert refused.returncode == 1
    assert said in refused.stderr and "nothing was recorded" in refused.stderr.lower()
