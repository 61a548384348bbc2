"""An editor pasted an Arabic or Hebrew phrase into what the site shows everyone (a page, a
service, the company's hours and address, a consent text's other information, a policy
version) with an invisible right-to-left override it never closed. A campaign refuses such a
mark (tests/marketing/test_body_direction.py); these texts took it, and it turned around the
rest of its line and, on a page, every line after it in the paragraph (the opening hours under
it in the footer, the lines of a consent text after its own, which <br> does not end). The
same rule as a campaign's: a mark is closed on the line it opens on; closed, it is kept."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.html import escape

from consent.core.models import ConsentText, PolicyVersion
from consent.core.purposes import MARKETING
from emalu.models import FOREIGN_IMAGE, Company, Page, Service
from tests.core.test_editor_mistakes import editor as editor  # the content editor, on a Monday
from tests.core.test_editor_mistakes import monday as monday
from tests.core.test_editor_mistakes import publish_action
from tests.core.test_policy_admin import v2 as v2  # the draft written from the declarations
from tests.site.test_company import COMPANY

RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"
OPEN = f"Дс–Жм 9:00–18:00 {RLO}שעות פתיחה\nСб 10:00–14:00"
CLOSED = f"Дс–Жм 9:00–18:00 {RLI}שעות פתיחה{PDI}\n{RLO}abc{PDF} Сб 10:00–14:00"
SAID = {"kk": "бағыт белгісі", "ru": "знак направления"}

PAGE = {"slug": "about", "title_kk": "Біз туралы", "title_ru": "О нас", "body_kk": "Мәтін",
        "body_ru": "Текст"}  # fmt: skip
SERVICE = {"slug": "repair", "order": 1, "is_published": "on", "title_kk": "Жөндеу",
           "title_ru": "Ремонт", "summary_kk": "Қысқаша", "summary_ru": "Кратко",
           "body_kk": "Мәтін", "body_ru": "Текст"}  # fmt: skip
SITE_TEXTS = [
    ("/admin/emalu/page/add/", Page, PAGE, "title_kk"),
    ("/admin/emalu/page/add/", Page, PAGE, "body_ru"),
    ("/admin/emalu/service/add/", Service, SERVICE, "title_ru"),
    ("/admin/emalu/service/add/", Service, SERVICE, "summary_kk"),
    ("/admin/emalu/service/add/", Service, SERVICE, "body_kk"),
    ("/admin/emalu/company/add/", Company, COMPANY, "address_kk"),
    ("/admin/emalu/company/add/", Company, COMPANY, "hours_kk"),
    ("/admin/emalu/company/add/", Company, COMPANY, "summary_ru"),
]


def _one_line(field, text):
    """`text` as a single-line field holds it: its lines joined."""
    return text.replace("\n", " ") if field.startswith(("title", "summary", "address")) else text


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize(("url", "model", "form", "field"), SITE_TEXTS,
                         ids=[f"{m.__name__}.{f}" for _u, m, _form, f in SITE_TEXTS])  # fmt: skip
def test_a_direction_mark_left_open_in_a_site_text_is_refused(
    content_editor_client, url, model, form, field, language
):
    content_editor_client.cookies["django_language"] = language
    response = content_editor_client.post(url, {**form, field: _one_line(field, OPEN)})
    page = response.content.decode()
    assert response.status_code == 200 and "errornote" in page and SAID[language] in page
    assert not model.objects.exists()


@pytest.mark.parametrize(("url", "model", "form", "field"), SITE_TEXTS,
                         ids=[f"{m.__name__}.{f}" for _u, m, _form, f in SITE_TEXTS])  # fmt: skip
def test_marks_closed_on_their_line_in_a_site_text_are_kept(
    content_editor_client, url, model, form, field
):
    written = _one_line(field, CLOSED)
    response = content_editor_client.post(url, {**form, field: written})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert model.objects.filter(**{field: written}).exists()


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("field", ["other_kk", "other_ru"])
def test_a_direction_mark_left_open_in_a_consent_texts_other_information_is_refused(
    editor, texts, policy, field, language
):
    editor.cookies["django_language"] = language
    other = {"other_kk": "Қосымша", "other_ru": "Дополнительно", field: OPEN}
    response = editor.post("/admin/consent/consenttext/add/",
                           {"purpose": MARKETING, "policy": policy.pk, **other})  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and SAID[language] in page
    assert not ConsentText.objects.filter(purpose=MARKETING, published_at=None).exists()


def test_a_consent_texts_other_information_keeps_closed_marks(editor, texts, policy):
    other = {"other_kk": CLOSED, "other_ru": "Дополнительно"}
    response = editor.post("/admin/consent/consenttext/add/",
                           {"purpose": MARKETING, "policy": policy.pk, **other})  # fmt: skip
    assert response.status_code == 302
    assert ConsentText.objects.filter(purpose=MARKETING, other_kk=CLOSED).exists()


@pytest.mark.parametrize("field", ["title_ru", "text_kk", "changes_ru"])
def test_a_direction_mark_left_open_in_a_policy_version_is_refused(editor, texts, field):
    drafts = PolicyVersion.objects.filter(published_at=None).count()
    page = editor.get("/admin/consent/policyversion/add/").content.decode()
    assert "errornote" not in page
    written = {"effective_date": "2026-12-20", "title_kk": "Саясат", "title_ru": "Политика",
               "text_kk": "Мәтін", "text_ru": "Текст", "changes_kk": "Өзгерді",
               "changes_ru": "Изменилось"}  # fmt: skip
    value = OPEN.replace("\n", " ") if field.startswith("title") else OPEN
    response = editor.post("/admin/consent/policyversion/add/", {**written, field: value})
    assert response.status_code == 200 and SAID["kk"] in response.content.decode()
    assert PolicyVersion.objects.filter(published_at=None).count() == drafts


def test_a_consent_text_drafted_with_a_mark_left_open_before_the_rule_is_not_published(
    editor, texts, policy
):
    """A draft saved before its form refused the mark: publication names the field."""
    draft = ConsentText.objects.create(purpose=MARKETING, version=99, policy=policy,
                                       other_kk="Қосымша", other_ru=OPEN)  # fmt: skip
    page = publish_action(editor, "consenttext", draft).content.decode()
    assert "Өзге мәліметтер (орыс тілінде)" in page and SAID["kk"] in page
    assert not ConsentText.objects.get(pk=draft.pk).is_published


def test_a_policy_version_drafted_with_a_mark_left_open_before_the_rule_is_not_published(
    editor, texts
):
    draft = PolicyVersion.objects.create(
        number=99, effective_date=date(2026, 12, 20), title_kk="Саясат", title_ru="Политика",
        text_kk="Мәтін", text_ru="Текст", changes_kk=OPEN, changes_ru="Изменилось",
    )  # fmt: skip
    page = publish_action(editor, "policyversion", draft).content.decode()
    assert SAID["kk"] in page
    assert not PolicyVersion.objects.get(pk=draft.pk).is_published


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_policy_version_refused_for_a_consent_texts_open_mark_names_that_text(
    editor, v2, texts, policy, language
):
    """Published, a version written from the declarations puts each purpose's text on it,
    carrying over the latest text's other information. A draft of it saved with a mark left
    open before the rule stopped the publication with «Other information (Russian): …», a
    field no policy page has: the editor is told which consent text to write again."""
    draft = ConsentText.objects.create(purpose=MARKETING, version=2, policy=policy,
                                       other_kk="Қосымша", other_ru=OPEN)  # fmt: skip
    editor.cookies["django_language"] = language
    page = editor.post(f"/admin/consent/policyversion/{v2.pk}/publish/",
                       {"reconsent": [MARKETING]}, follow=True).content.decode()  # fmt: skip
    assert SAID[language] in page
    with translation.override(language):
        assert escape(str(draft)) in page
    assert not PolicyVersion.objects.get(pk=v2.pk).is_published


LONG_BODY = ("Біз туралы.\r\n\r\nБіз жұмыс істейміз: Дс–Жм 9:00–18:00 " + RLO + "שעות פתיחה\r\n"
             "\r\nСоңғы жол.")  # fmt: skip


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_refusal_of_a_long_text_quotes_the_words_before_the_mark_left_open(
    content_editor_client, language
):
    """The mark draws nothing: in a page or a policy of many lines the editor was told to type
    «the line» again and could not find which. The words before it are quoted."""
    content_editor_client.cookies["django_language"] = language
    response = content_editor_client.post("/admin/emalu/page/add/",
                                          {**PAGE, "body_kk": LONG_BODY})  # fmt: skip
    page = response.content.decode()
    words = "«жұмыс істейміз: Дс–Жм 9:00–18:00»"
    line = {"kk": f"{words} тұрған жолды қараңыз. ", "ru": f"на строку, где стоит {words}. "}
    # Two sentences: quoted words ending in «:» made «…:»: Здесь…», a colon after a colon.
    assert SAID[language] in page and line[language] in page
    assert not Page.objects.exists()


def test_a_mark_left_open_beside_a_foreign_picture_is_told_with_it(content_editor_client):
    """Told only of the picture, the editor removed it and was refused again for the mark."""
    body = f"![](https://example.com/a.png)\n\nЖұмыс уақыты {RLO}שעות"
    response = content_editor_client.post("/admin/emalu/page/add/", {**PAGE, "body_kk": body})
    page = response.content.decode()
    with translation.override("kk"):
        assert escape(str(FOREIGN_IMAGE)) in page and "«Жұмыс уақыты»" in page
    assert not Page.objects.exists()
