"""One word for one thing where a mail or the desk names who reads and what was written: the
person responsible for organising the processing, as the law and docs/glossary.md name them
(the letter about the visit statistics said «дербес деректерді қорғау жөніндегі қызметкер» /
«сотрудник, отвечающий за защиту персональных данных», the letter forwarded to us «…өңдеуді
ұйымдастыруға жауапты тұлға»); a request's own words, which the desk and the person's export
labelled «хабарлама», the contact form's message; and a time, written as its language writes
every other time in its letters."""

import re
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import polib
import pytest
from django.test import Client
from django.utils import translation

from consent.core.mail import render_mail
from consent.rights.export_sections import field_name
from consent.rights.models import KeptRequest, Ticket
from consent.rights.tickets import ticket_open
from tests.staff import verified_login

RESPONSIBLE = {
    "kk": "дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға",
    "ru": "лицо, ответственное за организацию обработки персональных данных",
}
REQUEST_TEXT = {"kk": "өтініш мәтіні", "ru": "текст запроса"}


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("template", ["request_analytics", "request_forwarded"])
def test_a_letter_names_the_person_responsible_by_the_law_s_term(template, language):
    context = {"ticket": SimpleNamespace(reference="R-12"), "settings_url": "https://x.kz/"}
    _, text, html = render_mail(template, context, language=language, subject_line="")
    for body in (text, html):
        flat = " ".join(body.replace("\N{NO-BREAK SPACE}", " ").split()).casefold()
        assert RESPONSIBLE[language] in flat, body
        assert "қорғау жөніндегі" not in flat and "за защиту" not in flat, body


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_request_s_words_are_labelled_as_a_request_s_text(language):
    """The desk's column and forms and the headings of the person's export (field_name) all
    take the label from Ticket.MESSAGE_LABEL."""
    with translation.override(language):
        labels = {str(Ticket.MESSAGE_LABEL), str(field_name(Ticket, "message")),
                  str(field_name(KeptRequest, "message"))}  # fmt: skip
    assert labels == {REQUEST_TEXT[language]}


def test_the_desk_shows_a_request_s_words_under_that_label(db, officer):
    ticket = ticket_open(kind="other", email="asel@example.kz", language="kk", channel="web",
                         message="Менің деректерім қайда сақталады?")  # fmt: skip
    staff = verified_login(Client(headers={"accept-language": "kk"}), officer)
    page = staff.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode()
    assert "Менің деректерім қайда сақталады?" in page
    labels = re.findall(r"<label[^>]*>([^<]*)</label>", page)
    assert "Өтініш мәтіні:" in labels and not [x for x in labels if "Хабарлама" in x], labels


@pytest.mark.parametrize("language, shown", [("kk", "07:00"), ("ru", "7:00")])
def test_the_time_notices_resume_is_written_as_the_language_writes_times(language, shown):
    """Russian letters write «5 декабря 2026 г., 6:04» (DATETIME_FORMAT, G:i): the notice that
    notices are held said «до 07:00», a format of its own; each language's TIME_FORMAT now."""
    until = datetime(2026, 12, 5, 7, 0, tzinfo=ZoneInfo("Asia/Almaty"))
    context = {"limit": 20, "what": "x", "until": until, "url": "https://x.kz/"}
    _, text, html = render_mail("staff_notices_held", context, language=language,
                                subject_line="")  # fmt: skip
    for body in (text, html):
        assert re.search(rf"(?<![\d:]){shown}(?!\d)", body), body


def _catalogue(language):
    return polib.pofile(f"locale/{language}/LC_MESSAGES/django.po")


def test_a_document_s_draft_is_a_project_in_russian():
    """A draft policy version, consent text or notice is «проект» on every page and in every
    message of the admin; the action that publishes them said «черновики». «draft» alone is a
    campaign's state, a mail not sent yet: «черновик»."""
    bad = [(e.msgid, e.msgstr) for e in _catalogue("ru")
           if re.search(r"\bdrafts?\b", e.msgid) and e.msgid != "draft"
           and ("черновик" in e.msgstr or "проект" not in e.msgstr.lower())]  # fmt: skip
    assert not bad, bad


