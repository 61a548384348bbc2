"""Two staff members editing one row in the admin at once (consent/common/seen.py): the second
to save is told, in their language, which fields their colleague changed and who did, with
what they typed still in the form, and the colleague's changes are kept. A draft published
while another editor had it open is not deleted by them, and they are told why in words."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from consent.common.dates import local_today
from consent.core.models import PolicyVersion
from consent.rights.models import IntakePhrase
from consent.workdays.models import CalendarOverride
from emalu.models import Company, Page, Service
from tests.staff import form_as_shown, verified_login

TOLD = {"kk": "ашқаннан кейін", "ru": "После того как вы открыли"}  # «after you opened it»
FIELD = {
    "kk": {"title_kk": "тақырып", "note": "ескертпе", "address_ru": "мекенжай"},
    "ru": {"title_kk": "заголовок", "note": "примечание", "address_ru": "адрес"},
}


TEXTS = {"title_kk": "Біз туралы", "title_ru": "О нас", "body_kk": "Мәтін.", "body_ru": "Текст.",
         "summary_kk": "Қысқаша.", "summary_ru": "Кратко.", "address_kk": "Өскемен",
         "address_ru": "Усть-Каменогорск", "hours_kk": "9-18", "hours_ru": "9-18"}  # fmt: skip


def _page():
    slug = Page.Slug.values[0]
    return Page.objects.update_or_create(slug=slug, defaults=without(Page, TEXTS))[0]


def _service():
    return Service.objects.create(slug="audit-at-once", **without(Service, TEXTS))


def without(model, texts):
    names = {f.name for f in model._meta.concrete_fields}
    return {k: v for k, v in texts.items() if k in names}


def _company():
    return Company.objects.update_or_create(pk=1, defaults=without(Company, TEXTS))[0]


def _day():
    day = local_today() + timedelta(days=40)
    return CalendarOverride.objects.create(date=day, is_working_day=False, note="Жарлық")


def _phrase():
    return IntakePhrase.objects.create(phrase="деректерімді өшіріңіз", type="destroy",
                                       language="kk", note="бірінші")  # fmt: skip


# (the row, the field the first saver changes, the field the second saver changes)
ROWS = {
    "page": (_page, "title_kk", "title_ru"),
    "service": (_service, "title_kk", "title_ru"),
    "company": (_company, "address_ru", "hours_kk"),
    "calendar": (_day, "note", "is_working_day"),
    "phrase": (_phrase, "note", "active"),
}


def staff(username, lang):
    user = get_user_model().objects.create_superuser(username, f"{username}@example.kz", "pw-x-1")
    client = verified_login(Client(), user)
    client.cookies["django_language"] = lang
    return client


def url(row):
    return f"/admin/{row._meta.app_label}/{row._meta.model_name}/{row.pk}/change/"


def edited(data, name, row, text):
    field = row._meta.get_field(name)
    if field.get_internal_type() == "BooleanField":
        return (
            {k: v for k, v in data.items() if k != name} if name in data else {**data, name: "on"}
        )
    return {**data, name: text}


@pytest.mark.parametrize("second", ["kk", "ru"])
@pytest.mark.parametrize("kind", ROWS)
def test_the_second_saver_is_told_and_nothing_is_lost(db, kind, second):
    make, theirs, mine = ROWS[kind]
    first = "ru" if second == "kk" else "kk"
    boris, aigul = staff("boris", first), staff("aigul", second)
    row = make()
    opened_by_boris = form_as_shown(boris.get(url(row)))
    opened_by_aigul = form_as_shown(aigul.get(url(row)))

    saved = boris.post(
        url(row), {**edited(opened_by_boris, theirs, row, "Борис жазды"), "_save": 1}
    )
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    after_boris = type(row).objects.get(pk=row.pk)

    typed = edited(opened_by_aigul, mine, row, "Әйгүл жазды")
    refused = aigul.post(url(row), {**typed, "_save": 1})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert TOLD[second] in page and "boris" in page
    assert f"«{refused.context['adminform'].form.fields[theirs].label}»" in page
    if theirs in FIELD[second]:
        assert FIELD[second][theirs] in page.lower()
    # Boris's change is kept; what Aigul typed is still in her form
    now = type(row).objects.get(pk=row.pk)
    field = row._meta.get_field(mine)
    assert field.value_from_object(now) == field.value_from_object(after_boris)
    assert refused.context["adminform"].form.data.get(mine) == typed.get(mine)

    # Opened again, her change saves, and Boris's with it
    again = form_as_shown(aigul.get(url(row)))
    done = aigul.post(url(row), {**edited(again, mine, row, "Әйгүл жазды"), "_save": 1})
    assert done.status_code == 302
    now = type(row).objects.get(pk=row.pk)
    kept = row._meta.get_field(theirs)
    assert kept.value_from_object(now) == kept.value_from_object(after_boris)


def test_saving_twice_alone_is_not_refused(db):
    aigul = staff("aigul", "kk")
    row = _service()
    for text in ("бір", "екі"):
        data = form_as_shown(aigul.get(url(row)))
        assert aigul.post(url(row), {**data, "title_kk": text, "_save": 1}).status_code == 302
    assert Service.objects.get(pk=row.pk).title_kk == "екі"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_draft_published_meanwhile_is_not_deleted_and_it_is_said(db, lang):
    editor = staff("aigul", lang)
    draft = PolicyVersion.objects.filter(published_at__isnull=True).first()
    delete = f"/admin/consent/policyversion/{draft.pk}/delete/"
    assert editor.get(delete).status_code == 200  # she opens the confirmation
    PolicyVersion.objects.filter(pk=draft.pk).update(published_at=timezone.now())  # a colleague
    for response in (editor.post(delete, {"post": "yes"}, follow=True),
                     editor.get(delete, follow=True)):  # fmt: skip
        assert response.status_code == 200
        page = response.content.decode()
        said = {"kk": "жарияланды", "ru": "опубликовано"}[lang]
        assert said in page and {"kk": "жойылмады", "ru": "не удал"}[lang] in page
    assert PolicyVersion.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mark_nested_past_pythons_depth_is_no_server_error(db, lang):
    """A content editor posting a page's hidden mark as «[» fifty thousand deep (50 kB): a 500
    and an error mail to the administrators for each post. The mark is read only as its field
    takes it, so the save is refused as any over-long field is, in the editor's language, and
    nothing changes."""
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("editor", "editor@example.kz", "pw-e-123456",
                                                is_staff=True)  # fmt: skip
    user.groups.add(Group.objects.get(name="content_editor"))
    editor = verified_login(Client(), user)
    editor.cookies["django_language"] = lang
    row = _service()
    data = form_as_shown(editor.get(url(row)))
    refused = editor.post(url(row), {**data, "seen": "[" * 50_000, "title_kk": "жаңа", "_save": 1})
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors
    assert Service.objects.get(pk=row.pk).title_kk == row.title_kk
