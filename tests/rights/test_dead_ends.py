"""Every request reaches an answer (compliance L8, L9, L11): a request nobody confirms is closed
with its outcome and is never overdue while it waits; a request filed under the wrong type is
re-classified; a correction that cannot be verified becomes a destruction. Each is worked as a
privacy officer in the served admin, in one language, for a person who writes in the other."""

from datetime import date

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, Source, Subject, Tombstone
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.digest import digest
from consent.rights.models import Ticket
from consent.workdays.calendar import due_date
from tests.site.language import counted
from tests.staff import verified_login

from .conftest import Status, act, confirm, confirm_link, mails_to, web_request

LANGS = [("kk", "ru"), ("ru", "kk")]  # (the person's language, the officer's admin language)

# What the officer reads in the admin, in her language.
PANEL = {
    "kk": {"close": "Растаусыз жабу", "retype": "Өтініш түрін өзгерту",
           "waiting": "өтініш берушіні күтуде",
           "destroy_instead": "Оның орнына деректерді жою"},
    "ru": {"close": "Закрыть без подтверждения", "retype": "Изменить тип запроса",
           "waiting": "ожидает заявителя",
           "destroy_instead": "Вместо этого уничтожить данные"},
}  # fmt: skip
# What the person reads in the mail, in theirs.
MAIL = {
    "kk": {"hello": "Сәлеметсіз бе!", "subject": "№\N{NO-BREAK SPACE}{} өтінішіңіз",
           "closed": "өтінішіңіз ({}) орындалмай жабылды",
           "no_data": "дербес деректер бізде жоқ",
           "not_confirmed": counted("жеті күн ішінде расталмады"),
           "retyped": "енді мына түрде қаралады", "correct": "деректерді түзету немесе жаңарту",
           "other": "басқа сұрақ", "unsubscribed": "жаңалықтар мен ұсыныстар жібермейміз",
           "destroyed_instead": "Түзетудің орнына"},
    "ru": {"hello": "Здравствуйте!", "subject": "Ваш запрос №\N{NO-BREAK SPACE}{}",
           "closed": "({}) закрыт без исполнения",
           "no_data": "нет персональных данных", "not_confirmed": "не был подтверждён",
           "retyped": "Мы изменили тип вашего запроса", "other": "другой вопрос",
           "correct": "исправление или обновление данных",
           "unsubscribed": "больше не будете получать от нас новости",
           "destroyed_instead": "Вместо исправления"},
}  # fmt: skip
TYPE = {"kk": {"destroy": "деректерді жою", "access": "деректерге қол жеткізу"},
        "ru": {"destroy": "уничтожение данных", "access": "доступ к\xa0данным"}}  # fmt: skip


def in_admin(desk, language):
    desk.cookies["django_language"] = language
    return desk


def page(desk, ticket):
    response = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/")
    assert response.status_code == 200
    return response.content.decode()


def listed(html, ticket):
    return f">№\xa0{ticket.reference}</a>" in html


# Item 1: a request nobody confirms is closed with its outcome.


@pytest.mark.parametrize("lang,admin", LANGS)
def test_a_request_from_an_address_with_no_data_is_closed_at_once(desk, person, lang, admin):
    web_request(desk, lang, "access", email="stranger@example.kz")
    ticket = Ticket.objects.get()
    assert ticket.subject is None and ticket.status == Status.UNVERIFIED
    html = page(in_admin(desk, admin), ticket)
    assert PANEL[admin]["close"] in html and 'value="close"' in html
    act(desk, ticket, "close")
    ticket.refresh_from_db()
    assert ticket.status == "no_data" and ticket.closed_at is not None
    assert MAIL[lang]["no_data"] in ticket.outcome  # recorded as the person was told it
    event = AuditEvent.objects.get(action="request_close")
    assert (event.actor_label, event.detail) == ("olga", {"status": "no_data"})
    answer = mails_to("stranger@example.kz")[-1]
    assert answer.subject == MAIL[lang]["subject"].format(ticket.reference)
    assert MAIL[lang]["hello"] in answer.message and MAIL[lang]["no_data"] in answer.message
    assert MAIL[lang]["closed"].format(TYPE[lang]["access"]) in answer.message
    assert Subject.objects.filter(pk=person.pk).exists()
    # Closed: the panel is gone (its address leads back to the request) and the request is in
    # no count.
    panel = desk.get(f"/admin/rights/ticket/{ticket.pk}/act/")
    assert panel.status_code == 302 and panel.url == f"/admin/rights/ticket/{ticket.pk}/change/"
    assert "desk_action" not in desk.get(panel.url).content.decode()
    assert not listed(desk.get("/admin/rights/ticket/?due=open").content.decode(), ticket)


