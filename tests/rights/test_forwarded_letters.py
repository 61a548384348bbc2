"""A colleague passing on a customer's letter (forwarded.py; compliance L7, L9): under a
forwarded head, the forwarder's own words were read, found to ask nothing, and they were
answered «we hold no personal data linked to this address», about themselves; pasted under
«Пересылаю письмо клиента», the customer's «Отзываю согласие» was the forwarder's own
withdrawal. The letter opens for an officer; the forwarder is told it was received and nothing
of the person it concerns."""

import re

import pytest

from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import act, mails_to, message, untouched

HEAD = "\n---------- Forwarded message ---------\nFrom: Әсел Қасымова <asel@example.kz>\n"
FORWARDS = {
    "ru, forwarded head": ("Fwd: Отзыв согласия", HEAD + "Subject: Отзыв согласия\n\n"
                           "Отзываю согласие, удалите мои данные.\n", "ru"),
    "ru, pasted": ("Письмо клиента", "Добрый день, пересылаю письмо клиента.\n\nОтзываю "
                   "согласие, удалите мои данные. Әсел Қасымова, asel@example.kz", "ru"),
    "kk, pasted": ("", "Клиенттің хатын жіберемін:\n\nДеректерімді жойыңыз. Әсел Қасымова", "kk"),
    "en, original message": ("Fwd: delete my data", "Forwarding a customer's letter below.\n\n"
                             "-----Original Message-----\nFrom: Asel <asel@example.kz>\n"
                             "Subject: delete my data\n\nPlease delete my personal data.", "ru"),
}  # fmt: skip
TOLD = {"ru": "Письмо, которое вы нам переслали", "kk": "Сіз бізге қайта жіберген хат"}
NO_DATA = ("нет персональных данных", "деректер жоқ", "asel@", "Қасымова", "Әсел")


@pytest.mark.parametrize("subject_line, body, language", FORWARDS.values(), ids=FORWARDS)
def test_a_colleague_forwarding_a_customers_letter_is_told_nothing_of_the_customer(
    person, subject_line, body, language
):
    ticket = ingest(message(subject_line, sender="manager@partner.kz", body=body))
    assert (ticket.type, ticket.about_someone_else) == (Ticket.Type.OTHER, True)
    assert ticket.limits == {"forwarded": True}
    [mail] = mails_to("manager@partner.kz")
    assert mail.subject == TOLD[language] and ticket.reference in mail.message
    assert not any(word in mail.message for word in NO_DATA)
    assert "/requests/confirm/" not in mail.message
    assert not mails_to("asel@example.kz") and untouched(person)


def test_a_pasted_customers_withdrawal_is_not_the_forwarders_own(person):
    """Әсел on record passes on Ерлан's letter: her consents stay, and no link asks her to
    confirm a request that is not hers."""
    ingest(message("", body="Пересылаю письмо клиента:\n\nОтзываю согласие. Ерлан"))
    assert untouched(person)
    [mail] = mails_to("asel@example.kz")
    assert mail.subject == TOLD["ru"] and "/requests/confirm/" not in mail.message


def test_a_person_sending_their_own_letter_again_is_still_heard(person):
    ticket = ingest(message("", body="Пересылаю своё письмо ещё раз.\n\nОтзываю согласие."))
    assert ticket.type == Ticket.Type.WITHDRAW and not untouched(person)


@pytest.mark.parametrize("lang, note", [
    ("kk", "Жіберушіге хат қатысты адам туралы ештеңе айтпаңыз"),
    ("ru", "Ничего не сообщайте отправителю о\xa0человеке, которого оно касается"),
])  # fmt: skip
def test_the_desk_tells_the_officer_to_open_the_customers_own_request(desk, person, lang, note):
    ticket = ingest(message(FORWARDS["ru, forwarded head"][0], sender="manager@partner.kz",
                            body=FORWARDS["ru, forwarded head"][1]))  # fmt: skip
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="someone-else"' in page and note in page


