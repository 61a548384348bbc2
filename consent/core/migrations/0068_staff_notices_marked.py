# Notices to staff queued before they carried their header (core.mail.STAFF_NOTICE), marked now,
# so that the outbox prunes them as it prunes every notice (core.staff.staff_notices_prune).

import re

from django.db import migrations

STAFF_NOTICE = "X-Emalu-Staff-Notice"
# Headers only a person's mail carries (core.mail.CONFIRMS, NOT_WHILE_BLOCKED): never a notice.
PERSONS = ["X-Emalu-Confirms", "X-Emalu-Not-While-Blocked"]
# The subject line of every notice to staff (every `staff_…` template) when the header came, in
# every language the site wrote them: English (a catalogue not compiled), Kazakh and Russian, as
# written in the catalogues then. Frozen here as data: read through gettext at migrate time, they
# were English whenever the catalogues were not compiled, or were loaded before `release` compiled
# them, and every old kk and ru notice was silently left unmarked. What marks an old notice: the
# outbox keeps no template name (post_office's `template` is empty, the site renders each mail
# itself), the headers of a notice and of a person's mail were the same, and an address says
# nothing (a staff member's own request is answered at the address her notices went to). A
# subject line is the site's own words, never a visitor's, and no mail to a person is written
# under any of these. One written under an older wording is not recognised, and stays, as it
# would have. (tests/rights/test_staff_notices_kept.py checks each against the catalogues.)
SUBJECT_LINES = {
    "en": [
        "New request %(ref)s, due %(due)s",
        "New request %(ref)s, already overdue: it was due %(due)s",
        "Request %(about)s: a letter about it has arrived (%(ref)s)",
        "Request %(ref)s confirmed, already overdue: it was due %(due)s",
        "Request %(ref)s confirmed, due today: %(due)s",
        "Request %(ref)s is open again: its answer was not sent",
        "The answer to request %(ref)s was not sent: processing is blocked",
        "Record No. %(number)s: the person says a parent or guardian named is not theirs",
        "Email %(ref)s set aside: read it and act by hand",
        "Emails set aside: %(count)d, read them and act by hand",
        "Security alert: %(kind)s",
        "Breaches to report to the regulator: %(breaches)d; requests overdue: %(overdue)d, due "
        "today: %(today)d",
        "Requests overdue: %(overdue)d, due today: %(today)d",
        "Daily digest: no request overdue or due today",
        "New message on the site",
        "New application on the site",
        "Notices held back: %(what)s",
    ],
    "kk": [
        "Жаңа өтініш №\xa0%(ref)s, мерзімі: %(due)s",
        "Жаңа өтініш №\xa0%(ref)s, мерзімі өтіп кеткен: %(due)s",
        "№\xa0%(about)s өтініш: ол туралы хат келді (№\xa0%(ref)s)",
        "№\xa0%(ref)s өтініш расталды, мерзімі өтіп кеткен: %(due)s",
        "№\xa0%(ref)s өтініш расталды, мерзімі бүгін: %(due)s",
        "№\xa0%(ref)s өтініш қайта ашылды: оның жауабы жіберілмеді",
        "№\xa0%(ref)s өтініштің жауабы жіберілмеді: өңдеу бұғатталған",
        "№\xa0%(number)s\xa0жазба: адам формада көрсетілген ата-ана немесе қорғаншы өзінікі емес "
        "екенін айтады",
        "%(ref)s хаты бөлек сақталды: оны оқып, қолмен өңдеңіз",
        "Бөлек сақталған хаттар: %(count)d, оларды оқып, қолмен өңдеңіз",
        "Қауіпсіздік туралы ескерту: %(kind)s",
        "Уәкілетті органға хабарланатын дербес деректер қауіпсіздігінің бұзылулары: %(breaches)d; "
        "мерзімі өткен өтініштер: %(overdue)d, мерзімі бүгін аяқталатындары: %(today)d",
        "Мерзімі өткен өтініштер: %(overdue)d, мерзімі бүгін аяқталатындары: %(today)d",
        "Күнделікті шолу: мерзімі өткен және бүгін аяқталатын өтініш жоқ",
        "Сайтқа жаңа хабарлама келді",
        "Сайтқа жаңа өтінім келді",
        "Хабарландырулар уақытша тоқтатылды: %(what)s",
    ],
    "ru": [
        "Новый запрос №\xa0%(ref)s, срок: %(due)s",
        "Новый запрос №\xa0%(ref)s уже просрочен, срок: %(due)s",
        "Запрос №\xa0%(about)s: пришло письмо о\xa0нём (№\xa0%(ref)s)",
        "Запрос №\xa0%(ref)s подтверждён, уже просрочен, срок: %(due)s",
        "Запрос №\xa0%(ref)s подтверждён, срок сегодня: %(due)s",
        "Запрос №\xa0%(ref)s снова открыт: ответ по нему не отправлен",
        "Ответ на запрос №\xa0%(ref)s не отправлен: обработка заблокирована",
        "Запись №\xa0%(number)s: человек сообщает, что указанный родитель или опекун не его",
        "Письмо %(ref)s отложено: прочитайте его и\xa0обработайте вручную",
        "Отложено писем: %(count)d, прочитайте их и\xa0обработайте вручную",
        "Предупреждение безопасности: %(kind)s",
        "Нарушений безопасности персональных данных для уведомления уполномоченного органа: "
        "%(breaches)d; запросов просрочено: %(overdue)d, со сроком сегодня: %(today)d",
        "Запросов просрочено: %(overdue)d, со сроком сегодня: %(today)d",
        "Ежедневная сводка: просроченных запросов и\xa0запросов со сроком сегодня нет",
        "Новое сообщение на сайте",
        "Новая заявка на сайте",
        "Уведомления приостановлены: %(what)s",
    ],
}
PLACEHOLDER = re.compile(r"%\((\w+)\)([sd])")


def subject_lines() -> re.Pattern:
    """One pattern matching each of SUBJECT_LINES, in each language, whatever filled it in."""
    patterns = set()
    for line in (line for lines in SUBJECT_LINES.values() for line in lines):
        parts = PLACEHOLDER.split(line)
        # split() gives text, name, kind, text, name, kind, ..., text
        pattern = "".join(
            re.escape(part) if i % 3 == 0 else (r"\d+" if part == "d" else ".+")
            for i, part in enumerate(parts)
            if i % 3 != 1
        )
        patterns.add(pattern)
    return re.compile("|".join(f"(?:{p})" for p in sorted(patterns)))


def mark(apps, schema_editor):
    """Give every old notice to staff its header: a mail with none, and none of a person's,
    under a notice's subject line."""
    Email = apps.get_model("post_office", "Email")
    notice = subject_lines()
    old = Email.objects.exclude(headers__has_key=STAFF_NOTICE)
    for key in PERSONS:
        old = old.exclude(headers__has_key=key)
    marked = []
    for email in old.only("pk", "subject", "headers").iterator(chunk_size=2000):
        if notice.fullmatch(email.subject or ""):
            email.headers = {**(email.headers or {}), STAFF_NOTICE: "1"}
            marked.append(email)
    Email.objects.bulk_update(marked, ["headers"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0067_consent_text_nameless"),
        ("post_office", "0014_alter_email_recipient_delivery_status_and_more"),
    ]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop)]