def test_no_mail_goes_to_an_address_no_one_would_type(desk, texts):
    from consent.rights.tickets import ticket_open

    # A mail's From is not checked when it arrives: the closing note goes only where the
    # "nothing held" note went, to an address a person could have typed.
    ticket = ticket_open(kind="other", email="a..b@example.kz", language="kk", channel="email")
    act(desk, ticket, "close")
    ticket.refresh_from_db()
    assert ticket.status == "no_data"
    assert not Email.objects.filter(to__icontains="a..b@").exists()


@pytest.mark.parametrize("lang,admin", LANGS)
def test_an_unconfirmed_request_waits_then_closes_once_its_link_has_expired(
    desk, privacy_officer, texts, make_subject, time_machine, lang, admin
):
    time_machine.move_to("2026-11-02 10:00+05:00")  # a Monday
    # Her consents given before the request, not a month after it on the fixture's clock: with
    # none standing yet she would be in the digest as a person retention leaves to staff.
    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    web_request(desk, lang, "destroy")
    ticket = Ticket.objects.get()
    link = confirm_link()
    assert ticket.due_date == date(2026, 11, 3)  # counted from receipt, as the law counts

    # Wednesday: past its due date while waiting on the person. The law counts from receipt:
    # overdue everywhere, and waiting (test_opened_overdue.py).
    time_machine.move_to("2026-11-04 10:00+05:00")
    in_admin(verified_login(desk, privacy_officer), admin)
    listing = desk.get("/admin/rights/ticket/").content.decode()
    assert PANEL[admin]["waiting"] in listing and 'class="waiting overdue"' in listing
    assert listed(desk.get("/admin/rights/ticket/?due=overdue").content.decode(), ticket)
    assert listed(desk.get("/admin/rights/ticket/?due=waiting").content.decode(), ticket)
    index = desk.get("/admin/").content.decode()
    assert "?due=overdue" in index and "?due=waiting" in index
    assert digest(date(2026, 11, 4)) == 1  # overdue, though nothing can be done yet
    assert ticket.reference in mails_to("olga@example.kz")[-1].message
    # The link still works: the officer cannot close it yet.
    html = page(desk, ticket)
    assert PANEL[admin]["close"] in html and 'value="close"' not in html
    act(desk, ticket, "close")
    ticket.refresh_from_db()
    assert ticket.status == Status.UNVERIFIED

    # Seven days after the link was sent it no longer works, and the request can be closed.
    time_machine.move_to("2026-11-09 10:01+05:00")
    assert desk.post(link).status_code == 400
    verified_login(desk, privacy_officer)
    assert digest(date(2026, 11, 9)) == 1
    assert ticket.reference in mails_to("olga@example.kz")[-1].message
    assert 'value="close"' in page(desk, ticket)
    act(desk, ticket, "close")
    ticket.refresh_from_db()
    assert ticket.status == "not_confirmed" and ticket.verified_at is None
    event = AuditEvent.objects.get(action="request_close")
    assert event.actor_label == "olga" and event.subject_ref == person.pk
    assert event.detail == {"status": "not_confirmed"}
    answer = mails_to("asel@example.kz")[-1]
    assert answer.subject == MAIL[lang]["subject"].format(ticket.reference)
    assert MAIL[lang]["hello"] in answer.message and MAIL[lang]["not_confirmed"] in answer.message
    assert Subject.objects.filter(pk=person.pk).exists()  # nothing was destroyed
    assert digest(date(2026, 11, 10)) == 0
    index = desk.get("/admin/").content.decode()
    assert "?due=waiting" not in index


