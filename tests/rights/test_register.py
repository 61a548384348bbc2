"""The register of requests as the officer downloads it (compliance L8; Art. 25(3)): each
request with when it came, by when it was due and whether it was answered on time, in her
language, under the list's own filters, with no one named; and the index leads to it and to
the depersonalised statistics, which no page linked (compliance L23)."""

import csv
import io

import pytest

from consent.core.models import AuditEvent
from consent.rights.intake import ingest
from consent.rights.models import Ticket
from consent.rights.tickets import ticket_open, ticket_verify
from tests.staff import verified_login

from .conftest import act, message

HEADER = {
    "kk": ["өтініш", "түрі", "келіп түсу арнасы", "тіл", "алынған (Алматы)", "жауап беру мерзімі",
           "жеке басы расталған (Алматы)", "жабылған (Алматы)", "күйі",
           "жауап мерзімінің сақталуы"],
    "ru": ["запрос", "тип", "канал поступления", "язык", "получено (Алматы)", "срок ответа",
           "личность подтверждена (Алматы)", "закрыто (Алматы)", "статус",
           "соблюдение срока ответа"],
}  # fmt: skip
LATE = {"kk": "мерзімінен кеш жауап берілді", "ru": "отвечено с опозданием"}
ON_TIME = {"kk": "мерзімінде жауап берілді", "ru": "отвечено в срок"}
NOT_ANSWERED = {"kk": "жауап берілмеді", "ru": "ответ не дан"}
OVERDUE = {"kk": "жауап берілмеді, мерзімі өтті", "ru": "ответ не дан, срок прошёл"}


def rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def day(desk, privacy_officer, person, time_machine):
    """R-1 refused on its day, R-2 answered two days late, R-3 still waiting."""
    time_machine.move_to("2026-12-01 10:00+05:00")
    on_time = ticket_open(kind="destroy", email=person.email, language="kk", channel="web")
    late = ticket_open(kind="correct", email=person.email, language="ru", channel="email")
    waiting = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    ticket_verify(on_time)
    ticket_verify(late)
    act(desk, Ticket.objects.get(pk=on_time.pk), "refuse", reason="Шарт әлі орындалуда.")
    time_machine.move_to("2026-12-04 10:00+05:00")  # due 02.12
    verified_login(desk, privacy_officer)
    act(desk, Ticket.objects.get(pk=late.pk), "refuse", reason="Нет подтверждающего документа.")
    return on_time, late, waiting


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_register_says_of_each_request_when_it_was_due_and_answered(
    desk, privacy_officer, person, day, lang
):
    on_time, late, waiting = day
    desk.cookies["django_language"] = lang
    listing = desk.get("/admin/rights/ticket/?due=all").content.decode()
    assert 'href="/admin/rights/ticket/register.csv?due=all"' in listing
    response = desk.get("/admin/rights/ticket/register.csv?due=all")
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="requests-register.csv"'
    header, *body = rows(response)
    assert header == HEADER[lang]
    # Each column named plainly: none is a bare word of another's name («срок» beside «срок
    # ответа» left the reader to guess which was the date and which the verdict).
    assert not [(a, b) for a in header for b in header if a != b and a in b], header
    assert [row[0] for row in body] == [on_time.reference, late.reference, waiting.reference]
    first, second, third = body
    assert first[4:6] == ["01.12.2026 10:00", "02.12.2026"] and first[9] == ON_TIME[lang]
    assert second[7] == "04.12.2026 10:00" and second[9] == LATE[lang]
    assert third[6:8] == ["", ""] and third[9] == NOT_ANSWERED[lang]
    text = response.content.decode("utf-8-sig")
    assert person.email not in text and person.full_name not in text  # no one named
    event = AuditEvent.objects.get(action=AuditEvent.Action.REGISTER_EXPORT)
    assert event.actor_id == privacy_officer.pk and event.detail == {"filters": ["due"]}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_register_says_of_an_open_request_past_its_due_date_that_it_has_passed(
    desk, privacy_officer, person, day, time_machine, lang
):
    """Read on Monday 7 December, the access request due on Friday 4 December and still
    waiting for the person is overdue, as the desk says (the law counts from receipt); one
    received that morning is not. Both read «not answered», a register's gap an inspector
    could not see."""
    _on_time, _late, waiting = day
    time_machine.move_to("2026-12-07 10:00+05:00")
    fresh = ticket_open(kind="access", email="new@example.kz", language="ru", channel="web")
    desk = verified_login(desk, privacy_officer)
    desk.cookies["django_language"] = lang
    listing = desk.get("/admin/rights/ticket/?due=overdue").content.decode()
    assert waiting.reference in listing and fresh.reference not in listing  # the desk's word
    body = {row[0]: row for row in rows(desk.get("/admin/rights/ticket/register.csv"))[1:]}
    assert body[waiting.reference][5] == "04.12.2026"
    assert body[waiting.reference][9] == OVERDUE[lang]
    assert body[fresh.reference][9] == NOT_ANSWERED[lang]


