"""Issue 18, item 5: a sentence with a name, a number or a date filled in stays grammatical
whatever fills it. Kazakh glues case endings to the word before, so the filled-in word stands
on its own (after a colon, in brackets) wherever a case would be needed (docs/glossary.md)."""

import re
from datetime import date

import polib
import pytest
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from emalu.models import Service
from tests.site.language import COUNT_THEN_WORD
from tests.staff import verified_login

NOUNS = ["өтініштер", "қызметтер", "дербес деректерді өңдеу саясатының нұсқалары"]
DATES = [date(2026, 11, 25), date(2027, 3, 1), date(2026, 6, 9)]
# A word after the filled-in noun that would need it in a case it cannot take.
NEEDS_A_CASE = r"(жою|таңдау|өзгерту|қарау|жойғыңыз|бастап|дейін|кейін|күнінен|күнгі)"
DATE_PLACEHOLDERS = r"%\((date|due|time|since|day|received|detected|until|when)\)s"
# A postposition that governs a case: «5 ішінен» wants «5-тің ішінен», «14:30 бастап» «14:30-дан»,
# «8 не +7 қоса» (the 8 or +7 included) «8-ді немесе +7-ні қоса».
GOVERNS_A_CASE = r"(бастап|дейін|кейін|бері|бұрын|ішінен|қарай|артық|аспайтын|аспайды|кем|қоса)"
NOUN_PLACEHOLDERS = r"%\((verbose_name_plural|objects_name|model|module_name|items|name)\)s"


def kk(msgid, values, plural=None, n=1):
    with translation.override("kk"):
        text = ngettext(msgid, plural, n) if plural else gettext(msgid)
    return text % values


def stands_alone(text, word):
    """`word` in `text` with nothing glued to it: brackets, a colon or the sentence around it."""
    return re.search(rf"(^|[(:«]\s*){re.escape(word)}(\s*[):.,;»]|$)", text) is not None


@pytest.mark.parametrize("noun", NOUNS)
def test_admin_actions_name_the_noun_apart(noun):
    for msgid, key in [
        ("Delete selected %(verbose_name_plural)s", "verbose_name_plural"),
        ("Change selected %(model)s", "model"),
        ("Delete selected %(model)s", "model"),
        ("Cannot delete %(name)s", "name"),
    ]:
        text = kk(msgid, {key: noun})
        assert stands_alone(text, noun), text
    assert kk("Delete selected %(verbose_name_plural)s", {"verbose_name_plural": noun}) == (
        f"Таңдалғандарды жою ({noun})"
    )


@pytest.mark.parametrize("count", [1, 5, 12])
@pytest.mark.parametrize("noun", NOUNS)
def test_a_number_is_never_glued_to_a_plural_noun(count, noun):
    texts = [
        kk("Successfully deleted %(count)d %(items)s.", {"count": count, "items": noun}),
        kk("Select all %(total_count)s %(module_name)s",
           {"total_count": count, "module_name": noun}),
        kk("%(count)s %(name)s was changed successfully.", {"count": count, "name": noun},
           "%(count)s %(name)s were changed successfully.", count),
        kk("%(total_count)s selected", {"total_count": count},
           "All %(total_count)s selected", count),
        kk("0 of %(cnt)s selected", {"cnt": count}),
    ]  # fmt: skip
    for text in texts:
        assert not re.search(rf"\b{count}\s+\w", text), text
        assert text.rstrip(".").endswith(str(count)) or stands_alone(text, noun), text
    assert texts[0] == f"Жойылды ({noun}): {count}."


@pytest.mark.parametrize("username", ["asel", "Нұрлан", "officer_2"])
def test_a_sign_in_record_names_the_user_apart(username):
    """The admin's sign-in records («%(username)s кіру әрекеттері» wanted a genitive ending on
    the login): the login stands alone after a colon."""
    text = kk("%(username)s, the last at %(time)s", {"username": username, "time": "14:30"})
    assert stands_alone(text, username) and "соңғысы" in text, text


@pytest.mark.parametrize("title", ["Желтоқсан жаңалықтары", "Акция", "Новости декабря"])
def test_a_campaign_title_needs_no_agreement(title):
    """«%(title)s уже отправлена» agreed only with a feminine singular title; the sentence now
    names the campaign, and the title stands in quotes beside it."""
    msgid = "%(title)s was already sent on %(when)s to %(count)d people; it is not sent again."
    values = {"title": title, "when": "2 декабря 2026 г. 14:30", "count": 3}
    with translation.override("ru"):
        ru = gettext(msgid) % values
    assert ru.startswith(f"Рассылка «{title}» уже отправлена"), ru
    assert stands_alone(kk(msgid, values), title)


