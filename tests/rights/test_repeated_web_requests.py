"""The same request sent again through the web form while the first is open joins the first,
as a repeated letter does (test_repeated_requests.py): a person who heard nothing yet and fills
the form in again, a day or a week later, makes one request for the officers, with one deadline
and one link, and is told in the language of the form they just sent."""

import pytest
from django.test import Client

from consent.core import gate
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket

from .conftest import confirm_link, mails_to, message, web_request
from .test_selfservice import open_page
from .test_selfservice_once import request_form_data

Type, Status = Ticket.Type, Ticket.Status


def sent_twice(lang_first, lang_again, kind=Type.CORRECT, **extra):
    """The form sent, then sent again from a new page (a new token), as a person who came back."""
    web_request(Client(), lang_first, kind, **extra)
    web_request(Client(), lang_again, kind, message="Мен бұрын да жаздым", **extra)
    return list(Ticket.objects.order_by("id"))


def test_the_form_sent_again_joins_the_open_request(person, time_machine):
    time_machine.move_to("2026-12-02 10:00+05:00", tick=False)
    web_request(Client(), "ru", Type.CORRECT)
    time_machine.move_to("2026-12-09 12:00+05:00", tick=False)
    web_request(Client(), "kk", Type.CORRECT, message="Мен бұрын да жаздым")
    first, again = Ticket.objects.order_by("id")
    assert Ticket.objects.open().get() == first and first.is_waiting
    assert again.regarding == first and again.status == Status.FILED
    assert again.message == "Мен бұрын да жаздым"  # what they wrote is kept with the request
    assert first.due_date == Ticket.objects.get(pk=first.pk).due_date  # counted from the first
    # The person: the first form's link, then one mail in Kazakh (the form they just sent) that
    # says the form joined the open request and gives its link again, for the Kazakh page.
    _first_mail, answer = mails_to("asel@example.kz")
    assert first.reference in answer.subject
    assert "сайттағы форма арқылы" in answer.message and "хатыңызды" not in answer.message
    assert "Запрос" not in answer.message and "/kk/requests/confirm/" in answer.message


def test_the_link_of_the_answer_confirms_the_first_request(client, person):
    first, _again = sent_twice("kk", "kk")
    assert client.post(confirm_link()).status_code == 200
    first.refresh_from_db()
    assert first.status == Status.OPEN and Ticket.objects.open().count() == 1


def test_a_withdrawal_sent_again_by_the_form_still_waits_for_the_link(person):
    """Anyone can type a person's address into the form: its withdrawal stops nothing until
    the link is opened, the first time and the second."""
    first, again = sent_twice("kk", "kk", kind=Type.WITHDRAW, purpose=SERVICE)
    assert again.regarding == first
    assert gate.may_process(person, SERVICE)


def test_an_unsubscribe_sent_again_by_the_form_joins_the_one_waiting(person):
    """Only an emailed unsubscribe is carried out as it arrives: the form's waits for its link,
    the first time and the second, and the second joins the first as any request does. It
    opened a request of its own, with a second link to confirm."""
    first, again = sent_twice("kk", "ru", kind=Type.UNSUBSCRIBE)
    assert again.regarding == first and again.status == Status.FILED
    assert Ticket.objects.open().get() == first and first.is_waiting
    assert gate.may_process(person, MARKETING)
    _first_mail, answer = mails_to("asel@example.kz")
    assert first.reference in answer.subject and "через форму на сайте" in answer.message


def test_a_letter_and_then_the_form_are_one_request(person):
    first = ingest(message("Обновление персональных данных", message_id="<c@x>"))
    web_request(Client(), "ru", Type.CORRECT)
    again = Ticket.objects.latest("id")
    assert again.regarding == first and Ticket.objects.open().count() == 1


def test_a_stranger_sending_the_form_again_is_told_once(db, texts):
    first, again = sent_twice("kk", "kk", email="stranger@example.kz")
    assert again.regarding == first
    assert len(mails_to("stranger@example.kz")) == 1


def test_another_type_or_a_closed_request_is_a_request_of_its_own(person):
    web_request(Client(), "kk", Type.CORRECT)
    web_request(Client(), "kk", Type.ACCESS)
    assert Ticket.objects.open().count() == 2
    Ticket.objects.update(status=Status.DONE)
    web_request(Client(), "kk", Type.CORRECT)
    assert Ticket.objects.latest("id").is_open


def test_the_answer_to_a_russian_form_is_russian(person):
    sent_twice("kk", "ru")
    answer = mails_to("asel@example.kz")[-1]
    assert "через форму на сайте" in answer.message and "/ru/requests/confirm/" in answer.message
    assert "өтініш" not in answer.message


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_same_request_from_a_persons_page_joins_the_open_one(client, person, lang):
    """A correction asked by the web form and still waiting for its link, then asked again
    from the person's own page (reached by a link to the address on record, as the form's link
    would be): one request, now confirmed, with what they wrote on the page kept with it; the
    page says so, and lists the one request as open."""
    web_request(Client(), lang, Type.CORRECT)
    first = Ticket.objects.get()
    open_page(client, lang)
    data = {**request_form_data(client, lang), "message": "Тегім: Қасымова"}
    client.post(f"/{lang}/my-data/request/", data)
    again = Ticket.objects.latest("id")
    first.refresh_from_db()
    assert again.regarding == first and again.status == Status.FILED
    assert again.message == "Тегім: Қасымова"
    assert first.status == Status.OPEN and Ticket.objects.open().get() == first
    page = client.get(f"/{lang}/my-data/").content.decode()
    assert JOINED[lang] in page and again.reference not in page and first.reference in page


JOINED = {"kk": "жазғаныңыз соған қосылды", "ru": "написанное вами добавлено к\xa0нему"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_form_sent_three_times_in_someones_name_mails_her_twice_and_the_staff_once(
    person, privacy_officer, lang
):
    """Anyone can type someone else's address into the form, as often as they like: three
    posts made one request, a link and one reminder for the owner of the address (which never
    says she sent it), and one notice for the officers, not three requests and six notices."""
    for _post in range(3):
        web_request(Client(), lang, Type.ACCESS)
    first = Ticket.objects.order_by("id").first()
    assert Ticket.objects.open().get() == first
    assert Ticket.objects.exclude(pk=first.pk).filter(regarding=first).count() == 2
    _link, reminder = mails_to("asel@example.kz")
    assert reminder.message.startswith(RECEIVED_AGAIN[lang])
    for claim in ["Вы повторно отправили", "Сіз бұл өтінішті", "You have sent"]:
        assert claim not in reminder.message
    assert len(mails_to("olga@example.kz")) == 1


RECEIVED_AGAIN = {
    "kk": "Сәлеметсіз бе!\n\nОсы электрондық пошта мекенжайы көрсетілген бұл өтініш сайттағы "
    "форма арқылы",
    "ru": "Здравствуйте!\n\nС\N{NO-BREAK SPACE}этого адреса через форму на сайте повторно поступил",
}
