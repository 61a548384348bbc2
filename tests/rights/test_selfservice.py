"""A person sees and changes their own consents behind a single-use emailed link."""

import json
import re

import pytest
from post_office.models import Email

from consent.core import gate
from consent.core.ledger import consent_grant, consent_withdraw_if_given
from consent.core.models import AuditEvent, LedgerEntry, Source
from consent.core.purposes import CROSS_BORDER, MARKETING, SERVICE
from consent.core.transfers import cross_border_offered
from consent.rights.models import Ticket
from consent.rights.selfservice import OPTIONAL
from tests.conftest import aged_token
from tests.site.language import as_written, visible
from tests.texts import AS_SHOWN, PROCESSOR

from .conftest import address_corrected, unbroken

MOBILE = unbroken("+7 701 123 45 67")  # the person's number, as the page shows it


def ask_link(client, lang, email="asel@example.kz", **headers):
    return client.post(f"/{lang}/my-data/", {"token": aged_token(), "email": email}, **headers)


def link_path(email="asel@example.kz"):
    mail = Email.objects.filter(to=[email]).latest("id")
    return re.search(r"https?://[^/\s]+(/\S+/my-data/open/\S+/)", mail.message).group(1)


@pytest.mark.parametrize("lang,title,given,version", [
    ("kk", "Сіздің деректеріңіз", "берілді", "1-нұсқа, "),
    ("ru", "Ваши данные", "дано", "версия 1, "),
])  # fmt: skip
def test_self_service_end_to_end(client, person, make_subject, lang, title, given, version):
    other = make_subject(full_name="Other", email="other@example.kz")
    assert ask_link(client, lang).status_code == 302
    path = link_path()
    assert client.get(path).status_code == 200  # a mail scanner's GET spends nothing
    assert client.post(path).status_code == 302
    html = as_written(client.get(f"/{lang}/my-data/").content.decode())
    assert title in html and "asel@example.kz" in html and MOBILE in html
    # consents as the ledger says, with the text version in words (not an English "v1"), read
    # in what the page shows: its CSP nonce, random base64, holds «/v5» now and then
    assert given in html and version in html and not re.search(r"\bv\d", visible(html, lang))
    # withdraw marketing: a ledger event from self-service, the gate says no at once
    client.post(f"/{lang}/my-data/consent/", {"withdraw": MARKETING})
    entry = LedgerEntry.objects.filter(subject=person).latest("id")
    assert (entry.kind, entry.purpose, entry.source) == ("withdraw", MARKETING, "self_service")
    assert not gate.may_process(person, MARKETING) and gate.may_process(person, SERVICE)
    # give it again, at once (the address was just confirmed by the link)
    client.post(f"/{lang}/my-data/consent/", {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN})
    assert gate.may_process(person, MARKETING)
    # the required service consent cannot be switched here
    client.post(f"/{lang}/my-data/consent/", {"withdraw": SERVICE})
    assert gate.may_process(person, SERVICE)
    # download: the person's data and no one else's, logged as an access request
    export = client.post(f"/{lang}/my-data/export/")
    data = json.loads(export.content)
    assert (
        data["data"]["email"] == "asel@example.kz"
        and "other@example.kz" not in export.content.decode()
    )
    assert Ticket.objects.filter(type="access", channel="self_service", status="done").count() == 1
    assert AuditEvent.objects.filter(action="subject_export", subject_ref=person.pk).exists()
    assert not AuditEvent.objects.filter(subject_ref=other.pk).exists()
    # a correction request lands on the desk already verified
    client.post(f"/{lang}/my-data/request/", {"type": "correct", "message": "Тегім қате",
                                              "token": aged_token()})  # fmt: skip
    ticket = Ticket.objects.get(type="correct")
    assert ticket.status == "open" and ticket.verified_at is not None and ticket.subject == person


