"""Staff hear of every new request, and get a digest on working days only."""

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
from post_office.models import Email

from consent.rights.digest import digest
from consent.rights.tickets import ticket_open, ticket_verify


@pytest.fixture
def requests_open(officer, texts, make_subject, time_machine):
    make_subject(email="asel@example.kz")
    # Tuesday 15 December 2026, the eve of Independence Day (Wednesday 16): due Thursday 17.
    time_machine.move_to("2026-12-15 10:00+05:00", tick=False)
    ticket = ticket_open(kind="block", email="asel@example.kz", language="kk", channel="web")
    return ticket_verify(ticket)  # confirmed: only a confirmed request can be due or overdue


def test_officers_get_a_notice_without_personal_data_in_its_subject_line(requests_open):
    notice = Email.objects.get(to=["alice@example.kz"])
    assert requests_open.reference in notice.subject and "17\xa0желтоқсан" in notice.subject
    assert "asel" not in notice.subject and "asel" not in notice.message
    assert f"/admin/rights/ticket/{requests_open.pk}/change/" in notice.message


def test_holiday_eve_ticket_is_due_today_in_the_next_working_days_digest(requests_open):
    assert requests_open.due_date == date(2026, 12, 17)
    Email.objects.all().delete()
    assert digest(date(2026, 12, 16)) == 0  # Independence Day: no digest
    assert digest(date(2026, 12, 17)) == 1
    mail = Email.objects.get()
    due_today = mail.message.split("\n\n", 2)[1]
    assert requests_open.reference in due_today
    assert "1" in mail.subject


def test_no_digest_on_a_weekend(requests_open):
    assert digest(date(2026, 12, 19)) == 0  # Saturday
    assert digest(date(2026, 12, 20)) == 0  # Sunday


def test_overdue_and_next_day_sections(requests_open):
    Email.objects.all().delete()
    digest(date(2026, 12, 18))  # the ticket is a day overdue
    assert "R-" in Email.objects.get().message
    Email.objects.all().delete()
    digest(date(2026, 12, 15))  # due on the next working day, 17 December
    assert "2026\xa0жылғы\xa017\xa0желтоқсан" in Email.objects.get().message


