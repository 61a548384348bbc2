"""The policy page lists every published version with its dates (compliance L25: «all versions
stay published on the site»). Before, a visitor found the versions only through a chain of
«previous version» links; the version in force said nothing of one announced to take effect
later; and a version's «what changed since version N» named a version replaced before its date
that never applied."""

import re
from datetime import date

import pytest

from consent.core.models import PolicyVersion
from consent.core.texts import policy_publish

WORDS = {
    "kk": {
        "list": "Саясаттың барлық нұсқалары",
        "version": "{}-нұсқа",
        "in_force": "— қазір күшінде; күшіне ену күні: {}",
        "replaced": "— күшіне ену күні: {}; жаңа нұсқамен ауыстырылған күні: {}",
        "coming": "— әлі күшіне енген жоқ; күшіне ену күні: {}",
        "never": "— күшіне енген жоқ: жарияланған күшіне ену күніне ({}) дейін ауыстырылды",
        "announce": "Жаңа нұсқа жарияланды",
        "never_notice": "Бұл нұсқа қолданылмайды",
        "gone_notice": "Бұл нұсқа енді күшінде емес",
        "since": "{}-нұсқадан бері не өзгерді",
        "nov25": "2026 жылғы 25 қараша",
        "dec10": "2026 жылғы 10 желтоқсан",
    },
    "ru": {
        "list": "Все версии политики",
        "version": "Версия {}",
        "in_force": "— действует сейчас; дата вступления в силу: {}",
        "replaced": "— дата вступления в силу: {}; дата замены новой версией: {}",
        "coming": "— ещё не действует; дата вступления в силу: {}",
        "never": "— не действовала: заменена до объявленной даты вступления в силу ({})",
        "announce": "Опубликована новая версия",
        "never_notice": "Эта версия не применяется",
        "gone_notice": "Эта версия больше не действует",
        "since": "Что изменилось по сравнению с версией {}",
        "nov25": "25 ноября 2026 г.",
        "dec10": "10 декабря 2026 г.",
    },
}


def published(number, effective, changes=""):
    """A version typed as text, published with `effective` (the seeded draft 2, or a new one)."""
    fields = {
        "effective_date": effective, "title_kk": f"Саясат {number}",
        "title_ru": f"Политика {number}", "template_kk": "", "template_ru": "",
        "changes_kk": changes, "changes_ru": changes,
        "text_kk": f"Саясат {number}\n1. Жаңа\n- бір",
        "text_ru": f"Политика {number}\n1. Новое\n- одно",
    }  # fmt: skip
    PolicyVersion.objects.update_or_create(number=number, defaults=fields)
    return policy_publish(PolicyVersion.objects.get(number=number))


def plain(html):
    """The page's text as read: tags dropped, spaces (no-break ones too) as one space."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html).replace("\xa0", " "))


def entry(html, number, lang):
    """The list's line of version `number`, as read."""
    section = re.search(r'<section class="policy-versions".*?</section>', html, re.S)[0]
    for item in re.findall(r"<li>(.*?)</li>", section, re.S):
        if f'href="/{lang}/privacy/{number}/"' in item:
            return plain(item).strip()
    raise AssertionError(f"version {number} is not listed: {plain(section)}")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_page_lists_every_version_with_its_dates(client, db, time_machine, lang):
    w = WORDS[lang]
    time_machine.move_to("2026-12-01 10:00+05:00")
    published(2, date(2026, 12, 10))
    page = client.get(f"/{lang}/privacy/").content.decode()
    assert w["list"] in page
    assert entry(page, 1, lang) == f"{w['version'].format(1)} {w['in_force'].format(w['nov25'])}"
    assert entry(page, 2, lang).endswith(w["coming"].format(w["dec10"]))
    # The version in force announces the one to come, with its date and a link to it.
    notice = plain(re.search(r'<p class="notice">.*?</p>', page, re.S)[0])
    assert w["announce"] in notice and w["dec10"] in notice
    assert f'href="/{lang}/privacy/2/"' in re.search(r'<p class="notice">.*?</p>', page, re.S)[0]
    assert w["announce"] not in client.get(f"/{lang}/privacy/2/").content.decode()

    time_machine.move_to("2026-12-10 00:30+05:00")  # still the 9th in UTC
    for address in (f"/{lang}/privacy/", f"/{lang}/privacy/1/", f"/{lang}/privacy/2/"):
        page = client.get(address).content.decode()
        assert entry(page, 1, lang).endswith(w["replaced"].format(w["nov25"], w["dec10"]))
        assert entry(page, 2, lang).endswith(w["in_force"].format(w["dec10"]))
        assert w["announce"] not in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_version_replaced_before_its_date_is_listed_as_never_in_effect(
    client, db, time_machine, lang
):
    w = WORDS[lang]
    time_machine.move_to("2026-12-01 10:00+05:00")
    published(2, date(2026, 12, 10))
    time_machine.move_to("2026-12-05 10:00+05:00")  # a mistake found: version 3 on the same date
    published(3, date(2026, 12, 10), changes="Қате түзетілді")
    current = client.get(f"/{lang}/privacy/").content.decode()
    assert entry(current, 2, lang).endswith(w["never"].format(w["dec10"]))
    assert entry(current, 3, lang).endswith(w["coming"].format(w["dec10"]))
    # The version in force announces the one that will apply, not the one that never will.
    notice = re.search(r'<p class="notice">.*?</p>', current, re.S)[0]
    assert f'href="/{lang}/privacy/3/"' in notice and f'href="/{lang}/privacy/2/"' not in notice
    # Read at its own address, version 2 says it will never apply, not that it is coming.
    assert w["never_notice"] in plain(client.get(f"/{lang}/privacy/2/").content.decode())

    time_machine.move_to("2026-12-10 09:00+05:00")
    three = plain(client.get(f"/{lang}/privacy/3/").content.decode())
    # What changed is counted from the version that applied before it: 1, not 2.
    assert w["since"].format(1) in three and w["since"].format(2) not in three
    two = plain(client.get(f"/{lang}/privacy/2/").content.decode())
    assert w["never_notice"] in two and w["gone_notice"] not in two
    one = client.get(f"/{lang}/privacy/1/").content.decode()
    assert entry(one, 1, lang).endswith(w["replaced"].format(w["nov25"], w["dec10"]))
    assert entry(one, 2, lang).endswith(w["never"].format(w["dec10"]))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_version_replaced_on_its_own_day_did_apply(client, db, time_machine, lang):
    """Version 2 in force from midnight, version 3 published at noon that day and effective at
    once: version 2 applied that morning, so it is listed as replaced, not as never in effect."""
    w = WORDS[lang]
    time_machine.move_to("2026-12-01 10:00+05:00")
    published(2, date(2026, 12, 10))
    time_machine.move_to("2026-12-10 12:00+05:00")
    published(3, date(2026, 12, 10), changes="Қате түзетілді")
    page = client.get(f"/{lang}/privacy/").content.decode()
    assert entry(page, 2, lang).endswith(w["replaced"].format(w["dec10"], w["dec10"]))
    assert entry(page, 3, lang).endswith(w["in_force"].format(w["dec10"]))
    assert w["since"].format(2) in plain(client.get(f"/{lang}/privacy/3/").content.decode())
