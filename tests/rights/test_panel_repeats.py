"""Every panel action on a request's page, posted twice (a double click) or from a second tab
opened before a colleague acted, does nothing the second time and says it is already done,
when and by whom, as the hand-over does: never a refusal read as a failure («Choose a type
other than the request's own»), never a second answer or a second letter."""

import re

import pytest
from post_office.models import Email

from consent.core.models import AuditEvent
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import staff_member, verified_login

AGAIN = {"kk": "Бұл әлдеқашан жасалған: оны сіз жасадыңыз", "ru": "Уже сделано: вы сделали это"}
BY = {"kk": "кім: olga", "ru": "сотрудник: olga"}

# (the request: its type, whether confirmed; the form posted: its URL's end, what it sends)
ACTIONS = {
    "carry out": ("block", True, "act", {"desk_action": "do", "reason": "Бұғатталды."}),
    "refuse": ("access", True, "act", {"desk_action": "refuse", "reason": "Негіз жоқ."}),
    "change type": ("access", True, "act", {"desk_action": "retype", "new_type": "destroy"}),
    "close unconfirmed": ("access", False, "act", {"desk_action": "close"}),
    "reopen": ("block", True, "reopen", {"reason": "Қате жабылды."}),
}
# What the officer writes to the person goes into a letter in the request's language.
IN_RUSSIAN = {"Бұғатталды.": "Заблокировано.", "Негіз жоқ.": "Оснований нет."}


def page_form(desk, ticket, form_id):
    """The hidden fields the page's form `form_id` carries, as a browser would post them."""
    page = desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    form = re.search(rf'<form [^>]*id="{form_id}".*?</form>', page, re.S).group(0)
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


def told(response):
    return " ".join(str(m) for m in response.context["messages"])


def trace(ticket):
    ticket.refresh_from_db()
    rows = AuditEvent.objects.filter(object_type="rights.ticket", object_id=str(ticket.pk))
    rows = rows.exclude(action=AuditEvent.Action.SUBJECT_VIEW)  # the page read again
    return (ticket.status, ticket.type, ticket.closed_at, rows.count(), Email.objects.count())


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("action", list(ACTIONS))
def test_a_panel_action_posted_again_is_already_done(
    client, person, privacy_officer, time_machine, action, lang
):
    time_machine.move_to("2026-12-15 10:00+05:00", tick=False)
    kind, confirmed, url, data = ACTIONS[action]
    if lang == "ru" and data.get("reason") in IN_RUSSIAN:
        data = {**data, "reason": IN_RUSSIAN[data["reason"]]}
    email = "asel@example.kz" if confirmed else "nobody@example.kz"
    ticket = ticket_open(kind=kind, email=email, language=lang, channel="email")
    if confirmed:
        ticket = ticket_verify(ticket)
    desk = verified_login(client, privacy_officer)
    desk.cookies["django_language"] = lang
    if action == "reopen":  # a request answered first, then reopened
        desk.post(f"/admin/rights/ticket/{ticket.pk}/act/",
                  {**ACTIONS["carry out"][3], **page_form(desk, ticket, "desk-panel")})  # fmt: skip
    form = "reopen-panel" if action == "reopen" else "desk-panel"
    shown = page_form(desk, ticket, form)
    assert shown.get("state")
    first = desk.post(f"/admin/rights/ticket/{ticket.pk}/{url}/", {**data, **shown}, follow=True)
    assert AGAIN[lang] not in told(first)
    done = trace(ticket)
    assert done[:2] != (Ticket.Status.OPEN, kind) or action == "reopen"
    # The double click: the same page's form again.
    again = desk.post(f"/admin/rights/ticket/{ticket.pk}/{url}/", {**data, **shown}, follow=True)
    assert again.status_code == 200 and AGAIN[lang] in told(again)
    assert trace(ticket) == done
    # Dana's tab, opened before Olga acted: told it was done, by whom.
    dana = verified_login(client.__class__(), staff_member("dana", "privacy_officer"))
    dana.cookies["django_language"] = lang
    late = dana.post(f"/admin/rights/ticket/{ticket.pk}/{url}/", {**data, **shown}, follow=True)
    assert late.status_code == 200 and BY[lang] in told(late)
    assert trace(ticket) == done


