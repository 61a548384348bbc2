"""A child's legal representative uses the child's rights under Law 94-V (Art. 24): to see the
child's data, to have it corrected, to have its processing blocked. A parent could only withdraw
a consent or unsubscribe for their child; for anything else the page sent them to the general
request form, from which the desk could not tell that they acted for the child. Now the page
their emailed link opens downloads the child's data and asks a correction or a block through
the operations of the child's own page, the request on the desk naming the parent, answered at
the parent's address in the parent's language; the parent's power ends on the local date the
child turns 18 (Asia/Almaty), whatever the UTC date."""

import json
import re

import pytest
from django.test import Client

from consent.core import gate
from consent.core.ledger import consent_grant
from consent.core.models import AuditEvent, Guardian, LedgerEntry, Source
from consent.core.purposes import MARKETING, SERVICE
from consent.rights.models import Ticket

from .conftest import act, mails_to
from .test_guardian_withdrawal import PARENT, in_language, open_children_page

Type, Status = Ticket.Type, Ticket.Status
CHILD = "aisulu@example.kz"
NOT_OFFERED = {"kk": "ұсынылмаған", "ru": "не предлагается"}
COME_OF_AGE = {"kk": "18\xa0жас толған", "ru": "исполнилось 18\xa0лет"}
BLOCKED = {"kk": "Баланың деректерін өңдеу бұғатталды", "ru": "Обработка данных ребёнка"}


def with_child(make_subject, texts, *, name, email, born, parent=PARENT, parent_name="Гүлнар"):
    child = make_subject(full_name=name, email=email, phone=None, birth_date=born, language="kk")
    row = Guardian.objects.create(subject=child, full_name=parent_name, contact=parent)
    for purpose in (SERVICE, MARKETING):
        consent_grant(child, texts[purpose], language="kk", source=Source.APPLICATION_FORM,
                      guardian=row)  # fmt: skip
    return child, row


@pytest.fixture
def child(texts, make_subject):
    """Айсұлу, 14, signed up with her mother Гүлнар's consent (application form)."""
    return with_child(make_subject, texts, name="Айсұлу Қасымова", email=CHILD,
                      born="2012-05-17")  # fmt: skip