@pytest.mark.parametrize("day", DATES)
def test_a_date_is_never_followed_by_a_case_ending_word(day):
    with translation.override("kk"):
        shown = date_format(day, "DATE_FORMAT")
    texts = [
        kk("Version %(number)s, in effect from %(date)s", {"number": 2, "date": shown}),
        kk("%(count)s %(kind)s since %(since)s. Check the audit log in the administration.",
           {"count": 3, "kind": "экспорт", "since": shown}),
        kk("Requests on %(day)s:", {"day": shown}),
        kk("%(title)s is already being sent (since %(when)s); it is not sent again.",
           {"title": "Жаңалықтар", "when": shown}),
        kk("Once you confirm, no later than %(due)s we destroy the data that none of your "
           "remaining consents needs, or tell you which law requires us to keep it.",
           {"due": shown}),
    ]  # fmt: skip
    for text in texts:
        assert re.search(rf"{re.escape(shown)}(\s*[).:,;]|$)", text), text
        # a lower-case label filled in never starts a sentence («…14:30. экспорт — 3.»)
        assert not re.search(r"[.!?]\s+[^\W\d_A-ZА-ЯӘҒҚҢӨҰҮҺІ]", text.replace("ж. ", "ж ")), text
    assert texts[0] == f"2-нұсқа, күшіне ену күні: {shown}"


@pytest.mark.parametrize("language", ["kk"])
def test_no_catalogue_entry_glues_a_case_to_a_filled_in_word(language):
    """The rule over the whole catalogue: no date placeholder followed by a word, no number
    placeholder followed by a noun placeholder, no noun placeholder followed by a word that
    would need its accusative, dative or ablative, and no value or number written without the
    case its postposition governs («басындағы 8 не +7 қоса 11 цифр» said the phone's error)."""
    rules = [
        rf"{DATE_PLACEHOLDERS}\s+[^\W\d_]",
        r"%\(\w*(count|cnt|num|n)\)[sd]\s+%\(",
        rf"({NOUN_PLACEHOLDERS}|»)\s+{NEEDS_A_CASE}\b",
        rf"(%\(\w+\)[sd]|%[sd]|\{{\w*\}})»?\s+{GOVERNS_A_CASE}\b",  # whatever fills it
        # a number written in the entry takes its ending too, after a hyphen: «8-ді … қоса»
        rf"(?<![\w-])\+?\d+»?\s+{GOVERNS_A_CASE}\b",
    ]
    catalogue = polib.pofile(f"locale/{language}/LC_MESSAGES/django.po")
    bad = [
        text
        for entry in catalogue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if any(re.search(rule, text) for rule in rules)
    ]
    assert not bad, bad


def test_the_admin_says_it_so(db, officer):
    for n in range(3):
        Service.objects.create(slug=f"s{n}", title_kk="x", title_ru="x")
    staff = verified_login(Client(headers={"accept-language": "kk"}), officer)
    page = staff.get("/admin/emalu/service/").content.decode()
    assert "Таңдалғандарды жою (қызметтер)" in page
    ids = [str(s.pk) for s in Service.objects.all()[:2]]
    form = {"action": "delete_selected", "_selected_action": ids, "post": "yes"}
    response = staff.post("/admin/emalu/service/", form, follow=True)
    assert "Жойылды (қызметтер): 2." in response.content.decode()


def long_date_sentences():
    """(template, msgid, placeholder) for each {% blocktranslate %} that fills a placeholder
    with a date in DATE_FORMAT, read from the templates."""
    from pathlib import Path

    from django.conf import settings

    block = re.compile(r"{% blocktranslate with (.*?) %}(.*?){% endblocktranslate %}", re.S)
    found = []
    for path in Path(settings.BASE_DIR).glob("**/templates/**/*.*"):
        if ".venv" in path.parts:
            continue
        for bound, body in block.findall(path.read_text()):
            msgid = re.sub(r"{{ (\w+) }}", r"%(\1)s", body.replace("%", "%%"))
            for name in re.findall(r'(\w+)=\S+\|date:"DATE_FORMAT"', bound):
                found.append((path.name, msgid.replace("%%(", "%("), name))
    return found


def test_a_russian_long_date_is_not_followed_by_a_second_full_stop():
    """Russian DATE_FORMAT ends with «г.»: a sentence that ends with such a date ends with
    that full stop, not with another one («не позднее 3 декабря 2026 г..»)."""
    with translation.override("ru"):
        shown = date_format(DATES[0], "DATE_FORMAT")
        assert shown.endswith("г.")
        sentences = long_date_sentences()
        assert len(sentences) >= 3, sentences  # the reader finds them
        bad = [(where, gettext(msgid)) for where, msgid, name in sentences
               if f"%({name})s." in gettext(msgid)]  # fmt: skip
        assert not bad, bad
        document = gettext("Version %(version)s of %(date)s. SHA-256: %(hash)s")  # documents.py
        text = document % {"version": 1, "date": shown, "hash": "ab"}
        assert ".." not in text, text


