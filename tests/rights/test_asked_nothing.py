"""A letter that asks nothing («Спасибо», «Рахмет!», «ок», «👍», nothing at all, a signature, the
quote of our mail) opened a request of its own, fifteen working days for an officer and a mail
back, which an auto-responder answered again. Now: replying to a request of the sender's (its
thread, or its number), it is kept with that request, which stays as it was, and no one is
mailed; standing alone, it is set aside with a reason the officer reads, unanswered."""

from datetime import date

import pytest
from django.utils import translation
from post_office.models import Email

from consent.rights.closing import ticket_close
from consent.rights.digest import digest
from consent.rights.intake import ingest
from consent.rights.models import QuarantinedMessage, Ticket

from .conftest import Status, mails_to, message

NOTHING = {
    "thanks": ("", "Спасибо"),
    "kk thanks": ("", "Рахмет!"),
    "ok": ("", "ок"),
    "thumbs up": ("", "👍"),
    "empty": ("", ""),
    "signature only": ("", "-- \nӘсел Қасымова\n+7 701 123 45 67"),
    "thanks and a name": ("", "Спасибо большое!\n\nАсель"),
    "kk in Latin letters": ("", "Rakhmet, tusinikti"),
    "kk, all understood": ("", "Рахмет, бәрі түсінікті"),  # «бәрі», as «всё понятно»
    "the quote alone": ("Re: Курсы", "\n\n> Когда начнётся курс?\n> Асель"),
    "thanks in the subject line": ("Рахмет!", ""),
    "greeting and thanks": ("", "Здравствуйте! Спасибо, всё получила."),
    "under a phone's footer": ("", "Ок, спасибо\n\nОтправлено из Mail для iPhone"),
    "both languages": ("", "Рахмет! Спасибо!"),
    "thanks for the answer": ("", "Благодарю за оперативность!"),
    "kk thanks for the answer": ("", "Жауабыңызға рақмет!"),
    "a company signature": ("", "Спасибо\n\nС уважением,\nИванова Мария\nТОО Ромашка"),
    "a long thread": ("Re: Re: Re: Курсы", "Спасибо!\n\n> > > Когда курс?\n> > Завтра\n> Ок"),
    # Out-of-office replies a mail program sends with no header naming a machine.
    "away": ("Re: Ваш запрос", "Я в отпуске до 15 декабря. По срочным вопросам пишите на "
                               "ivan@corp.kz"),
    "kk away": ("Re: Өтініш", "Мен 20 желтоқсанға дейін демалыстамын. Шұғыл сұрақтар бойынша "
                             "+77011112233 нөміріне хабарласыңыз."),
    "not at my desk": ("Re: Ваш запрос", "Меня нет на месте до 10.12. Письмо прочитаю позже."),
    "away in English": ("Re: Your request", "I am out of the office until Monday."),
}  # fmt: skip


@pytest.mark.parametrize("subject_line,body", NOTHING.values(), ids=NOTHING)
def test_a_letter_asking_nothing_is_set_aside_unanswered(person, officer, subject_line, body):
    raw = message(subject_line, body=body)
    entry = ingest(raw)
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
    assert not Ticket.objects.exists()
    assert not Email.objects.exists()  # no answer to the sender, no notice of each to staff
    for language, reason in (("kk", "ештеңе сұрамайды"), ("ru", "ничего не просит")):
        with translation.override(language):
            assert reason in str(entry.get_reason_display())


def confirmation(lang="ru"):
    ingest(message("Удалите мои данные" if lang == "ru" else "Деректерімді жойыңыз",
                   message_id="<first@example.kz>", body=""))  # fmt: skip
    return Ticket.objects.get(), mails_to("asel@example.kz")[-1]


def reply(mail, body, sender="asel@example.kz", subject_line="Re: …"):
    """A reply in the mail's thread, its subject line shortened by a phone (no number in it)."""
    raw = message(subject_line, sender=sender, message_id="<reply@example.kz>", body=body)
    return ingest(raw.replace(b"Subject:", f"In-Reply-To: {mail.message_id}\r\nSubject:".encode(),
                              1))  # fmt: skip


@pytest.mark.parametrize("body", ["Спасибо!", "👍", "Рахмет\n\n> Өтінішіңізді растаңыз"])
def test_a_thanks_in_a_requests_thread_is_kept_with_it(person, body):
    ticket, mail = confirmation()
    sent = Email.objects.count()
    filed = reply(mail, body)
    assert isinstance(filed, Ticket)
    assert (filed.regarding, filed.status) == (ticket, Status.FILED)
    assert Ticket.objects.exclude(status=Status.FILED).get() == ticket  # no other request
    ticket.refresh_from_db()
    assert ticket.status == Status.UNVERIFIED  # as it was
    assert Email.objects.count() == sent  # no one is mailed


def test_a_thanks_for_the_answer_does_not_reopen_the_request(person, officer_client):
    ticket, _mail = confirmation()
    ticket_close(ticket, outcome="Ответ", status=Status.REFUSED)
    ticket.refresh_from_db()
    closed_at, answer = ticket.closed_at, mails_to("asel@example.kz")[-1]
    sent = Email.objects.count()
    filed = ingest(message(f"Re: {answer.subject}", message_id="<t@x>", body="Рахмет!"))
    assert (filed.regarding, filed.status) == (ticket, Status.FILED)
    ticket.refresh_from_db()
    assert (ticket.status, ticket.closed_at) == (Status.REFUSED, closed_at)
    assert Ticket.objects.count() == 2 and Email.objects.count() == sent
    page = officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/")
    assert filed.reference in page.content.decode()  # the officer sees it on the request


def test_a_thread_names_a_request_only_for_its_own_sender(person, make_subject):
    make_subject(full_name="Other", email="other@example.kz")
    _ticket, mail = confirmation()
    sent = Email.objects.count()
    entry = reply(mail, "Спасибо", sender="other@example.kz")
    assert isinstance(entry, QuarantinedMessage) and entry.reason == "nothing_asked"
    assert Email.objects.count() == sent


@pytest.mark.parametrize(
    "body",
    [
        "Спасибо. Когда начнётся курс?",
        "Рахмет, келесі аптада хабарласамын.",
        "Ок, а где договор?",
        "Я в отпуске до 10 января. Курсы начнутся?",
        "Вы получили моё письмо?",
        "Спасибо, всё понятно, но почему вы не ответили на мой вопрос?",
    ],
)
def test_a_thanks_with_words_of_its_own_still_opens(person, body):
    ticket = ingest(message("", body=body))
    assert isinstance(ticket, Ticket) and ticket.type == "other"


def test_the_digest_lists_the_letters_that_asked_nothing(person, officer, time_machine):
    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)  # Monday
    entry = ingest(message("", body="Рахмет!"))
    assert not mails_to("alice@example.kz")  # no notice of its own
    time_machine.move_to("2026-12-08 09:00+05:00", tick=False)
    assert digest(date(2026, 12, 8)) == 1
    text = mails_to("alice@example.kz")[-1].message
    assert f"- {entry.reference}," in text and "?reason__exact=nothing_asked" in text
    assert "Ештеңе сұрамайды" in text  # Olga reads Kazakh
