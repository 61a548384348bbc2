"""A withdrawal carried out stops what the person had consented to by their last word on it (its
confirmation, or its arrival while it acts unconfirmed), never a consent they gave again since
(compliance L14, L15; consent/rights/given_again.py). Әсел asks on day 1 to withdraw, confirms,
subscribes to the news again on the site on day 3, and the desk carries her day-1 request out on
day 5: it withdrew the day-3 consent too, recording on the ledger a withdrawal nobody asked for,
and with every consent withdrawn destroyed her. Now the newer consent stands, the gate still
permits it, nothing it needs is erased, and her letter says, in her language, that it stands and
how to withdraw it. A consent given again before her last word is stopped, as is everything when
nothing was given again."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation
from post_office.models import Email

from consent.common.dates import document_time, local_date
from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import Guardian, LedgerEntry, Source, Subject
from consent.core.purposes import MARKETING, PURPOSES, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.staff import verified_login
from tests.texts import SHOWN

from .conftest import act, confirm, confirm_link, mails_to, message, web_request

Status, Kind = Ticket.Status, LedgerEntry.Kind
ASEL = "asel@example.kz"
PARENT = "gulnar@example.kz"
# What the letter says of the news given again, of the other consents withdrawn with them, and
# of a child's consent given again (to the parent), in each language (no-break spaces read as
# spaces).
NEWS_STAND = {
    "kk": "өтінішіңізден кейін қайта жазылдыңыз",
    "ru": "снова подписались на наши новости и предложения уже после своего запроса",
}
OTHERS_WITHDRAWN = {
    "kk": "Басқа келісімдеріңіз кері қайтарып алынды",
    "ru": "Остальные ваши согласия отозваны",
}
CHILD_STANDS = {
    "kk": "мақсатына келісім өтінішіңізден кейін қайта берілді",
    "ru": "было снова дано уже после вашего запроса",
}
WITHDRAWN = {"kk": "келісіміңіз кері қайтарып алынды, біз деректеріңізді бұл мақсатта енді",
             "ru": "отозвано, и мы больше не обрабатываем ваши данные для неё"}  # fmt: skip


def text(mail):
    return mail.message.replace("\N{NO-BREAK SPACE}", " ")


def subscribed_again(lang, address=ASEL):
    """The newsletter form on the site, then the link it mails, pressed: the grant recorded."""
    data = {"token": aged_token(), **SHOWN, "email": address, "full_name": "",
            "consent_marketing": "on"}  # fmt: skip
    assert Client().post(f"/{lang}/newsletter/", data).status_code == 302
    mail = Email.objects.filter(to=[address], message__contains="/newsletter/confirm/").last()
    path = re.search(r"https?://[^/\s]+(/\S+/newsletter/confirm/[^/\s]+/)", mail.message)[1]
    assert Client().post(path, SHOWN).status_code == 200
    grant = LedgerEntry.objects.filter(purpose=MARKETING).latest("id")
    assert grant.kind == Kind.GRANT and grant.subject.email == address
    return grant


def withdrawn_since(subject, grant):
    """Withdrawal rows the ledger holds of `grant`'s purpose after it."""
    return LedgerEntry.objects.filter(subject=subject, purpose=grant.purpose, kind=Kind.WITHDRAW,
                                      id__gt=grant.id)  # fmt: skip


def day(time_machine, n):
    time_machine.move_to(timezone.now() + timedelta(days=n), tick=False)