# --- a model's name filled in by the admin, in either language --------------------------------

RU_NOUNS = ["запросы", "версия политики обработки персональных данных", "фраза"]
# Django fills these with a model's verbose name (lower case): a sentence that needs the name in
# a case (kk) or agreeing with its gender (ru: «Выберите версия», «Добавлен фраза») breaks, and
# one that starts with it starts in lower case. The name stands after a colon or in brackets.
ADMIN_NOUN_STRINGS = [
    ("Select %s", None), ("Select %s to change", None), ("Select %s to view", None),
    ("Add %(name)s", "name"), ("Add another %(verbose_name)s", "verbose_name"),
    ("Add another %(model)s", "model"), ("Search %(name)s", "name"),
    ("No %(verbose_name)s found matching the query", "verbose_name"),
    ("Added {name} “{object}”.", "{name}"), ("Deleted {name} “{object}”.", "{name}"),
    ("Changed {fields} for {name} “{object}”.", "{name}"),
    ("The {name} “{obj}” was added successfully.", "{name}"),
    ("The {name} “{obj}” was changed successfully.", "{name}"),
    ("The {name} “{obj}” was added successfully. You may add another {name} below.", "{name}"),
    ("The {name} “{obj}” was changed successfully. You may add another {name} below.", "{name}"),
    ("The %(name)s “%(obj)s” was deleted successfully.", "name"),
    ("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?", "name"),
    ("Total (%(name)s): %(total)s", "name"),
]  # fmt: skip
NOUN_FIRST = re.compile(
    r"^(\{name\}|%\((name|verbose_name|verbose_name_plural|model|model_name|object_name|"
    r"objects_name|module_name|field_label|items)\)s)"
)


def fill(language, msgid, key, noun):
    with translation.override(language):
        text = gettext(msgid)
    if key is None:
        return text % noun
    if key.startswith("{"):
        return text.format(name=noun, object="R-1", obj="R-1", fields="күйі")
    return text % {key: noun, "obj": "R-1", "key": "7", "total": 3}


@pytest.mark.parametrize("language,noun", [*(("kk", n) for n in NOUNS),
                                           *(("ru", n) for n in RU_NOUNS)])  # fmt: skip
def test_the_admin_names_a_model_apart_in_either_language(language, noun):
    for msgid, key in ADMIN_NOUN_STRINGS:
        text = fill(language, msgid, key, noun)
        apart = rf"(^|[(:«]\s*){re.escape(noun)}(\s*[):.,;»]|\s+«|$)"  # «фраза «R-1»» too
        assert re.search(apart, text), (msgid, text)
        assert text[0].isupper() or text[0] in "«(", (msgid, text)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_no_catalogue_entry_starts_with_a_model_name(language):
    catalogue = polib.pofile(f"locale/{language}/LC_MESSAGES/django.po")
    bad = [entry.msgstr for entry in catalogue if NOUN_FIRST.match(entry.msgstr)]
    assert not bad, bad


@pytest.mark.parametrize("language,says", [("kk", "Барлығы (қызметтер): 3"),
                                           ("ru", "Всего (услуги): 3")])  # fmt: skip
def test_an_admin_list_counts_its_rows_with_the_name_apart(db, officer, language, says):
    """Django's paginator wrote «3 қызметтер», «3 услуги»."""
    for n in range(3):
        Service.objects.create(slug=f"s{n}", title_kk="x", title_ru="x")
    staff = verified_login(Client(headers={"accept-language": language}), officer)
    text = " ".join(staff.get("/admin/emalu/service/").content.decode().split())
    assert says in text
    assert not re.search(r"\b3 (қызметтер|услуги)\b", text), text


# --- typography: quotes, no-break spaces, dates ------------------------------------------------

