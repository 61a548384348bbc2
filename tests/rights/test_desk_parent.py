"""A parent telephones, or comes to the office, about their child's data (compliance L6, L9): the
privacy officer opens the request from the child's page, choosing the parent under «who is
asking». It is filed under the child's record naming the parent (`Ticket.guardian`), its link
goes to the parent's address and its answer to the parent, in the language the parent asked in,
as a request the parent makes on their page for the child. Only a parent who acts for the child
(ACTING: confirmed) is offered, none once the child is 18 by the Almaty date, and only what
their page does (access, correction, blocking, withdrawing a consent), a withdrawal of every
consent having the child's data destroyed."""

from datetime import date

import pytest
from django.core import mail
from django.test import Client
from post_office.models import STATUS, Email

from consent.core.delivery import send_queued
from consent.core.models import AuditEvent, Guardian, GuardianMail
from consent.rights.models import Ticket
from tests.staff import staff_member, verified_login

from .conftest import act, confirm_link, mails_to

MOTHER, CHILD = "gulnar@example.kz", "aisulu@example.kz"
ASKER = {"kk": "кім сұрап отыр", "ru": "кто просит"}
# The link's mail to the parent, in Russian (the language she asked in, not the child's).
PARENT_LINK_RU = "который вы как родитель или опекун подали от имени ребёнка"
CHILD_DATA_RU = "Данные, которые мы храним о ребёнке, от имени которого вы подали запрос"
NOT_ACTING = {
    "kk": "Бұл ата-ана немесе қорғаншы қазір бұл адамның атынан әрекет етпейді",
    "ru": "Этот родитель или опекун сейчас не\xa0действует от\xa0имени этого человека",
}
PARENT_TYPES = {
    "kk": "Бала деректерін жою үшін барлық мақсат бойынша келісімді кері қайтарып алу өтінішін",
    "ru": "Чтобы данные ребёнка были уничтожены, откройте отзыв согласия по всем целям",
}
# What the mother is told once her withdrawal for the child is carried out (guardianship.py).
KEPT_RU = "Вы отозвали от имени ребёнка (Айсұлу Қасымова) согласие на цель"
DESTROYED_RU = "Вы отозвали согласие от имени ребёнка (Айсұлу Қасымова). Других действующих"
# The person's own answer's note on another address of theirs: not a parent's to read.
OTHER_ADDRESS_RU = "Мы узнаём каждого человека по адресу электронной почты"


def staff_in(lang, name="dana"):
    return verified_login(Client(headers={"accept-language": lang}), staff_member(name,
                          "privacy_officer"))  # fmt: skip


@pytest.fixture
def child(make_subject):
    """Айсұлу, 14, whose Kazakh-speaking record her mother made with her own address, confirmed
    since (not `pending`)."""
    return make_subject(full_name="Айсұлу Қасымова", email=CHILD, language="kk",
                        birth_date=date(2012, 5, 17))  # fmt: skip


@pytest.fixture
def mother(child):
    return Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact=MOTHER)


def spaced(text):
    """A mail's text with its no-break spaces read as spaces (the mail sets them itself)."""
    return text.replace("\xa0", " ")


def page(response):
    assert response.status_code == 200
    return response.content.decode()


def opening(child):
    return f"/admin/consent/subject/{child.pk}/open-request/"


def asked(guardian, kind="access", **more):
    return {"asker": guardian.pk, "kind": kind, "language": "ru", "purpose": "",
            "message": "Мать позвонила: просит выслать ей данные дочери", **more}  # fmt: skip