# Item 2: a request filed under the wrong type is re-classified.


# A person reads a date in words.
DUE_IN_WORDS = {"kk": "2026\xa0жылғы\xa03\xa0қараша", "ru": "3\xa0ноября\xa02026"}


@pytest.mark.parametrize("lang,admin", LANGS)
def test_a_request_filed_as_other_is_reclassified_and_confirmed_as_its_new_type(
    desk, privacy_officer, person, time_machine, lang, admin
):
    time_machine.move_to("2026-11-02 10:00+05:00")  # a Monday
    web_request(desk, lang, "other", message="Тегім қате жазылған / фамилия с ошибкой")
    ticket = Ticket.objects.get()
    assert ticket.due_date == date(2026, 11, 23)  # 15 working days
    time_machine.move_to("2026-11-03 09:00+05:00")
    html = page(in_admin(verified_login(desk, privacy_officer), admin), ticket)
    assert PANEL[admin]["retype"] in html and 'name="new_type"' in html
    assert '<option value="other"' not in html  # any type but its own
    act(desk, ticket, "retype", new_type="correct")
    ticket.refresh_from_db()
    assert ticket.type == "correct" and ticket.status == Status.UNVERIFIED
    assert ticket.due_date == due_date(ticket.received_at, 1) == date(2026, 11, 3)
    event = AuditEvent.objects.get(action="request_retype")
    assert event.actor_label == "olga" and event.subject_ref == person.pk
    assert event.detail == {"old_type": "other", "new_type": "correct", "due": "2026-11-03"}
    # The person learns the new type and its due date, with a link to confirm it.
    mail = mails_to("asel@example.kz")[-1]
    assert mail.subject == MAIL[lang]["subject"].format(ticket.reference)
    assert MAIL[lang]["retyped"] in mail.message and DUE_IN_WORDS[lang] in mail.message
    assert MAIL[lang]["correct"] in mail.message and MAIL[lang]["other"] in mail.message
    ticket = confirm(desk, lang)
    assert ticket.type == "correct" and ticket.status == Status.OPEN
    assert 'name="document"' in page(desk, ticket)  # the correction panel


def test_a_confirmed_request_reclassified_as_unsubscribe_takes_effect_at_once(desk, person):
    web_request(desk, "ru", "other", message="Не присылайте мне больше рассылку")
    ticket = confirm(desk, "ru")
    in_admin(desk, "kk")
    act(desk, ticket, "retype", new_type="unsubscribe")
    ticket.refresh_from_db()
    assert ticket.type == "unsubscribe" and ticket.status == Status.DONE
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    # The ledger says how it came (the request form, not an email) and whose action it was.
    row = gate.latest_event(person, MARKETING)
    said = (row.kind, row.source, row.reason, row.actor.username)
    assert said == ("withdraw", "request_form", ticket.reference, "olga")
    assert MAIL["ru"]["unsubscribed"] in mails_to("asel@example.kz")[-1].message


def test_a_confirmed_request_reclassified_as_a_withdrawal_closes_the_gate(desk, person):
    web_request(desk, "kk", "other", message="Маған хабарлама жібермеңіз")
    ticket = confirm(desk, "kk")
    act(desk, ticket, "retype", new_type="withdraw", new_purpose=MARKETING)
    ticket.refresh_from_db()
    assert (ticket.type, ticket.purpose, ticket.status) == ("withdraw", MARKETING, Status.OPEN)
    assert ticket.due_date == due_date(ticket.received_at, 15)
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    assert MAIL["kk"]["retyped"] in mails_to("asel@example.kz")[-1].message


def test_an_emailed_unsubscribe_the_intake_missed_needs_no_link(desk, person):
    from consent.rights.tickets import ticket_open

    # As the intake files a mail it does not recognise (compliance L15: an unsubscribe mailed
    # from an address on record takes effect without the link).
    ticket = ticket_open(kind="other", email="asel@example.kz", language="ru", channel="email")
    act(desk, ticket, "retype", new_type="unsubscribe")
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE and not gate.may_process(person, MARKETING)


