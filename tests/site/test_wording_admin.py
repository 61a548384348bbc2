"""What the admin says with a name filled in, in the staff member's language: a model's name in
the middle of Django's sentences («Удалить выбранное (письма)»), a row's name («Просмотр: …»),
a help text, a value a form sent (docs/glossary.md, "Wording with a name, a number or a date")."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import polib
import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation
from django.utils.formats import localize
from post_office.models import STATUS, Email, Log

from consent.core.models import Source
from consent.core.purposes import SERVICE
from consent.core.submissions import submission_record
from tests.site.mail_scenarios import FakeRequest
from tests.staff import registered_admins, verified_login

NBSP = "\N{NO-BREAK SPACE}"
CYRILLIC = re.compile(r"[а-яёәіңғүұқөһ]", re.IGNORECASE)


def staff(user, language):
    return verified_login(Client(headers={"accept-language": language}), user)


def shown(response):
    """The page's text as a reader sees it (tags out, spaces joined; a no-break space kept)."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", text))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_model_is_named_in_lower_case(language):
    """Django writes a model's name into its sentences as it is («Выберите для изменения: …»,
    «Всего (…): 4», «Удалить выбранное (…)») and capitalises it itself where a heading starts
    with it. django-post-office names its models «Email», «Log», «Attachment»: translated as
    written, «Письмо», «Хат», they stood capitalised in the middle of those sentences, beside
    every other model's «страница», «бет»."""
    capitalised = []
    with translation.override(language):
        for model in apps.get_models(include_auto_created=True):
            for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
                if str(name)[:1].isupper():
                    capitalised.append((model._meta.label, str(name)))
    assert capitalised == []


@pytest.mark.django_db
@pytest.mark.parametrize("language,says", [("kk", "Таңдалғандарды жою (хаттар)"),
                                           ("ru", "Удалить выбранное (письма)")])  # fmt: skip
def test_the_outbox_names_its_mail_as_every_list_names_its_rows(officer, language, says):
    Email.objects.create(from_email="noreply@emaluplus-vko.kz", to=["asel@example.kz"],
                         subject="S", message="M", status=STATUS.sent)  # fmt: skip
    page = shown(staff(officer, language).get("/admin/post_office/email/"))
    assert says in page
    assert not re.search(r"\((Хаттар|Письма)\)|: (Хат|Письмо)\b", page), page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_delivery_is_named_by_its_local_time(officer, language, settings):
    """A delivery log entry was named by its stored UTC timestamp, «2026-12-04 00:07:47.153622
    +00:00», in its page's title and history and in what a deletion takes along: the admin
    writes every other time in Almaty's, as the reader's language writes it."""
    email = Email.objects.create(from_email="noreply@emaluplus-vko.kz", to=["asel@example.kz"],
                                 subject="S", message="M", status=STATUS.sent)  # fmt: skip
    at = datetime(2026, 12, 3, 22, 30, tzinfo=ZoneInfo("UTC"))  # 4 December in Almaty
    log = Log.objects.create(email=email, status=STATUS.sent)
    Log.objects.filter(pk=log.pk).update(date=at)
    page = shown(staff(officer, language).get(f"/admin/post_office/log/{log.pk}/change/"))
    with translation.override(language):
        local = localize(at.astimezone(ZoneInfo(settings.TIME_ZONE)))
    assert local in page and "2026-12-03" not in page and "+00:00" not in page, page
    assert {"kk": "2026 жылғы", "ru": "4 декабря"}[language] in local.replace(NBSP, " ")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_forms_phone_is_shown_as_it_is_dialled(officer, texts, language):
    """The form's page showed «Номер телефона: +77011234567», the number as held, where the
    person's page, the desk and the export write «+7 701 123 45 67» in groups that never part."""
    submission = submission_record(
        source=Source.CONTACT_FORM, language="kk", request=FakeRequest(),
        data={"full_name": "Әсел", "email": "asel@example.kz", "phone": "+77011234567",
              "message": "Сәлем"},
        consents={SERVICE: True},
    )  # fmt: skip
    url = f"/admin/consent/submission/{submission.pk}/change/"
    page = shown(staff(officer, language).get(url))
    assert f"+7{NBSP}701{NBSP}123{NBSP}45{NBSP}67" in page
    assert "+77011234567" not in page


def frozen_texts(cls):
    """The class attributes of `cls` (its bases' too) that hold a text already translated: a
    plain str in Cyrillic. A library's English source holds none unless a translation was
    forced at import, in the language then active, and stays in it for every reader."""
    values = {name: getattr(cls, name, None) for name in dir(cls)}
    return [(cls.__qualname__, name) for name, value in values.items()
            if isinstance(value, str) and CYRILLIC.search(value)]  # fmt: skip


