"""A minor's consent is given and withdrawn by their legal representative (Art. 7(1), 8(1),
24(1)(5); compliance L6, L14). A parent who wrote «I withdraw my consent» from the address they
gave for their child was answered in writing that nothing could be stopped: their child's
processing went on. Now the parent's withdrawal (or unsubscribe) is one request that stops each
child's consent they act for as the child's own would, with the ledger and audit rows of a
withdrawal naming the parent, the parent's mails in the parent's language, and the desk's
carrying out destroying (or minimising) the child's data."""

import re

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail as sent
from django.utils import translation

from consent.common.dates import local_today
from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, Guardian, LedgerEntry, Source, Subject
from consent.core.purposes import MARKETING, PURPOSES, SERVICE
from consent.rights.intake import ingest
from consent.rights.models import IntakePhrase, Ticket

from .conftest import act, confirm_link, mails_to, message, web_request

Type, Status = Ticket.Type, Ticket.Status
PARENT = "gulnar@example.kz"
WITHDRAW = {"kk": "Жеке деректерді өңдеуге келісімді қайтарып алу",
            "ru": "Отзыв согласия на обработку персональных данных"}  # fmt: skip
GREETING = {"kk": "Сәлеметсіз бе", "ru": "Здравствуйте"}
OTHER_LANGUAGE = {"kk": ["Здравствуйте", "согласие", "обработ"], "ru": ["Сәлеметсіз", "келісім"]}


@pytest.fixture
def child(texts, make_subject):
    """Айсұлу, 14, signed up on the application form with her mother Гүлнар's consent, to the
    service and to the news; her mother's language is not hers."""
    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         phone="+77021112233", birth_date="2012-05-17", language="kk")  # fmt: skip
    mother = Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact=PARENT)
    for purpose in (SERVICE, MARKETING):
        consent_grant(child, texts[purpose], language="kk", source=Source.APPLICATION_FORM,
                      guardian=mother)  # fmt: skip
    child.refresh_from_db()
    return child


def in_language(mail, lang):
    return GREETING[lang] in mail.message and not any(
        word in mail.message + mail.subject for word in OTHER_LANGUAGE[lang]
    )


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parents_emailed_withdrawal_stops_the_childs_consents_and_the_desk_destroys_her_data(
    client, desk, child, lang, django_capture_on_commit_callbacks
):
    ticket = ingest(message(WITHDRAW[lang], sender=PARENT, message_id=f"<w-{lang}@x>"))
    assert (ticket.type, ticket.subject, ticket.as_guardian) == (Type.WITHDRAW, None, True)

    # As it arrives, as the child's own letter would: a withdrawal row per consent, each naming
    # the mother who withdrew it, the request's number its reason, and its audit row.
    rows = LedgerEntry.objects.filter(subject=child, kind="withdraw")
    assert sorted(rows.values_list("purpose", flat=True)) == [MARKETING, SERVICE]
    mother = Guardian.objects.get(subject=child)
    assert set(rows.values_list("guardian", "source", "reason")) == {
        (mother.pk, "email_request", ticket.reference)
    }
    assert AuditEvent.objects.filter(action="consent_withdraw", subject_ref=child.pk).count() == 2
    assert not gate.may_process(child, SERVICE) and not gate.may_process(child, MARKETING)
    # Nothing destroyed before the mother confirms.
    assert Subject.objects.filter(pk=child.pk, phone="+77021112233").exists()

    # The mother is told, in her language, what stopped for whom, and how to confirm.
    (mail,) = mails_to(PARENT)
    with translation.override(lang):
        names = "; ".join(  # each in «», as a sentence names a purpose (glossary)
            f"«{p.name}»" for code, p in PURPOSES.items() if code in (SERVICE, MARKETING)
        )
    assert in_language(mail, lang) and ticket.reference in mail.message
    assert f"Айсұлу Қасымова: {names}" in mail.message
    assert f"<li>Айсұлу Қасымова: {names}</li>" in mail.html_message
    assert f"/{lang}/requests/confirm/" in mail.message
    assert not mails_to("aisulu@example.kz")  # the child is not written to about it

    # Confirmed, then carried out at the desk: the child's data is destroyed, and the mother
    # is answered at her address, in her language.
    assert client.post(confirm_link(PARENT)).status_code == 200
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "18\xa0жасқа толмаған балаларға қатысты" in page  # what carrying it out does
    with django_capture_on_commit_callbacks(execute=True):
        assert act(desk, ticket).status_code == 200
    assert not Subject.objects.filter(pk=child.pk).exists()
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    # Held only as her mother, the mother goes with her (test_guardian_destroyed.py): the
    # answer leaves no copy in the outbox.
    assert not mails_to(PARENT)
    (answer,) = [m for m in sent.outbox if PARENT in m.to and ticket.reference in m.subject]
    assert GREETING[lang] in answer.body and "Айсұлу Қасымова" in answer.body
    assert AuditEvent.objects.filter(action="subject_destroy", subject_ref=child.pk).exists()