def test_the_page_shows_the_phone_as_people_write_it(client, person):
    """The number was typed «8 701 123 45 67» and is held as E.164: the page showed
    «+77011234567», eleven digits in a row that the person could not check against their own
    before deciding whether to ask for a correction; it is shown in groups, as the contacts
    page shows the company's."""
    html = opened(client, person).get("/kk/my-data/").content.decode()
    assert MOBILE in html and "+77011234567" not in html


@pytest.mark.parametrize("lang,shown", [("kk", "+7 7232 12 34 56, ішкі 12"),
                                         ("ru", "+7 7232 12 34 56, доб. 12")])  # fmt: skip
def test_the_page_shows_an_extension_in_the_readers_language(client, person, lang, shown):
    """An office number typed with its extension («доб. 12», «ішкі 12») is held with it; the
    page shows it as people write it, not «;ext=12», nor phonenumbers' English «ext.»."""
    person.phone = "+77232123456;ext=12"
    person.save(update_fields=["phone"])
    assert unbroken(shown) in opened(client, person, lang).get(f"/{lang}/my-data/").content.decode()


@pytest.mark.parametrize("lang,text", [("kk", "Сілтеме"), ("ru", "Ссылка")])
def test_a_used_link_is_refused(client, person, lang, text):
    ask_link(client, lang)
    path = link_path()
    client.post(path)
    other_browser = type(client)()
    response = other_browser.post(path)
    assert response.status_code == 400 and text in response.content.decode()
    assert "asel@example.kz" not in other_browser.get(f"/{lang}/my-data/").content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_mailed_to_an_address_since_corrected_opens_nothing(client, person, lang):
    """A correction moved the person to another address: the old mailbox may be someone
    else's now, and the link mailed there within the hour before opened the person's page,
    their data and its download."""
    ask_link(client, lang)
    path = link_path()
    address_corrected(person, "Asel.New@example.kz")
    assert client.post(path).status_code == 400
    assert MOBILE not in client.get(f"/{lang}/my-data/").content.decode()
    ask_link(client, lang, email="asel.new@example.kz")  # the address on record, in any case
    assert client.post(link_path("Asel.New@example.kz")).status_code == 302
    assert MOBILE in client.get(f"/{lang}/my-data/").content.decode()


def test_an_expired_link_is_refused(client, person, time_machine):
    ask_link(client, "kk")
    path = link_path()
    from datetime import timedelta

    from django.utils import timezone

    time_machine.move_to(timezone.now() + timedelta(seconds=3601))
    assert client.post(path).status_code == 400


def test_the_page_shows_nothing_without_the_link(client, person):
    html = client.get("/kk/my-data/").content.decode()
    assert "asel@example.kz" not in html and 'name="email"' in html
    assert client.post("/kk/my-data/export/").status_code == 302


def test_known_and_unknown_addresses_get_identical_answers(client, person, settings):
    """The same answer; the same time is measured by make bench (bench/selfservice.py)."""
    settings.FORM_RATE_LIMIT = "100000/60"
    bodies = {}
    for email in ("asel@example.kz", "nobody@example.kz"):
        client.cookies.clear()
        response = ask_link(client, "kk", email=email)
        follow = client.get(response["Location"])
        bodies[email] = (response.status_code, response["Location"], len(follow.content))
    known, unknown = bodies.values()
    assert known[:2] == unknown[:2] and abs(known[2] - unknown[2]) <= 8


def test_identical_answer_for_the_same_known_and_unknown_address(client, person):
    a = ask_link(client, "ru", email="asel@example.kz")
    b = ask_link(client, "ru", email="stranger@example.kz")
    assert (a.status_code, a["Location"]) == (b.status_code, b["Location"])
    assert Email.objects.filter(to=["stranger@example.kz"]).exists()  # told nothing is held
    assert "/my-data/open/" not in Email.objects.get(to=["stranger@example.kz"]).message


