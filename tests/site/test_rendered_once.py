"""A page's Markdown is rendered once, whatever asks for it. The page asked whether it had its
visitor's language each time its template read the language (the heading's, the text's, the
notice's), then rendered the text again for its HTML: eight renderings a view, seventeen for a
page shown in its other language; a save rendered each language's text three times (its
direction, its words, its pictures). A page of 100,000 characters takes 1.4 s to render."""

from collections import Counter
from unittest import mock

import markdown

from emalu.models import Page
from emalu.rendered import rendered
from tests.site.test_staff_text_direction import PAGE, SERVICE


def _renderings():
    rendered.cache_clear()  # a text another test rendered is not rendered here at all
    return mock.patch("markdown.markdown", side_effect=markdown.markdown)


def _twice(rendering):
    """The texts rendered more than once."""
    counted = Counter(call.args[0] for call in rendering.call_args_list)
    return [text for text, times in counted.items() if times > 1]


def test_a_page_renders_its_text_once_a_view(visitor, db):
    Page.objects.create(**{**PAGE, "body_kk": "Біз **туралы**: бір рет.", "body_ru": ""})
    with _renderings() as rendering:
        assert visitor.get("/kk/about/").status_code == 200
    assert rendering.call_count == 1, rendering.call_args_list
    with _renderings() as rendering:  # shown in Kazakh, said so
        assert visitor.get("/ru/about/").status_code == 200
    assert not _twice(rendering) and rendering.call_count <= 2, rendering.call_args_list


def test_a_save_renders_each_languages_text_once(content_editor_client):
    typed = {**PAGE, "body_kk": "Бір рет **сақталады**.", "body_ru": "Сохраняется **один** раз."}
    with _renderings() as rendering:
        response = content_editor_client.post("/admin/emalu/page/add/", typed)
    assert response.status_code == 302
    assert not _twice(rendering), rendering.call_args_list


def test_a_service_refused_renders_each_languages_text_once(content_editor_client):
    typed = {**SERVICE, "body_kk": "![сурет](https://example.com/a.png)", "body_ru": "Один"}
    with _renderings() as rendering:
        response = content_editor_client.post("/admin/emalu/service/add/", typed)
    assert response.status_code == 200 and "errornote" in response.content.decode()
    assert not _twice(rendering), rendering.call_args_list