def test_a_parents_withdrawal_of_the_news_by_the_web_form_waits_for_the_link_and_keeps_the_rest(
    client, desk, child
):
    web_request(client, "ru", Type.WITHDRAW, email=PARENT, purpose=MARKETING)
    assert gate.may_process(child, MARKETING)  # anyone can type any address into a form
    assert client.post(confirm_link(PARENT)).status_code == 200
    assert not gate.may_process(child, MARKETING) and gate.may_process(child, SERVICE)
    (row,) = LedgerEntry.objects.filter(subject=child, kind="withdraw")
    assert row.guardian == Guardian.objects.get(subject=child)

    ticket = Ticket.objects.get(email=PARENT)
    act(desk, ticket)
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    # The service consent stands: the child's data is kept for it, what only news needed goes.
    assert Subject.objects.filter(pk=child.pk).exists() and gate.may_process(child, SERVICE)
    answer = mails_to(PARENT)[-1].message
    assert "Айсұлу Қасымова" in answer and "остаются в\xa0силе" in answer


def test_a_child_who_has_come_of_age_withdraws_for_herself(client, desk, child):
    """Her mother is no longer her legal representative: the mother's letter stops nothing of
    hers, and the mother is told why."""
    Subject.objects.filter(pk=child.pk).update(birth_date=local_today() - relativedelta(years=18))
    ticket = ingest(message(WITHDRAW["kk"], sender=PARENT))
    assert not LedgerEntry.objects.filter(subject=child, kind="withdraw").exists()
    assert gate.may_process(child, SERVICE)
    assert "Айсұлу" not in mails_to(PARENT)[-1].message
    assert client.post(confirm_link(PARENT)).status_code == 200
    act(desk, ticket)
    assert Subject.objects.filter(pk=child.pk).exists() and gate.may_process(child, SERVICE)
    assert "кәмелетке толған" in mails_to(PARENT)[-1].message


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parents_emailed_unsubscribe_stops_the_childs_news_at_once(child, lang):
    phrase = IntakePhrase.objects.canonical(Type.UNSUBSCRIBE, lang)
    ticket = ingest(message(phrase, sender=PARENT))
    ticket.refresh_from_db()
    assert ticket.status == Status.DONE
    assert not gate.may_process(child, MARKETING) and gate.may_process(child, SERVICE)
    assert LedgerEntry.objects.get(subject=child, kind="withdraw").guardian_id is not None
    (mail,) = mails_to(PARENT)
    assert in_language(mail, lang) and "Айсұлу Қасымова" in mail.message


def test_a_parent_with_a_record_of_their_own_withdraws_for_both(
    client, desk, child, texts, make_subject
):
    """Her own record and her daughter's: one letter stops both, and says so for each."""
    mother = make_subject(full_name="Гүлнар Қасымова", email=PARENT, language="ru")
    consent_grant(mother, texts[MARKETING], language="ru", source=Source.NEWSLETTER_FORM)
    ingest(message("Отказ от рассылки", sender=PARENT))
    assert not gate.may_process(mother, MARKETING) and not gate.may_process(child, MARKETING)
    mail = mails_to(PARENT)[-1].message
    assert "больше не будете получать" in mail and "Айсұлу Қасымова" in mail


WITHDRAWN_NOW = {"kk": "Келісім кері қайтарып алынды", "ru": "Согласие отозвано"}
NOT_OFFERED = {"kk": "ұсынылмаған", "ru": "не предлагается"}