def nothing_opened():
    assert not Ticket.objects.exists() and not Email.objects.exists()
    assert not AuditEvent.objects.filter(action="request_open").exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mothers_telephoned_request_goes_to_her_and_is_answered_to_her(
    child, mother, time_machine, lang
):
    """The mother asks in Russian for her Kazakh-speaking daughter's data. Before, the desk
    could open it only as the child's own: the link went to the child's mailbox, the answer
    to the child. Now the officer chooses the mother: her link, her answer, in her language,
    about the child; nothing goes to the child."""
    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)
    officer = staff_in(lang)
    form = page(officer.get(opening(child)))
    assert ASKER[lang] in form and "Гүлнар Қасымова" in form and f"({MOTHER})" in form
    response = officer.post(opening(child), asked(mother))
    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/rights/ticket/{ticket.pk}/change/"
    assert (ticket.subject, ticket.guardian, ticket.email, ticket.language, ticket.channel) == (
        child, mother, MOTHER, "ru", Ticket.Channel.DESK)  # fmt: skip
    assert ticket.status == Ticket.Status.UNVERIFIED and ticket.address_on_record == MOTHER
    opened = AuditEvent.objects.get(action="request_open")
    assert (opened.actor_label, opened.subject_ref) == ("dana", child.pk)
    assert opened.detail["opened_at_desk"] and opened.detail["guardian"] == mother.pk
    (link,) = mails_to(MOTHER)
    for body in (link.message, link.html_message):
        assert PARENT_LINK_RU in spaced(body) and "Этот запрос записал наш сотрудник" in body
    assert "/ru/requests/confirm/" in link.message
    assert mails_to(CHILD) == []
    # Pressed twice: the same request, no second link; the child's own would be another.
    assert officer.post(opening(child), asked(mother))["Location"] == response["Location"]
    assert Ticket.objects.count() == 1 and len(mails_to(MOTHER)) == 1

    assert Client().post(confirm_link(MOTHER)).status_code == 200  # she confirms it
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN
    assert act(officer, ticket).status_code == 200  # the officer answers it
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE
    answer = mails_to(MOTHER)[-1]
    assert CHILD_DATA_RU in spaced(answer.message) and len(answer.attachments.all()) == 2
    assert GuardianMail.objects.filter(email=answer, guardian=mother).exists()
    assert mails_to(CHILD) == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_not_yet_confirmed_is_not_offered_and_a_post_naming_them_opens_nothing(
    child, mother, lang
):
    """A form named the mother with an address of her own; neither the child nor an officer
    has confirmed her (`Guardian.pending`): she acts for the child in nothing, so the desk
    neither lists her nor opens a request naming her."""
    Guardian.objects.filter(pk=mother.pk).update(pending=True)
    officer = staff_in(lang)
    form = page(officer.get(opening(child)))
    assert 'name="asker"' not in form and 'id="parent-asking"' in form
    assert f"({MOTHER})" in form  # the note names who waits, to be confirmed on the page
    said = page(officer.post(opening(child), asked(mother)))
    assert NOT_ACTING[lang] in said
    nothing_opened()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_tampered_post_naming_another_childs_parent_is_refused(child, mother, make_subject, lang):
    """A post for Айсұлу's page carrying the number of another child's acting mother (an edited
    form, a stale tab): refused, said why, nothing opened, nothing mailed to anyone."""
    other = make_subject(full_name="Дәурен", email="dauren@example.kz", birth_date=date(2013, 1, 9))
    stranger = Guardian.objects.create(subject=other, full_name="Сейітова", contact="s@example.kz")
    officer = staff_in(lang)
    said = page(officer.post(opening(child), asked(stranger)))
    assert NOT_ACTING[lang] in said
    nothing_opened()
    said = page(officer.post(opening(child), asked(stranger, asker="nine")))
    assert NOT_ACTING[lang] in said
    nothing_opened()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", ["destroy", "unblock", "unsubscribe", "other"])
def test_the_desk_opens_for_a_parent_only_what_their_page_for_the_child_opens(
    child, mother, kind, lang
):
    """A destruction opened naming the parent would be the parent's own request: the officer is
    told to open a withdrawal of every consent, which destroys the child's data."""
    officer = staff_in(lang)
    said = page(officer.post(opening(child), asked(mother, kind=kind)))
    assert PARENT_TYPES[lang] in said
    nothing_opened()


def test_no_parent_is_offered_from_the_childs_18th_birthday_in_almaty(child, mother, time_machine):
    """17 May 2030, 00:30 in Almaty (still the 16th in UTC): Айсұлу is 18 and asks for herself.
    The page offers no parent, and a post naming her mother (a page opened before midnight)
    opens nothing."""
    time_machine.move_to("2030-05-17 00:30+05:00", tick=False)
    officer = staff_in("ru")
    form = page(officer.get(opening(child)))
    assert 'name="asker"' not in form and 'id="parent-asking"' not in form
    assert NOT_ACTING["ru"] in page(officer.post(opening(child), asked(mother)))
    nothing_opened()


def test_a_link_queued_to_the_parent_before_the_birthday_is_not_sent_after_it(
    child, mother, time_machine
):
    """Opened at 23:50 on the eve of the child's 18th birthday, its link to the mother still
    queued at midnight: held unsent by the sender, as any mail to a parent about a request for
    a child (GuardianMail, core.delivery); the request can then only be closed, the parent told
    (Ticket.outgrown)."""
    time_machine.move_to("2030-05-16 23:50+05:00", tick=False)
    officer = staff_in("ru")
    assert officer.post(opening(child), asked(mother, kind="correct")).status_code == 302
    ticket = Ticket.objects.get()
    (link,) = mails_to(MOTHER)
    assert GuardianMail.objects.filter(email=link, guardian=mother).exists()
    time_machine.move_to("2030-05-17 00:05+05:00", tick=False)
    send_queued()
    link.refresh_from_db()
    assert link.status != STATUS.sent and link.expires_at is not None  # held unsent for good
    held = AuditEvent.objects.get(action=AuditEvent.Action.MAIL_HELD_OF_AGE)
    assert (held.subject_ref, held.detail["mail"]) == (child.pk, link.pk)
    ticket.refresh_from_db()
    assert ticket.outgrown and ticket.is_open  # to be closed, the mother told (guardianship.py)


