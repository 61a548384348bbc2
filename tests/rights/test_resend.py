"""An access answer sent again (compliance L10): never a letter that promises files it lacks.

The outbox keeps a delivered answer's files a week; after that its letter is expired and the
outbox will not send it again. The desk's "send the answer again" makes a new answer from the
data held that day, since the right of access is to the data the operator holds now."""

import json

import pytest
from django.contrib.auth.models import User
from post_office.models import STATUS, Email

from consent.core.delivery import send_queued
from consent.core.models import AuditEvent, Subject
from consent.rights.retention import enforce_retention
from tests.site.language import counted
from tests.staff import verified_login

from .conftest import act, confirm, mails_to, web_request


def page_of(client, url, lang):
    client.cookies["django_language"] = lang
    return client.get(url).content.decode().replace("\xa0", " ")


def told(response):
    return [str(m) for m in response.context["messages"]]


def delivered_answer(client, desk, time_machine):
    """An access request carried out at the desk on Monday 7 December 2026 and delivered."""
    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)
    web_request(client, "ru", "access")
    ticket = confirm(client, "ru")
    act(verified_login(desk, User.objects.get(username="olga")), ticket)
    assert send_queued()[1] == 0  # the link, the officers' notice, the answer
    answer = mails_to("asel@example.kz")[-1]
    assert answer.status == STATUS.sent and answer.attachments.count() == 2
    return ticket, answer


def test_a_delivered_answer_whose_files_are_gone_is_not_sent_again_from_the_outbox(
    client, desk, officer, person, mailoutbox, time_machine
):
    """The outbox's Resend (and Requeue) sent the letter «the data we hold is attached» with no
    attachment once retention had dropped the files a week after delivery."""
    _ticket, answer = delivered_answer(client, desk, time_machine)
    mailoutbox.clear()
    time_machine.move_to("2026-12-15 03:00+05:00", tick=False)
    enforce_retention()
    assert answer.attachments.count() == 0

    outbox = verified_login(client, officer)
    outbox.cookies["django_language"] = "ru"
    page = outbox.post(f"/admin/post_office/email/{answer.pk}/resend/", follow=True)
    assert "не отправляется повторно" in told(page)[0]
    assert "«Отправить ответ ещё раз»" in told(page)[0]
    page = outbox.post("/admin/post_office/email/", {"action": "requeue",
                                                     "_selected_action": [answer.pk]},
                       follow=True)  # fmt: skip
    assert counted("1 письмо не поставлено в\xa0очередь: вложения удалены") in told(page)[0]
    answer.refresh_from_db()
    assert answer.status == STATUS.sent
    # Even put back in the queue by hand, the sender does not send it.
    Email.objects.filter(pk=answer.pk).update(status=STATUS.queued)
    assert send_queued() == (0, 0) and mailoutbox == []


def test_the_desk_sends_a_new_answer_made_from_the_data_held_today_once_per_press(
    client, desk, person, mailoutbox, time_machine
):
    ticket, answer = delivered_answer(client, desk, time_machine)
    time_machine.move_to("2026-12-15 09:00+05:00", tick=False)
    enforce_retention()
    Subject.objects.filter(pk=person.pk).update(phone="+77057654321")  # corrected since

    desk = verified_login(desk, User.objects.get(username="olga"))
    desk.cookies["django_language"] = "ru"
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "Отправить ответ ещё раз" in page
    assert "по данным, которые мы храним сегодня" in page
    after = page.split('name="after" value="')[1].split('"')[0]
    resend = f"/admin/rights/ticket/{ticket.pk}/resend/"
    assert desk.get(resend).status_code == 405  # a link sends nothing

    done = desk.post(resend, {"after": after}, follow=True)
    assert "новый ответ" in told(done)[0]
    again = mails_to("asel@example.kz")[-1]
    assert again.pk != answer.pk and again.to == ["asel@example.kz"]
    assert "ещё раз" in again.message and "Здравствуйте" in again.message
    names = sorted(a.name for a in again.attachments.all())
    assert names == [f"{ticket.reference}.json", f"{ticket.reference}.pdf"]
    data = json.loads(again.attachments.get(name__endswith=".json").file.read())
    assert data["data"]["phone"] == "+77057654321"
    exports = AuditEvent.objects.filter(action="subject_export", subject_ref=person.pk)
    assert exports.count() == 2
    assert exports.order_by("id").last().actor_label == "olga"

    # Pressed twice (or by a second officer on a page opened before): sent once.
    twice = desk.post(resend, {"after": after}, follow=True)
    assert "не отправлен ещё раз" in told(twice)[0] and "сотрудник: olga" in told(twice)[0]
    assert mails_to("asel@example.kz")[-1].pk == again.pk and exports.count() == 2

    # An `after` that is no answer's number («²» and 5,000 digits passed isdecimal() to int(),
    # a 500) is a page opened before the latest answer: nothing sent.
    for odd in ("²", "٣", "9" * 5000, ""):
        refused = desk.post(resend, {"after": odd}, follow=True)
        assert "не отправлен ещё раз" in told(refused)[0]
    assert mails_to("asel@example.kz")[-1].pk == again.pk and exports.count() == 2


