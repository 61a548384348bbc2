"""A letter asking for a copy of the data and for another right (compliance L7): «Пришлите
копию моих данных, а потом удалите их» and «Деректерімнің көшірмесін жіберіңіз, содан кейін
оларды жойыңыз» opened an access request, the destruction, named by a pronoun, in the text
alone; both named in full, «other», due in fifteen working days.

Decided (consent/rights/also.py): one letter, one request, the access request, due when the law
says for it; it lists the other rights the letter asks. The person's one mail names both, in
their language; the desk shows the officer the other request above the letter, to be opened
from the person's page once the copy is sent (a destruction confirmed first would have lost
the copy asked first)."""

import pytest

from consent.core.models import Subject
from consent.rights.deadlines import deadline_days
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date

from .conftest import mails_to, message

Type = Ticket.Type

BOTH = {
    "ru, then them": ("Пришлите копию моих данных, а потом удалите их", "ru",
                      "В\xa0вашем письме есть и\xa0другой запрос (уничтожение данных)"),
    "ru, both in full": ("Пришлите копию моих данных и удалите мои данные", "ru",
                         "В\xa0вашем письме есть и\xa0другой запрос (уничтожение данных)"),
    "kk, then them": ("Деректерімнің көшірмесін жіберіңіз, содан кейін оларды жойыңыз", "kk",
                      "Хатыңызда басқа да өтініш бар (деректерді жою)"),
    "ru, then block them": ("Пришлите копию моих данных, а потом заблокируйте их", "ru",
                            "другой запрос (блокирование обработки)"),
    "en, from a Kazakh reader": ("Send me a copy of my data and then delete it", "kk",
                                 "Хатыңызда басқа да өтініш бар (деректерді жою)"),
    # an item to change or remove, which no phrase names (items.py): it was listed nowhere
    "ru, an item in the same sentence": ("Пришлите, какие данные обо мне у вас есть, и исправьте "
                                         "номер телефона на +7 702 000 11 22", "ru",
                                         "другой запрос (исправление или обновление данных)"),
    "ru, an item to remove after": ("Прошу предоставить копию моих персональных данных.\nИ "
                                    "удалите, пожалуйста, мой старый номер.", "ru",
                                    "другой запрос (исправление или обновление данных)"),
    "kk, an address": ("Деректерімнің көшірмесін жіберіңіз, мекенжайымды өзгертіңіз: Өскемен, "
                       "Абай 5", "kk", "басқа да өтініш бар (деректерді түзету немесе жаңарту)"),
}  # fmt: skip


@pytest.mark.parametrize("body, language, told", BOTH.values(), ids=BOTH)
def test_a_copy_and_another_right_open_the_access_request_naming_both(person, body, language, told):
    ticket = ingest(message("", body=body))
    assert (ticket.type, ticket.language) == (Type.ACCESS, language)
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(Type.ACCESS))
    assert ticket.limits["also"] and Subject.objects.filter(pk=person.pk).exists()
    [mail] = mails_to("asel@example.kz")  # told once, both named, wholly in their language
    assert told in mail.message and "/requests/confirm/" in mail.message
    if language == "ru":
        assert not set("әғқңөұүһі") & set(mail.message.lower())
    else:
        assert "запрос" not in mail.message and "данны" not in mail.message


NOT_BOTH = {
    "a plain copy": "Пришлите копию моих данных",
    "kk, a plain copy": "Деректерімнің көшірмесін жіберіңіз",
    "denied": "Пришлите копию моих данных, но не удаляйте их",
    "kk, denied": "Деректерімнің көшірмесін жіберіңіз, бірақ оларды жоймаңыз",
    "asked about": "Пришлите копию моих данных. Когда вы удалите их?",
}


@pytest.mark.parametrize("body", NOT_BOTH.values(), ids=NOT_BOTH)
def test_a_copy_alone_is_a_plain_access_request(person, body):
    ticket = ingest(message("", body=body))
    assert ticket.type == Type.ACCESS and not ticket.limits
    assert ticket.due_date == due_date(ticket.received_at, deadline_days(Type.ACCESS))
    [mail] = mails_to("asel@example.kz")
    assert "другой запрос" not in mail.message and "басқа да өтініш" not in mail.message


@pytest.mark.parametrize("lang, note", [
    ("kk", "Бұл хатта басқа да өтініш бар (деректерді жою)"),
    ("ru", "В\xa0этом письме есть и\xa0другой запрос (уничтожение данных)"),
])  # fmt: skip
def test_the_desk_shows_the_officer_the_other_request(desk, person, lang, note):
    ticket = ingest(message("", body="Пришлите копию моих данных, а потом удалите их"))
    desk.cookies["django_language"] = lang
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert 'id="also-asked"' in page and note in page
    plain = ingest(message("", message_id="<m2@x>", body="Пришлите копию моих данных"))
    page = desk.get(f"/admin/rights/ticket/{plain.pk}/change/").content.decode()
    assert 'id="also-asked"' not in page and 'id="letter-limits"' not in page
