"""A letter in the person's name that says it changes their request (attacker15). Anyone can
write with the person's address in From and the request's number, which counts up, in the
subject line or the text. «Передумала, не удаление, а доступ» closed the destruction request
the person had just sent on the site as it arrived, before anyone pressed a link: the person's
own link then said it was closed, and what they asked was never done. A letter proves nothing
(compliance L9): the request it changes closes once the new request's link is pressed, from the
person's mailbox (joining.close_replaced), and not before."""

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import confirm_link, mails_to, message, web_request

Type, Status = Ticket.Type, Ticket.Status

# (the type the person asks on the site, the forged letter's words), in Russian and Kazakh.
FORGED = {
    "ru destroy to access": ("destroy", "Передумала, не удаление, а доступ к моим данным."),
    "ru access to destroy": ("access", "Передумала, не доступ, а удалите мои данные."),
    "ru block to destroy": ("block", "Передумала, не блокировка, а удаление моих данных."),
    "kk destroy to access": ("destroy", "Ойымды өзгерттім: жою емес, деректеріме қол жеткізу."),
    "kk access to destroy": ("access", "Жоқ, қол жеткізу емес, мен туралы бәрін жойыңыз."),
}


# «…takes the place of your request…», in the mail's language.
REPLACES = ("өтінішіңіздің орнын басады", "заменит ваш запрос")


def _forged(number, words, where):
    """The letter as a stranger writes it: From the person's address, no thread of ours, the
    request's number (among others, as one guessing it lists them) in the subject or text."""
    numbers = ", ".join(f"№ R-{n}" for n in range(max(number - 3, 1), number + 4))
    if where == "subject":
        return message(f"Re: {numbers}", message_id="<forged@x>", body=words)
    return message("Re: Өтініш", message_id="<forged@x>", body=f"{numbers}\n\n{words}")


@pytest.mark.parametrize("where", ["subject", "text"])
@pytest.mark.parametrize("asked,words", FORGED.values(), ids=FORGED)
def test_a_forged_letter_closes_nothing_the_person_asked(client, person, asked, words, where):
    assert web_request(client, "kk", asked).status_code == 302
    own = Ticket.objects.get()
    own_link = confirm_link()
    forged = ingest(_forged(own.pk, words, where))
    assert isinstance(forged, Ticket) and forged.regarding_id == own.pk  # read as a change
    own.refresh_from_db()
    assert (own.type, own.status, own.closed_at) == (asked, Status.UNVERIFIED, None)
    # The person's own link still confirms what they asked; the forged one then waits for ever.
    assert client.post(own_link).status_code == 200
    own.refresh_from_db()
    assert own.verified_at is not None and own.is_open
    forged.refresh_from_db()
    assert forged.verified_at is None


@pytest.mark.parametrize("asked,words", FORGED.values(), ids=FORGED)
def test_the_change_takes_the_place_of_the_request_once_its_link_is_pressed(
    client, person, asked, words
):
    """The person did write it: their press of the new link closes the one it changes."""
    assert web_request(client, "kk", asked).status_code == 302
    own = Ticket.objects.get()
    before = len(mails_to("asel@example.kz"))
    change = ingest(_forged(own.pk, words, "subject"))
    links = [m for m in mails_to("asel@example.kz")[before:] if "/requests/confirm/" in m.message]
    assert len(links) == 1 and change.reference in links[0].message
    # It tells the person what pressing it does to the request they have, and that it stands.
    assert own.reference in links[0].message
    assert any(words in links[0].message for words in REPLACES)
    assert client.post(confirm_link()).status_code == 200
    own.refresh_from_db()
    assert (own.status, change.reference in own.outcome) == (Status.CLOSED, True)