@pytest.mark.parametrize("blocked", [True, False])
def test_an_answer_is_sent_again_to_a_blocked_person_but_not_for_a_download(
    client, desk, person, time_machine, blocked
):
    """A block does not suspend the person's right to know what is held (Law 94-V Art. 1(3),
    24(1)(1)): their own answer is sent again, audited as given while blocked. A download on
    the self-service page was never mailed, so there is nothing to send again."""
    from consent.core.ledger import subject_block
    from consent.core.models import Source
    from consent.rights.selfservice import access_download

    ticket, _answer = delivered_answer(client, desk, time_machine)
    if not blocked:
        ticket, _body = access_download(person, "ru")  # answered on the page, not by mail
    else:
        subject_block(person, reason="Art. 23", source=Source.ADMIN)
    before = Email.objects.count()
    desk.cookies["django_language"] = "ru"
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert ("Отправить ответ ещё раз" in page) is blocked
    after = page.split('name="after" value="')[1].split('"')[0] if blocked else "x"
    done = desk.post(f"/admin/rights/ticket/{ticket.pk}/resend/", {"after": after}, follow=True)
    if not blocked:
        assert "по электронной почте" in told(done)[0] and Email.objects.count() == before
        return
    assert "новый ответ" in told(done)[0]
    assert send_queued()[1] == 0
    again = mails_to("asel@example.kz")[-1]
    assert again.status == STATUS.sent and again.attachments.count() == 2
    export = AuditEvent.objects.filter(action="subject_export", subject_ref=person.pk)
    export = export.order_by("id").last()
    assert export.detail == {"resent": True, "blocked": True}


def test_a_correction_leaves_no_copy_of_the_old_data_to_send_again(
    client, desk, officer, person, time_machine
):
    """The answer mailed on Monday held the phone number the person then had removed: the
    outbox kept that copy for the rest of the week, and its Resend sent the number again."""
    from post_office.models import Attachment

    _ticket, answer = delivered_answer(client, desk, time_machine)
    web_request(client, "ru", "correct")
    correction = confirm_link_of_the_latest(client)
    shown = {"full_name": person.full_name, "email": person.email, "phone": ""}
    act(verified_login(desk, User.objects.get(username="olga")), correction, **shown,
        document="Заявление от 7.12.2026")  # fmt: skip
    person.refresh_from_db()
    assert person.phone is None
    assert not [a for a in Attachment.objects.all() if b"+77011234567" in a.file.read()]
    outbox = verified_login(client, officer)
    outbox.post(f"/admin/post_office/email/{answer.pk}/resend/")
    answer.refresh_from_db()
    assert answer.status == STATUS.sent and answer.attachments.count() == 0


def confirm_link_of_the_latest(client):
    """Confirm the newest request through its link, as the person would."""
    from consent.rights.models import Ticket

    from .conftest import confirm_link

    assert client.post(confirm_link()).status_code == 200
    return Ticket.objects.order_by("-id").first()


def test_an_answer_sent_again_while_the_first_waits_in_the_outbox_reaches_the_person_once(
    client, desk, person, mailoutbox, time_machine
):
    """The mail server is down and the person writes that nothing came: "send the answer again"
    queued a second answer beside the first, and both went out once the server was back."""
    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)
    web_request(client, "ru", "access")
    ticket = confirm(client, "ru")
    desk = verified_login(desk, User.objects.get(username="olga"))
    act(desk, ticket)
    first = AuditEvent.objects.filter(action="subject_export").latest("id")
    desk.post(f"/admin/rights/ticket/{ticket.pk}/resend/", {"after": first.pk})
    send_queued()
    received = [m for m in mailoutbox if m.to == ["asel@example.kz"] and m.attachments]
    assert len(received) == 1
    assert "в\xa0их сегодняшнем виде" in received[0].body  # the new answer, in Russian


