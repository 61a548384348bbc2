"""What staff write is shown in Kazakh and in Russian: a page, a policy version or a consent text
is not published with one language empty, and a page saved that way before shows the other
language and says so, never an empty page (compliance L24)."""

import dataclasses

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from consent.common.dates import local_today
from consent.core.models import ConsentText, PolicyVersion
from consent.core.purposes import PURPOSES, SERVICE
from emalu.models import Page
from tests.site.language import as_written
from tests.staff import verified_login

PAGE_REFUSED = {
    "kk": "Орысша мәтінді де жазыңыз: бет екі тілде де көрсетіледі.",
    "ru": "Напишите и\xa0русский текст: страница показывается на обоих языках.",
}
POLICY_REFUSED = {
    "kk": "Саясат нұсқасының тақырыбы мен мәтіні екі тілде де болуы керек.",
    "ru": "У\xa0версии политики должны быть заголовок и\xa0текст на обоих языках.",
}
TEXT_REFUSED = {
    "kk": "Бұл келісім мәтінін жариялау мүмкін емес; онда мыналар жоқ:",
    "ru": "Этот текст согласия нельзя опубликовать; в\xa0нём отсутствуют:",
}
SHOWN_IN_KAZAKH = "Эта страница ещё не написана на русском языке, поэтому показана на казахском."
SHOWN_IN_RUSSIAN = "Бұл бет әлі қазақ тілінде жазылмаған, сондықтан орыс тілінде көрсетілді."


def editor(lang):
    """A content editor whose admin speaks `lang`."""
    user = get_user_model().objects.create_user("carol", "carol@example.kz", "pw-1234567890",
                                                is_staff=True)  # fmt: skip
    user.groups.add(Group.objects.get(name="content_editor"))
    return verified_login(Client(headers={"accept-language": lang}), user)


def text(response):
    return as_written(response.content.decode())  # the words, less the spans of one line


# A Russian body that shows nothing: empty, spaces, an HTML comment, a script the sanitiser
# removes, a non-breaking space written as an entity, a zero-width space.
EMPTY_BODIES = ["", "   \n  ", "<!-- потом -->", "<script>alert(1)</script>", "&nbsp;", "\u200b"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("body_ru", EMPTY_BODIES, ids=repr)
def test_a_page_is_saved_only_with_both_languages(db, client, lang, body_ru):
    staff = editor(lang)
    form = {"slug": "about", "title_kk": "Біз туралы", "title_ru": "О нас",
            "body_kk": "Біз Өскеменде жұмыс істейміз.", "body_ru": body_ru}  # fmt: skip
    response = staff.post("/admin/emalu/page/add/", form)
    assert response.status_code == 200
    assert PAGE_REFUSED[lang] in text(response)
    assert not Page.objects.exists()

    written = {**form, "body_ru": "Мы работаем в Усть-Каменогорске."}
    assert staff.post("/admin/emalu/page/add/", written).status_code == 302
    assert "Мы работаем в Усть-Каменогорске." in text(client.get("/ru/about/"))
    assert "Біз Өскеменде жұмыс істейміз." in text(client.get("/kk/about/"))


def test_a_page_without_a_russian_title_is_refused(db):
    staff = editor("ru")
    form = {"slug": "about", "title_kk": "Біз туралы", "title_ru": " ",
            "body_kk": "Мәтін", "body_ru": "Текст"}  # fmt: skip
    response = staff.post("/admin/emalu/page/add/", form)
    said = "Напишите и\xa0русский заголовок: страница показывается на обоих языках."
    assert said in text(response)
    assert not Page.objects.exists()


@pytest.mark.parametrize("empty", ["ru", "kk"])
def test_a_page_saved_before_with_one_language_empty_shows_the_other_and_says_so(client, db, empty):
    written = {"kk": ("Біз туралы", "Біз Өскеменде жұмыс істейміз."),
               "ru": ("О нас", "Мы работаем в Усть-Каменогорске.")}  # fmt: skip
    fields = {f"{name}_{lang}": value for lang, pair in written.items()
              for name, value in zip(["title", "body"], pair, strict=True)}  # fmt: skip
    Page.objects.create(slug="about", **{**fields, f"title_{empty}": "", f"body_{empty}": ""})
    other = "kk" if empty == "ru" else "ru"
    page = text(client.get(f"/{empty}/about/"))
    assert written[other][0] in page and written[other][1] in page
    assert f'<div class="prose" lang="{other}">' in page
    assert (SHOWN_IN_KAZAKH if empty == "ru" else SHOWN_IN_RUSSIAN) in page
    page = text(client.get(f"/{other}/about/"))
    assert written[other][1] in page
    assert SHOWN_IN_KAZAKH not in page and SHOWN_IN_RUSSIAN not in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_policy_version_without_its_russian_text_is_not_published(client, db, lang):
    v1 = PolicyVersion.objects.get(number=1)
    draft = PolicyVersion.objects.create(
        number=3, effective_date=local_today(), title_kk=v1.title_kk, title_ru=v1.title_ru,
        text_kk=v1.text_kk, text_ru=" \n ",
    )  # fmt: skip
    response = editor(lang).post(
        "/admin/consent/policyversion/",
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert POLICY_REFUSED[lang] in text(response)
    draft.refresh_from_db()
    assert not draft.is_published
    page = text(client.get("/ru/privacy/"))
    assert "Версия 1" in page and "Политика в отношении обработки персональных данных" in page


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_consent_text_with_other_information_in_one_language_is_not_published(
    client, texts, policy, lang
):
    draft = ConsentText.objects.create(
        purpose=SERVICE, version=2, policy=policy, other_kk="Жауапты Өскемен кеңсесі береді."
    )
    staff = editor(lang)
    publish = {"action": "publish", "_selected_action": [draft.pk]}
    response = staff.post("/admin/consent/consenttext/", publish, follow=True)
    assert TEXT_REFUSED[lang] in text(response)
    draft.refresh_from_db()
    assert not draft.is_published
    assert "Өскемен" not in text(client.get("/kk/contact/"))

    ConsentText.objects.filter(pk=draft.pk).update(other_ru="Ответ даёт офис в Усть-Каменогорске.")
    staff.post("/admin/consent/consenttext/", publish, follow=True)
    draft.refresh_from_db()
    assert draft.is_published
    assert "Ответ даёт офис в Усть-Каменогорске." in text(client.get("/ru/contact/"))
    assert "Жауапты Өскемен кеңсесі береді." in text(client.get("/kk/contact/"))


def test_a_consent_text_with_an_untranslated_sentence_is_not_published(texts, policy, monkeypatch):
    """A new sentence the catalogues do not translate yet would be published in English in the
    Kazakh and Russian texts (gettext falls back to the msgid)."""
    new = dataclasses.replace(PURPOSES[SERVICE], description="To answer you by telephone too.")
    monkeypatch.setitem(PURPOSES, SERVICE, new)
    draft = ConsentText.objects.create(purpose=SERVICE, version=2, policy=policy)
    staff = editor("ru")
    publish = {"action": "publish", "_selected_action": [draft.pk]}
    response = staff.post("/admin/consent/consenttext/", publish, follow=True)
    assert TEXT_REFUSED["ru"] in text(response)
    assert "переводы на казахский и\xa0русский языки" in text(response)
    draft.refresh_from_db()
    assert not draft.is_published
