"""A request a parent made for a child, still open when the child turns 18, was answered to the
parent afterwards: the desk's «carry out» blocked or corrected the now-adult's data and mailed
the parent, a refusal's reasons and a new type's notice went to the parent's address, and a
new type (access) would have mailed them the person's whole record. From midnight in Almaty on
the birthday (whatever the UTC date) the desk can only close it, told why in the officer's
language, and the parent is told, in theirs and without any of the child's data, that the
person asks themselves now (Ticket.outgrown; guardianship.ticket_close_outgrown). The parent's
page lists the requests they made for each child, with their number, state and due date."""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format

from consent.core import gate
from consent.core.models import Guardian
from consent.rights.models import Ticket
from tests.staff import verified_login

from .conftest import act, mails_to
from .test_guardian_rights import ask, with_child
from .test_guardian_withdrawal import in_language, open_children_page

Type, Status = Ticket.Type, Ticket.Status
FATHER, SON = "father@x.kz", "erbolat@x.kz"
# What the desk is told (closing.OUTGROWN) and what the parent reads (OUTGROWN_TOLD).
DESK_TOLD = {"kk": "ештеңе істелген жоқ", "ru": "ничего не сделано"}
PANEL = {"kk": "Жабу: балаға 18\u00a0жас толған", "ru": "Закрыть: ребёнку уже 18\u00a0лет"}
CARRY_OUT = {"kk": "Осы өтінішті орындау", "ru": "Выполнить этот запрос"}
PARENT_TOLD = {"kk": "адамға 18\u00a0жас толған және ол өзінің дербес деректеріне",
               "ru": "уже исполнилось 18\u00a0лет, и\xa0своими правами"}  # fmt: skip
CLOSED = {"kk": "орындалмай жабылды", "ru": "закрыт без исполнения"}


@pytest.fixture
def son(texts, make_subject, time_machine):
    """Ерболат turns 18 on 5 December 2026; on the 4th his father Сейіт asks, on his page, for
    his data to be blocked."""
    time_machine.move_to("2026-12-04 10:00+05:00", tick=False)
    return with_child(make_subject, texts, name="Ерболат Сейітов", email=SON, born="2008-12-05",
                      parent=FATHER, parent_name="Сейіт")  # fmt: skip


def asked(lang, row, kind=Type.BLOCK, message="Прошу заблокировать"):
    client = Client()
    open_children_page(client, lang, FATHER)
    ask(client, lang, row, kind, message)
    return Ticket.objects.get(type=kind, regarding=None)


def officer(desk, privacy_officer, lang):
    desk = verified_login(desk, privacy_officer)  # signed in again after the clock moved
    desk.cookies["django_language"] = lang
    return desk


def shown(desk, ticket):
    return desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()


@pytest.mark.parametrize(("moment", "of_age"), [
    ("2026-12-04 18:55Z", False),  # 23:55 in Almaty on the 4th: still his father's to ask
    ("2026-12-04 19:05Z", True),  # 00:05 in Almaty on the 5th, the UTC date still the 4th
    ("2026-12-04 23:59Z", True),
])  # fmt: skip
def test_the_desk_carries_out_a_parents_request_until_almaty_midnight_and_not_after(
    son, desk, privacy_officer, time_machine, moment, of_age
):
    ticket = asked("ru", son[1])
    time_machine.move_to(moment, tick=False)
    desk = officer(desk, privacy_officer, "kk")
    page = shown(desk, ticket)
    assert (PANEL["kk"] in page) is of_age and (CARRY_OUT["kk"] in page) is not of_age
    told = act(desk, ticket, reason="по просьбе отца").content.decode()
    ticket.refresh_from_db()
    assert gate.is_blocked(son[0]) is not of_age
    assert (ticket.status == Status.OPEN) is of_age
    assert (DESK_TOLD["kk"] in told) is of_age
    assert len(mails_to(FATHER)) == (2 if of_age else 3)  # his link, its receipt, the answer