def ask(client, lang, row, kind, message="Туған күні қате жазылған"):
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    token = page.split(f'name="{row.pk}-token" value="')[1].split('"')[0]
    return client.post(f"/{lang}/my-data/children/request/",
                       {"child": row.pk, f"{row.pk}-token": token, f"{row.pk}-type": kind,
                        f"{row.pk}-message": message}, follow=True)  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_downloads_the_childs_data_as_the_childs_own_page_would(child, lang):
    client = Client()
    name, row = child[0].full_name, child[1]
    open_children_page(client, lang)
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    assert f'formaction="/{lang}/my-data/children/export/?child={row.pk}"' in page

    response = client.post(f"/{lang}/my-data/children/export/", {"child": row.pk, "format": "json"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert name in json.dumps(json.loads(response.content), ensure_ascii=False)
    # A file to save, never a page to render, and kept by no cache on the way.
    (ticket,) = Ticket.objects.filter(type=Type.ACCESS)
    assert response["Content-Disposition"] == f'attachment; filename="{ticket.reference}.json"'
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    # Logged as an access request on the child's record, asked and answered at the parent's.
    assert (ticket.subject, ticket.guardian, ticket.email, ticket.status, ticket.language) == (
        child[0],
        row,
        PARENT,
        Status.DONE,
        lang,
    )
    assert AuditEvent.objects.filter(action="subject_export", subject_ref=child[0].pk).exists()
    pdf = client.post(f"/{lang}/my-data/children/export/", {"child": row.pk, "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_parent_has_the_childs_data_blocked_and_is_answered_in_their_own_language(
    child, lang, desk
):
    parent = Client()
    open_children_page(parent, lang)
    response = ask(parent, lang, child[1], Type.BLOCK)
    (ticket,) = Ticket.objects.filter(type=Type.BLOCK)
    assert ticket.reference in response.content.decode()
    assert (ticket.subject, ticket.guardian, ticket.email, ticket.language, ticket.status) == (
        child[0],
        child[1],
        PARENT,
        lang,
        Status.OPEN,
    )  # confirmed by the parent's link, as the child's own page's request is by hers
    # The desk shows who asked: the mother, for her daughter, whose record it is filed under.
    shown = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "Гүлнар" in shown and "Айсұлу Қасымова" in shown

    assert act(desk, ticket, reason="the parent's request").status_code == 200
    assert gate.is_blocked(child[0])
    answer = mails_to(PARENT)[-1]
    assert in_language(answer, lang) and ticket.reference in answer.subject
    assert BLOCKED[lang] in answer.message
    assert not mails_to(CHILD)


def test_a_parents_correction_reaches_the_desk_named_and_is_answered_at_the_parents_address(
    child, desk
):
    parent = Client()
    open_children_page(parent, "ru")
    ask(parent, "ru", child[1], Type.CORRECT, "Дата рождения 18.05.2012")
    (ticket,) = Ticket.objects.filter(type=Type.CORRECT)
    assert (ticket.guardian, ticket.email) == (child[1], PARENT)
    act(desk, ticket, document="свидетельство о рождении", full_name="Айсұлу Қасымова",
        email=CHILD, phone="", birth_date="18.05.2012", birth_place="")  # fmt: skip
    child[0].refresh_from_db()
    assert str(child[0].birth_date) == "2012-05-18"
    answer = mails_to(PARENT)[-1]
    assert in_language(answer, "ru") and "данные ребёнка исправлены" in answer.message.lower()


def test_two_parents_asking_the_same_for_one_child_make_two_requests_each_answered_at_theirs(
    child, texts
):
    father = Guardian.objects.create(subject=child[0], full_name="Ерлан", contact="erlan@x.kz")
    consent_grant(child[0], texts[MARKETING], language="kk", source=Source.APPLICATION_FORM,
                  guardian=father)  # fmt: skip
    for address, row in ((PARENT, child[1]), ("erlan@x.kz", father)):
        client = Client()
        open_children_page(client, "kk", address)
        ask(client, "kk", row, Type.BLOCK)
    asked = Ticket.objects.filter(type=Type.BLOCK, regarding=None)
    assert set(asked.values_list("email", "guardian")) == {(PARENT, child[1].pk),
                                                           ("erlan@x.kz", father.pk)}  # fmt: skip


def test_another_childs_row_or_a_forged_one_does_nothing_and_says_so(child, texts, make_subject):
    _other, other_row = with_child(make_subject, texts, name="Бөтен Бала", email="b@x.kz",
                                  born="2013-01-01", parent="other@x.kz")  # fmt: skip
    client = Client()
    open_children_page(client, "kk")
    for posted in ({"child": other_row.pk, "format": "json"}, {"child": "x"}, {}):
        response = client.post("/kk/my-data/children/export/", posted, follow=True)
        assert response.status_code == 200 and NOT_OFFERED["kk"] in response.content.decode()
    assert not Ticket.objects.exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_at_midnight_in_almaty_on_the_childs_18th_birthday_the_parent_can_no_longer_act(
    texts, make_subject, time_machine, lang
):
    """Ерболат turns 18 on 5 December 2026. At 23:30 in Almaty on the 4th his father's page
    acts for him; at 00:05 on the 5th in Almaty (still 19:05 on the 4th in UTC, his page open
    within its hour) nothing the page posts for him is done, and the father is told why."""
    time_machine.move_to("2026-12-04 23:30+05:00", tick=False)
    son, row = with_child(make_subject, texts, name="Ерболат Сейітов", email="e@x.kz",
                          born="2008-12-05", parent="father@x.kz", parent_name="Сейіт")  # fmt: skip
    client = Client()
    open_children_page(client, lang, "father@x.kz")
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    assert "Ерболат Сейітов" in page and 'name="withdraw" value="marketing"' in page
    page_token = page.split(f'name="{row.pk}-token" value="')[1].split('"')[0]

    time_machine.move_to("2026-12-05 00:05+05:00", tick=False)
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    assert "Ерболат" not in page  # no longer listed: he acts for himself
    posts = [("withdraw", {"withdraw": MARKETING}), ("export", {"format": "json"}),
             ("request", {f"{row.pk}-type": Type.BLOCK, f"{row.pk}-token": page_token,
                          f"{row.pk}-message": "x"})]  # fmt: skip
    for action, posted in posts:
        response = client.post(f"/{lang}/my-data/children/{action}/",
                               {"child": row.pk, **posted}, follow=True)  # fmt: skip
        assert response.status_code == 200
        assert COME_OF_AGE[lang] in response.content.decode()
    assert gate.may_process(son, MARKETING) and not gate.is_blocked(son)
    assert not Ticket.objects.exists() and not LedgerEntry.objects.filter(kind="withdraw").exists()


def test_a_parents_request_on_their_page_is_open_to_nobody_else(child):
    """Without the link's session: nothing is asked, nothing downloaded."""
    client = Client()
    for action in ("export", "request"):
        response = client.post(f"/kk/my-data/children/{action}/", {"child": child[1].pk,
                               "format": "json", "type": Type.BLOCK})  # fmt: skip
        assert response.status_code == 302 and response.url == "/kk/my-data/"
    assert not Ticket.objects.exists()


def _page_form(page):
    """What a browser posts with the page's form (the one the language switch names): each box
    the page ties to it by its form attribute, as typed by the test."""
    form_id = re.search(r'<button type="submit" form="([^"]+)"[^>]*name="switch_language"', page)[1]
    tied = re.findall(rf'<(?:input|textarea)[^>]*form="{form_id}"[^>]*>', page)
    return {re.search(r'name="([^"]+)"', tag)[1] for tag in tied}, form_id


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("press", ["language switch", "banner"])
def test_what_a_parent_wrote_for_each_child_stays_through_the_switch_and_the_banner(
    child, make_subject, texts, lang, press, settings
):
    """The page's language switch was a link and the banner's answer a post of its own form:
    a correction written for a child was lost. Each child's box now belongs to the page's form,
    which both post; the page comes back with what was written for each, nothing sent."""
    settings.GA_MEASUREMENT_ID = "G-TEST123"  # the banner asks
    son, son_row = with_child(make_subject, texts, name="Әлихан Серікұлы",
                              email="alikhan@example.kz", born="2014-03-02")  # fmt: skip
    row = child[1]
    client = Client()
    open_children_page(client, lang)
    page = client.get(f"/{lang}/my-data/children/").content.decode()
    names, form_id = _page_form(page)
    for pk in (row.pk, son_row.pk):
        assert {f"{pk}-type", f"{pk}-message", f"{pk}-token"} <= names
    assert f'id="{form_id}"' in page
    other = {"kk": "ru", "ru": "kk"}[lang] if press == "language switch" else lang
    written = {row.pk: "Туған күні 17.05.2012 емес, 18.05.2012", son_row.pk: "Тегі Серікұлы"}
    posted = {
        f"{row.pk}-type": Type.CORRECT,
        f"{row.pk}-message": written[row.pk],
        f"{son_row.pk}-type": Type.BLOCK,
        f"{son_row.pk}-message": written[son_row.pk],
    }
    posted |= {"switch_language": other} if press == "language switch" else {
        "cookie_choice": "reject"}  # fmt: skip
    again = client.post(f"/{other}/my-data/children/", posted)
    html = again.content.decode()
    assert again.status_code == 200 and f'<html lang="{other}">' in html
    for pk, text in written.items():
        assert f'name="{pk}-message"' in html and text in html
    assert re.search(rf'name="{row.pk}-type" value="correct"[^>]*checked', html)
    assert re.search(rf'name="{son_row.pk}-type" value="block"[^>]*checked', html)
    assert 'aria-invalid="true"' not in html and not Ticket.objects.exists()
    if press == "banner":
        assert again.cookies  # the answer is taken: its cookie is set
    # Sent from there, the son's request is his alone, with what was written for him.
    token = html.split(f'name="{son_row.pk}-token" value="')[1].split('"')[0]
    sent = client.post(f"/{other}/my-data/children/request/",
                       {**posted, "child": son_row.pk, f"{son_row.pk}-token": token})  # fmt: skip
    assert sent.status_code == 302
    ticket = Ticket.objects.get()
    assert (ticket.subject, ticket.type, ticket.guardian) == (son, Type.BLOCK, son_row)
