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
from consent.rights.retention import enforce_retention
from consent.rights.set_aside import QUARANTINE_KEPT
from tests.staff import verified_login

from .conftest import message

KEPT = {"kk": "бұғаттау күшінде тұрғанда сақталады", "ru": "хранится, пока обработка заблокирована"}


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


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_persons_answer_says_her_letters_are_kept_while_the_block_lasts(
    person, make_subject, lang
):
    """Her access answer tells what the desk does, by the one rule retention keeps them by
    (set_aside.held_for_block): her letter is kept while the block lasts. It gave no day and
    no word (the JSON an empty string, the PDF no line), so a blocked person was not told how
    long we keep her letter; and a letter she wrote with a blocked person's address beside hers
    (Reply-To) was given the day of destruction a month on, which retention does not keep."""
    import json
    import subprocess

    from consent.rights.export import export_data
    from consent.rights.readable import export_pdf

    mine = ingest(message("Рахмет", body="Рахмет!", message_id="<thanks@x>"))
    other = make_subject(full_name="Бөтен Адам", email="boten@example.kz")
    shared = message("Рахмет", sender="dana@example.kz", body="Рахмет!!", message_id="<both@x>")
    shared = shared.replace(b"From:", b"Reply-To: boten@example.kz\nFrom:", 1)
    dana = make_subject(full_name="Дана Ахметова", email="dana@example.kz")
    ours = ingest(shared)
    assert mine.pk and ours.pk
    subject_block(person, reason="Шағым тексерілуде", source=Source.ADMIN)
    subject_block(other, reason="Шағым тексерілуде", source=Source.ADMIN)

    (row,) = json.loads(json.dumps(export_data(person, lang), default=str))["set_aside"]
    assert row["destroyed_on"] == KEPT[lang]
    pdf = subprocess.run(["pdftotext", "-", "-"], input=export_pdf(person, lang),
                         capture_output=True).stdout.decode().replace("\xa0", " ")  # fmt: skip
    assert KEPT[lang] in " ".join(pdf.split())
    (row,) = export_data(dana, lang)["set_aside"]
    assert str(row["destroyed_on"]) == KEPT[lang]


def test_a_letter_also_a_blocked_persons_outlasts_another_destruction_until_the_block_ends(
    texts, make_subject, time_machine
):
    """A letter two people's addresses wrote (Dana's From, Бөтен's Reply-To) is each one's.
    Dana's destruction (hers asked, or retention's) deleted it with her, Бөтен blocked: the
    block stops the destruction of his data too, whoever else's it is. It stays while his block
    lasts, and retention destroys it once the block is lifted; her answer and the desk saying
    so all along (destroyed_on)."""
    from consent.rights.erasure import subject_destroy, subject_minimise

    other = make_subject(full_name="Бөтен Адам", email="boten@example.kz")
    dana = make_subject(full_name="Дана Ахметова", email="dana@example.kz", phone=None)
    aida = make_subject(full_name="Аида Ахметова", email="aida@example.kz", phone=None)
    letters = []
    for sender, mid in (("dana@example.kz", "<d@x>"), ("aida@example.kz", "<a@x>")):
        raw = message("Рахмет", sender=sender, body="Рахмет!!", message_id=mid)
        letters.append(ingest(raw.replace(b"From:", b"Reply-To: boten@example.kz\nFrom:", 1)))
    subject_block(other, reason="Шағым тексерілуде", source=Source.ADMIN)

    subject_destroy(dana, request_ref="R-1")
    subject_minimise(aida, keep={"full_name"}, request_ref="R-2")
    assert QuarantinedMessage.objects.filter(pk__in=[m.pk for m in letters]).count() == 2

    subject_unblock(other, reason="Тексеру аяқталды", source=Source.ADMIN)
    time_machine.move_to(letters[0].received_at + QUARANTINE_KEPT + timedelta(days=1), tick=False)
    enforce_retention()
    assert not QuarantinedMessage.objects.filter(pk__in=[m.pk for m in letters]).exists()


def test_the_desks_list_reads_the_blocked_peoples_letters_once(
    make_subject, privacy_officer, monkeypatch
):
    """The desk's list of emails set aside asks which are kept for a block (held_for_block) at
    each look: it read each blocked person's letters on their own, five queries a person, and
    decrypted every entry whose senders must be read (after a key change, until retention notes
    them anew) once for each blocked person. It reads them together: one query a person's
    address, each such entry decrypted once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import consent.rights.set_aside as set_aside

    desk = verified_login(Client(), privacy_officer)
    opened = []

    class Counted:
        def __init__(self, key):
            self.key = key

        def decrypt(self, token):
            opened.append(token)
            return self.key.decrypt(token)

    real = set_aside.fernet
    monkeypatch.setattr(set_aside, "fernet", lambda: Counted(real()))

    def look():
        opened.clear()
        with CaptureQueriesContext(connection) as queries:
            assert desk.get("/admin/rights/quarantinedmessage/").status_code == 200
        return len(queries), len(opened)

    for n in range(1, 5):
        person = make_subject(full_name=f"Адам {n}", email=f"adam{n}@example.kz", phone=None)
        ingest(message("Рахмет", sender=f"adam{n}@example.kz", message_id=f"<m{n}@x>"))
        subject_block(person, reason="Шағым тексерілуде", source=Source.ADMIN)
        if n == 1:
            QuarantinedMessage.objects.update(senders_noted=False)  # as after a key change
            one = look()
    QuarantinedMessage.objects.update(senders_noted=False)
    four = look()
    assert four[0] - one[0] <= 3  # one a blocked person's address
    assert four[1] == 4  # each entry once, not once for each of four people


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parents_letter_says_her_letter_a_blocked_person_wrote_with_her_is_kept(
    texts, make_subject, privacy_officer, time_machine, lang
):
    """A parent with no record of her own is answered by a letter (held_as_guardian) of her
    letters set aside. One she wrote with a blocked person's address beside hers (Reply-To) is
    kept while his block lasts (set_aside.held_for_block), and her erasure keeps it too
    (set_aside_destroyed); her letter named the day a month on all the same, a day retention
    does not keep: it decided `held` as False for every parent, the rule spelt apart."""
    from consent.rights.models import Ticket

    from .conftest import act, confirm_link, mails_to, web_request
    from .test_guardian_rights import with_child
    from .test_guardian_withdrawal import PARENT

    with_child(make_subject, texts, name="Айсұлу Аминова", email="aisulu@example.kz",
               born="2012-05-17")  # fmt: skip
    other = make_subject(full_name="Бөтен Адам", email="boten@example.kz")
    raw = message("Рахмет", sender=PARENT, body="Рахмет!", message_id="<parent@x>")
    ingest(raw.replace(b"From:", b"Reply-To: boten@example.kz\nFrom:", 1))
    subject_block(other, reason="Шағым тексерілуде", source=Source.ADMIN)

    client = Client()
    web_request(client, lang, "access", email=PARENT)
    client.post(confirm_link(PARENT))
    act(verified_login(Client(), privacy_officer), Ticket.objects.get(type="access"))
    letter = " ".join(mails_to(PARENT)[-1].message.replace("\xa0", " ").split())
    assert KEPT[lang] in letter
