"""A parent's withdrawal of a child's consent, which only they can make (Art. 8(1)), refused
with reasons at the desk: the letter said «we cannot carry out your request», though the
child's processing stopped when it was confirmed. It now says, in the parent's language, what
was withdrawn for which child, since when, and why the child's data is kept (compliance L14)."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from consent.core import gate
from consent.core.purposes import SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import act, confirm_link, mails_to, message
from .test_guardian_withdrawal import PARENT, WITHDRAW, child  # noqa: F401 (the fixture)

REASON = {"kk": "Өтінім бойынша міндеттеме әлі орындалмаған.",
          "ru": "Обязательство по заявке ещё не исполнено."}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parents_refused_withdrawal_says_what_stopped_for_the_child_and_why_it_is_kept(
    client,
    desk,
    child,  # noqa: F811 (the fixture imported)
    lang,
):
    ticket = ingest(message(WITHDRAW[lang], sender=PARENT, message_id=f"<r-{lang}@x>"))
    assert client.post(confirm_link(PARENT)).status_code == 200
    before = {m.pk for m in mails_to(PARENT)}
    act(desk, ticket, "refuse", reason=REASON[lang])
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.REFUSED and not gate.may_process(child, SERVICE)

    (letter,) = [m for m in mails_to(PARENT) if m.pk not in before]
    with translation.override(lang):
        generic = gettext("We cannot carry out your request %(ref)s (%(type)s) for the following "
                          "reasons:") % {"ref": ticket.reference, "type": ticket.asked}  # fmt: skip
        why = gettext("We cannot destroy the child's data yet, for the following reasons:")
    for body in (letter.message, letter.html_message):
        assert generic not in body
        assert "Айсұлу Қасымова" in body and ticket.reference in body
        assert why.replace("'", "&#x27;") in body or why in body
        assert REASON[lang] in body
