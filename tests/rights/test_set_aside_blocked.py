"""A block stops the destruction of the person's data too (Law 94-V Art. 1(3): collection,
accumulation, change, addition, use, distribution, depersonalisation and destruction are
suspended), and the nightly retention leaves every other part of a blocked person to the
officers. Her letters the intake set aside (quarantine.py), hers by the rule her destruction
reads (set_aside.set_aside_of), were destroyed a month after they came all the same: a blocked
person's letter too long to open, her complaint perhaps, was gone before the check the block
waits for. They are kept while the block lasts, the desk says so in place of a day of
destruction, and retention destroys them once it is lifted."""

from datetime import timedelta

import pytest
from django.test import Client

from consent.core.ledger import subject_block, subject_unblock
from consent.core.models import Source
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage
from consent.rights.retention import QUARANTINE_KEPT, enforce_retention
from tests.staff import verified_login

from .conftest import message

KEPT = {"kk": "бұғатталғанша сақталады", "ru": "хранится, пока обработка заблокирована"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_persons_letters_set_aside_are_kept_while_the_block_lasts(
    person, make_subject, privacy_officer, time_machine, lang
):
    mine = ingest(message("Рахмет", body="Рахмет!", message_id="<thanks@x>"))
    make_subject(full_name="Бөтен Адам", email="boten@example.kz")
    theirs = ingest(message("Рахмет", sender="boten@example.kz", body="Рахмет!",
                            message_id="<theirs@x>"))  # fmt: skip
    subject_block(person, reason="Шағым тексерілуде", source=Source.ADMIN)

    time_machine.move_to(mine.received_at + QUARANTINE_KEPT + timedelta(days=2), tick=False)
    enforce_retention()
    assert QuarantinedMessage.objects.filter(pk=mine.pk).exists()
    assert not QuarantinedMessage.objects.filter(pk=theirs.pk).exists()  # no one's block

    desk = verified_login(Client(), privacy_officer)
    for page in ("/admin/rights/quarantinedmessage/",
                 f"/admin/rights/quarantinedmessage/{mine.pk}/change/"):  # fmt: skip
        html = desk.get(page, headers={"accept-language": lang}).content.decode()
        assert KEPT[lang] in html.replace("\xa0", " "), page

    subject_unblock(person, reason="Тексеру аяқталды", source=Source.ADMIN)
    enforce_retention()
    assert not QuarantinedMessage.objects.filter(pk=mine.pk).exists()