CHANGED = {
    "kk": "Бұл бет ашылғаннан кейін бұл өтінішпен не істеуге болатыны өзгерді",
    "ru": "Пока эта страница была открыта, изменилось то, что можно сделать с\xa0этим запросом",
}
NOT_OFFERED = {"kk": "ұсынылмаған", "ru": "не предлагается"}
BLOCKED = {"kk": "өңдеу бұғатталды", "ru": "обработка заблокирована"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_page_opened_before_a_colleague_blocked_the_person_says_what_changed(
    client, person, privacy_officer, lang
):
    """Dana opens Әсел's correction, whose panel offers «destroy instead of correcting»; Olga
    then carries out Әсел's block request. Dana's press did nothing and said «This action is not
    offered for this request». Now she is told that the request changed meanwhile, what, when
    and by whom, and reads it as it is now; nothing is done, nobody mailed."""
    correction = ticket_verify(ticket_open(kind="correct", email=person.email, language=lang,
                                           channel="email"))  # fmt: skip
    block = ticket_verify(ticket_open(kind="block", email=person.email, language="kk",
                                      channel="email"))  # fmt: skip
    dana = verified_login(client.__class__(), staff_member("dana", "privacy_officer"))
    dana.cookies["django_language"] = lang
    shown = page_form(dana, correction, "desk-panel")
    olga = verified_login(client, privacy_officer)
    blocking = {"desk_action": "do", "reason": "Иә.", **page_form(olga, block, "desk-panel")}
    olga.post(f"/admin/rights/ticket/{block.pk}/act/", blocking)
    before = trace(correction)

    late = dana.post(f"/admin/rights/ticket/{correction.pk}/act/",
                     {"desk_action": "destroy_instead", "reason": "Тексеру мүмкін емес.", **shown},
                     follow=True)  # fmt: skip
    text = told(late)
    assert late.status_code == 200 and CHANGED[lang] in text, text
    assert BY[lang] in text and BLOCKED[lang] in text and NOT_OFFERED[lang] not in text
    assert late.redirect_chain[-1][0] == f"/admin/rights/ticket/{correction.pk}/change/"
    assert 'value="destroy_instead"' not in late.content.decode()  # the page as it is now
    assert trace(correction) == before
    person.refresh_from_db()
    assert person.full_name == "Әсел Қасымова"


CLOSED_WITH_DATA = {
    "kk": "Бұл өтініш адамның деректерімен бірге жабылды (уақыты: {time}): олар №\xa0R-{ref} "
    "өтініш бойынша жойылды (кім: olga;",
    "ru": "Этот запрос закрыт ({time}) вместе с\xa0данными человека, уничтоженными по\xa0запросу "
    "№\xa0R-{ref} (сотрудник: olga;",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_page_of_a_request_closed_by_the_persons_destruction_does_not_say_already_done(
    client, person, privacy_officer, time_machine, lang
):
    """Olga opens Әсел's access request, then carries out her destruction request, which closes
    the access request with the data. The access request's page, pressed then, said «Already
    done: you did it», as if the access had been answered. It says it was closed with the data,
    under which request, and nothing is done."""
    time_machine.move_to("2026-12-15 10:00+05:00", tick=False)
    access = ticket_verify(ticket_open(kind="access", email=person.email, language=lang,
                                       channel="email"))  # fmt: skip
    destroy = ticket_verify(ticket_open(kind="destroy", email=person.email, language=lang,
                                        channel="email"))  # fmt: skip
    olga = verified_login(client, privacy_officer)
    olga.cookies["django_language"] = lang
    shown = page_form(olga, access, "desk-panel")
    olga.post(f"/admin/rights/ticket/{destroy.pk}/act/",
              {"desk_action": "do", **page_form(olga, destroy, "desk-panel")})  # fmt: skip
    before = trace(access)

    late = olga.post(f"/admin/rights/ticket/{access.pk}/act/", {"desk_action": "do", **shown},
                     follow=True)  # fmt: skip
    text = told(late)
    assert CLOSED_WITH_DATA[lang].format(time="15.12.2026 10:00", ref=destroy.pk) in text, text
    assert AGAIN[lang] not in text
    assert trace(access) == before
