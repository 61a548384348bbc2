"""A mail server that takes the session and drops it mid-run (a restart, a proxy's idle cut, a
network blip): `fetch_request_mail` stops with one line naming IMAP_URL and how many letters
were taken in, exit 1 (CommandError), and loses none: what was stored before the drop is removed
from the mailbox or found stored by the next run, the rest stays for it. It was four chained
tracebacks in the journal every 5 minutes (imaplib's LOGOUT on the dead line hid the first).

Real parts: a socket server on loopback speaking enough IMAP for the command (plain `imap://`,
which the command allows on loopback), and the command as the timer starts it."""

import socket
import threading
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from consent.core.models import JobRun
from consent.rights.models import Ticket
from tests.rights.conftest import message

DATE = b'"06-Dec-2026 09:00:00 +0500"'


class Mailbox:
    """The server's state: its messages by UID, the UIDs expunged, and the command it drops the
    session at (`drop_at`: a word and the UID it names, or None)."""

    def __init__(self, messages, drop_at=None):
        self.messages = dict(enumerate(messages, 1))
        self.expunged, self.drop_at = [], drop_at

    def answer(self, tag, words):
        command = words[1].upper() if words[0].upper() == "UID" else words[0].upper()
        args = words[2:] if words[0].upper() == "UID" else words[1:]
        if self.drop_at and (command, args[0] if args else "") == self.drop_at:
            return None
        out = []
        if command == "CAPABILITY":
            out.append(b"* CAPABILITY IMAP4rev1 UIDPLUS")
        elif command == "SELECT":
            out.append(b"* %d EXISTS" % len(self.messages))
        elif command == "SEARCH":
            wanted = " ".join(args).upper()
            uids = [] if "KEYWORD" in wanted else sorted(self.messages)
            out.append(b"* SEARCH " + b" ".join(b"%d" % u for u in uids))
        elif command == "FETCH":
            uid = int(args[0])
            raw = self.messages[uid]
            out.append(b"* %d FETCH (UID %d INTERNALDATE %s BODY[] {%d}\r\n" % (uid, uid, DATE,
                       len(raw)) + raw + b")")  # fmt: skip
        elif command == "EXPUNGE":
            uid = int(args[0])
            self.messages.pop(uid, None)
            self.expunged.append(uid)
        elif command == "LOGOUT":
            out.append(b"* BYE")
        out.append(tag.encode() + b" OK done")
        return b"".join(line + b"\r\n" for line in out)


@contextmanager
def imap_server(mailbox):
    """`mailbox` served on a loopback port, one session at a time; yields the port."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn, conn.makefile("rb") as lines:
                conn.sendall(b"* OK [CAPABILITY IMAP4rev1 UIDPLUS] ready\r\n")
                for line in lines:
                    tag, *words = line.decode().split()
                    reply = mailbox.answer(tag, words)
                    if reply is None:  # dropped: no reply, the connection closed
                        break
                    conn.sendall(reply)
                    if words[0].upper() == "LOGOUT":
                        break

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()


@pytest.mark.parametrize(
    "drop_at", [("SEARCH", "UNDELETED"), ("FETCH", "2"), ("STORE", "2"), ("LOGOUT", "")]
)
def test_a_session_dropped_mid_run_is_one_line_and_loses_no_letter(person, settings, drop_at):
    letters = [message("Жеке деректерді жаңарту", message_id="<d1@x>"),
               message("Сұрақ", message_id="<d2@x>")]  # fmt: skip
    mailbox = Mailbox(letters, drop_at=drop_at)
    with imap_server(mailbox) as port:
        settings.IMAP_URL = f"imap://requests:pw@127.0.0.1:{port}/INBOX"
        if drop_at[0] == "LOGOUT":  # every letter in and out: a drop at the goodbye is no fault
            call_command("fetch_request_mail")
        else:
            with pytest.raises(CommandError) as failed:
                call_command("fetch_request_mail")
            said = str(failed.value)
            assert said.startswith(f"IMAP_URL: the mailbox at 127.0.0.1:{port} broke off the "
                                   "session: ") and "\n" not in said, said  # fmt: skip
            taken = 0 if drop_at[0] == "SEARCH" else (1 if drop_at[0] == "FETCH" else 2)
            assert f"; {taken} message(s) taken in before it, the rest stay" in said, said
            assert not JobRun.objects.filter(job="intake").exists()  # not a run that went through
            assert Ticket.objects.count() == taken
            mailbox.drop_at = None  # the server is back: the next run takes in the rest
            call_command("fetch_request_mail")
        assert mailbox.messages == {} and sorted(mailbox.expunged) == [1, 2]
    assert sorted(Ticket.objects.values_list("type", flat=True)) == ["correct", "other"]
