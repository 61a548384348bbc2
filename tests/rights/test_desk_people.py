"""The desk names the people it is about (to staff allowed to see them), shows every time in the
local zone and lists only what the staff member may open (issue 18, items 8 and 10)."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import translation
from post_office.models import Email

from consent.common.text import plain_text
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify

from .conftest import unbroken


@pytest.fixture
def asel(make_subject):
    return make_subject(email="asel@example.kz", full_name="Әсел Қасымова")


def test_people_list_names_each_person_and_address(privacy_officer_client, asel):
    html = privacy_officer_client.get("/admin/consent/subject/").content.decode()
    assert "Әсел Қасымова" in html and "asel@example.kz" in html
    assert not LogEntry.objects.filter(object_repr__contains="Қасымова").exists()


def test_a_person_known_only_by_an_address_is_listed_by_it(privacy_officer_client, make_subject):
    """Signed up for the news with an address alone: the name column, the link to their page,
    read «-», as if no one were there; it names them as every other page does (person_shown)."""
    reader = make_subject(email="reader@example.kz", full_name="")
    html = privacy_officer_client.get("/admin/consent/subject/").content.decode()
    cell = html.split('class="field-name"', 1)[1].split("</td>", 1)[0]
    assert f'href="/admin/consent/subject/{reader.pk}/change/">reader@example.kz</a>' in cell


@pytest.mark.parametrize("lang, erased", [
    ("kk", "ата-ана немесе қорғаншы (аты-жөні мен байланыс деректері өшірілген)"),
    ("ru", "родитель или опекун (имя и\xa0контакт стёрты)"),
])  # fmt: skip
def test_a_consent_whose_guardian_was_erased_still_says_a_guardian_gave_it(
    privacy_officer_client, texts, make_subject, lang, erased
):
    """Once the parent's name and contact are erased (their own request), the child's ledger
    row, page and evidence read «-» or nothing under «guardian»: a consent the minor seemed to
    give alone, which does not stand. They say a parent or guardian gave it, name erased."""
    from consent.core.ledger import consent_grant
    from consent.core.models import Guardian, LedgerEntry, Source
    from consent.core.purposes import SERVICE
    from consent.rights.erasure import guardian_erase

    child = make_subject(full_name="Айсұлу Қасымова", birth_date="2012-05-17")
    guardian = Guardian.objects.create(subject=child, full_name="Гүлнар", contact="g@example.kz")
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=guardian)  # fmt: skip
    guardian_erase("g@example.kz", request_ref="R-1")
    row = LedgerEntry.objects.get(subject=child)
    privacy_officer_client.cookies["django_language"] = lang
    for url in [f"/admin/consent/subject/{child.pk}/change/",
                f"/admin/consent/ledgerentry/{row.pk}/change/",
                f"/admin/consent/subject/{child.pk}/evidence.csv"]:  # fmt: skip
        page = privacy_officer_client.get(url).content.decode("utf-8-sig")
        # The CSV writes it with plain spaces (test_plain_files), the pages as the catalogue.
        assert (plain_text(erased) if url.endswith(".csv") else erased) in page, url


def test_a_request_names_its_person_on_the_desk_and_its_page(privacy_officer_client, asel):
    ticket = ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    ticket_verify(ticket)
    desk = privacy_officer_client.get("/admin/rights/ticket/").content.decode()
    assert "Әсел Қасымова" in desk
    page = privacy_officer_client.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "Әсел Қасымова" in page and f"/admin/consent/subject/{asel.pk}/change/" in page


def test_the_default_desk_list_leaves_out_requests_done_at_once(privacy_officer_client, asel):
    done = Ticket.objects.create(type="access", email=asel.email, subject=asel, status="done",
                                 channel="self_service", due_date="2026-12-01")  # fmt: skip
    # By its link: its number alone may be in the search help's example («R-12»).
    row = f'href="/admin/rights/ticket/{done.pk}/change/'
    desk = privacy_officer_client.get("/admin/rights/ticket/").content.decode()
    assert row not in desk
    every = privacy_officer_client.get("/admin/rights/ticket/?due=all").content.decode()
    assert row in every


def test_mail_times_on_a_persons_page_are_local(privacy_officer_client, asel, time_machine):
    time_machine.move_to("2026-11-30 22:30+00:00")  # 1 December, 03:30 in Almaty
    Email.objects.create(to=[asel.email], from_email="site@example.kz", subject="Сәлем")
    page = privacy_officer_client.get(f"/admin/consent/subject/{asel.pk}/change/").content.decode()
    assert "03:30" in page and "22:30" not in page


@pytest.mark.parametrize("lang, campaigns", [("kk", "таратулар"), ("ru", "рассылки")])
def test_the_menu_lists_only_what_the_officer_may_open(privacy_officer_client, lang, campaigns):
    with translation.override(lang):
        index = privacy_officer_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert "/admin/marketing/campaign/" not in index
    assert not re.search(campaigns, index, re.I)


def field_row(html, name):
    """The admin form row that holds the input `name`."""
    rows = re.findall(r'<div class="form-row[^"]*">.*?</div></div>', html, re.S)
    [row] = [r for r in rows if f'name="{name}"' in r]
    return row


def test_a_refused_correction_marks_the_document_field(client, privacy_officer_client, person):
    from .conftest import act, confirm, web_request

    web_request(client, "kk", "correct", message="Тегім қате жазылған")
    ticket = confirm(client)
    html = act(privacy_officer_client, ticket, full_name="Әсел Қасымқызы", document="")
    html = html.content.decode()
    row = field_row(html, "document")
    assert 'class="form-row errors' in row and 'class="errorlist' in row
    assert "құжат" in row  # the reason, at the field it is about
    # The admin's own buttons, not the browser's grey ones.
    assert re.search(r'<button[^>]*class="button default"[^>]*value="do"|'
                     r'<button[^>]*value="do"[^>]*class="button default"', html)  # fmt: skip


@pytest.mark.parametrize("lang,shown", [("kk", "+7 7232 12 34 56, ішкі 12"),
                                         ("ru", "+7 7232 12 34 56, доб. 12")])  # fmt: skip
def test_a_persons_page_shows_the_number_as_it_is_dialled(
    privacy_officer_client, make_subject, lang, shown
):
    """Held as E.164 with RFC 3966's extension («+77232123456;ext=12»): the officer who calls
    the person reads it in groups, with the extension in the admin's language."""
    person = make_subject(email="erlan@example.kz", phone="+77232123456;ext=12")
    page = privacy_officer_client.get(
        f"/admin/consent/subject/{person.pk}/change/", HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    assert unbroken(shown) in page and ";ext=" not in page


@pytest.mark.parametrize("contact, shown", [
    ("+77017654321", "+7 701 765 43 21"), ("gulnar@example.kz", "gulnar@example.kz"),
])  # fmt: skip
def test_a_minors_page_names_the_guardian_who_consented(
    privacy_officer_client, texts, make_subject, contact, shown
):
    """A parent calls about their child's data: the officer checks that the caller is the
    parent who consented. The person's page and the ledger row named the guardian «#1», the
    row's number, and nowhere else in the admin were their name and contact."""
    from consent.core.ledger import consent_grant
    from consent.core.models import Guardian, LedgerEntry, Source
    from consent.core.purposes import SERVICE

    child = make_subject(full_name="Айсұлу Қасымова", birth_date="2012-05-17")
    # A row number no other row of the page has (the person's own «№ 1» is on it): the check
    # below is then about the guardian alone, whatever order the tests ran in.
    guardian = Guardian.objects.create(
        pk=987654, subject=child, full_name="Гүлнар Қасымова", contact=contact
    )
    consent_grant(child, texts[SERVICE], language="kk", source=Source.APPLICATION_FORM,
                  guardian=guardian)  # fmt: skip
    row = LedgerEntry.objects.get(subject=child)
    for url in [f"/admin/consent/subject/{child.pk}/change/",
                f"/admin/consent/ledgerentry/{row.pk}/change/"]:  # fmt: skip
        page = privacy_officer_client.get(url).content.decode()
        assert f"Гүлнар Қасымова, {unbroken(shown)}" in page, url
        assert f">№{guardian.pk}<" not in re.sub(r"\s+", "", page), url


def test_a_persons_page_lists_the_mail_sent_to_the_address_they_held_before(
    privacy_officer_client, person, make_subject, time_machine
):
    """Asel changed her address by a correction: her page listed only the mail sent to the new
    one, so the officer checking whether her earlier request was answered found nothing. The
    mail to the old address once another person took it is not hers (consent/rights/mailed.py)."""
    from consent.core.models import Subject

    from .conftest import address_corrected

    time_machine.move_to("2026-11-30 10:00+05:00")
    Subject.objects.filter(pk=person.pk).update(created_at="2026-11-01T10:00+05:00")
    Email.objects.create(to=["asel@example.kz"], from_email="site@example.kz",
                         subject="Ваш запрос № R-7")  # fmt: skip
    time_machine.move_to("2026-12-01 10:00+05:00")
    address_corrected(person, "asel.new@example.kz")
    time_machine.move_to("2026-12-01 11:00+05:00")
    make_subject(full_name="Басқа адам", email="asel@example.kz")  # the old mailbox's new owner
    Email.objects.create(to=["asel@example.kz"], from_email="site@example.kz",
                         subject="Someone else's letter")  # fmt: skip
    page = privacy_officer_client.get(f"/admin/consent/subject/{person.pk}/change/")
    page = page.content.decode()
    assert "Ваш запрос № R-7" in page and "30.11.2026 10:00" in page
    assert "Someone else" not in page