@pytest.mark.parametrize(("parent_lang", "desk_lang"), [("ru", "kk"), ("kk", "ru")])
def test_after_the_birthday_nothing_reaches_the_parent_but_that_the_person_asks_now(
    son, desk, privacy_officer, time_machine, parent_lang, desk_lang
):
    ticket = asked(parent_lang, son[1], Type.CORRECT, "Фамилия с ошибкой")
    time_machine.move_to("2026-12-04 19:30Z", tick=False)  # 00:30 on the 5th in Almaty
    desk = officer(desk, privacy_officer, desk_lang)
    before = len(mails_to(FATHER))
    # The page opened before midnight still offered these: each is refused with the reason.
    tries = [
        {"action": "do", "document": "свидетельство", "full_name": "Ерболат Сейтов",
         "email": SON, "phone": "", "birth_date": "05.12.2008", "birth_place": ""},
        {"action": "refuse", "reason": "Ерболат Сейітов, 05.12.2008: документ не приложен"},
        {"action": "retype", "new_type": Type.ACCESS},
        {"action": "destroy_instead", "reason": "не проверить"},
    ]  # fmt: skip
    for posted in tries:
        page = act(desk, ticket, **posted).content.decode()
        assert DESK_TOLD[desk_lang] in page
    son[0].refresh_from_db()
    ticket.refresh_from_db()
    assert son[0].full_name == "Ерболат Сейітов" and not son[0].corrections.exists()
    assert (ticket.type, ticket.status) == (Type.CORRECT, Status.OPEN)
    assert len(mails_to(FATHER)) == before and not mails_to(SON)

    page = shown(desk, ticket)
    assert PANEL[desk_lang] in page and CARRY_OUT[desk_lang] not in page
    act(desk, ticket, action="outgrown")
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    (told,) = mails_to(FATHER)[before:]
    assert in_language(told, parent_lang) and ticket.reference in told.subject
    assert PARENT_TOLD[parent_lang] in told.message and CLOSED[parent_lang] in told.message
    for of_the_child in ("Ерболат", "Сейітов", SON, "05.12.2008", "2008"):
        assert of_the_child not in told.message + told.subject
    assert not mails_to(SON)
    # Closed so, it is not reopened for the parent either.
    reopened = desk.post(f"/admin/rights/ticket/{ticket.pk}/reopen/", {"reason": "ошибка"},
                         follow=True)  # fmt: skip
    assert DESK_TOLD[desk_lang] in reopened.content.decode()
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED


def test_the_childs_own_request_and_a_minors_are_not_closed_so(
    son, texts, make_subject, desk, privacy_officer, time_machine
):
    """Only a parent's request for a child now of age: his own, after the birthday, is his;
    his younger sister's, asked by the same father, is still the father's."""
    from consent.rights.selfservice import ticket_open_verified

    sister, row = with_child(make_subject, texts, name="Аружан Сейітова", email="a@x.kz",
                             born="2012-03-01", parent=FATHER)  # fmt: skip
    for_her = asked("kk", row)
    time_machine.move_to("2026-12-05 10:00+05:00", tick=False)
    his = ticket_open_verified(son[0], Type.BLOCK, "Өзім сұраймын", "kk")
    desk = officer(desk, privacy_officer, "ru")
    for ticket in (his, for_her):
        assert PANEL["ru"] not in shown(desk, ticket)
        act(desk, ticket, reason="Өтініш бойынша")  # both letters are in Kazakh
    assert gate.is_blocked(son[0]) and gate.is_blocked(sister)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_parents_page_lists_the_requests_they_made_for_each_child(son, lang):
    client = Client()
    open_children_page(client, lang, FATHER)
    ask(client, lang, son[1], Type.BLOCK, "x")
    client.post(f"/{lang}/my-data/children/export/", {"child": son[1].pk, "format": "json"})
    # Another parent's request for him is not this father's to see.
    mother = Guardian.objects.create(subject=son[0], full_name="Әйгерім", contact="m@x.kz")
    Ticket.objects.create(type=Type.CORRECT, subject=son[0], guardian=mother, email="m@x.kz",
                          language="kk", channel="self_service", due_date="2026-12-07",
                          received_at="2026-12-04T10:00+05:00")  # fmt: skip
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    block = Ticket.objects.get(type=Type.BLOCK)
    access = Ticket.objects.get(type=Type.ACCESS)
    listed = page.split(f'id="requests-{son[1].pk}"')[1]
    expected = {
        "kk": [f"{block.reference}: өңдеуді бұғаттау\xa0— расталды, орындалуы тиіс.",
               f"{access.reference}: деректерге қол жеткізу\xa0— орындалды."],
        "ru": [f"{block.reference}: блокирование обработки\xa0— подтверждён, ждёт выполнения.",
               f"{access.reference}: доступ к\xa0данным\xa0— выполнен."],
    }  # fmt: skip
    for line in expected[lang]:
        assert line in listed
    assert listed.index(access.reference) < listed.index(block.reference)  # newest first
    with translation.override(lang):  # the block's due date, as the page writes dates
        assert date_format(block.due_date) in listed
    assert Ticket.objects.get(type=Type.CORRECT).reference not in listed
