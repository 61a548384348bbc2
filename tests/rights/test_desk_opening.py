"""A person asks by telephone, at the office or by post: the privacy officer (a member of the
group, not a superuser) opens the request from the person's page, received now (or when it came:
a letter by post, a call written down later) and due in Kazakhstan working days from that date
in Almaty; the person confirms it by the link mailed to the address on record, as any other
request (compliance L8, L9)."""

import re
from datetime import date

import pytest
from django.test import Client
from django.utils import timezone
from post_office.models import Email

from consent.core.models import AuditEvent
from consent.rights.models import Ticket
from tests.staff import staff_member, verified_login

OPEN = {
    "kk": (
        "Жаңа өтініш (телефон арқылы, жеке келіп немесе поштамен)",
        "қызметкер ашқан (телефон, жеке келу, пошта)",
    ),
    "ru": (
        "Новый запрос (по телефону, лично или по почте)",
        "открыт сотрудником (по телефону, лично, по почте)",
    ),
}
NO_ADDRESS = {
    "kk": "Бұл адамның электрондық пошта мекенжайы бізде тіркелмеген",
    "ru": "Адрес электронной почты этого человека у\xa0нас не записан",
}
REQUIRED = {"kk": "Бұл өрісті толтыру міндетті.", "ru": "Обязательное поле."}


def staff_in(lang, role="privacy_officer", name="dana"):
    return verified_login(Client(headers={"accept-language": lang}), staff_member(name, role))


@pytest.fixture
def asel(make_subject):
    return make_subject(full_name="Әсел Қасымова", email="asel@example.kz", language="kk")


