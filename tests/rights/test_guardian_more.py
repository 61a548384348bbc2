"""What else a parent does on the page their link opens: presses the link twice, is a subscriber
with a page of their own, finds a consent their 17-year-old withdrew herself, sends a request
twice, writes nothing, or finds the child's data destroyed while the page was open."""

import re

import pytest
from django.test import Client

from consent.core import gate
from consent.core.ledger import consent_grant, consent_withdraw_if_given
from consent.core.models import Source
from consent.core.purposes import MARKETING
from consent.rights.answers import ticket_destroy
from consent.rights.models import Ticket
from consent.rights.selfservice import link_send

from .conftest import mails_to
from .test_guardian_rights import CHILD, ask, with_child
from .test_guardian_withdrawal import PARENT, open_children_page

Type = Ticket.Type


@pytest.fixture
def child(texts, make_subject):
    """Айсұлу, 14, signed up with her mother Гүлнар's consent (application form)."""
    return with_child(make_subject, texts, name="Айсұлу Қасымова", email=CHILD, born="2012-05-17")


def test_the_parents_link_pressed_again_where_it_was_spent_finds_the_page_open(child):
    client = Client()
    open_children_page(client, "ru")
    path = re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", mails_to(PARENT)[-1].message)[1]
    again = client.post(path)  # a second tap, the Back button
    assert again.status_code == 302 and again.url == "/ru/my-data/children/"
    assert Client().post(path).status_code == 400  # another browser: used


def test_a_parent_with_a_page_of_their_own_acts_for_the_child_from_it(child, texts, make_subject):
    mother = make_subject(full_name="Гүлнар", email=PARENT, language="ru")
    consent_grant(mother, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    client = Client()
    link_send(PARENT, "ru")
    path = re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", mails_to(PARENT)[-1].message)
    client.post(path[1])
    ask(client, "ru", child[1], Type.BLOCK, "Прошу заблокировать")
    (ticket,) = Ticket.objects.filter(type=Type.BLOCK)
    # Filed under the child, not under the mother's own record; answered at her address.
    assert (ticket.subject, ticket.guardian, ticket.email) == (child[0], child[1], PARENT)
    assert not mother.tickets.exists()


def state(page, purpose):
    """The state cell of a purpose's row on the parent's page."""
    row = re.search(rf'id="purpose-\d+-{purpose}"[^>]*>.*?</th>\s*<td[^>]*>(.*?)</td>', page, re.S)
    return row[1]


def test_a_consent_the_child_withdrew_herself_at_17_shows_as_withdrawn_without_a_button(child):
    consent_withdraw_if_given(child[0], MARKETING, source=Source.SELF_SERVICE)
    client = Client()
    open_children_page(client, "kk")
    page = client.get("/kk/my-data/children/").content.decode()
    assert 'name="withdraw" value="marketing"' not in page
    assert state(page, MARKETING) == "келісім кері қайтарып алынды"
    response = client.post("/kk/my-data/children/withdraw/",
                           {"child": child[1].pk, "withdraw": MARKETING}, follow=True)  # fmt: skip
    assert "күшінде болмаған" in response.content.decode()  # not in force: nothing recorded
    assert not gate.may_process(child[0], MARKETING)


def test_a_request_sent_twice_or_empty_opens_one_or_none(child):
    client = Client()
    open_children_page(client, "kk")
    page = client.get("/kk/my-data/children/").content.decode()
    pk = child[1].pk
    token = page.split(f'name="{pk}-token" value="')[1].split('"')[0]
    posted = {"child": pk, f"{pk}-token": token, f"{pk}-type": Type.CORRECT, f"{pk}-message": "x"}
    for _ in range(2):  # a double tap
        client.post("/kk/my-data/children/request/", posted)
    assert Ticket.objects.filter(type=Type.CORRECT).count() == 1
    # No type chosen: the page again with what was written and why, nothing opened.
    empty = {**posted, f"{pk}-type": "", f"{pk}-message": "менің жазғаным"}
    response = client.post("/kk/my-data/children/request/", empty)
    assert response.status_code == 200 and "менің жазғаным" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert Ticket.objects.count() == 1


def test_the_childs_data_destroyed_while_the_page_is_open(child, desk):
    client = Client()
    open_children_page(client, "kk")
    ticket = Ticket.objects.create(type=Type.DESTROY, subject=child[0], email=CHILD,
                                   language="kk", channel="email", status="open",
                                   due_date="2030-01-01")  # fmt: skip
    ticket_destroy(ticket, actor=None)
    for action, posted in (("export", {"format": "json"}), ("request", {"type": Type.BLOCK})):
        response = client.post(f"/kk/my-data/children/{action}/",
                               {"child": child[1].pk, **posted}, follow=True)  # fmt: skip
        # Held only as hers, the mother went with her: the page is closed, nothing is asked.
        assert response.status_code == 200 and response.redirect_chain[-1][0] == "/kk/my-data/"
    assert not Ticket.objects.exclude(pk=ticket.pk).exists()


def test_what_the_desk_tells_of_a_parents_request_goes_to_the_parent(child):
    """Its link, its notices and its answers go where the request was asked from: the desk
    re-typing the mother's correction as a block told the child, at the child's address."""
    from consent.rights.retyping import ticket_reclassify

    client = Client()
    open_children_page(client, "ru")
    ask(client, "ru", child[1], Type.CORRECT, "Заблокируйте, пожалуйста")
    ticket = Ticket.objects.get(type=Type.CORRECT)
    assert ticket.address_on_record == PARENT
    ticket_reclassify(ticket, kind=Type.BLOCK, actor=None)
    assert [m.subject for m in mails_to(PARENT)][-1].endswith(ticket.reference)
    assert not mails_to(CHILD)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_childs_data_is_not_downloaded_and_the_parent_is_told_why(child, lang):
    from consent.core.ledger import subject_block

    client = Client()
    open_children_page(client, lang)
    subject_block(child[0], reason="проверка", source=Source.ADMIN)
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    assert "/my-data/children/export/" not in page  # no button while blocked, and why
    assert BLOCKED_NOW[lang] in page
    response = client.post(f"/{lang}/my-data/children/export/",
                           {"child": child[1].pk, "format": "pdf"}, follow=True)  # fmt: skip
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert BLOCKED_NOW[lang] in response.content.decode()
    assert not Ticket.objects.exists()


BLOCKED_NOW = {"kk": "бұғаттан шығарылғанша", "ru": "пока блокирование не снято"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_consent_the_parent_withdrew_on_the_page_says_withdrawn_not_never_given(child, lang):
    """The row of the news said «not given» right under «the consent is withdrawn»: as if the
    parent had never given it. It says what the person's own page says of a withdrawal."""
    client = Client()
    open_children_page(client, lang)
    client.post(
        f"/{lang}/my-data/children/withdraw/", {"child": child[1].pk, "withdraw": MARKETING}
    )
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    assert state(page, MARKETING) == {"kk": "келісім кері қайтарып алынды",
                                      "ru": "согласие отозвано"}[lang]  # fmt: skip
    assert state(page, "service") == {"kk": "берілді", "ru": "дано"}[lang]
