"""The officer finds a person, or a request, the way it reaches them: a name heard on the phone in
any letter case, a number dictated in its usual spelling, a request's number pasted from a mail."""

import pytest

from consent.core.models import AuditEvent, Subject
from consent.rights.tickets import ticket_open
from tests.growth import grows_linearly


def found(desk, url, term, **extra):
    response = desk.get(url, {"q": term, **extra})
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


@pytest.mark.parametrize("term", [
    "Қасымова", "қасымова", "ҚАСЫМОВА ӘСЕЛ", "әсел  қасымова",  # the name, any case and order
    "8 701 123 45 67", "+7 (701) 123-45-67", "87011234567", "+77011234567",  # as dictated
    "ASEL@example.kz",
])  # fmt: skip
def test_a_person_is_found_by_name_number_or_address_as_people_say_them(
    desk, person, make_subject, term
):
    """Before, only the address and the number in E.164 found anyone: a Cyrillic name, and
    «8 701 123 45 67» as people say their number, found no one."""
    make_subject(full_name="Айгүл Сейітова", email="aigul@example.kz", phone="+77027654321")
    before = AuditEvent.objects.filter(action="subject_view").count()
    assert found(desk, "/admin/consent/subject/", term) == [person]
    # A search by a person's data is audited, as a search by address was.
    assert AuditEvent.objects.filter(action="subject_view").count() == before + 1


@pytest.mark.parametrize("term,expected", [
    ("asel@example.kz", ["asel+news@example.kz", "asel+shop@example.kz", "asel@example.kz"]),
    ("ASEL+News@Example.KZ", ["asel+news@example.kz", "asel+shop@example.kz", "asel@example.kz"]),
    ("aselk@example.kz", ["aselk@example.kz"]),
    ("asel@example.com", ["asel@example.com"]),
])  # fmt: skip
def test_an_address_finds_the_mailbox_with_or_without_its_tag(
    desk, person, make_subject, term, expected
):
    """A person who signed up as «asel+news@…» (a tag many mail services deliver to the same
    mailbox) and calls about «asel@…» was not found, and the officer could conclude that
    nothing was held about them. Which of them is the caller, the confirmation link decides."""
    for address in ["Asel+News@example.kz", "asel+shop@example.kz", "aselk@example.kz",
                    "asel@example.com"]:  # fmt: skip
        make_subject(email=address)
    people = found(desk, "/admin/consent/subject/", term)
    assert sorted(p.email.lower() for p in people) == expected


@pytest.mark.parametrize("term,expected", [
    ("8 (7232) 12-34-56", ["Болат", "Ерлан"]),  # the office's number: each extension too
    ("8 (7232) 12-34-56 доб. 12", ["Ерлан"]),
    ("+7 7232 12 34 56 ішкі 12", ["Ерлан"]),
    ("8 (7232) 12-34-56 доб. 13", []),
    ("8\N{THIN SPACE}7232\N{THIN SPACE}12\N{THIN SPACE}34\N{THIN SPACE}56", ["Болат", "Ерлан"]),
    ("+7\N{NARROW NO-BREAK SPACE}7232\N{NARROW NO-BREAK SPACE}123456 доб.\N{FIGURE SPACE}12",
     ["Ерлан"]),  # copied from a document: its typesetter's spaces
])  # fmt: skip
def test_a_number_held_with_its_extension_is_found(desk, make_subject, term, expected):
    """A number typed with its extension is held with it («+77232123456;ext=12»): the office's
    number dictated without it must still find the person, and another extension must not."""
    make_subject(full_name="Болат", email="bolat@example.kz", phone="+77232123456")
    make_subject(full_name="Ерлан", email="erlan@example.kz", phone="+77232123456;ext=12")
    assert sorted(s.full_name for s in found(desk, "/admin/consent/subject/", term)) == expected


@pytest.mark.parametrize("term", [
    "Касымова", "асел касымова", "КАСЫМОВА", "Семенова", "Семёнова",
    "Сейiтова", "Cейітова",  # a Latin i, a Latin C: what a keyboard's layout left in the word
])  # fmt: skip
def test_a_name_is_found_however_its_kazakh_letters_were_typed(desk, person, make_subject, term):
    """An officer at a keyboard without Kazakh letters types «Касымова» for «Қасымова», and
    «е» for «ё» either way: before, the person was not found, and the officer could conclude
    that no data was held about them."""
    semenova = make_subject(full_name="Семёнова Ирина", email="irina@example.kz")
    make_subject(full_name="Айгүл Сейітова", email="aigul@example.kz", phone="+77027654321")
    aigul = Subject.objects.get(email="aigul@example.kz")
    expected = [semenova] if "ем" in term else [aigul] if "това" in term else [person]
    assert found(desk, "/admin/consent/subject/", term) == expected