def test_an_answer_held_back_for_a_block_is_shown_and_told_and_can_be_sent_again(
    client, desk, person, mailoutbox, time_machine
):
    """The answer waited in the outbox when the person's processing was blocked: the sender
    held it back and it expired unsent, while the request read «done» and nobody knew."""
    from consent.core.ledger import subject_block
    from consent.core.models import Source

    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)
    web_request(client, "ru", "access")
    ticket = confirm(client, "ru")
    olga = verified_login(desk, User.objects.get(username="olga"))
    act(olga, ticket)
    time_machine.move_to("2026-12-07 10:05+05:00", tick=False)  # blocked while it waited
    subject_block(person, reason="Art. 23", source=Source.ADMIN)
    mailoutbox.clear()
    send_queued()
    assert [m for m in mailoutbox if m.attachments] == []
    ticket.refresh_from_db()
    assert ticket.status == ticket.Status.DONE
    # The officers are told, in their own language (Olga's is the site's, Kazakh).
    (alert,) = [m for m in mailoutbox if m.to == ["olga@example.kz"] and "жіберілмеді" in m.subject]
    assert ticket.reference in alert.subject
    assert "бұғатталды" in alert.body and "asel" not in alert.body

    url = f"/admin/rights/ticket/{ticket.pk}/change/"
    for lang, words in (("ru", "Ответ так и\xa0не был отправлен"), ("kk", "Жауап жіберілмеді")):
        olga.cookies["django_language"] = lang
        assert words in olga.get(url).content.decode()

    # Sent again while the block stands: a block does not suspend the person's right to know
    # what is held (Art. 1(3), 24(1)(1)); the page and the notice said to wait for its end.
    assert "қайта жіберіңіз" in page_of(olga, url, "kk") and "Бұғаттан шығарылғаннан" not in (
        page_of(olga, url, "kk"))  # fmt: skip
    assert "білу құқығын тоқтатпайды" in alert.body
    page = olga.get(url).content.decode()
    after = page.split('name="after" value="')[1].split('"')[0]
    olga.post(f"/admin/rights/ticket/{ticket.pk}/resend/", {"after": after})
    mailoutbox.clear()
    send_queued()
    assert [len(m.attachments) for m in mailoutbox if m.to == ["asel@example.kz"]] == [2]
    assert "Жауап жіберілмеді" not in olga.get(url).content.decode()


BLOCKED_RESEND = {
    "kk": "Адамның деректерін өңдеу бұғатталған, сондықтан жауап қайта жіберілмеді: оны "
    "бұғаттан шығарылғаннан кейін жіберуге болады.",
    "ru": "Обработка данных человека заблокирована, поэтому ответ не отправлен ещё раз: его "
    "можно отправить, когда блокирование будет снято.",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_blocked_childs_answer_is_not_sent_again_to_the_parent_and_the_officer_is_told_when(
    desk, texts, make_subject, lang
):
    """An answer a parent asked for a child goes to the parent, not to the person themself:
    while the child's processing is blocked it is not sent again, and the officer is told when
    it can be (the page's own form read «unblock or destroy first, or refuse»)."""
    from consent.core.ledger import consent_grant, subject_block
    from consent.core.models import Guardian, Source
    from consent.core.purposes import SERVICE
    from consent.rights.models import Ticket
    from consent.rights.selfservice import ticket_open_verified

    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         birth_date="2012-05-17")  # fmt: skip
    row = Guardian.objects.create(subject=child, full_name="Гүлнар", contact="gulnar@example.kz")
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=row)  # fmt: skip
    ticket = ticket_open_verified(child, "correct", "Өтінем.", lang, guardian=row)
    act(desk, ticket, "retype", new_type="access")
    act(desk, Ticket.objects.get(pk=ticket.pk))
    subject_block(child, reason="Art. 23", source=Source.ADMIN)
    before = Email.objects.count()
    desk.cookies["django_language"] = lang
    url = f"/admin/rights/ticket/{ticket.pk}/change/"
    after = desk.get(url).content.decode().split('name="after" value="')[1].split('"')[0]
    done = desk.post(f"/admin/rights/ticket/{ticket.pk}/resend/", {"after": after}, follow=True)
    assert told(done) == [BLOCKED_RESEND[lang]]
    assert Email.objects.count() == before