def page(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_officer_opens_a_telephoned_request_from_the_persons_page(asel, time_machine, lang):
    # Thursday 10 December 2026, half past midnight in Almaty: still Wednesday in UTC. The
    # day of receipt is Almaty's, so a block (1 working day) is due on Friday the 11th.
    time_machine.move_to("2026-12-10 00:30+05:00", tick=False)
    officer = staff_in(lang)
    link, channel = OPEN[lang]
    person_page = page(officer.get(f"/admin/consent/subject/{asel.pk}/change/"))
    url = f"/admin/consent/subject/{asel.pk}/open-request/"
    assert f'href="{url}"' in person_page and link in person_page
    assert "asel@example.kz" in page(officer.get(url))  # where the link will go
    said = {"kind": "block", "language": "ru", "purpose": "", "message": "Позвонила: спор"}
    response = officer.post(url, said)
    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/rights/ticket/{ticket.pk}/change/"
    assert (ticket.type, ticket.channel, ticket.subject, ticket.email, ticket.language) == (
        "block", Ticket.Channel.DESK, asel, "asel@example.kz", "ru")  # fmt: skip
    assert ticket.status == Ticket.Status.UNVERIFIED  # who called has not shown who they are
    assert ticket.message == "Позвонила: спор"
    assert ticket.due_date == date(2026, 12, 11)
    opened = AuditEvent.objects.get(action="request_open")
    assert (opened.actor_label, opened.subject_ref) == ("dana", asel.pk)
    assert opened.detail["channel"] == "desk"
    (mail,) = Email.objects.filter(to=["asel@example.kz"])
    assert "/ru/requests/confirm/" in mail.message
    # The mail says how the request came, and why it waits for the link all the same.
    for body in (mail.message, mail.html_message):
        assert "Этот запрос записал наш сотрудник: он поступил по\xa0телефону" in body
    # The request's page names the channel in the officer's language.
    assert channel in page(officer.get(response["Location"]))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_what_cannot_be_opened_is_said_and_nothing_is_recorded(make_subject, asel, lang):
    officer = staff_in(lang)
    url = f"/admin/consent/subject/{asel.pk}/open-request/"
    # Nothing written down of what the person asked; a type there is not.
    for bad in ({"kind": "access", "language": "kk", "message": ""},
                {"kind": "telepathy", "language": "kk", "message": "?"},
                {"kind": "access", "language": "de", "message": "?"}):  # fmt: skip
        assert 'class="errorlist' in page(officer.post(url, bad))
    assert REQUIRED[lang] in page(officer.post(url, {"kind": "access", "language": "kk"}))
    # Someone with no address on record: no link could reach them.
    nobody = make_subject(full_name="Болат", email=None, phone="+77011234567")
    said_at_once = page(officer.get(f"/admin/consent/subject/{nobody.pk}/open-request/"))
    assert NO_ADDRESS[lang] in said_at_once and 'name="kind"' not in said_at_once
    response = officer.post(
        f"/admin/consent/subject/{nobody.pk}/open-request/",
        {"kind": "access", "language": "kk", "message": "Позвонил"},
    )
    assert NO_ADDRESS[lang] in page(response)
    assert officer.get("/admin/consent/subject/999999/open-request/").status_code == 404
    assert not Ticket.objects.exists()
    assert not AuditEvent.objects.filter(action="request_open").exists()
    assert not Email.objects.exists()


@pytest.mark.parametrize("role", ["content_editor", "marketer"])
def test_only_a_privacy_officer_opens_one(asel, role):
    other = staff_in("kk", role, name="carol")
    url = f"/admin/consent/subject/{asel.pk}/open-request/"
    assert other.get(url).status_code == 403
    assert other.post(url, {"kind": "access", "language": "kk", "message": "?"}).status_code == 403
    assert not Ticket.objects.exists()


def test_a_telephoned_withdrawal_keeps_its_purpose_and_waits_for_the_link(asel, texts):
    from consent.core import gate
    from consent.core.ledger import consent_grant
    from consent.core.models import Source
    from consent.core.purposes import MARKETING

    consent_grant(asel, texts[MARKETING], language="kk", source=Source.NEWSLETTER_FORM)
    officer = staff_in("kk")
    said = {"kind": "withdraw", "purpose": MARKETING, "language": "kk", "message": "Хат керек емес"}
    officer.post(f"/admin/consent/subject/{asel.pk}/open-request/", said)
    ticket = Ticket.objects.get()
    assert (ticket.type, ticket.purpose, ticket.status) == ("withdraw", MARKETING, "unverified")
    assert gate.may_process(asel, MARKETING)  # until the person confirms by the link


AGAIN = {
    "kk": "№\u00a0R-{} өтініш осы сөздермен бұрын ашылған. Жаңа өтініш ашылмады, хат жіберілмеді.",
    "ru": (
        "Запрос №\u00a0R-{} с\xa0этими словами уже открыт. Новый не открыт, письмо не отправлено."
    ),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_button_pressed_twice_opens_one_request_and_says_so(asel, lang):
    """A double click, or the form sent again from a second tab: one request, one link mailed,
    and the officer is told it was opened before."""
    officer = staff_in(lang)
    url = f"/admin/consent/subject/{asel.pk}/open-request/"
    said = {"kind": "access", "language": "kk", "message": "Позвонила"}
    officer.post(url, said)
    again = officer.post(url, said, follow=True)
    ticket = Ticket.objects.get()
    assert again.redirect_chain == [(f"/admin/rights/ticket/{ticket.pk}/change/", 302)]
    assert AGAIN[lang].format(ticket.pk) in page(again)
    assert Email.objects.filter(to=["asel@example.kz"]).count() == 1
    assert AuditEvent.objects.filter(action="request_open").count() == 1
    # Something else asked is a request of its own.
    officer.post(url, {**said, "kind": "correct", "message": "Телефон өзгерді"})
    assert Ticket.objects.count() == 2


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_form_labels_its_fields_as_the_admin_does(asel, lang):
    """The desk's own forms (this one, the request panel, an email set aside) label each field
    with a capital, as Django's change forms do: «тип:», «цель:» read as broken beside them."""
    html = page(staff_in(lang).get(f"/admin/consent/subject/{asel.pk}/open-request/"))
    labels = re.findall(r"<label[^>]*>([^<]+)</label>", html)
    assert len(labels) == 5, labels
    assert all(label[0].isupper() for label in labels), labels


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_letter_written_down_later_is_received_when_it_came(asel, time_machine, lang):
    """A letter that came by post on Friday 27 November 2026, or a call taken at the counter
    that evening, is written down on Monday 30 November. It was received on Friday: a block (1
    working day) is due on Monday 30, not on Tuesday 1 December, the day after it was typed
    in. A time still to come is refused, and nothing is opened."""
    time_machine.move_to("2026-11-30 09:00+05:00", tick=False)
    officer = staff_in(lang)
    url = f"/admin/consent/subject/{asel.pk}/open-request/"
    said = {"kind": "block", "language": "kk", "purpose": "", "message": "Хат: дау"}
    refused = page(officer.post(url, {**said, "received_at_0": "2026-11-30",
                                      "received_at_1": "12:00"}))  # fmt: skip
    assert 'class="errorlist' in refused and not Ticket.objects.exists()
    response = officer.post(url, {**said, "received_at_0": "2026-11-27", "received_at_1": "16:00"})
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert timezone.localtime(ticket.received_at).isoformat() == "2026-11-27T16:00:00+05:00"
    assert ticket.due_date == date(2026, 11, 30)
    opened = AuditEvent.objects.get(action="request_open")
    assert opened.detail["received"] == "2026-11-27T16:00:00+05:00"
    # Left empty, it is received now, as before.
    officer.post(url, {**said, "message": "Позвонила"})
    assert Ticket.objects.latest("id").due_date == date(2026, 12, 1)


@pytest.mark.parametrize("lang, said", [("kk", "Жылды тексеріңіз"), ("ru", "Проверьте год")])
@pytest.mark.parametrize("day", ["0001-01-01", "1026-11-27", "1990-12-31"])
def test_a_day_no_deadline_can_be_counted_from_is_refused(asel, time_machine, lang, said, day):
    """A letter's day with its year mistyped («0001», «1026») opened a request overdue by
    centuries, its due date counted with no holiday the calendar knows (it starts in 1991); the
    first hours of year 1, before year 1 in UTC, were a 500. The officer is told to check the
    year, in their language, and nothing is opened."""
    time_machine.move_to("2026-11-30 09:00+05:00", tick=False)
    officer = staff_in(lang)
    said_by_person = {"kind": "block", "language": "kk", "purpose": "", "message": "Хат: дау"}
    response = officer.post(f"/admin/consent/subject/{asel.pk}/open-request/",
                            {**said_by_person, "received_at_0": day})  # fmt: skip
    assert response.status_code == 200 and said in page(response)
    assert not Ticket.objects.exists()
    accepted = officer.post(
        f"/admin/consent/subject/{asel.pk}/open-request/",
        {**said_by_person, "received_at_0": "1991-01-03", "overdue_seen": "on"},
    )  # overdue for decades: test_opened_overdue
    assert accepted.status_code == 302


DAY_AND_TIME = {
    "kk": ("Келген күні", "Келген уақыты"),
    "ru": ("Дата поступления", "Время поступления"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_letter_by_post_needs_only_its_day(asel, time_machine, lang):
    """A postmark or the day the post came is all an officer knows of a paper letter: the day
    alone was refused with «enter a valid time». It is received that day, and due from it; the
    day's and the time's boxes each have a name a screen reader says."""
    time_machine.move_to("2026-11-30 09:00+05:00", tick=False)
    officer = staff_in(lang)
    url = f"/admin/consent/subject/{asel.pk}/open-request/"
    form = page(officer.get(url))
    for name in DAY_AND_TIME[lang]:
        assert f'aria-label="{name}"' in form
    said = {"kind": "block", "language": "kk", "purpose": "", "message": "Хат: дау"}
    response = officer.post(url, {**said, "received_at_0": "2026-11-27", "received_at_1": ""})
    assert response.status_code == 302, page(response)
    ticket = Ticket.objects.get()
    assert timezone.localtime(ticket.received_at).date() == date(2026, 11, 27)
    assert ticket.due_date == date(2026, 11, 30)


LETTER_SAID = {
    "kk": (
        "ол телефон арқылы, кеңседе немесе қағаз хатпен келді",
        "телефон арқылы немесе кеңседе айтылған",
    ),
    "ru": ("письмом на\xa0бумаге", "со\xa0слов по\xa0телефону или в\xa0нашем офисе"),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_letter_by_post_is_not_told_it_came_by_telephone(asel, time_machine, lang):
    """A letter on paper, typed in on Monday from the post of Saturday 28 November 2026: the
    link's mail told its writer, in both languages, that staff wrote the request down «from
    words said by telephone or at our office», which no one had said. It names the post among
    the ways a request reaches the desk, wholly in the request's language; the request is
    received on the Saturday and due on the first working day after it."""
    time_machine.move_to("2026-11-30 09:00+05:00", tick=False)
    officer = staff_in("ru" if lang == "kk" else "kk")  # the officer works in the other one
    said = {"kind": "correct", "language": lang, "purpose": "", "message": "Хат: тегім қате",
            "received_at_0": "2026-11-28", "received_at_1": ""}  # fmt: skip
    response = officer.post(f"/admin/consent/subject/{asel.pk}/open-request/", said)
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.due_date == date(2026, 11, 30)
    (mail,) = Email.objects.filter(to=["asel@example.kz"])
    now_said, said_before = LETTER_SAID[lang]
    for body in (mail.message, mail.html_message):
        assert now_said in body and said_before not in body


PARENT_NOTE = {
    "kk": "Бұл адам 18\xa0жасқа толмаған. Егер бала атынан оның ата-анасы немесе қорғаншысы",
    "ru": "Этому человеку нет 18\xa0лет. Если от\xa0имени ребёнка просит родитель или опекун",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_minors_page_says_where_a_parent_asking_for_the_child_goes(
    make_subject, asel, time_machine, lang
):
    """A mother telephones about her 14-year-old's data. The page opened a request on the
    child's record with no word that its link goes to the child's address and its answer to
    the child. While the record shows the child under 18 it says so: a parent who acts for the
    child is chosen under «who is asking» (tests/rights/test_desk_parent.py); one waiting to be
    confirmed is named, with how they are confirmed; an adult's page says nothing of it."""
    from consent.core.models import Guardian

    time_machine.move_to("2026-12-07 10:00+05:00", tick=False)
    child = make_subject(full_name="Айсұлу Қасымова", email="aisulu@example.kz",
                         birth_date=date(2012, 5, 17))  # fmt: skip
    Guardian.objects.create(subject=child, full_name="Гүлнар Қасымова", contact="gulnar@example.kz",
                            pending=True)  # fmt: skip
    family = make_subject(full_name="Дәурен Сейітов", email="family@example.kz",
                          birth_date=date(2011, 1, 9))  # fmt: skip
    Guardian.objects.create(subject=family, full_name="Сейітов", contact="family@example.kz")
    officer = staff_in(lang)
    note = page(officer.get(f"/admin/consent/subject/{child.pk}/open-request/"))
    assert 'id="parent-asking"' in note and PARENT_NOTE[lang] in note
    assert "(gulnar@example.kz)" in note and 'name="asker"' not in note
    # A parent who gave the child's own address acts at once, and is chosen here.
    chosen = page(officer.get(f"/admin/consent/subject/{family.pk}/open-request/"))
    assert PARENT_NOTE[lang] in chosen and 'name="asker"' in chosen
    assert "Сейітов" in chosen and "(family@example.kz)" in chosen
    assert 'id="parent-asking"' not in page(
        officer.get(f"/admin/consent/subject/{asel.pk}/open-request/")
    )
    time_machine.move_to("2030-05-17 10:00+05:00", tick=False)  # 18 today: acts for herself
    officer = staff_in(lang, name="dana2")
    assert 'id="parent-asking"' not in page(
        officer.get(f"/admin/consent/subject/{child.pk}/open-request/")
    )