def test_the_digest_command_runs(requests_open, time_machine):
    from django.core.management import call_command

    time_machine.move_to("2026-12-17 08:00+05:00", tick=False)
    Email.objects.all().delete()
    call_command("send_request_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Email.objects.filter(to=["alice@example.kz"]).count() == 1


def officer_in(name, accept_language, step=0):
    """A privacy officer who signs in with a browser that asks for `accept_language` (None:
    one who has not signed in since the notices learnt languages)."""
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from tests.staff import signed_in

    user = User.objects.create_user(name, f"{name}@example.kz", f"pw-{name}-123456", is_staff=True)
    user.groups.add(Group.objects.get(name="privacy_officer"))
    client = Client(headers={"accept-language": accept_language or "kk"})
    if accept_language:
        signed_in(client, user, f"pw-{name}-123456", step)
    return client


@pytest.fixture
def officers_in_two_languages(db):
    """Dana works in Kazakh, Ruslan and Vera in Russian; Gulnar has not opened the admin yet."""
    browsers = [("dana", "kk"), ("ruslan", "ru"), ("vera", "ru,kk;q=0.5"), ("gulnar", None)]
    return {name: officer_in(name, lang) for name, lang in browsers}


def rendered_templates():
    """Names of the templates rendered while the context is open."""
    from contextlib import contextmanager

    from django.test.signals import template_rendered

    @contextmanager
    def recording():
        names = []

        def record(sender, template, **kwargs):
            names.append(template.name)

        template_rendered.connect(record)
        try:
            yield names
        finally:
            template_rendered.disconnect(record)

    return recording()


def language_of(mail):
    """Which language a notice is written in, by words each has and the other has not."""
    import re

    text = f"{mail.subject}\n{mail.message}"
    kazakh = bool(re.search("[әғқңөұүһі]", text.lower()))
    russian = bool(re.search(r"\b(запрос|запросы|поступил|срок|просрочено)\b", text.lower()))
    assert kazakh != russian, text
    return "kk" if kazakh else "ru"


def test_each_officer_reads_a_new_request_in_their_language(
    officers_in_two_languages, texts, make_subject, time_machine
):
    make_subject(email="asel@example.kz")
    time_machine.move_to("2026-12-15 10:00+05:00", tick=False)
    with rendered_templates() as names:
        ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    notices = {m.to[0].split("@")[0]: m for m in Email.objects.filter(to__contains="@example.kz")
               .exclude(to=["asel@example.kz"])}  # fmt: skip
    assert {n: language_of(m) for n, m in notices.items()} == {
        "dana": "kk", "ruslan": "ru", "vera": "ru", "gulnar": "kk"}  # fmt: skip
    assert "доступ к\xa0данным" in notices["ruslan"].message
    assert "доступ к\xa0данным" not in notices["dana"].message
    # Rendered once per language, not once per officer.
    assert names.count("email/staff_new_request.txt") == 2


def test_an_officer_who_switches_language_gets_the_next_notice_in_it(
    officers_in_two_languages, texts, make_subject
):
    from django.contrib.auth.models import User
    from django.test import Client

    from tests.staff import signed_in

    make_subject(email="asel@example.kz")
    ticket_open(kind="block", email="asel@example.kz", language="ru", channel="web")
    assert language_of(Email.objects.get(to=["ruslan@example.kz"])) == "ru"
    Email.objects.all().delete()
    ruslan = User.objects.get(username="ruslan")  # signs in again, his browser now in Kazakh
    signed_in(Client(headers={"accept-language": "kk"}), ruslan, "pw-ruslan-123456", step=1)
    # Another request: the same one sent again joins the first, and no one is told of it.
    ticket_open(kind="destroy", email="asel@example.kz", language="ru", channel="web")
    assert language_of(Email.objects.get(to=["ruslan@example.kz"])) == "kk"


def test_the_digest_goes_to_each_officer_in_their_language(
    officers_in_two_languages, texts, make_subject, time_machine
):
    make_subject(email="asel@example.kz")
    time_machine.move_to("2026-12-15 10:00+05:00", tick=False)
    ticket = ticket_open(kind="block", email="asel@example.kz", language="kk", channel="web")
    ticket_verify(ticket)  # confirmed: only a confirmed request can be overdue
    Email.objects.all().delete()
    with rendered_templates() as names:
        assert digest(date(2026, 12, 18)) == 4  # the block request is a day overdue
    digests = {m.to[0].split("@")[0]: m for m in Email.objects.all()}
    assert {n: language_of(m) for n, m in digests.items()} == {
        "dana": "kk", "ruslan": "ru", "vera": "ru", "gulnar": "kk"}  # fmt: skip
    assert "блокирование обработки" in digests["vera"].message
    assert names.count("email/staff_digest.txt") == 2
    # Each request by its number as the glossary writes it, «№ R-12», in both parts of the
    # mail and in both languages: the lists said a bare «R-12».
    numbered = f"№\N{NO-BREAK SPACE}{ticket.reference}"
    for mail in digests.values():
        for part in (mail.message, mail.html_message):
            assert numbered in part
            assert part.count(ticket.reference) == part.count(numbered), part


def test_mail_set_aside_as_automated_is_listed_once_in_the_next_digest(
    privacy_officer, privacy_officer_client, time_machine
):
    """No notice of its own (an auto-responder could answer each), but every such email is seen:
    in the first digest after the local day it arrived, weekends included, and in that one only."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from consent.rights.models import QuarantinedMessage

    almaty = ZoneInfo("Asia/Almaty")
    arrived = {
        "friday": datetime(2026, 12, 18, 15, 0, tzinfo=almaty),
        "saturday": datetime(2026, 12, 19, 12, 0, tzinfo=almaty),
        "monday night": datetime(2026, 12, 21, 0, 30, tzinfo=almaty),  # Sunday in UTC
    }
    refs = {}
    for n, (name, at) in enumerate(arrived.items()):
        entry = QuarantinedMessage.objects.create(
            reason=QuarantinedMessage.Reason.AUTOMATED, message_key=f"k{n}", size=1,
            content=b"", received_at=at,
        )  # fmt: skip
        refs[name] = f"{entry.reference},"
    handled = QuarantinedMessage.objects.create(reason=QuarantinedMessage.Reason.NO_SENDER,
                                                message_key="other", size=1, content=b"",
                                                received_at=arrived["friday"])  # fmt: skip
    assert Email.objects.count() == 0  # created directly: no notice either way

    assert digest(date(2026, 12, 21)) == 1  # Monday: Friday's and Saturday's
    monday = Email.objects.get()
    assert refs["friday"] in monday.message and refs["saturday"] in monday.message
    assert refs["monday night"] not in monday.message
    # Not among the machines' but in its own list: its notice may have been a burst's summary.
    machines, others = monday.message.split("?reason__exact=automated", 1)
    assert f"{handled.reference}," not in machines and f"{handled.reference}," in others
    link = re.search(r"https?://\S+\?reason__exact=automated", monday.message).group(0)
    listed = privacy_officer_client.get(urlsplit(link).path + "?" + urlsplit(link).query)
    assert listed.status_code == 200  # the link is one of the list's own filters
    assert [q.pk for q in listed.context["cl"].result_list] == sorted(
        (q.pk for q in QuarantinedMessage.objects.filter(reason="automated")), reverse=True
    )  # fmt: skip
    Email.objects.all().delete()

    assert digest(date(2026, 12, 22)) == 1  # Tuesday: Monday's, and only Monday's
    tuesday = Email.objects.get().message
    assert refs["monday night"] in tuesday
    assert refs["friday"] not in tuesday and refs["saturday"] not in tuesday
    Email.objects.all().delete()
    assert digest(date(2026, 12, 23)) == 0  # nothing due, nothing set aside: no digest


def test_the_people_retention_leaves_to_staff_are_in_the_digest(
    officers_in_two_languages, texts, make_subject, time_machine, monkeypatch
):
    """The nightly retention keeps a person past their purpose only for a reason staff must
    weigh (a block, an open request, no consent on record...) and wrote them to its log alone,
    which no officer reads: they were kept for ever. The digest lists each by number, with the
    reason in the officer's language and a link to their page, and nobody else."""
    from consent.core.ledger import consent_grant
    from consent.core.models import Source
    from consent.core.purposes import SERVICE

    time_machine.move_to("2026-12-17 08:00+05:00", tick=False)
    kept = make_subject(email="kept@example.kz")  # no consent on record
    other = make_subject(email="other@example.kz")
    consenting = make_subject(email="ok@example.kz")
    consent_grant(consenting, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    Email.objects.all().delete()

    assert digest(date(2026, 12, 17)) == 4  # nothing due: the people kept alone send it
    digests = {m.to[0].split("@")[0]: m for m in Email.objects.all()}
    ru, kk = digests["vera"], digests["dana"]
    # Its subject line says there is nothing overdue, not «Requests overdue: 0, due today: 0»,
    # which reads as a digest with nothing in it.
    assert ru.subject == (
        "Ежедневная сводка: просроченных запросов и\xa0запросов со сроком сегодня нет"
    )
    assert kk.subject == "Күнделікті шолу: мерзімі өткен және бүгін аяқталатын өтініш жоқ"
    assert f"№\xa0{kept.pk}: согласие не записано, http" in ru.message
    assert f"№\xa0{kept.pk}: келісім жазылмаған, http" in kk.message
    assert f"/admin/consent/subject/{kept.pk}/change/" in ru.message
    linked = f'/admin/consent/subject/{kept.pk}/change/" style="color:#0b5394;">№\xa0{kept.pk}</a>'
    assert linked in ru.html_message
    assert f"№\xa0{consenting.pk}" not in ru.message  # a consent stands: nothing to decide
    assert "@example.kz" not in ru.message  # by number: the digest names no one

    # Past the number listed, how many more and where they are all listed.
    monkeypatch.setattr("consent.rights.digest.REVIEW_LISTED", 1)
    Email.objects.all().delete()
    digest(date(2026, 12, 17))
    ru = Email.objects.get(to=["vera@example.kz"]).message
    assert f"№\xa0{kept.pk}:" in ru and f"№\xa0{other.pk}:" not in ru
    assert "Здесь не перечислены ещё: 1." in ru and "enforce_retention --dry-run" in ru


def test_a_digest_no_officer_can_get_fails_its_unit_and_is_sent_once_one_is_made(
    requests_open, time_machine
):
    """The only officer deactivated (she left): the digest had queued nothing, exited 0 and
    recorded the day as done, /healthz saying all was well, while the requests ran past their
    legal due dates. Now the unit fails with the line saying what to do, nothing recorded, and
    the timer's next start that day sends it to the officer made since."""
    from django.contrib.auth.models import User
    from django.core.management import CommandError, call_command

    from consent.core.models import JobRun

    time_machine.move_to("2026-12-17 08:30+05:00", tick=False)
    User.objects.filter(email="alice@example.kz").update(is_active=False)
    Email.objects.all().delete()
    with pytest.raises(CommandError, match=r"digest not sent: it has 1 request\(s\) falling due"):
        call_command("send_request_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Email.objects.exists() and not JobRun.objects.filter(job="digest").exists()
    time_machine.move_to("2026-12-17 09:30+05:00", tick=False)
    call_command("create_privacy_officer", "dana", "--email", "dana@example.kz",
                 stdout=open("/dev/null", "w"))  # noqa: SIM115  # fmt: skip
    call_command("send_request_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Email.objects.filter(to=["dana@example.kz"]).count() == 1
