"""A correction (Art. 24(1)(2), compliance L11): the officer enters the corrected values with
the document that proves them, the old and the new are kept, and what may not be cleared,
taken from another person or typed as no one would is refused in the officer's language."""

from datetime import UTC, date, datetime

import pytest
from django.utils.formats import date_format
from django.utils.translation import override

from consent.common.dates import local_today
from consent.core import gate
from consent.core.models import AuditEvent, Subject
from consent.core.purposes import MARKETING
from consent.rights.models import Correction

from .conftest import (
    Status,
    act,
    confirm,
    mails_to,
    web_request,
)


def test_correction_needs_a_document_and_keeps_old_and_new(client, officer_client, person):
    web_request(client, "kk", "correct", message="Тегім қате жазылған")
    ticket = confirm(client)
    response = act(officer_client, ticket, full_name="Әсел Қасымқызы", document="")
    assert "құжат" in response.content.decode() or "document" in response.content.decode()
    person.refresh_from_db()
    assert person.full_name == "Әсел Қасымова"
    act(officer_client, ticket, full_name="Әсел Қасымқызы", document="ID card seen, No. 123")
    person.refresh_from_db()
    assert person.full_name == "Әсел Қасымқызы"
    correction = Correction.objects.get()
    assert (correction.old_value, correction.new_value) == ("Әсел Қасымова", "Әсел Қасымқызы")
    event = AuditEvent.objects.filter(action="subject_edit").get()
    assert event.detail == {"fields": ["full_name"]}
    assert "Сәлеметсіз бе" in mails_to("asel@example.kz")[-1].message


def panel_as_shown(officer_client, ticket):
    """What the correction panel posts when the officer edits nothing: the data on record."""
    panel = officer_client.get(f"/admin/rights/ticket/{ticket.pk}/act/").context["desk_form"]
    fields = ["full_name", "email", "phone", "birth_date", "birth_place"]
    return {name: panel[name].value() or "" for name in fields}


def test_a_correction_can_remove_an_optional_item_and_keeps_nothing_of_it(
    client, privacy_officer_client, person
):
    """The person asks to have their phone number removed: the officer empties the field. The
    panel took an empty field for "leave as it is", so the number could not be removed. Then
    the correction's row kept the number removed, and the form that gave it kept it too: it
    is erased as a minimisation erases an item (compliance L13), and a restore is told to
    erase it again."""
    from consent.core.models import Source, Submission, Tombstone

    from .traces import tables_holding

    Submission.objects.create(subject=person, source=Source.CONTACT_FORM, language="kk",
                              data={"phone": "+77011234567", "message": "Сәлем"})  # fmt: skip
    web_request(client, "kk", "correct", message="Телефон нөмірімді өшіріңіздер")
    ticket = confirm(client)
    shown = panel_as_shown(privacy_officer_client, ticket)
    assert shown["phone"] == "+7\xa0701\xa0123\xa045\xa067"  # as the person's page shows it
    act(privacy_officer_client, ticket, **{**shown, "phone": ""}, document="Өтініш, 25.11.2026")
    person.refresh_from_db()
    ticket.refresh_from_db()
    assert person.phone is None and person.full_name == "Әсел Қасымова"
    assert ticket.status == Status.DONE
    correction = Correction.objects.get()
    assert (correction.field, correction.old_value, correction.new_value) == ("phone", "", "")
    event = AuditEvent.objects.filter(action="subject_edit", subject_ref=person.pk).latest("id")
    assert event.detail == {"fields": ["phone"], "cleared": ["phone"]}
    assert "түзетілді" in mails_to("asel@example.kz")[-1].message
    assert tables_holding("7011234567") == []
    assert Submission.objects.get().data == {"message": "Сәлем"}
    tombstone = Tombstone.objects.get()
    assert (tombstone.kind, tombstone.erased) == ("minimised", ["phone"])
    # The person's page shows that it was removed, and by what document.
    privacy_officer_client.cookies["django_language"] = "ru"
    page = privacy_officer_client.get(f"/admin/consent/subject/{person.pk}/change/")
    page = page.content.decode()
    assert "+77011234567" not in page and "удалено" in page and "Өтініш, 25.11.2026" in page