def test_no_admin_text_is_translated_once_for_everyone():
    """Django's password form for a staff member's account joined its translated help to an
    English warning with «+», which translated the help once, at import, in Kazakh: the Russian
    page showed «Пайдаланушы құпиясөз арқылы…» and «If disabled, the current password for this
    user will be lost.»"""
    frozen = []
    for model_admin in registered_admins().values():
        classes = [type(model_admin), model_admin.form, *model_admin.inlines]
        classes += [getattr(model_admin, name) for name in ("add_form", "change_password_form")
                    if hasattr(model_admin, name)]  # fmt: skip
        for cls in classes:
            frozen += frozen_texts(cls)
    assert frozen == []


@pytest.mark.django_db
@pytest.mark.parametrize("language,says,not_said", [
    ("kk", "Өшірілсе, бұл пайдаланушының қазіргі құпиясөзі жойылады.", "Может ли пользователь"),
    ("ru", "Если отключить, текущий пароль этого пользователя будет утерян.", "Пайдаланушы"),
])  # fmt: skip
def test_the_password_form_speaks_the_staff_language(officer, language, says, not_said):
    other = User.objects.create_user("dana", "dana@example.kz", "pw-dana-123456", is_staff=True)
    page = shown(staff(officer, language).get(f"/admin/auth/user/{other.pk}/password/"))
    assert says in page
    assert not_said not in page and "If disabled" not in page, page


@pytest.mark.parametrize("text,words,shown", [
    ("сведения о\xa0компании", 18, "сведения о\xa0компании"),
    ("Ответы на обращения и\xa0заявки, версия\xa01", 3, "Ответы на обращения …"),
    ("15\xa0жұмыс күні ішінде", 1, "15\xa0жұмыс …"),
    ("  a  b ", 5, "a  b"),
    ("a b", 0, ""),
])  # fmt: skip
def test_a_name_cut_to_its_first_words_keeps_its_spaces(text, words, shown):
    """The admin cuts an object's name in its breadcrumbs with `truncatewords`; a no-break space
    is part of a word, as a phone reads it."""
    from django.template import Context, Template

    template = Template("{{ text|truncatewords:words }}")
    assert template.render(Context({"text": text, "words": words})) == shown


FILTER = re.compile(
    r'<details data-filter-title="([^"]*)"[^>]*>\s*<summary>\s*(.*?)\s*</summary>', re.S
)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_list_filter_is_headed_by_its_title_alone(officer, language):
    """Django heads each filter «By <title>», and a title is a field's name of any kind: a Kazakh
    officer read «жауап берілді бойынша», «қолданыста бойынша», «Бұғатталды бойынша» («by was
    answered», «by in use») above a yes/no filter. The heading is the title alone, as Russian
    has it; a date filter's name is «Сүзгі: …» («Фильтр: …»)."""
    browser, judged = staff(officer, language), 0
    for model in registered_admins():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for title, heading in FILTER.findall(browser.get(url).content.decode()):
            judged += 1
            assert heading == title, url
    with translation.override(language):
        named = translation.gettext("Filter by %(field_name)s") % {"field_name": "X"}
    assert judged > 20 and named.endswith(": X")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_desks_empty_choice_is_said_as_every_select_says_it(officer, make_subject, language):
    """The «change the type» select of an open request offered «---------», where every other
    select of the admin says «— Нұсқаны таңдаңыз —» («— Выберите вариант —»)."""
    from consent.rights.tickets import ticket_open

    make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    ticket = ticket_open(kind="access", email="asel@example.kz", language="kk", channel="web")
    page = staff(officer, language).get(f"/admin/rights/ticket/{ticket.pk}/change/")
    html = page.content.decode()
    with translation.override(language):
        blank = translation.gettext("- Select an option -")
    assert 'name="new_type"' in html and "-----" not in html
    assert f'<option value="" selected>{blank}</option>' in html


DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_calendar_heads_each_day_with_its_own_name(language):
    """The admin's calendar (Django's calendar.js) heads its columns with a day's one-letter
    name: Kazakh's read «Ж Д С С Б Ж С», three «С» (сейсенбі, сәрсенбі, сенбі) and two «Ж», and
    Russian's «В П В С Ч П С». Each head is the day's short name as the catalogue writes it
    everywhere else («Дс», «Пн»), so no two columns read alike."""
    heads = {entry.msgctxt.removeprefix("one letter "): entry.msgstr
             for entry in polib.pofile(f"locale/{language}/LC_MESSAGES/djangojs.po")
             if (entry.msgctxt or "").startswith("one letter ")}  # fmt: skip
    with translation.override(language):
        short = {day: translation.gettext(day[:3]) for day in DAYS}
    assert heads == short
    assert len(set(heads.values())) == len(DAYS)