def test_per_address_limit(client, person, settings):
    settings.FORM_RATE_LIMIT = "100000/60"
    for _ in range(5):
        ask_link(client, "kk")
    assert Email.objects.filter(to=["asel@example.kz"]).count() == 3


def test_per_ip_limit(client, person, settings):
    settings.FORM_RATE_LIMIT = "2/60"
    ask_link(client, "kk")
    ask_link(client, "kk")
    assert ask_link(client, "kk").status_code == 429


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_download_is_also_a_readable_pdf(client, person, lang):
    ask_link(client, lang)
    client.post(link_path())
    assert 'value="pdf"' in client.get(f"/{lang}/my-data/").content.decode()
    response = client.post(f"/{lang}/my-data/export/", {"format": "pdf"})
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('.pdf"')
    event = AuditEvent.objects.get(action="subject_export", subject_ref=person.pk)
    assert event.detail["format"] == "pdf"


def opened(client, person, lang="kk"):
    ask_link(client, lang)
    client.post(link_path())
    return client


# The states of the cross-border offer (compliance L2): nobody abroad configured (the default), a
# processor the published text names, and one it does not name.
OFFERS = {"nobody abroad": [], "named": [PROCESSOR], "not named": ["Other Cloud (USA)"]}


@pytest.mark.parametrize("offer", OFFERS)
@pytest.mark.parametrize("purpose", OPTIONAL)
def test_the_page_gives_only_a_consent_the_forms_would_ask_for(
    client, person, settings, offer, purpose
):
    """The page takes a posted purpose code, not only the buttons it shows: the cross-border
    consent, to a text naming someone other than who is configured abroad, was recorded from a
    crafted post. Each optional purpose, in each state of the offer: a consent is given exactly
    when the forms ask for it, and its button shows exactly then."""
    settings.CROSS_BORDER_PROCESSORS = OFFERS[offer]
    consent_withdraw_if_given(person, purpose, source=Source.SELF_SERVICE)
    offered = purpose != CROSS_BORDER or cross_border_offered()
    opened(client, person)
    page = client.get("/kk/my-data/").content.decode()
    assert (f'name="give" value="{purpose}"' in page) == offered
    client.post("/kk/my-data/consent/", {"give": purpose, f"shown_{purpose}": AS_SHOWN})
    assert gate.may_process(person, purpose) == offered


def test_a_cross_border_consent_no_longer_asked_for_is_still_withdrawn(client, person, texts):
    consent_grant(person, texts[CROSS_BORDER], language="kk", source=Source.APPLICATION_FORM)
    opened(client, person)
    assert 'name="withdraw" value="cross_border"' in client.get("/kk/my-data/").content.decode()
    client.post("/kk/my-data/consent/", {"withdraw": CROSS_BORDER})
    assert not gate.may_process(person, CROSS_BORDER)


def open_page(client, lang="kk"):
    ask_link(client, lang)
    client.post(link_path())


@pytest.mark.parametrize("lang,button,saved", [
    ("kk", "Маған орысша жазыңыз", "Сақталды"),
    ("ru", "Пишите мне на русском", "Сохранено"),
])  # fmt: skip
def test_a_person_chooses_the_language_of_their_letters(client, person, lang, button, saved):
    """Letters (campaigns, notices) went in the language of the person's first form, for good:
    one who wrote in Kazakh once and reads Russian had no way to change it."""
    from consent.marketing.campaigns import campaign_send
    from consent.marketing.models import Campaign

    open_page(client, lang)
    assert button in client.get(f"/{lang}/my-data/").content.decode()
    page = client.post(f"/{lang}/my-data/language/", {"language": "ru"}, follow=True)
    assert saved in page.content.decode()
    person.refresh_from_db()
    assert person.language == "ru"
    edit = AuditEvent.objects.get(action=AuditEvent.Action.SUBJECT_EDIT, subject_ref=person.pk)
    assert edit.detail["fields"] == ["language"]
    campaign = Campaign.objects.create(title="Nov", subject_line_kk="Жаңалықтар", body_kk="Қараша",
                                       subject_line_ru="Новости", body_ru="Ноябрь")  # fmt: skip
    campaign_send(campaign)
    assert Email.objects.filter(to=["asel@example.kz"]).latest("id").subject == "Новости"