@pytest.mark.parametrize("lang, refusal", [
    ("kk", "Электрондық пошта мекенжайын өшіруге болмайды"),
    ("ru", "Адрес электронной почты нельзя удалить"),
])  # fmt: skip
def test_a_correction_cannot_remove_the_address_the_person_is_reached_at(
    client, privacy_officer_client, person, lang, refusal
):
    web_request(client, "kk", "correct")
    ticket = confirm(client)
    shown = panel_as_shown(privacy_officer_client, ticket)
    privacy_officer_client.cookies["django_language"] = lang
    page = act(privacy_officer_client, ticket, **{**shown, "email": "", "phone": ""},
               document="Өтініш").content.decode()  # fmt: skip
    from .test_desk_people import field_row

    assert refusal in field_row(page, "email")
    person.refresh_from_db()
    ticket.refresh_from_db()
    assert person.email == "asel@example.kz" and person.phone == "+77011234567"
    assert ticket.status == Status.OPEN and not Correction.objects.exists()
    assert not AuditEvent.objects.filter(action="subject_edit").exists()


def test_a_minors_date_of_birth_is_corrected_not_removed(client, privacy_officer_client, person):
    """Rule 4 of the gate reads the date of birth: removed, a minor's consents given without
    a guardian would stand as an adult's."""
    from datetime import date

    Subject.objects.filter(pk=person.pk).update(birth_date=date(2015, 3, 1))
    assert not gate.may_process(person, MARKETING)  # a minor, no guardian
    web_request(client, "kk", "correct")
    ticket = confirm(client)
    shown = panel_as_shown(privacy_officer_client, ticket)
    privacy_officer_client.cookies["django_language"] = "ru"
    page = act(privacy_officer_client, ticket, **{**shown, "birth_date": ""},
               document="Өтініш").content.decode()  # fmt: skip
    assert "младше 18" in page
    person.refresh_from_db()
    assert person.birth_date == date(2015, 3, 1) and not gate.may_process(person, MARKETING)


@pytest.mark.parametrize("typed", ["OTHER@example.kz", "other@EXAMPLE.KZ", " other@example.kz"])
def test_a_corrected_address_held_by_another_person_is_refused(
    client, officer_client, person, make_subject, typed
):
    """Addresses are one person's whatever their letter case (every lookup ignores it), but the
    desk's correction compared them as typed: it gave Әсел the address of another person on
    record, and the two became one mailbox: links, answers and the other person's requests went
    to whichever of them was recorded first."""
    other = make_subject(full_name="Other", email="other@example.kz")
    web_request(client, "kk", "correct", message="Поштам өзгерді")
    ticket = confirm(client)
    response = act(officer_client, ticket, email=typed, document="ID card seen, No. 123")
    assert "Бұл мекенжай есептегі басқа адамға тиесілі" in response.content.decode()
    person.refresh_from_db()
    ticket.refresh_from_db()
    assert person.email == "asel@example.kz" and ticket.status == Status.OPEN
    assert Subject.objects.filter(email__iexact="other@example.kz").get() == other


@pytest.mark.parametrize("typed,stored", [
    ("Asel.New@EXAMPLE.KZ", "Asel.New@example.kz"),
    ("asel@XN--80AWBU3C.KZ", "asel@мысал.kz"),
])  # fmt: skip
def test_a_corrected_address_is_stored_in_the_one_form_of_an_address(
    client, officer_client, person, typed, stored
):
    """As every form stores an address (the domain in lower case, an IDN in its Unicode form),
    so that the person's own mail, in either spelling, finds their record."""
    web_request(client, "kk", "correct", message="Поштам өзгерді")
    ticket = confirm(client)
    act(officer_client, ticket, email=typed, document="ID card seen, No. 123")
    person.refresh_from_db()
    assert person.email == stored


@pytest.mark.parametrize(
    "field,typed,stored",
    [
        ("full_name", "\u202eавомысаҚ лесӘ", "авомысаҚ лесӘ"),  # reads "Әсел Қасымова" reversed
        ("full_name", "Әсел\u200b  Қасымқызы ", "Әсел Қасымқызы"),
        ("birth_place", "Семей\u2066\u202e", "Семей"),
        # compatibility letters as the plain ones (common.text.clean_name)
        ("full_name", "𝐀𝐬𝐞𝐥 Ｑａｓｙｍｏｖａ", "Asel Qasymova"),
        ("birth_place", "Ⓢⓔⓜⓔⓨ", "Semey"),
    ],
)
def test_a_corrected_name_or_place_is_stored_as_a_form_stores_it(
    client, officer_client, person, field, typed, stored
):
    """A name pasted from a letter kept its bidi override or zero-width space: the desk then
    showed another name than the one stored and compared. Stored as every form stores text."""
    web_request(client, "kk", "correct", message="Тегім қате жазылған")
    ticket = confirm(client)
    act(officer_client, ticket, **{field: typed}, document="ID card seen, No. 123")
    person.refresh_from_db()
    assert getattr(person, field) == stored
    assert Correction.objects.get().new_value == stored


