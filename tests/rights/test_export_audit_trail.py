"""The access answer says who of us saw the person's data (compliance L10, L16): an officer
opened Asel's page and downloaded her data, and the export she then downloaded herself held
her consents, requests and mails but not a word of it, though the audit log records every
view and export of her data. It now lists the log's rows about her, in her language, each
with its time, what was done, that one of our staff did it (not who: an employee's data), and
the request it was done under; nothing of anyone else's."""

import json
import subprocess

import pytest
from django.test import Client
from post_office.models import Email

from consent.core.models import AuditEvent
from consent.rights.access import ticket_answer_access
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login

from .test_selfservice import ask_link, link_path

SAID = {
    "kk": {"heading": "Деректеріңізбен жасалған әрекеттер", "viewed": "дербес деректер қаралды",
           "exported": "дербес деректер экспортталды", "by": "біздің қызметкеріміз",
           "who": "кім орындады"},
    "ru": {"heading": "Действия с вашими данными", "viewed": "персональные данные просмотрены",
           "exported": "персональные данные выгружены", "by": "наш сотрудник",
           "who": "кто выполнил"},
}  # fmt: skip


def officer_looked(person, privacy_officer):
    """Olga opens Asel's page on the desk and downloads her data."""
    desk = verified_login(Client(), privacy_officer)
    assert desk.get(f"/admin/consent/subject/{person.pk}/change/").status_code == 200
    assert desk.get(f"/admin/consent/subject/{person.pk}/export.json").status_code == 200


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_download_says_when_our_staff_saw_and_exported_the_data(
    client, person, make_subject, privacy_officer, tmp_path, lang
):
    other = make_subject(full_name="Басқа Адам", email="other@example.kz")
    verified_login(Client(), privacy_officer).get(f"/admin/consent/subject/{other.pk}/change/")
    officer_looked(person, privacy_officer)
    ask_link(client, lang)
    client.post(link_path())
    said = SAID[lang]

    client.post(f"/{lang}/my-data/export/", {"format": "json"})
    earlier = Ticket.objects.filter(subject=person).latest("id")
    mine = AuditEvent.objects.filter(subject_ref=person.pk).count()
    answer = json.loads(client.post(f"/{lang}/my-data/export/", {"format": "json"}).content)
    trail = answer["audit_trail"]
    by_staff = [(row["action"], row["by"]) for row in trail if row["by"]]
    assert by_staff == [(said["viewed"], said["by"]), (said["exported"], said["by"])]
    assert answer["labels"]["audit_trail"][""] == said["heading"]
    # her own earlier download is in it, under the request it was logged as
    assert {"action": said["exported"], "by": "", "request": earlier.reference} in [
        {k: row[k] for k in ("action", "by", "request")} for row in trail
    ]
    # Every row about her, none about the other person: the rows as they stood when the file
    # was read. This download is logged as it is handed out, after its file is made with no
    # lock held (disclosure.made_from_one_read), and is in her next one.
    assert len(trail) == mine
    assert "olga" not in json.dumps(answer)  # not who: an employee's data

    pdf = client.post(f"/{lang}/my-data/export/", {"format": "pdf"})
    (tmp_path / "export.pdf").write_bytes(pdf.content)
    text = subprocess.run(["pdftotext", tmp_path / "export.pdf", "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    for words in (said["heading"], said["viewed"], said["exported"], said["by"], said["who"]):
        assert words in text, words
    assert "olga" not in text


def test_the_mailed_answer_names_the_request_each_row_was_made_under(person, privacy_officer):
    ticket = ticket_verify(ticket_open(kind="access", email=person.email, language="ru",
                                       channel="email"))  # fmt: skip
    ticket_answer_access(ticket, actor=privacy_officer)
    (answer,) = Email.objects.filter(
        to=[person.email], attachments__name=f"{ticket.reference}.json"
    )
    data = json.loads(answer.attachments.get(name=f"{ticket.reference}.json").file.read())
    rows = [(r["action"], r["by"], r["request"]) for r in data["audit_trail"]]
    assert ("запрос получен", "", ticket.reference) in rows
    assert ("личность заявителя подтверждена", "", ticket.reference) in rows