@pytest.mark.parametrize("term", [
    "Qasymova", "Kasymova", "KASSYMOVA", "Kassymova Assel", "Äsel Qasymova", "asel kasymova",
    "Qasymova Ásel", "Касымова Асель",  # the 2021 and 2018 Latin alphabets, a passport, Russian
    "Kasymova, Asel", "«Қасымова» Әсел.",  # pasted with the sentence's comma, quotes, full stop
])  # fmt: skip
def test_a_name_is_found_in_latin_letters_as_passports_and_the_kazakh_latin_write_it(
    desk, person, make_subject, term
):
    """An officer copying the name from a passport («KASSYMOVA ASSEL»), a letter in the Kazakh
    Latin alphabet («Qasymova») or a Russian-speaking caller («Касымова Асель») found no one,
    and could conclude that nothing was held about the person."""
    make_subject(full_name="Айгүл Сейітова", email="aigul@example.kz", phone="+77027654321")
    assert found(desk, "/admin/consent/subject/", term) == [person]


@pytest.mark.parametrize("held,term", [
    ("Zhanar Bakhytzhanova", "Жанар Бақытжанова"),
    ("Janar Baqytjanova", "Жанар Бақытжанова"),
    ("Жанар Бақытжанова", "Zhanar Bakhytzhanova"),
    ("Fyodor Sergeyev", "Фёдор Сергеев"),
    ("Фёдор Сергеев", "Fedor Sergeev"),
    ("Мұхтар Рахимов", "Mukhtar Rakhimov"),
    ("Mukhtar Rakhimov", "Мұхтар Рахимов"),
    ("Ольга Щукина", "Olga Shchukina"),
    ("Ol'ga Shchukina", "Ольга Щукина"),
    ("Айгерім Ерланқызы", "Aygerim Yerlankyzy"),
    ("Мария Цой", "Mariya Tsoy"),
])  # fmt: skip
def test_a_name_held_in_one_alphabet_is_found_by_its_spelling_in_the_other(
    desk, make_subject, held, term
):
    """The forms keep a name as the person typed it, in Cyrillic or Latin letters; the officer
    types it as heard or read. Each way round, the person was not found before."""
    make_subject(full_name="Айгүл Сейітова", email="aigul@example.kz", phone="+77027654321")
    wanted = make_subject(full_name=held, email="wanted@example.kz")
    assert found(desk, "/admin/consent/subject/", term) == [wanted]


def test_a_corrected_name_is_found_by_its_new_spelling_and_not_its_old(desk, person):
    """The name is compared as kept beside it (Subject.name_key): a correction must change
    both, or the person would be found by a name no longer theirs and not by their own."""
    from consent.rights.answers import ticket_correct
    from consent.rights.models import Ticket
    from consent.rights.tickets import ticket_verify

    ticket = ticket_open(kind="correct", email=person.email, language="kk", channel="email")
    ticket_verify(ticket)
    ticket_correct(Ticket.objects.get(pk=ticket.pk), changes={"full_name": "Әсел Нұрланқызы"},
                   document="Удостоверение № 0451", actor=None)  # fmt: skip
    assert found(desk, "/admin/consent/subject/", "Asel Nurlanqyzy") == [person]
    assert found(desk, "/admin/consent/subject/", "Qasymova") == []


def test_the_people_recorded_before_are_found_in_every_spelling(person):
    """Migration consent.0035 gives the people already recorded their name's key."""
    from importlib import import_module

    from django.apps import apps

    Subject.objects.filter(pk=person.pk).update(name_key="")
    import_module("consent.core.migrations.0035_subject_name_key").names_rekey(apps, None)
    assert Subject.objects.get(name_key__contains="касимова") == person


@pytest.mark.parametrize("term", [
    "Семе\u0308нова",  # ё decomposed, as a letter or a Mac's file name may carry it
    "Се\u200bмёнова",  # a zero-width space copied with the name
    "\u2067Семёнова\u2069",  # bidi isolates round it
    "Ирина\u00a0Семёнова",
    "Семё\u0301нова",  # a stress mark over its vowel, as Russian texts write names
    "Се\u00adмёнова",  # a word processor's soft hyphen
])  # fmt: skip
def test_a_name_pasted_with_invisible_or_decomposed_letters_is_found(desk, make_subject, term):
    """The forms store a name in NFC without invisible characters; the search compared the
    term as pasted, and found no one."""
    semenova = make_subject(full_name="Семёнова Ирина", email="irina@example.kz")
    assert found(desk, "/admin/consent/subject/", term) == [semenova]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_name_written_with_a_stress_mark_is_found_as_it_is_said(desk, contact_data, texts, lang):
    """A visitor who wrote their name with a stress mark on the form («Әсел Қа́сымова», as
    Russian texts and dictionaries mark names) was stored with it, and its key split the word at
    the mark: the desk's search for «Қасымова», «Касымова» or «Qasymova» found no one, and the
    officer could conclude that nothing was held about them."""
    from django.test import Client

    Client().post(f"/{lang}/contact/", contact_data(full_name="Әсел Қа\u0301сымова"))
    person = Subject.objects.get(email="asel@example.kz")
    assert "\u0301" in person.full_name  # kept as written
    for term in ("Қасымова", "Касымова", "Qasymova", "Әсел Қа\u0301сымова"):
        assert found(desk, "/admin/consent/subject/", term) == [person]