@pytest.fixture
def carry_out(desk, privacy_officer, time_machine):
    """Two days on, the desk carries the request out (signed in again: the clock moved)."""

    def run(ticket):
        day(time_machine, 2)
        officer = verified_login(desk, privacy_officer)
        sent = len(mails_to(PARENT if ticket.as_guardian else ASEL))
        assert act(officer, ticket).status_code == 200
        ticket.refresh_from_db()
        assert ticket.status == Status.DONE
        return [m for m in (mails_to(PARENT if ticket.as_guardian else ASEL))[sent:]]

    return run


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_news_subscribed_to_again_after_the_request_stand_when_it_is_carried_out(
    client, person, time_machine, carry_out, lang
):
    web_request(client, lang, "withdraw", purpose=MARKETING)
    ticket = confirm(client, lang)
    assert not gate.may_process(person, MARKETING)
    day(time_machine, 2)
    grant = subscribed_again(lang)

    [answer] = carry_out(ticket)

    assert gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    assert not withdrawn_since(person, grant).exists()
    with translation.override(lang):
        since = document_time(local_date(grant.at)).replace("\N{NO-BREAK SPACE}", " ")
    for body in (text(answer), answer.html_message.replace("\N{NO-BREAK SPACE}", " ")):
        assert NEWS_STAND[lang] in body and since in body and f"/{lang}/my-data/" in body
        assert WITHDRAWN[lang] not in body
    person.refresh_from_db()
    assert person.phone and person.full_name  # nothing erased: both consents stand


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_consent_withdrawn_keeps_what_the_news_given_again_need(
    client, person, time_machine, carry_out, lang
):
    web_request(client, lang, "withdraw")
    ticket = confirm(client, lang)
    day(time_machine, 2)
    grant = subscribed_again(lang)

    [answer] = carry_out(ticket)

    assert Subject.objects.filter(pk=person.pk).exists()  # it destroyed her
    assert gate.may_process(person, MARKETING) and not gate.may_process(person, SERVICE)
    assert not withdrawn_since(person, grant).exists()
    person.refresh_from_db()
    assert all(getattr(person, field) for field in PURPOSES[MARKETING].fields)
    assert not person.phone  # only the service needed it
    assert NEWS_STAND[lang] in text(answer) and OTHERS_WITHDRAWN[lang] in text(answer)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_with_the_news_alone_in_force_no_other_consent_is_said_withdrawn(
    client, texts, make_subject, time_machine, carry_out, lang
):
    """Every consent withdrawn when the news alone stood, the news given again since: her letter
    said «your other consents are withdrawn» of none."""
    asel = make_subject(full_name="Әсел Қасымова", email=ASEL)
    consent_grant(asel, texts[MARKETING], language=lang, source=Source.NEWSLETTER_FORM)
    web_request(client, lang, "withdraw")
    ticket = confirm(client, lang)
    day(time_machine, 2)
    subscribed_again(lang)

    [answer] = carry_out(ticket)

    assert gate.may_process(asel, MARKETING)
    assert NEWS_STAND[lang] in text(answer) and OTHERS_WITHDRAWN[lang] not in text(answer)


def test_without_a_consent_given_again_everything_is_stopped_and_destroyed(
    client, person, time_machine, carry_out
):
    web_request(client, "ru", "withdraw")
    ticket = confirm(client, "ru")

    carry_out(ticket)

    assert not Subject.objects.filter(pk=person.pk).exists()
    assert not LedgerEntry.objects.filter(subject_id=person.pk, kind=Kind.GRANT).exists()


def test_one_consent_withdrawn_without_one_given_again_stays_withdrawn(
    client, person, time_machine, carry_out
):
    web_request(client, "kk", "withdraw", purpose=MARKETING)
    ticket = confirm(client, "kk")

    [answer] = carry_out(ticket)

    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    assert WITHDRAWN["kk"] in text(answer) and NEWS_STAND["kk"] not in text(answer)


def test_a_consent_given_again_before_the_confirmation_is_stopped(
    client, person, time_machine, carry_out
):
    """Her emailed withdrawal stops everything as it arrives (day 1); she subscribes again on
    day 3, then confirms the request on day 4: her confirmation is her last word on it."""
    ticket = ingest(message("Отзыв согласия на обработку персональных данных"))
    assert not gate.may_process(person, MARKETING)
    day(time_machine, 2)
    grant = subscribed_again("ru")
    day(time_machine, 1)
    assert client.post(confirm_link()).status_code == 200

    assert withdrawn_since(person, grant).count() == 1
    assert not gate.may_process(person, MARKETING)
    carry_out(ticket)
    assert not Subject.objects.filter(pk=person.pk).exists()