@pytest.mark.parametrize("typed", ['"asel..new"@example.kz', "asel@[127.0.0.1]"])
def test_a_corrected_address_no_one_would_type_is_refused(client, officer_client, person, typed):
    web_request(client, "kk", "correct", message="Поштам өзгерді")
    ticket = confirm(client)
    response = act(officer_client, ticket, email=typed, document="ID card seen, No. 123")
    assert 'class="errorlist' in response.content.decode()
    person.refresh_from_db()
    assert person.email == "asel@example.kz"


def test_a_correction_that_changes_nothing_is_not_answered_as_done(client, officer_client, person):
    """The panel is filled with the data on record: carried out unedited, the person was told
    their data had been corrected while nothing was. The officer is told to enter the corrected
    values or to refuse with reasons, and the request stays open."""
    web_request(client, "kk", "correct", message="Тегім қате жазылған")
    ticket = confirm(client)
    before = len(mails_to("asel@example.kz"))
    panel = officer_client.get(f"/admin/rights/ticket/{ticket.pk}/act/").context["desk_form"]
    unedited = {name: panel[name].value() or "" for name in ["full_name", "email", "phone"]}
    officer_client.cookies["django_language"] = "ru"
    page = act(officer_client, ticket, document="Удостоверение № 1", **unedited).content.decode()
    assert "поэтому исправлять нечего" in page
    ticket.refresh_from_db()
    assert ticket.status == "open" and not Correction.objects.exists()
    assert len(mails_to("asel@example.kz")) == before
    assert not AuditEvent.objects.filter(action="subject_edit").exists()
    # The officer's desk is in Russian; the reasons go into the person's Kazakh letter (L24).
    act(officer_client, ticket, "refuse", reason="Деректеріңіз дұрыс жазылған.")
    ticket.refresh_from_db()
    assert ticket.status == "refused"


@pytest.mark.parametrize(
    ("typed", "said"), [("2030-01-01", "будущем"), ("1900-01-01", "год рождения")]
)
def test_a_corrected_date_of_birth_is_held_to_the_forms_rule(
    client, privacy_officer_client, person, typed, said
):
    """A date of birth the form refuses (in the future, or more than 120 years ago) was taken
    from the desk: a future one made the person a minor to the gate, every consent stopped."""
    web_request(client, "kk", "correct", message="Туған күнім қате")
    ticket = confirm(client)
    privacy_officer_client.cookies["django_language"] = "ru"
    page = act(privacy_officer_client, ticket, birth_date=typed, document="Паспорт").content
    assert said in page.decode()
    person.refresh_from_db()
    assert person.birth_date != date.fromisoformat(typed) and not Correction.objects.exists()


def test_a_corrected_date_of_birth_after_the_data_reached_us_is_refused(
    client, privacy_officer_client, person
):
    """Someone whose data we have held since 2024 was not born after it: the desk took a
    correction to a later date (today, a slip of the year), which made an adult a newborn to the
    gate, and every consent they gave stopped. A date before it is corrected."""
    Subject.objects.filter(pk=person.pk).update(created_at=datetime(2024, 5, 1, 12, tzinfo=UTC))
    web_request(client, "kk", "correct", message="Туған күнім қате")
    ticket = confirm(client)
    privacy_officer_client.cookies["django_language"] = "ru"
    for typed in (local_today(), date(2024, 5, 2)):
        page = act(privacy_officer_client, ticket, birth_date=typed.isoformat(),
                   document="Паспорт").content.decode()  # fmt: skip
        assert "родиться позже он не мог" in page and "г.." not in page
        with override("ru"):
            assert date_format(date(2024, 5, 1)) in page  # «1 мая 2024 г.», one full stop
    person.refresh_from_db()
    assert person.birth_date != date(2024, 5, 2) and not Correction.objects.exists()
    assert gate.may_process(person, MARKETING)
    act(privacy_officer_client, ticket, birth_date="2024-05-01", document="Паспорт")
    person.refresh_from_db()
    assert person.birth_date == date(2024, 5, 1)


@pytest.mark.parametrize(("field", "typed"), [("full_name", "Асель 🌸"), ("birth_place", "***"),
                                              ("full_name", "А"), ("full_name", "Асель 2"),
                                              ("birth_place", "Ж.")])  # fmt: skip
def test_a_corrected_name_not_in_letters_is_refused(client, officer_client, person, field, typed):
    """The desk refuses what a form refuses (common.text.validate_name): nothing changes."""
    before = getattr(person, field)
    web_request(client, "kk", "correct", message="Тегім қате жазылған")
    ticket = confirm(client)
    response = act(officer_client, ticket, **{field: typed}, document="ID card seen, No. 123")
    assert 'class="errorlist' in response.content.decode()
    person.refresh_from_db()
    assert getattr(person, field) == before and not Correction.objects.exists()
