"""A parent can have the processing of a child's data blocked on their children's page, and can
have the block lifted there too (Art. 24, 25(2)(8) of Law 94-V; compliance L6, L12). The page
offered a block and a correction only: once the child's data was blocked, it said the data could
not be downloaded «until the block is lifted» and offered no way to ask for it; a press for a
lifting was refused as not offered, and nothing on the desk could lift it (the person's request
to unblock does, and the parent acts for the child)."""

import pytest
from django.test import Client

from consent.core import gate
from consent.core.ledger import subject_block
from consent.core.models import Source
from consent.rights.models import Ticket

from .conftest import act, mails_to
from .test_guardian_rights import CHILD, NOT_OFFERED, ask, with_child
from .test_guardian_withdrawal import PARENT, in_language, open_children_page

Type, Status = Ticket.Type, Ticket.Status
WHY = {"kk": "Бала туралы деректер тексерілді, бұзушылық расталмады.",
       "ru": "Данные ребёнка проверены, нарушение не подтвердилось."}  # fmt: skip
LIFTED = {"kk": "бұғаттан шығарылды", "ru": "снята"}


@pytest.fixture
def ward(texts, make_subject):
    """Айсұлу, 14, signed up with her mother Гүлнар's consent."""
    return with_child(make_subject, texts, name="Айсұлу Қасымова", email=CHILD, born="2012-05-17")


def offered(client, lang, row):
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    return {kind for kind in Type.values if f'name="{row.pk}-type" value="{kind}"' in page}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_has_the_block_they_asked_for_lifted(ward, lang, desk):
    subject, row = ward
    parent = Client()
    open_children_page(parent, lang)
    assert offered(parent, lang, row) == {Type.CORRECT, Type.BLOCK}
    ask(parent, lang, row, Type.BLOCK, message=WHY[lang])
    act(desk, Ticket.objects.get(type=Type.BLOCK), reason=WHY[lang])
    assert gate.is_blocked(subject)

    assert offered(parent, lang, row) == {Type.CORRECT, Type.UNBLOCK}
    response = ask(parent, lang, row, Type.UNBLOCK, message="")
    (ticket,) = Ticket.objects.filter(type=Type.UNBLOCK)
    assert ticket.reference in response.content.decode()
    assert (ticket.subject, ticket.guardian, ticket.email, ticket.status) == (
        subject,
        row,
        PARENT,
        Status.OPEN,
    )
    act(desk, ticket, reason=WHY[lang])
    assert not gate.is_blocked(subject)
    answer = mails_to(PARENT)[-1]
    assert in_language(answer, lang) and ticket.reference in answer.subject
    assert offered(parent, lang, row) == {Type.CORRECT, Type.BLOCK}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("blocked", [False, True])
def test_what_the_page_does_not_offer_is_refused_and_changes_nothing(ward, lang, blocked):
    subject, row = ward
    if blocked:
        subject_block(subject, reason="the child's own request", source=Source.ADMIN)
    parent = Client()
    open_children_page(parent, lang)
    kind = Type.BLOCK if blocked else Type.UNBLOCK
    response = ask(parent, lang, row, kind, message=WHY[lang])
    assert NOT_OFFERED[lang] in response.content.decode()
    assert not Ticket.objects.filter(type=kind).exists()
    assert gate.is_blocked(subject) == blocked
