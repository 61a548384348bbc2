"""A blocked person downloads their own data on their page (compliance L12, L10), by the desk's
one rule (access.stands_while_blocked): Law 94-V Art. 1(3) suspends collection, use,
distribution and the rest, not the person's right to know what is held (Art. 24(1)(1)). The
desk answered a blocked person's access request, but their page offered no download, refused a
posted one and said the data «cannot be downloaded until the block is lifted». A parent's
download of a blocked child's data stays refused: it would go to the parent."""

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.ledger import subject_block, subject_unblock
from consent.core.models import AuditEvent, Source
from consent.rights.models import Ticket

from .test_selfservice import open_page
from .test_selfservice_blocked import page_text

BUTTON = 'name="format" value="pdf"'
CAN_DOWNLOAD = {
    "kk": "Оларды төменде жүктеп ала аласыз: бұғаттау біздің сіз туралы не сақтайтынымызды "
    "білуіңізге кедергі емес.",
    "ru": "Скачать их можно и сейчас, ниже: блокирование не мешает вам знать, что мы о вас храним.",
}
CANNOT = {"kk": "жүктеп алу мүмкін емес", "ru": "Скачать их нельзя"}


def _download(client, lang, fmt="pdf"):
    response = client.post(f"/{lang}/my-data/export/", {"format": fmt})
    assert response["Content-Type"] == f"application/{fmt}", response.content[:300]
    return response


def _audit(person, action, ticket):
    return AuditEvent.objects.get(action=action, subject_ref=person.pk, object_id=str(ticket.pk))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_person_downloads_their_own_data_audited_as_given_while_blocked(
    client, person, lang
):
    subject_block(person, reason="Шағым", source=Source.ADMIN)
    open_page(client, lang)
    mails = Email.objects.count()
    html = client.get(f"/{lang}/my-data/").content.decode()
    assert BUTTON in html and CAN_DOWNLOAD[lang] in page_text(html)
    assert CANNOT[lang] not in page_text(html)

    assert _download(client, lang).content.startswith(b"%PDF")
    ticket = Ticket.objects.get(subject=person, type="access")
    assert (ticket.status, ticket.channel) == ("done", "self_service")
    assert _audit(person, "subject_export", ticket).detail.get("blocked") is True
    assert _audit(person, "request_open", ticket).detail.get("blocked") is True
    # Nothing else moves: the block stands, nothing is mailed, the consents stand as they were.
    assert gate.is_blocked(person) and Email.objects.count() == mails


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_block_that_lands_between_the_page_and_the_download(client, person, lang):
    """The page was opened before the block: the download is read as the block stands when it
    is pressed (under the person's lock), so its audit rows say the block it was given under,
    and one pressed after the block is lifted says none."""
    open_page(client, lang)
    assert CAN_DOWNLOAD[lang] not in page_text(client.get(f"/{lang}/my-data/").content.decode())
    subject_block(person, reason="Шағым", source=Source.ADMIN)
    _download(client, lang, "json")
    subject_unblock(person, reason="Тексерілді", source=Source.ADMIN)
    _download(client, lang, "json")
    given, after = Ticket.objects.filter(subject=person, type="access").order_by("pk")
    assert _audit(person, "subject_export", given).detail.get("blocked") is True
    assert "blocked" not in _audit(person, "subject_export", after).detail