NO_LINK = {"kk": "Жоқ: басқа адам туралы қайта жіберілген хат",
           "ru": "Нет: пересланное письмо о\xa0другом человеке"}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("sender", ["manager@partner.kz", "asel@example.kz"])
def test_the_desk_says_no_link_went_and_closes_it_telling_the_sender_nothing_more(
    desk, person, lang, sender
):
    """The page showed «confirmation link sent» as for any request, and the request waited for
    a confirmation that never comes: from a sender on record it could never be closed, from
    one not on record only as «no data held», which told them nothing is held about them."""
    ticket = ingest(message("", sender=sender, body="Пересылаю письмо клиента:\n\nОтзываю "
                            "согласие. Ерлан"))  # fmt: skip
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert NO_LINK[lang] in page
    act(desk, ticket, "close")
    ticket.refresh_from_db()
    assert (ticket.status, ticket.outcome) == (Ticket.Status.CLOSED, "")
    assert len(mails_to(sender)) == 1  # the receipt, nothing since
    assert untouched(person)


@pytest.mark.parametrize("how, told", [
    ("self-service", "Не нужна: запрос подан на личной странице человека"),
    ("unknown", "Нет: по адресу, с\xa0которого пришёл запрос, персональные данные не хранятся"),
    ("linked", "г.,"),  # the time the link went, as the admin writes a time
])  # fmt: skip
def test_every_request_says_when_its_link_went_or_why_none_did(desk, person, how, told):
    from consent.rights.selfservice import ticket_open_verified
    from consent.rights.tickets import ticket_open

    if how == "self-service":
        ticket = ticket_open_verified(person, Ticket.Type.BLOCK, "Өтінем.", "ru")
    else:
        email = "stranger@example.kz" if how == "unknown" else person.email
        ticket = ticket_open(kind="access", email=email, language="ru", channel="web")
    desk.cookies["django_language"] = "ru"
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    link = re.search(r'field-link_sent.*?<div class="readonly">(.*?)</div>', page, re.S)
    assert told in link.group(1)


LISTED = {  # (status, due note) as the desk's list and the person's page say them
    "forwarded": {"ru": ("ссылка для подтверждения не отправлялась",
                         "пересланное письмо, ссылка не отправлялась: можно закрыть"),
                  "kk": ("растау сілтемесі жіберілмеді",
                         "қайта жіберілген хат, сілтеме жіберілмеді: жабуға болады")},
    "unknown": {"ru": ("ссылка для подтверждения не отправлялась",
                       "данных нет, ссылка не отправлялась: можно закрыть"),
                "kk": ("растау сілтемесі жіберілмеді",
                       "деректер жоқ, сілтеме жіберілмеді: жабуға болады")},
    "linked": {"ru": ("ожидает подтверждения заявителем", "ожидает заявителя"),
               "kk": ("өтініш берушінің растауын күтуде", "өтініш берушіні күтуде")},
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("how", LISTED)
def test_the_list_says_no_link_went_where_none_did(desk, person, how, lang):
    """A forwarded letter's request was listed «waiting for the person to confirm» and «not
    confirmed: can be closed», as if a link had gone out and expired unused."""
    from consent.rights.tickets import ticket_open

    if how == "forwarded":
        ticket = ingest(message("", sender=person.email, body="Пересылаю письмо клиента:\n\n"
                                "Отзываю согласие. Ерлан"))  # fmt: skip
    else:
        email = "stranger@example.kz" if how == "unknown" else person.email
        ticket = ticket_open(kind="access", email=email, language="ru", channel="web")
    desk.cookies["django_language"] = lang
    status, note = LISTED[how][lang]
    page = desk.get("/admin/rights/ticket/?due=all").content.decode()
    row = re.search(rf"<tr>(?:(?!</tr>).)*>№\xa0{ticket.reference}<.*?</tr>", page, re.S).group(0)
    assert status in row and note in row
    assert ("жабуға болады" in row or "можно закрыть" in row) == (how != "linked")
    if ticket.subject_id:  # the person's page lists their requests the same way
        page = desk.get(f"/admin/consent/subject/{ticket.subject_id}/change/").content.decode()
        assert status in page and note in page