@pytest.mark.parametrize("value", ["en", "", "kk\x00", "ru' OR 1=1"])
def test_a_language_not_offered_changes_nothing(client, person, value):
    open_page(client)
    page = client.post("/ru/my-data/language/", {"language": value}, follow=True)
    assert page.status_code == 200 and "alert" in page.content.decode()
    person.refresh_from_db()
    assert person.language == "kk"
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.SUBJECT_EDIT).exists()


def test_a_blocked_persons_letters_keep_their_language(client, person):
    from consent.core.ledger import subject_block

    subject_block(person, reason="complaint", source=Source.ADMIN)
    open_page(client)
    assert "Маған орысша жазыңыз" not in client.get("/kk/my-data/").content.decode()
    page = client.post(
        "/kk/my-data/language/", {"language": "ru"}, follow=True
    )  # a page open before
    assert "өңдеу бұғатталды" in page.content.decode()
    person.refresh_from_db()
    assert person.language == "kk"


@pytest.mark.parametrize("lang,closed", [
    ("kk", "Сіздің бетіңіз жабылды, ештеңе өзгертілген жоқ"),
    ("ru", "Ваша страница закрыта, ничего не изменено"),
])  # fmt: skip
def test_a_button_pressed_after_the_hour_says_nothing_was_changed(
    client, person, lang, closed, time_machine
):
    """A page left open past its hour took the press of "Withdraw consent" to the page that
    asks for an address, without a word: the person could believe they had withdrawn."""
    time_machine.move_to("2027-03-01 10:00+05:00", tick=False)
    open_page(client, lang)
    time_machine.move_to("2027-03-01 11:01+05:00", tick=False)
    page = client.post(f"/{lang}/my-data/consent/", {"withdraw": MARKETING}, follow=True)
    assert closed in page.content.decode() and 'name="email"' in page.content.decode()
    assert gate.may_process(person, MARKETING)
    assert closed not in client.get(f"/{lang}/my-data/").content.decode()  # said once, not kept


def test_a_button_pressed_after_the_desk_destroyed_the_data_says_so(client, person):
    """The message was set, then lost: the page it led to was the shared copy of the ask page,
    which shows no message."""
    from consent.rights.erasure import subject_destroy

    client.get("/kk/my-data/")  # the ask page, now in the shared cache
    open_page(client)
    subject_destroy(person, request_ref="R-1")
    page = client.post("/kk/my-data/consent/", {"withdraw": MARKETING}, follow=True)
    assert "Бізде сіз туралы дербес деректер енді жоқ." in page.content.decode()


@pytest.mark.parametrize("lang,refused", [("kk", "Қысқа уақытта"), ("ru", "Слишком много")])
def test_one_opened_link_posts_a_bounded_number_of_actions(client, person, lang, refused):
    """One link opened the page for an hour with no bound on what it posted: requests landed on
    the desk and exports, switches and their ledger rows piled up as fast as one could click.
    Twenty actions an hour for one person; the twenty-first does nothing and says so."""
    open_page(client, lang)
    for i in range(20):
        client.post(f"/{lang}/my-data/request/", {"type": "correct", "message": f"Тегім {i}",
                                                  "token": aged_token()})  # fmt: skip
    data = {"type": "block", "message": "Тоқтатыңыз", "token": aged_token()}
    page = client.post(f"/{lang}/my-data/request/", data, follow=True)
    assert refused in page.content.decode()
    assert Ticket.objects.filter(subject=person).count() == 20
    client.post(f"/{lang}/my-data/consent/", {"withdraw": MARKETING})
    assert gate.may_process(person, MARKETING)