def open_children_page(client, lang, address=PARENT):
    """The link mailed to a parent who asks for one at «My data», spent."""
    from consent.rights.selfservice import link_send

    link_send(address, lang)
    mail = mails_to(address)[-1]
    path = re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", mail.message)[1]
    response = client.post(path)
    assert response.status_code == 302 and response.url == f"/{lang}/my-data/children/"
    return mail


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_withdraws_the_childs_news_on_their_own_page(client, child, lang):
    mail = open_children_page(client, lang)
    assert in_language(mail, lang)
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    mother = Guardian.objects.get(subject=child)
    assert "Айсұлу Қасымова" in page and 'name="withdraw" value="marketing"' in page
    for childs in ["aisulu@example.kz", "702 111", "17.05.2012"]:  # nothing else of hers
        assert childs not in page

    response = client.post(f"/{lang}/my-data/children/withdraw/",
                           {"child": mother.pk, "withdraw": MARKETING}, follow=True)  # fmt: skip
    assert WITHDRAWN_NOW[lang] in response.content.decode()
    assert not gate.may_process(child, MARKETING) and gate.may_process(child, SERVICE)
    row = LedgerEntry.objects.get(subject=child, kind="withdraw")
    assert (row.guardian, row.source, row.purpose) == (mother, "self_service", MARKETING)
    assert AuditEvent.objects.filter(action="consent_withdraw", subject_ref=child.pk).exists()

    # Another row's number, a purpose the page does not switch: nothing, and it says so.
    for posted in ({"child": mother.pk + 100, "withdraw": MARKETING},
                   {"child": mother.pk, "withdraw": SERVICE}, {}):  # fmt: skip
        response = client.post(f"/{lang}/my-data/children/withdraw/", posted, follow=True)
        assert response.status_code == 200 and NOT_OFFERED[lang] in response.content.decode()
    assert LedgerEntry.objects.filter(subject=child, kind="withdraw").count() == 1


def test_a_parent_with_a_record_of_their_own_finds_the_childrens_page_on_theirs(
    client, child, texts, make_subject
):
    from consent.rights.selfservice import link_send

    make_subject(full_name="Гүлнар Қасымова", email=PARENT, language="ru")
    link_send(PARENT, "ru")
    path = re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", mails_to(PARENT)[-1].message)
    client.post(path[1])
    page = client.get("/ru/my-data/").content.decode()
    assert 'href="/ru/my-data/children/"' in page
    assert "Айсұлу Қасымова" in client.get("/ru/my-data/children/").content.decode()


def test_the_childrens_page_without_a_link_shows_nothing(client, child):
    response = client.get("/kk/my-data/children/")
    assert response.status_code == 302 and response.url == "/kk/my-data/"
    client.post("/kk/my-data/children/withdraw/", {"child": 1, "withdraw": MARKETING})
    assert gate.may_process(child, MARKETING)


# What the mother reads of her children: one child is «the child», two are «these children».
ONE_CHILD = {"kk": ["баланың дербес деректерін", "Баланың деректері"],
             "ru": ["персональных данных ребёнка", "Данные ребёнка"]}  # fmt: skip
CHILDREN = {"kk": ["мына балалардың дербес деректерін", "Балалардың деректері"],
            "ru": ["персональных данных этих детей", "Данные детей"]}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("children", [1, 2])
def test_a_parent_of_one_child_reads_of_one_child(child, texts, make_subject, lang, children):
    """A mother withdrawing for her only child read «мы прекратили обработку персональных
    данных этих детей» / «мына балалардың» and «Данные детей пока хранятся»: the mail spoke of
    children whatever their number. With her second child they are children."""
    if children == 2:
        brother = make_subject(full_name="Нұрлан Қасымов", email="nurlan@example.kz",
                               birth_date="2014-02-01", language="kk")  # fmt: skip
        mother = Guardian.objects.create(subject=brother, full_name="Гүлнар Қасымова",
                                         contact=PARENT)  # fmt: skip
        consent_grant(brother, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                      guardian=mother)  # fmt: skip
    ingest(message(WITHDRAW[lang], sender=PARENT, message_id=f"<w-{lang}@x>"))
    (mail,) = mails_to(PARENT)
    said, not_said = (ONE_CHILD, CHILDREN) if children == 1 else (CHILDREN, ONE_CHILD)
    assert mail.message.count(" Қасым") == children
    for text in (mail.message, mail.html_message):
        assert all(words in text for words in said[lang]), text
        assert not any(words in text for words in not_said[lang]), text


def test_a_parents_withdrawal_beside_another_right_stops_the_childs_and_says_so(child):
    """Beside a correction (also.withdrawn_beside) the withdrawal stops the child's consents as
    it arrives; the mail names the child, not «none of your consents was in force»."""
    ticket = ingest(message("", sender=PARENT, body="Отзываю согласие и исправьте фамилию"))
    assert ticket.type == Type.CORRECT and Type.WITHDRAW in ticket.limits["also"]
    assert not gate.may_process(child, SERVICE) and not gate.may_process(child, MARKETING)
    [mail] = mails_to(PARENT)
    assert "Айсұлу Қасымова" in mail.message and "не действовало" not in mail.message