def test_the_names_recorded_with_a_stress_mark_are_found_after_the_migration(make_subject):
    """Migration consent.0060 gives the people already recorded so their name's new key."""
    from importlib import import_module

    from django.apps import apps

    person = make_subject(full_name="Әсел Қа\u0301сымова")
    Subject.objects.filter(pk=person.pk).update(name_key="асел ка симова")  # the old key
    import_module("consent.core.migrations.0060_rekey_names_accents").rekey(apps, None)
    assert Subject.objects.get(name_key__contains="касимова") == person


@pytest.mark.parametrize("term", ["Сейітова", "Seitova", "ь", "'", "ъ ’"])
def test_a_name_no_one_has_finds_no_one(desk, person, term):
    """A term of signs alone, which a name's key leaves out, lists no one rather than all."""
    assert found(desk, "/admin/consent/subject/", term) == []


@pytest.mark.parametrize("spelling", [
    "R-{}", "r-{}", "№ R-{}", "№R-{}", "R{}", "{}", " R-{} ",
    # A Cyrillic «Р» (a Russian or Kazakh keyboard), a word processor's dash, and the quotes and
    # punctuation of the sentence it was pasted from: before, each found nothing.
    "Р-{}", "р-{}", "№ Р-{}", "R–{}", "R—{}", "«R-{}».", "R-{},", "(№ R-{})",
])  # fmt: skip
def test_a_request_is_found_by_its_number_as_mails_write_it(desk, person, spelling):
    """The desk's search took only the bare number: «R-12», which every notice and letter
    names, found nothing."""
    ticket = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    ticket_open(kind="destroy", email=person.email, language="kk", channel="web")
    term = spelling.format(ticket.pk)
    assert found(desk, "/admin/rights/ticket/", term, due="all") == [ticket]


def test_a_closed_request_is_found_by_its_number_on_the_desk_as_it_opens(desk, person):
    """The desk opens on the open requests, and a search kept to them: the number of a request
    answered last month, pasted from the person's letter, gave «0 results», as if there were no
    such request. A search by number finds it whatever its state; the list stays as it was."""
    from consent.rights.closing import ticket_close

    answered = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    ticket_close(answered, outcome="", notify=False)
    waiting = ticket_open(kind="destroy", email=person.email, language="kk", channel="web")
    assert found(desk, "/admin/rights/ticket/", answered.reference) == [answered]
    assert found(desk, "/admin/rights/ticket/", "") == [waiting]


@pytest.mark.parametrize("term", ["R-abc", "Қасымова", "99999999999999999999", "R-0x1"])
def test_anything_else_finds_no_request_and_no_error(desk, person, term):
    ticket_open(kind="access", email=person.email, language="kk", channel="web")
    assert found(desk, "/admin/rights/ticket/", term, due="all") == []


@pytest.mark.parametrize("language, requests_hint, people_hint", [
    ("ru", "Человека\xa0— по имени, телефону", "по телефону так, как его диктуют"),
    ("kk", "Адамды аты, телефоны немесе электрондық поштасы бойынша",
     "телефон бойынша адамдар айтатындай"),
])  # fmt: skip
def test_each_search_box_says_what_it_finds(desk, person, language, requests_hint, people_hint):
    """A name typed into the requests' search box found nothing, and nothing said that people
    are found on their own page."""
    desk.cookies["django_language"] = language
    assert requests_hint in desk.get("/admin/rights/ticket/").content.decode()
    assert people_hint in desk.get("/admin/consent/subject/").content.decode()


def test_a_search_of_many_spaces_is_answered_at_once(desk, person):
    ticket = ticket_open(kind="access", email=person.email, language="kk", channel="web")

    def search(n):
        return found(desk, "/admin/rights/ticket/", "R" + " " * n + "x", due="all")

    assert grows_linearly(search, 40_000) == []  # 40,000 spaces: 16 s of CPU before
    spaced = f"№ {' ' * 40_000}R {' ' * 40_000}- {ticket.pk}"
    assert found(desk, "/admin/rights/ticket/", spaced, due="all") == [ticket]


