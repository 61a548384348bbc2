"""A self-service page opened from a mailbox stays open only while the person (or the parent)
still holds that address (compliance L9). A link mailed to an address since corrected opened
nothing, but a page already open from it went on for the rest of its hour: the person's data,
their download and their children's consents, to whoever holds the old mailbox now."""

import pytest

from consent.core.models import Guardian
from consent.rights.models import Ticket

from .conftest import address_corrected
from .test_guardian_rights import child  # noqa: F401 (the fixture)
from .test_guardian_withdrawal import open_children_page
from .test_selfservice import MOBILE, ask_link, link_path


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_page_open_from_the_old_address_closes_when_it_is_corrected(client, person, lang):
    ask_link(client, lang)
    assert client.post(link_path()).status_code == 302
    assert MOBILE in client.get(f"/{lang}/my-data/").content.decode()
    address_corrected(person, "asel.new@example.kz")
    assert MOBILE not in client.get(f"/{lang}/my-data/").content.decode()
    export = client.post(f"/{lang}/my-data/export/", {"format": "json"})
    assert export.status_code == 302 and b"asel" not in export.content
    assert not Ticket.objects.filter(channel="self_service").exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parents_page_closes_when_their_address_changes(client, child, lang):  # noqa: F811
    child, row = child
    open_children_page(client, lang)
    assert child.full_name in client.get(f"/{lang}/my-data/children/").content.decode()
    Guardian.objects.filter(pk=row.pk).update(contact="gulnar.new@example.kz")
    assert child.full_name not in client.get(f"/{lang}/my-data/children/").content.decode()
