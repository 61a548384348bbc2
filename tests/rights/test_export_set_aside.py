"""The letters a person wrote us that the intake set aside instead of opening a request (a
«thank you», an auto-reply, one too long to open: quarantine.py) are held about her: kept
encrypted for the officers a month, read by them, and destroyed with her data as hers
(set_aside.set_aside_of). Her access answer said nothing of them: a person asking what we hold
was never told that we keep her letters, nor until when. It now lists each one, by the same
rule her destruction reads: when it came, why it was set aside, the request opened from it and
the day it is destroyed, in her language, and nobody else's."""

import json
import subprocess

import pytest
from django.test import Client

from consent.rights.intake import ingest
from consent.rights.models import Ticket
from tests.staff import verified_login

from .conftest import act, confirm_link, mails_to, message, web_request

REASON = {"kk": "ештеңе сұрамайды", "ru": "ничего не просит"}
HEADING = {"kk": "Өтініш ашылмаған хаттарыңыз",
           "ru": "Ваши письма, по которым запрос не открыт"}  # fmt: skip
BY_STAFF = {"kk": "біздің қызметкеріміз", "ru": "наш сотрудник"}
DESTROYED_ON = {"kk": "2027 жылғы 6 қаңтар", "ru": "6 января 2027 г."}


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_access_answer_lists_her_letters_set_aside_and_until_when_they_are_kept(
    person, make_subject, privacy_officer, time_machine, lang
):
    # Received at 00:30 in Almaty on 7 December: still the 6th in UTC.
    time_machine.move_to("2026-12-07 00:30+05:00", tick=False)
    mine = ingest(message("Рахмет", body="Рахмет!", message_id="<thanks@x>"))
    make_subject(full_name="Бөтен Адам", email="boten@example.kz")
    theirs = ingest(message("Рахмет", sender="boten@example.kz", body="Рахмет!",
                            message_id="<theirs@x>"))  # fmt: skip
    assert mine.reason == theirs.reason == "nothing_asked"
    time_machine.move_to("2026-12-07 10:00+05:00", tick=True)

    client = Client()
    web_request(client, lang, "access")
    client.post(confirm_link())
    ticket = Ticket.objects.get(type="access")
    act(verified_login(Client(), privacy_officer), ticket)  # signed in this morning
    answer = mails_to("asel@example.kz")[-1]
    files = {a.name.rsplit(".", 1)[1]: a.file.read() for a in answer.attachments.all()}

    data = json.loads(files["json"])
    assert data["labels"]["set_aside"][""] == HEADING[lang]
    (row,) = data["set_aside"]  # hers, not the stranger's
    assert row["received"] == "2026-12-07T00:30:00+05:00"
    assert REASON[lang] in row["reason"]
    assert row["destroyed_on"] == "2027-01-06"  # the local day, QUARANTINE_KEPT on
    text = subprocess.run(["pdftotext", "-", "-"], input=files["pdf"], capture_output=True)
    pdf = text.stdout.decode().replace("\xa0", " ")
    for said in (HEADING[lang], DESTROYED_ON[lang]):
        assert said.replace("\xa0", " ") in pdf


SAID = {"kk": ("Осы мекенжайдан бізге жіберген, өтініш ашылмаған хаттарыңыз:", "жою күні: {day}"),
        "ru": ("Ваши письма к нам с этого адреса, по которым запрос не открыт:",
               "дата уничтожения: {day}")}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_with_no_record_is_told_of_her_letters_set_aside(
    texts, make_subject, privacy_officer, time_machine, lang
):
    """The same of a parent with no record of her own, answered by a letter
    (held_as_guardian), by the rule her erasure deletes them by (set_aside_of_guardian)."""
    from .test_guardian_rights import with_child
    from .test_guardian_withdrawal import PARENT

    with_child(make_subject, texts, name="Айсұлу Аминова", email="aisulu@example.kz",
               born="2012-05-17")  # fmt: skip
    time_machine.move_to("2026-12-07 00:30+05:00", tick=False)
    assert ingest(message("Рахмет", sender=PARENT, body="Рахмет!")).reason == "nothing_asked"
    time_machine.move_to("2026-12-07 10:00+05:00", tick=True)

    client = Client()
    web_request(client, lang, "access", email=PARENT)
    client.post(confirm_link(PARENT))
    act(verified_login(Client(), privacy_officer), Ticket.objects.get(type="access"))
    letter = mails_to(PARENT)[-1].message.replace("\xa0", " ")
    heading, row = SAID[lang]
    assert heading in letter
    assert row.format(day=DESTROYED_ON[lang].replace("\xa0", " ")) in letter


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_her_answer_says_when_our_staff_downloaded_her_letter_set_aside(
    person, privacy_officer, time_machine, lang
):
    """A set-aside letter's download is audited under no person (whose it is, nobody has read
    yet: disclosure.quarantined_eml); hers by the rule of whose letters are whose, it is in
    her answer's record of what was done with her data, as a look at her page is."""
    from consent.core.models import AuditEvent

    mine = ingest(message("Рахмет", body="Рахмет!", message_id="<thanks@x>"))
    time_machine.move_to("2026-12-08 23:40+05:00", tick=False)  # the 8th, 18:40 in UTC
    desk = verified_login(Client(), privacy_officer)
    downloaded = desk.get(f"/admin/rights/quarantinedmessage/{mine.pk}/message.eml")
    assert downloaded.status_code == 200
    time_machine.move_to("2026-12-09 10:00+05:00", tick=True)

    client = Client()
    web_request(client, lang, "access")
    client.post(confirm_link())
    act(verified_login(Client(), privacy_officer), Ticket.objects.get(type="access"))
    answer = mails_to("asel@example.kz")[-1]
    data = json.loads(answer.attachments.get(name__endswith=".json").file.read())
    (row,) = [r for r in data["audit_trail"] if r["at"] == "2026-12-08T23:40:00+05:00"]
    assert row["by"] == BY_STAFF[lang]
    assert AuditEvent.objects.get(object_id=str(mine.pk)).subject_ref is None
