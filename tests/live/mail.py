"""Mail servers on loopback: Dovecot (IMAP) and an aiosmtpd inbox."""

import email
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from contextlib import contextmanager, suppress
from pathlib import Path

from .base import free_port, wait_for_port
from .proxy import test_certificate


@contextmanager
def dovecot(user, password):
    """Debian's Dovecot serving IMAPS on loopback; yields (port, its certificate)."""
    import pwd

    # Not under pytest's tmp_path: its 0700 parents keep the mail user (nobody) out.
    directory = Path(tempfile.mkdtemp(prefix="emalu-dovecot-"))
    directory.chmod(0o755)

    binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
    if not os.path.exists(binary):
        raise FileNotFoundError("dovecot (apt-get install dovecot-imapd)")
    cert, key = test_certificate(directory)
    nobody = pwd.getpwnam("nobody")
    mail = directory / "mail"
    mail.mkdir()
    os.chown(mail, nobody.pw_uid, nobody.pw_gid)
    (directory / "passwd").write_text(f"{user}:{{PLAIN}}{password}\n")
    port = free_port()
    config = directory / "dovecot.conf"
    config.write_text(f"""
protocols = imap
listen = 127.0.0.1
base_dir = {directory}/run
state_dir = {directory}/state
log_path = {directory}/dovecot.log
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
auth_mechanisms = plain login
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {directory}/passwd
}}
userdb {{
  driver = static
  args = uid={nobody.pw_uid} gid={nobody.pw_gid} home={mail}/%u
}}
mail_location = maildir:{mail}/%u
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
""")
    # A process group of its own: the master and the login, auth and imap processes it starts.
    proc = subprocess.Popen([binary, "-F", "-c", str(config)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    try:
        wait_for_port(port, directory / "dovecot.log")
        yield port, cert
    finally:
        # Killed, not stopped (a stop waits a second for its clients): the mailbox goes too.
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def smtp_relay(handler=None, port=None, **options):
    """An aiosmtpd server on loopback, on `port` (a free one by default), with `handler` (an
    Inbox by default) and the Controller's other `options` (an authenticator...); yields
    (handler, port) and stops it after."""
    from aiosmtpd.controller import Controller

    handler, port = handler or Inbox(), port or free_port()
    # aiosmtpd logs each command and reply at INFO (some ten lines a mail, formatted by the
    # site's JSON logging and pytest's capture, in this process): the tests read what the
    # handler kept, never those lines. Its warnings and errors still show.
    server_log = logging.getLogger("mail.log")
    level = server_log.level
    server_log.setLevel(max(level, logging.WARNING))
    controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()
        server_log.setLevel(level)


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"