def test_a_name_erased_leaves_no_key_behind(desk, person):
    """The name's key is the name in another form: erasing the name (a withdrawal that leaves
    only what marketing lists, without a name) erases the key with it, and the person is no
    longer found by it."""
    from consent.rights.erasure import subject_minimise

    subject_minimise(person, keep=["email"], request_ref="R-1", actor=None)
    person.refresh_from_db()
    assert (person.full_name, person.name_key) == ("", "")
    assert found(desk, "/admin/consent/subject/", "Qasymova") == []


def test_a_name_whose_letters_grow_when_compared_is_stored(make_subject):
    """A letter may become three in the name's key (casefolded «ΐ»): a key bounded by twice the
    name's length refused the form's name, a 500 to the visitor."""
    person = make_subject(full_name="ΐ" * 300)
    assert len(Subject.objects.get(pk=person.pk).name_key) == 900


@pytest.mark.parametrize("term", ["asel@mail.kz", "asel+news@mail.kz"])
def test_an_address_with_its_tag_finds_no_other_domain_that_capitals_make_alike(
    desk, make_subject, term
):
    """«maıl.kz» (a dotless ı) is another domain, anyone's to register, which PostgreSQL's UPPER()
    makes «MAIL.KZ»: the tag's comparison (LIKE of capitals) listed its mailbox for «asel@mail.kz»,
    and the officer could answer the caller with another person's data. ASCII case alone is set
    aside, as for the address itself (consent/core/addresses.py)."""
    asel = make_subject(email="asel@mail.kz")
    make_subject(email="asel+news@maıl.kz")
    make_subject(email="asel+news@mail.kſ")  # long s: «S» in capitals
    assert found(desk, "/admin/consent/subject/", term) == [asel]


@pytest.mark.parametrize("term", ["8 701 765 43 21", "+7 (701) 765-43-21", "Gulnar@Example.kz"])
def test_a_parent_is_found_by_the_number_or_address_they_gave_for_their_child(
    desk, person, make_subject, term
):
    """A mother calls from her own number, or writes from her own mailbox, about her child's
    data, or asks what is held about herself: the number and the address she gave with her
    consent for the child are held on the child's record, and the search found no one, as if
    nothing were held."""
    from consent.core.models import Guardian

    child = make_subject(full_name="Айсұлу Қасымова", birth_date="2012-05-17")
    Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact="+77017654321")
    Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова",
                            contact="gulnar@example.kz")  # fmt: skip
    assert found(desk, "/admin/consent/subject/", term) == [child]
    assert found(desk, "/admin/consent/subject/", "8 701 765 43 22") == []


@pytest.mark.parametrize(
    "given,term",
    [("gulnar+school@example.kz", "gulnar@example.kz"),  # her mailbox, the tag she gave aside
     ("gulnar@example.kz", "gulnar+school@example.kz"),
     ("+77017654321;ext=12", "8 701 765 43 21")],  # her office's switchboard
)  # fmt: skip
def test_a_parent_is_found_as_a_person_is_by_the_contact_they_gave(
    desk, person, make_subject, given, term
):
    """A parent is found by the same rule as the person on record: their mailbox with or
    without a tag, their switchboard with each extension held after it. The exact contact
    alone was compared, so the mother writing from «gulnar@» about the child she signed up
    from «gulnar+school@» found no one."""
    from consent.core.models import Guardian

    child = make_subject(full_name="Айсұлу Қасымова", birth_date="2012-05-17")
    Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact=given)
    assert found(desk, "/admin/consent/subject/", term) == [child]


@pytest.mark.parametrize("term", ["Гүлнар Қасымова", "гулнар", "Gulnar Qasymova",
                                  "Kassymova Gulnar", "ҚАСЫМОВА"])  # fmt: skip
def test_a_parent_is_found_by_their_own_name_in_any_spelling(desk, make_subject, term):
    """A mother calls and gives her own name: the child's record holds it with her consent,
    and the search by name compared the people's own names only, so it found no one, as if
    nothing were held about her. Her name is found as a person's is, in any alphabet."""
    from consent.core.models import Guardian

    child = make_subject(full_name="Айсұлу Төлеуова", birth_date="2012-05-17")
    Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact="+77017654321")
    other = make_subject(full_name="Бекзат Омаров", birth_date="2011-02-01")
    Guardian.objects.create(subject=other, full_name="Ерлан Омаров", contact="erlan@example.kz")
    assert found(desk, "/admin/consent/subject/", term) == [child]


def test_a_parent_whose_data_was_erased_is_not_found_by_name(desk, make_subject):
    """Once a guardian's name is erased, its search key goes with it."""
    from consent.core.models import Guardian

    child = make_subject(full_name="Айсұлу Төлеуова", birth_date="2012-05-17")
    Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact="+77017654321")
    Guardian.objects.filter(subject=child).update(full_name="", name_key="", contact="")
    assert found(desk, "/admin/consent/subject/", "Гүлнар") == []