def test_a_letter_set_aside_and_opened_later_stops_nothing_given_since_it_came(
    person, time_machine
):
    """She had unsubscribed. Her letter withdrawing her consent is received on day 1 and set
    aside; she subscribes again on day 2; the officer opens it as her withdrawal on day 3: it
    stops what she had consented to when it came."""
    from consent.core.ledger import consent_withdraw
    from consent.rights.models import QuarantinedMessage
    from consent.rights.tickets import ticket_open_from_quarantine

    consent_withdraw(person, MARKETING, source=Source.UNSUBSCRIBE)
    entry = QuarantinedMessage.objects.create(
        reason=QuarantinedMessage.Reason.values[0], message_key="0" * 64, size=0, content=b""
    )
    day(time_machine, 1)
    grant = subscribed_again("kk")
    day(time_machine, 1)

    ticket_open_from_quarantine(entry, kind="withdraw", email=ASEL, language="kk", actor=None)

    assert gate.may_process(person, MARKETING) and not gate.may_process(person, SERVICE)
    assert not withdrawn_since(person, grant).exists()
    told = mails_to(ASEL)[-1]
    assert "/kk/requests/confirm/" in told.message and NEWS_STAND["kk"] in text(told)


@pytest.fixture
def child(texts, make_subject):
    """Айсұлу, 14, with her mother Гүлнар's consent to the service and to the news."""
    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         phone="+77021112233", birth_date="2012-05-17")  # fmt: skip
    mother = Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact=PARENT)
    for purpose in (SERVICE, MARKETING):
        consent_grant(child, texts[purpose], language="kk", source=Source.APPLICATION_FORM,
                      guardian=mother)  # fmt: skip
    return child


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_childs_consent_given_again_after_the_parents_request_stands(
    client, child, texts, time_machine, carry_out, lang
):
    web_request(client, lang, "withdraw", email=PARENT, purpose=MARKETING)
    assert client.post(confirm_link(PARENT)).status_code == 200
    ticket = Ticket.objects.get()
    assert not gate.may_process(child, MARKETING) and gate.may_process(child, SERVICE)
    day(time_machine, 2)
    # The mother gives the child's news again (on her page for the children, as on a form).
    mother = Guardian.objects.get(subject=child)
    grant = consent_grant(child, texts[MARKETING], language=lang, source=Source.SELF_SERVICE,
                          guardian=mother)  # fmt: skip

    [answer] = carry_out(ticket)

    assert gate.may_process(child, MARKETING) and gate.may_process(child, SERVICE)
    assert not withdrawn_since(child, grant).exists()
    assert CHILD_STANDS[lang] in text(answer) and "Айсұлу Қасымова" in text(answer)
    assert f"/{lang}/my-data/" in text(answer)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parents_reopened_unsubscribe_leaves_the_childs_news_given_again(
    client, desk, privacy_officer, child, texts, time_machine, carry_out, lang
):
    """The mother unsubscribes her child and confirms (done by itself); she gives the child's
    news again; an officer reopens the unsubscribe (its answer never came) and carries it out."""
    web_request(client, lang, "unsubscribe", email=PARENT)
    assert client.post(confirm_link(PARENT)).status_code == 200
    ticket = Ticket.objects.get()
    assert ticket.status == Status.DONE and not gate.may_process(child, MARKETING)
    day(time_machine, 2)
    mother = Guardian.objects.get(subject=child)
    grant = consent_grant(child, texts[MARKETING], language=lang, source=Source.SELF_SERVICE,
                          guardian=mother)  # fmt: skip
    officer = verified_login(desk, privacy_officer)  # signed in again: the clock moved
    officer.post(f"/admin/rights/ticket/{ticket.pk}/reopen/", {"reason": "Хат жетпеді"})

    [answer] = carry_out(Ticket.objects.get(pk=ticket.pk, status=Status.OPEN))

    assert gate.may_process(child, MARKETING) and not withdrawn_since(child, grant).exists()
    assert CHILD_STANDS[lang] in text(answer) and "Айсұлу Қасымова" in text(answer)