FILED = {"kk": "өз мерзімі жоқ: № {ref} өтінішке қосылды",
         "ru": "своего срока нет: добавлен к запросу № {ref}"}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_letter_filed_with_an_open_request_is_no_request_left_unanswered(
    desk, privacy_officer, person, time_machine, lang
):
    """Әсел asks for her data on Friday and, having heard nothing, mails the same on Monday:
    the letter joins her request (joining.file_repeat). The register gave it a due date of its
    own and «not answered», one more request unanswered to an inspector, where the statistics
    count it as none."""
    time_machine.move_to("2026-12-04 17:00+05:00")
    first = ticket_open(kind="access", email=person.email, language="kk", channel="web")
    ticket_verify(first)
    time_machine.move_to("2026-12-07 09:00+05:00")
    again = ingest(message("Запрос доступа", message_id="<again@x>",
                           body="Прошу предоставить копию моих персональных данных."))  # fmt: skip
    assert again.is_filed and again.regarding_id == first.pk
    act(verified_login(desk, privacy_officer), Ticket.objects.get(pk=first.pk), "do")
    desk.cookies["django_language"] = lang
    body = {row[0]: row for row in rows(desk.get("/admin/rights/ticket/register.csv?due=all"))[1:]}
    assert body[first.reference][5] == "09.12.2026" and body[first.reference][9] == ON_TIME[lang]
    assert body[again.reference][5] == ""
    assert body[again.reference][9] == FILED[lang].format(ref=first.reference)


def test_the_register_keeps_the_lists_filters(desk, day):
    on_time, late, waiting = day
    body = rows(desk.get("/admin/rights/ticket/register.csv"))[1:]  # the list's default: open
    assert [row[0] for row in body] == [waiting.reference]
    body = rows(desk.get("/admin/rights/ticket/register.csv?status__exact=refused"))[1:]
    assert [row[0] for row in body] == [on_time.reference, late.reference]
    exports = AuditEvent.objects.filter(action=AuditEvent.Action.REGISTER_EXPORT)
    before = exports.count()
    refused = desk.get("/admin/rights/ticket/register.csv?received_at=x")  # no filter of the list
    assert refused.status_code == 400 and exports.count() == before


def test_the_index_leads_to_the_register_and_the_statistics(desk, day):
    html = desk.get("/admin/").content.decode()
    assert 'href="/admin/rights/ticket/register.csv?due=all"' in html
    assert 'href="/admin/rights/ticket/statistics-consents.csv"' in html
    assert 'href="/admin/rights/ticket/statistics-requests.csv"' in html


def test_staff_who_may_not_see_requests_get_no_register(content_editor_client, marketer_client):
    for client in (content_editor_client, marketer_client):
        assert client.get("/admin/rights/ticket/register.csv").status_code == 403