def test_a_child_with_no_address_of_their_own_is_asked_for_by_the_parent(make_subject):
    """A record with no address: the child's own request has no link to wait for, but the
    mother who acts for them has one: the form is offered for her, and only for her."""
    child = make_subject(full_name="Айсұлу", email=None, birth_date=date(2012, 5, 17))
    mother = Guardian.objects.create(subject=child, full_name="Гүлнар", contact=MOTHER)
    officer = staff_in("ru")
    form = page(officer.get(opening(child)))
    assert 'name="asker"' in form and "(gulnar@example.kz)" in form
    assert "Адрес электронной почты этого человека у\xa0нас не\xa0записан" in form
    assert "Адрес электронной почты этого человека" in page(
        officer.post(opening(child), asked(mother, asker=""))
    )
    nothing_opened()
    assert officer.post(opening(child), asked(mother)).status_code == 302
    assert Ticket.objects.get().address_on_record == MOTHER


def given_by_mother(child, mother, *purposes):
    from consent.core.ledger import consent_grant
    from consent.core.models import Source
    from consent.core.texts import current_text

    for purpose in purposes:
        consent_grant(child, current_text(purpose), language="kk", guardian=mother,
                      source=Source.APPLICATION_FORM)  # fmt: skip


def withdrawn_at_desk(officer, child, mother, purpose):
    """The officer opens the mother's telephoned withdrawal; she confirms it by her link."""
    response = officer.post(
        opening(child),
        asked(mother, kind="withdraw", purpose=purpose, message="Мать просит отозвать согласие"),
    )
    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert (ticket.subject, ticket.guardian, ticket.email, ticket.purpose) == (
        child, mother, MOTHER, purpose)  # fmt: skip
    assert PARENT_LINK_RU in spaced(mails_to(MOTHER)[-1].message)
    assert Client().post(confirm_link(MOTHER)).status_code == 200
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN
    return ticket


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mother_withdraws_one_consent_for_her_child_at_the_desk(
    child, mother, texts, time_machine, lang
):
    """The mother telephones to stop the child's news. Before, the desk refused and told her to
    write from her address, a request that also stopped it for her other children. Now the
    officer opens it for this child: her link, the ledger naming her, her answer in Russian;
    the child's service consent and data stay, and nothing goes to the child."""
    from consent.core import gate
    from consent.core.models import LedgerEntry
    from consent.core.purposes import MARKETING, SERVICE

    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)
    given_by_mother(child, mother, SERVICE, MARKETING)
    officer = staff_in(lang)
    ticket = withdrawn_at_desk(officer, child, mother, MARKETING)
    stopped = LedgerEntry.objects.filter(subject=child, purpose=MARKETING).latest("id")
    assert (stopped.kind, stopped.guardian) == ("withdraw", mother)
    assert not gate.may_process(child, MARKETING) and gate.may_process(child, SERVICE)

    assert act(officer, ticket).status_code == 200
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE
    answer = spaced(mails_to(MOTHER)[-1].message)
    assert KEPT_RU in answer and OTHER_ADDRESS_RU not in answer
    child.refresh_from_db()  # still on record, for the service consent
    assert mails_to(CHILD) == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mother_withdrawing_every_consent_at_the_desk_has_her_childs_data_destroyed(
    child, mother, texts, time_machine, lang, django_capture_on_commit_callbacks
):
    """«Delete everything about my daughter»: a withdrawal of every consent, opened for the
    mother; once carried out, no consent of the child's stands and her data is destroyed. The
    mother is told so of the child, not that the data under her own address went."""
    from consent.core.models import Subject
    from consent.core.purposes import MARKETING, SERVICE

    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)
    given_by_mother(child, mother, SERVICE, MARKETING)
    officer = staff_in(lang)
    ticket = withdrawn_at_desk(officer, child, mother, "")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert act(officer, ticket).status_code == 200
    assert not Subject.objects.filter(pk=child.pk).exists()
    (letter,) = mail.outbox  # sent once the destruction commits, kept nowhere
    assert letter.to == [MOTHER]
    assert DESTROYED_RU in spaced(letter.body) and OTHER_ADDRESS_RU not in spaced(letter.body)
