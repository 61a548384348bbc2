"""A person who answers the confirmation mail instead of following its link (compliance L7, L9):
a reply cannot confirm a request, as anyone can write in the person's name, so the mail says
that only the link does and names its request, and the intake files a reply quoting a request
of the same address with that request instead of opening an unrelated one."""

import pytest
from post_office.models import Email

from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.statistics import requests_by_week

from .conftest import Status, act, confirm_link, mails_to, message, web_request

ONLY_THE_LINK = {
    "kk": "Өтінішті тек осы сілтеме растайды",
    "ru": "Подтверждает запрос только эта ссылка",
}
REPLY = {
    "kk": ("Иә, растаймын", "өтінішке қостық", "жауап хат оны растай алмайды"),
    "ru": ("Да, подтверждаю", "добавили", "ответ на письмо не может его подтвердить"),
}


def confirmation_mail(address="asel@example.kz"):
    return next(m for m in reversed(mails_to(address)) if "/requests/confirm/" in m.message)


def reply_to(mail, body, sender="asel@example.kz", message_id="<reply@example.kz>"):
    """A reply as mail programs write it: the subject line after "Re:", the mail quoted."""
    quoted = "\n".join(f"> {line}" for line in mail.message.splitlines())
    return ingest(message(f"Re: {mail.subject}", sender=sender, message_id=message_id,
                          body=f"{body}\n\n{quoted}"))  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_confirmation_mail_names_its_request_and_says_a_reply_does_not_confirm(
    client, person, lang
):
    web_request(client, lang, "destroy")
    ticket = Ticket.objects.get()
    mail = confirmation_mail()
    assert ticket.reference in mail.subject
    assert ONLY_THE_LINK[lang] in mail.message and ONLY_THE_LINK[lang] in mail.html_message


# The officer reads the desk's mail in Kazakh, whatever the person wrote in.
OFFICERS_SUBJECT = "№\xa0{} өтініш: ол туралы хат келді (№\xa0{})"  # a no-break space after №
NO_ANSWER_OF_ITS_OWN = "оған бөлек жауап берудің қажеті жоқ"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_reply_to_the_confirmation_mail_is_filed_with_its_request(
    client, desk, person, officer, lang
):
    """Asel answers "Иә, растаймын" to the mail asking her to confirm her destruction request.
    The intake opened an unrelated "other" request with a second link, and her real request
    expired unconfirmed. Now the reply is filed with the request it quotes: no new request to
    confirm, one answer saying that only the link confirms (with the link again), and the
    officer reads the reply on the request's page."""
    web_request(client, lang, "destroy")
    ticket = Ticket.objects.get()
    mail = confirmation_mail()
    Email.objects.all().delete()
    written, added, cannot = REPLY[lang]
    reply = reply_to(mail, written)

    assert list(Ticket.objects.open()) == [ticket]
    assert (reply.regarding, reply.status) == (ticket, Status.FILED)
    answer = mails_to("asel@example.kz")
    assert len(answer) == 1
    assert ticket.reference in answer[0].subject
    assert added in answer[0].message and cannot in answer[0].message
    officers = Email.objects.filter(to=[officer.email]).get()
    # Named as a letter kept with the request, not as a second request to answer.
    assert officers.subject == OFFICERS_SUBJECT.format(ticket.reference, reply.reference)
    assert all(NO_ANSWER_OF_ITS_OWN in part for part in (officers.message, officers.html_message))

    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert f"/admin/rights/ticket/{reply.pk}/change/" in page
    # A letter filed with a request is not a request of its own in the desk's weekly counts.
    this_week = requests_by_week(weeks=1)[0]
    assert (this_week["received"], this_week["open"]) == (1, 1)
    # The link in the answer confirms the request she meant.
    assert client.post(confirm_link()).status_code == 200
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN


def test_a_reply_to_a_confirmed_request_is_filed_without_a_link(client, person):
    web_request(client, "kk", "access")
    ticket = Ticket.objects.get()
    mail = confirmation_mail()
    client.post(confirm_link())
    Email.objects.all().delete()
    # A question (a «Рақмет, күтемін» alone asks nothing: filed unanswered, test_asked_nothing)
    reply = reply_to(mail, "Рақмет. Жауапты қашан аламын?")
    assert (reply.regarding, reply.status) == (ticket, Status.FILED)
    (answer,) = mails_to("asel@example.kz")
    assert "/requests/confirm/" not in answer.message
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN


def test_a_number_quoted_from_another_address_links_nothing(client, person, make_subject):
    """Only a request of the sender's own address is linked: a number alone, which anyone can
    write, does not reach someone else's request."""
    make_subject(email="dana@example.kz")
    web_request(client, "kk", "destroy")
    ticket = Ticket.objects.get()
    other = reply_to(confirmation_mail(), "Иә, растаймын", sender="dana@example.kz")
    assert other.regarding is None and other.status == Status.UNVERIFIED
    assert ticket.replies.count() == 0


def test_a_reply_that_asks_for_a_request_of_its_own_opens_it_marked(client, person):
    """A reply that names a request by its phrase is a request: opened with its own link, and
    marked as about the earlier one for the officer."""
    from consent.rights.models import IntakePhrase

    web_request(client, "kk", "destroy")
    ticket = Ticket.objects.get()
    phrase = IntakePhrase.objects.canonical(Ticket.Type.CORRECT, "kk")
    new = reply_to(confirmation_mail(), phrase)
    assert (new.type, new.status, new.regarding) == ("correct", Status.UNVERIFIED, ticket)