def test_retyping_is_refused_where_it_makes_no_sense(desk, person):
    web_request(desk, "kk", "access")
    ticket = Ticket.objects.get()
    in_admin(desk, "ru")
    response = act(desk, ticket, "retype", new_type="access")
    assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    act(desk, ticket, "retype", new_type="")
    assert not AuditEvent.objects.filter(action="request_retype").exists()
    ticket.refresh_from_db()
    assert ticket.type == "access"
    # A request for an address with no data held is re-typed without a mail: nothing it could
    # become would change what happens to it.
    web_request(desk, "kk", "access", email="stranger@example.kz")
    stranger = Ticket.objects.get(subject=None)
    before = len(mails_to("stranger@example.kz"))
    act(desk, stranger, "retype", new_type="destroy")
    stranger.refresh_from_db()
    assert stranger.type == "destroy" and len(mails_to("stranger@example.kz")) == before
    # A closed request keeps its type, and the officer is told nothing was done.
    act(desk, stranger, "close")
    response = act(desk, stranger, "retype", new_type="access")
    assert "Этот запрос уже закрыт" in response.content.decode()
    stranger.refresh_from_db()
    assert stranger.type == "destroy"


# Item 5: a correction that cannot be verified becomes a destruction.


@pytest.mark.parametrize("lang,admin", LANGS)
def test_a_correction_that_cannot_be_verified_is_destroyed_instead(
    desk, person, lang, admin, django_capture_on_commit_callbacks, mailoutbox
):
    web_request(desk, lang, "correct", message="Туған күнім 1985 / дата рождения 1985")
    ticket = confirm(desk, lang)
    html = page(in_admin(desk, admin), ticket)
    assert PANEL[admin]["destroy_instead"] in html and 'value="destroy_instead"' in html
    response = act(desk, ticket, "destroy_instead", reason="  ")
    assert 'class="errorlist' in response.content.decode()
    assert Subject.objects.filter(pk=person.pk).exists()
    reason = {
        "kk": "Жаңа туған күнді растайтын құжат ұсынылмады.",
        "ru": "Документ, подтверждающий новую дату рождения, не представлен.",
    }[lang]
    with django_capture_on_commit_callbacks(execute=True):
        act(desk, ticket, "destroy_instead", reason=reason)
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE and ticket.subject_id is None and ticket.email == ""
    assert ticket.outcome == ""  # the reason was mailed to the person, and stays nowhere
    assert not Subject.objects.filter(pk=person.pk).exists()
    assert Tombstone.objects.get().request_ref == ticket.reference
    destroyed = AuditEvent.objects.get(action="subject_destroy")
    assert (destroyed.actor_label, destroyed.subject_ref) == ("olga", person.pk)
    closed = AuditEvent.objects.get(action="request_close")
    assert closed.detail == {"status": "done", "instead_of": "correct"}
    assert not Email.objects.filter(to__icontains="asel@example.kz").exists()
    [answer] = mailoutbox  # sent, and kept nowhere
    assert answer.to == ["asel@example.kz"]
    assert answer.subject == MAIL[lang]["subject"].format(ticket.reference)
    assert MAIL[lang]["destroyed_instead"] in answer.body and reason in answer.body


NOTHING_HELD = {
    "kk": ("басқа электрондық пошта мекенжайын берген болсаңыз", "телефон нөмірі ешқашан"),
    "ru": ("сообщали нам другой адрес электронной почты", "по номеру телефона\xa0— никогда"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_nothing_held_note_sends_the_person_only_to_an_email_address(desk, person, lang):
    """Only an email address links a request to a person's data (compliance L9): the note to an
    address with nothing held said to write from "another address or a phone number", and a
    phone number never finds anyone. It now says to write from the other email address, and
    that a phone number does not link."""
    web_request(desk, lang, "access", email="stranger@example.kz")
    note = mails_to("stranger@example.kz")[-1].message
    write_from, no_phone = NOTHING_HELD[lang]
    assert write_from in note and no_phone in note