NBSP = "\N{NO-BREAK SPACE}"
FILLED = r"(%\(\w+\)[sd]|%[sd]|\{\w*\})"  # a value filled in, whatever it is
TYPOGRAPHY = {
    "quotes other than «»": re.compile(r"[“”„\"]"),
    "№ without a no-break space": re.compile(r"№(?!\N{NO-BREAK SPACE})"),
    # «5 МБ», and Django's «%s КБ» whatever size fills it
    "a unit that may part from its number": re.compile(rf"(\d|{FILLED}) [КМГТП]Б"),
    # «%(first)s жыл», «%(last)s год»: a filled-in year or age keeps its word
    "a year that may part from its number": re.compile(rf"{FILLED} (жыл|жас|год|лет)\b"),
    "a count that may part from its word": COUNT_THEN_WORD,  # «15 жұмыс күні»
    # «+7 701…», and a number said as people say it, «8 701 123 45 67», «8 7232 12 34 56»
    "a phone number that may break": re.compile(r"\+7 \d|\d \d\d"),
    "an extension's word that may part from its digits": re.compile(r"(доб\.|ішкі) [%\d]"),
    "a hyphen or en dash standing for a dash": re.compile(r"(^|\s)[-–](\s|$)"),
    "three full stops standing for an ellipsis": re.compile(r"\.\.\."),
    "two spaces in a row": re.compile(r"  "),
}


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_catalogue_typography(language, domain):
    """«» for quotes (outside HTML tags), and a no-break space where a phone would break a line:
    after №, between a number and its unit or the word it counts, between the digit groups of a
    phone number. A dash
    is «—», not a hyphen or an en dash between spaces («срок ответа – 10 рабочих дней»); an
    ellipsis is «…»; no two spaces in a row (Django's «Ваш пароль был сохранен.  Теперь…»). A
    quote mark that is itself the subject, as a key a keyboard types, is named inside «»: «"»."""
    bad = []
    for entry in polib.pofile(f"locale/{language}/LC_MESSAGES/{domain}.po"):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            shown = re.sub(r"<[^>]+>", "<>", text)  # a removed tag leaves no double space
            shown = re.sub(r"«[“”„\"]»", "«»", shown)  # a quote mark named, not quoting
            bad += [(rule, text) for rule, regex in TYPOGRAPHY.items() if regex.search(shown)]
    assert not bad, bad


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("fmt", ["DATE_FORMAT", "DATETIME_FORMAT", "MONTH_DAY_FORMAT",
                                 "YEAR_MONTH_FORMAT"])  # fmt: skip
def test_a_date_is_never_broken_over_two_lines(language, fmt):
    """On a phone «2 декабря 2026» + «г.» or «2026 ж. 2» + «желтоқсан» broke over two lines,
    then «2026 ж.» + «7 желтоқсан», and last «4 декабря» + «2026 г.» and «декабрь» + «2026 г.»
    (a day of no year, then a year alone): a date is one unbreakable run in both languages,
    every format, whatever the day and month; only a time after its comma may start a line."""
    from datetime import datetime

    with translation.override(language):
        for month in range(1, 13):
            shown = date_format(datetime(2026, month, 21, 7, 42), fmt)
            day = shown.split(",")[0]
            assert " " not in day, shown
            assert NBSP in day, shown


@pytest.mark.parametrize("language,written", [("kk", "2026 жылғы 2 желтоқсан, 07:42"),
                                              ("ru", "2 декабря 2026 г., 7:42")])  # fmt: skip
def test_a_time_is_set_apart_from_its_date_by_a_comma(language, written):
    """A staff alert read «С 2 декабря 2026 г. 7:42: неудачные попытки…», and the set-aside
    letter's notice «…для запросов 2 декабря 2026 г. 7:42 не удалось…», the time glued to the
    year's «г.» where Kazakh already wrote «…желтоқсан, 07:42»."""
    from datetime import datetime

    with translation.override(language):
        shown = date_format(datetime(2026, 12, 2, 7, 42), "DATETIME_FORMAT")
    assert shown.replace(NBSP, " ") == written


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_request_number_is_always_written_with_its_sign(language):
    """A person reads «№ R-2026-0021» in every mail and page about their request; a staff mail,
    subject line or message said «Новый запрос R-2026-0021» and, a line below, «запрос
    № R-2026-0005», as if they were two kinds of number."""
    bad = []
    for entry in polib.pofile(f"locale/{language}/LC_MESSAGES/django.po"):
        forms = list(entry.msgstr_plural.values()) or [entry.msgstr]
        for name in re.findall(r"[Rr]equest %\((ref|about)\)s", entry.msgid):
            bad += [text for text in forms if f"№{NBSP}%({name})s" not in text]
    assert not bad, bad


@pytest.mark.parametrize("count", [1, 2, 5, 21])
def test_one_email_set_aside_is_one_email(count):
    """Kazakh has one plural form besides n=1: the officer's list said «хаттар: 1. Оларды
    оқып…» («emails: 1, read them») for a single email."""
    msgid = "%(counter)s email set aside: read it and open the request by hand"
    plural = "%(counter)s emails set aside: read them and open the requests by hand"
    text = kk(msgid, {"counter": count}, plural, count)
    one = "Бөлек сақталған хат: 1. Оны оқып, өтінішті қолмен ашыңыз."
    assert text == one if count == 1 else text.startswith(f"Бөлек сақталған хаттар: {count}.")
    with translation.override("ru"):
        text = ngettext(msgid, plural, count) % {"counter": count}
    # Russian's form for 1 serves 21 too: the count after a colon, no «прочитайте его».
    assert text == f"Отложенные письма: {count}. Прочитайте и\xa0откройте запросы вручную.", text