def test_the_policy_s_name_is_not_capitalised_inside_a_kazakh_sentence():
    """The acknowledgement said «Сіз Дербес деректерді өңдеу саясатының 1-нұсқасына сәйкес»,
    where every other sentence writes the policy's name in lower case after a word."""
    inside = re.compile(r"(?<=[^\W\d_]\s)Дербес деректерді өңдеу саясат")
    assert not [e.msgstr for e in _catalogue("kk") if inside.search(e.msgstr)]


def test_an_export_is_a_vygruzka_in_russian():
    """The officers' alert counts «выгрузки персональных данных», the audit's statistics and
    register rows say «выгружен(а)», while the person's own export and the audit rows the alert
    sends the officer to said «экспортированы»: one word. A photo app's «Export» menu is its
    own name."""
    bad = [(e.msgid, e.msgstr) for e in _catalogue("ru")
           if re.search(r"\bexport", e.msgid, re.I) and "«Экспорт»" not in e.msgstr
           and "экспорт" in e.msgstr.lower()]  # fmt: skip
    assert not bad, bad


def test_a_russian_date_and_time_is_not_run_into_the_words_after_it():
    """A date and time reads «5 декабря 2026 г., 6:04»: «Запрос № R-5 от 5 декабря 2026 г., 6:04
    ещё открыт» and «…отправлен: 5 декабря 2026 г., 6:04 он был задержан» ran the sentence on
    after the time's own comma. The time stands in brackets, as in Kazakh. Nor is a colon put
    after it: «передано почтовому серверу 5 декабря 2026 г., 6:04: 250 OK» read the time's own
    colon twice over."""
    moment = re.compile(r"%\((time|received|when|since)\)s(\s+[^\W\d_]|:)")
    bad = [e.msgstr for e in _catalogue("ru") if moment.search(e.msgstr)]
    assert not bad, bad


ROLE_NAMES = {
    "kk": [RESPONSIBLE["kk"], "мазмұн редакторы", "маркетолог"],
    "ru": [RESPONSIBLE["ru"], "редактор контента", "маркетолог"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_role_is_named_in_the_staff_language(language):
    """The groups' list, a group's page and a staff account's page named the roles by their
    codes, «privacy_officer», «content_editor», in a Russian or Kazakh admin."""
    from django.contrib.auth.models import Group, User

    root = User.objects.create_superuser("root", "root@example.kz", "pw-root-123456")
    browser = verified_login(Client(headers={"accept-language": language}), root)
    browser.cookies["django_language"] = language
    group = Group.objects.get(name="privacy_officer")
    pages = ["/admin/auth/group/", f"/admin/auth/group/{group.pk}/change/",
             f"/admin/auth/user/{root.pk}/change/"]  # fmt: skip
    for url in pages:
        html = browser.get(url).content.decode().replace("\N{NO-BREAK SPACE}", " ")
        shown = re.sub(r"<[^>]+>", " ", html)
        assert all(name in shown for name in ROLE_NAMES[language]) or url.endswith(
            f"{group.pk}/change/"
        ), (url, shown)
        assert not re.search(r"\b(privacy_officer|content_editor|marketer)\b", shown), url


# A request is closed «without action» under the desk's one name for it, the status the officer
# chooses: «орындалмай жабылды» / «закрыт без исполнения». The note on a letter that takes back a
# request told the officer to close it «әрекетсіз» / «без действий», a status the desk has not.
WITHOUT_ACTION = re.compile(r"\bclosed?\b[^.]*\bwithout action\b", re.IGNORECASE)
STATUS_NAMED = {"kk": re.compile(r"(?i)орында(л)?май\s+жаб"), "ru": re.compile(r"без\s+исполнения")}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_closing_without_action_names_the_desk_s_status(language):
    bad = [entry.msgstr for entry in polib.pofile(f"locale/{language}/LC_MESSAGES/django.po")
           if WITHOUT_ACTION.search(entry.msgid)
           and not STATUS_NAMED[language].search(entry.msgstr)]  # fmt: skip
    assert not bad, bad
