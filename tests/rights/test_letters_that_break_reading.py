"""A letter whose reading fails must not stop the intake (attack5). The mailbox is read in
order, and a letter that raised stayed first in it: every run stopped on it again, and the
letters behind it, whatever they asked, were never taken in. Such a letter is set aside whole
for the officers (quarantine.py), and the run goes on (intake.ingest)."""

from django.core.management import call_command

from consent.rights import intake
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import deliver, left, message

# A chain of forwards, each passed on again with a word, a thousand deep (some 90 KB, what a
# long forwarded chain or a pasted one makes): read one inside another, it exhausted Python's
# stack (RecursionError), and the intake stopped on it.
HEADS = "".join(
    f"---------- Forwarded message ---------\nFrom: Б <b{n}@example.kz>\nSubject: Fwd\n\nсм.\n"
    for n in range(1000)
)


def _behind_it(mailbox, first):
    """`first`, then an ordinary request from Marat, in the mailbox; one run of the intake."""
    deliver(mailbox, first)
    deliver(mailbox, message("Удаление данных", sender="marat@example.kz", message_id="<m@x>",
                             body="Здравствуйте. Удалите мои данные."))  # fmt: skip
    call_command("fetch_request_mail")


def test_a_letter_of_a_thousand_forwards_is_taken_in_and_the_letters_after_it(mailbox, person):
    _behind_it(mailbox, message("Fwd", message_id="<deep@x>",
                                body=f"Удалите мои данные.\n\n{HEADS}"))  # fmt: skip
    assert left(mailbox) == 0
    assert Ticket.objects.filter(email="marat@example.kz").exists()
    asel = Ticket.objects.get(email="asel@example.kz")
    assert asel.type == Ticket.Type.DESTROY  # read as any forward: her own words above it


def test_a_letter_whose_reading_fails_is_set_aside_and_the_next_one_read(
    mailbox, person, monkeypatch
):
    """Whatever fails in reading a letter's words (here a stand-in for the next such fault)."""
    recognise = intake.recognise

    def failing(subject_line, body="", **options):
        if "неисправность" in body:
            raise RecursionError("maximum recursion depth exceeded")
        return recognise(subject_line, body, **options)

    monkeypatch.setattr(intake, "recognise", failing)
    _behind_it(mailbox, message("Вопрос", message_id="<bad@x>", body="Здесь неисправность."))
    assert left(mailbox) == 0
    aside = QuarantinedMessage.objects.get()
    assert aside.reason == QuarantinedMessage.Reason.UNREADABLE
    assert not aside.truncated  # kept whole
    assert Ticket.objects.filter(email="marat@example.kz").exists()