def test_a_reply_from_an_address_with_an_idn_domain_is_filed(client, make_subject):
    """Mail programs write an IDN domain in its ASCII form (xn--…) in From; the address is stored
    in its Unicode form. The reply was not matched to Asel's request and opened a second one,
    with a second link."""
    make_subject(email="asel@мысал.kz")
    web_request(client, "kk", "destroy", email="asel@мысал.kz")
    ticket = Ticket.objects.get()
    reply = reply_to(confirmation_mail("asel@мысал.kz"), "Иә, растаймын",
                     sender="Asel@XN--80AWBU3C.KZ")  # fmt: skip
    assert (reply.regarding, reply.status) == (ticket, Status.FILED)
    assert list(Ticket.objects.open()) == [ticket]


def test_every_link_in_an_answer_to_a_reply_confirms_the_request(client, make_subject):
    """Bob asked from an address no one had on record, and became known later (he subscribed).
    His reply quoting that request was filed with it, and the answer carried a link for it,
    which cannot confirm a request of no one on record: the page still said «confirmed». A
    reply is filed only with a request of the sender's own record."""
    web_request(client, "ru", "destroy", email="bob@example.kz")
    earlier = Ticket.objects.get()
    make_subject(email="bob@example.kz")
    Email.objects.all().delete()
    ingest(message(f"Re: Ваш запрос {earlier.reference}", sender="bob@example.kz",
                   message_id="<bob@example.kz>", body="Да, подтверждаю"))  # fmt: skip
    assert client.post(confirm_link("bob@example.kz")).status_code == 200
    assert Ticket.objects.filter(status=Status.OPEN, subject__email="bob@example.kz").exists()


def test_the_answer_to_a_reply_links_to_the_page_in_its_own_language(client, person):
    """Asel asked in Russian and replied in Kazakh: the answer is in Kazakh, and so is the
    page its link opens (it opened the Russian one)."""
    web_request(client, "ru", "destroy")
    mail = confirmation_mail()
    Email.objects.all().delete()
    reply_to(mail, "Сәлеметсіз бе! Иә, бұл менің өтінішім, растаймын. Рақмет сізге.")
    (answer,) = mails_to("asel@example.kz")
    assert REPLY["kk"][2] in answer.message
    assert "/kk/requests/confirm/" in answer.message and "/ru/" not in answer.message


def test_a_reply_quoting_a_filed_reply_is_filed_with_its_request(client, person):
    """The person's data export lists the reply filed with her request by its own number; a
    letter quoting that number is about the same request, not a new one with a link."""
    web_request(client, "kk", "destroy")
    ticket = Ticket.objects.get()
    filed = reply_to(confirmation_mail(), "Иә, растаймын")
    again = ingest(message(f"{filed.reference} туралы", message_id="<again@example.kz>",
                           body="Иә, растаймын"))  # fmt: skip
    assert (again.regarding, again.status) == (ticket, Status.FILED)
    assert list(Ticket.objects.open()) == [ticket]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_filed_reply_that_asks_for_more_is_opened_as_a_request_by_the_officer(
    client, desk, person, lang
):
    """Asel confirms by reply and asks in the same letter to whom her data was passed, in words
    no phrase names: the letter was filed with her request and closed, and the officer reading
    it could not make it a request (only an open request could change its type), so a
    question the law gives ten working days to answer had no deadline at all. The officer now
    opens it as a request of the type it asks for, due from the day the letter arrived."""
    from consent.rights.deadlines import deadline_days
    from consent.workdays.calendar import due_date

    web_request(client, lang, "access")
    ticket = Ticket.objects.get()
    asks = {"kk": "Иә, растаймын. Деректерімді кімге бергеніңізді де айтыңызшы.",
            "ru": "Да, подтверждаю. Интересно ещё, с кем вы делились моими данными."}  # fmt: skip
    reply = reply_to(confirmation_mail(), asks[lang])
    assert reply.status == Status.FILED
    page = desk.get(f"/admin/rights/ticket/{reply.pk}/change/").content.decode()
    assert 'value="retype"' in page and '<option value="other"' in page
    assert 'value="do"' not in page and 'value="close"' not in page
    Email.objects.all().delete()
    act(desk, reply, "retype", new_type="transfer_notice")

    reply.refresh_from_db()
    assert (reply.type, reply.status, reply.closed_at) == ("transfer_notice", "unverified", None)
    assert reply.due_date == due_date(reply.received_at, deadline_days("transfer_notice"))
    assert reply.regarding == ticket and set(Ticket.objects.open()) == {ticket, reply}
    (mail,) = mails_to("asel@example.kz")
    assert ticket.reference in mail.message and reply.reference in mail.message
    assert f"/{lang}/requests/confirm/" in mail.message
    assert client.post(confirm_link()).status_code == 200
    reply.refresh_from_db()
    assert reply.status == Status.OPEN


def test_an_auto_responder_answering_our_answers_gets_one_answer_a_day(client, person):
    """Asel's mailbox answers every mail with «Re: <subject>» and no Auto-Submitted header: each
    filed reply was answered, which it answered again, for ever. The replies are still filed;
    the person is answered once a day. (One that says it is automatic is answered never:
    test_automatic_acknowledgements.py.)"""
    web_request(client, "ru", "destroy")
    ticket = Ticket.objects.get()
    mail = confirmation_mail()
    for n in range(4):
        reply_to(mail, "Спасибо, ваше письмо получено и передано менеджеру отдела.",
                 message_id=f"<auto-{n}@example.kz>")  # fmt: skip
        mail = mails_to("asel@example.kz")[-1]
    filed = Ticket.objects.filter(regarding=ticket, status=Status.FILED)
    assert filed.count() == 4
    answers = [m for m in mails_to("asel@example.kz") if ticket.reference in m.subject]
    assert len(answers) == 2  # the confirmation mail, one answer to the replies
