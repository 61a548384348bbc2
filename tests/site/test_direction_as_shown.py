"""The direction rule (consent/common/directions.py) judged what staff typed, not what a reader
is shown. A page's Markdown turns «&#x202E;» into the override itself, so a mark written as a
character reference passed the check and was left open on the page; a breach's words, which
go to the regulator in the draft notice, were not checked at all; and a left-to-right mark
left open was refused with the words for right-to-left text, which the editor could not find."""

import re

import pytest
from django.utils import translation
from django.utils.html import escape

from consent.common.directions import DIRECTION_OPEN, DIRECTION_OPEN_OTHER
from consent.rights.models import Breach
from emalu.models import Page
from tests.rights.test_breaches import BREACH
from tests.site.test_staff_text_direction import PAGE, SAID

RLO, LRE, LRI, PDF = "\u202e", "\u202a", "\u2066", "\u202c"

# An override spelt as the page's parser reads it: hex, decimal, capitals, zeros, no semicolon.
SPELT = ["&#x202E;", "&#8238;", "&#X202e;", "&#x0202e;", "&#8238"]


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("mark", SPELT)
def test_a_mark_spelt_as_a_reference_in_a_page_is_refused(content_editor_client, mark, language):
    content_editor_client.cookies["django_language"] = language
    body = f"Жұмыс уақыты: Дс–Жм 9:00–18:00 {mark}שעות פתיחה\n\nСоңғы жол."
    response = content_editor_client.post("/admin/emalu/page/add/", {**PAGE, "body_kk": body})
    page = response.content.decode()
    assert response.status_code == 200 and SAID[language] in page
    assert "«Жұмыс уақыты: Дс–Жм 9:00–18:00»" in page  # the words before it, as shown
    assert not Page.objects.exists()


@pytest.mark.parametrize("body", [
    "Белгінің жазылуы: `&#x202E;`",  # a code span shows the reference as text
    "Белгінің жазылуы: &amp;#x202E;",  # so does an escaped ampersand
    f"Атауы: &#x202B;שם&#x202C; және {RLO}abc&#8236;",  # closed on its line, spelt either way
])  # fmt: skip
def test_a_reference_the_page_shows_as_text_or_closes_is_kept(content_editor_client, body):
    response = content_editor_client.post("/admin/emalu/page/add/", {**PAGE, "body_kk": body})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Page.objects.get().body_kk == body


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("mark", [LRE, LRI, "&#x202D;"])
def test_a_left_to_right_mark_left_open_is_told_as_one(content_editor_client, mark, language):
    """A phone number copied from a contacts list carries LRE … PDF; its PDF lost, the editor
    was told of right-to-left text the line does not hold."""
    content_editor_client.cookies["django_language"] = language
    body = f"Телефон: {mark}+7 723 222 33 44"
    response = content_editor_client.post("/admin/emalu/page/add/", {**PAGE, "body_ru": body})
    page = response.content.decode()
    with translation.override(language):
        assert escape(str(DIRECTION_OPEN_OTHER)) in page
        assert escape(str(DIRECTION_OPEN)) not in page
    assert not Page.objects.exists()


def test_a_line_with_a_right_to_left_mark_open_is_told_so_beside_a_left_to_right_one(
    content_editor_client,
):
    body = f"Телефон: {LRE}+7 723 222 33 44 {RLO}שעות"
    response = content_editor_client.post("/admin/emalu/page/add/", {**PAGE, "body_ru": body})
    with translation.override("kk"):
        assert escape(str(DIRECTION_OPEN)) in response.content.decode()


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("field", ["description", "data_affected", "measures"])
def test_a_direction_mark_left_open_in_a_breach_is_refused(
    privacy_officer_client, time_machine, field, language
):
    """The draft notice to the regulator and the register show what one officer typed to the
    next: an override pasted with a Hebrew name turned the rest of its line around there."""
    time_machine.move_to("2026-12-03 12:00+05:00")
    privacy_officer_client.cookies["django_language"] = language
    typed = {**BREACH, field: f"Хат жіберілді {RLO}דוד כהן\nбасқа жол"}
    response = privacy_officer_client.post("/admin/rights/breach/add/", typed)
    page = response.content.decode()
    assert response.status_code == 200 and SAID[language] in page
    assert not Breach.objects.exists()


def test_a_breach_keeps_marks_closed_on_their_line(privacy_officer_client, time_machine):
    time_machine.move_to("2026-12-03 12:00+05:00")
    typed = {**BREACH, "description": f"Хат жіберілді {RLO}דוד כהן{PDF}\nбасқа жол"}
    response = privacy_officer_client.post("/admin/rights/breach/add/", typed)
    assert response.status_code == 302
    assert Breach.objects.get().description == typed["description"]


def test_a_page_turns_no_paragraph_around_by_an_override_written_in_html(visitor, db):
    """Markdown takes HTML: «<bdo dir="rtl">» left open in a paragraph's first line ran to its
    end on the page, the override the rule refuses as a mark. A page saved so shows the words."""
    Page.objects.create(**{**PAGE, "body_kk": 'Жұмыс <bdo dir="rtl">уақыты\nСб 10:00–14:00'})
    html = visitor.get("/kk/about/").content.decode()
    assert '<div class="prose" lang="kk"><p>Жұмыс уақыты\nСб' in html and "<bdo" not in html


# A mark closing an override where the page does not close it: in an element a browser hides
# (<rp>) or isolates (a ruby's, <bdi>), the override ran on over the lines after it.
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_mark_closed_inside_an_isolate_is_refused(content_editor_client, language):
    content_editor_client.cookies["django_language"] = language
    body = f"Жұмыс уақыты: {RLO}שעות פתיחה<bdi>{PDF}</bdi>\nСб 10:00–14:00"
    response = content_editor_client.post("/admin/emalu/page/add/", {**PAGE, "body_kk": body})
    page = response.content.decode()
    assert response.status_code == 200 and SAID[language] in page
    assert not Page.objects.exists()


@pytest.mark.parametrize("body", [
    f"Директор: <bdi>{RLO}דוד כהן</bdi>, Сб 10:00–14:00",
    "Директор: <bdi>דוד\nכהן</bdi>, Сб 10:00–14:00",  # one isolate over two lines
])  # fmt: skip
def test_a_mark_inside_an_isolate_it_ends_with_is_kept(content_editor_client, body):
    """<bdi> is HTML's way to set a pasted name apart: the override it holds ends with it."""
    response = content_editor_client.post("/admin/emalu/page/add/", {**PAGE, "body_kk": body})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Page.objects.get().body_kk == body


@pytest.mark.parametrize("ruby", [f"<rp>{PDF}</rp>", f"<ruby>x<rt>{PDF}</rt></ruby>"])
def test_a_page_shows_a_close_in_a_ruby_where_it_closes(content_editor_client, visitor, ruby):
    """A ruby (annotations over East Asian letters) is no use in Kazakh or Russian: its words
    are shown in the line, so a mark in it closes on the page what it closes in the text judged,
    for a page saved before too."""
    body = f"Жұмыс {RLO}уақыты{ruby}\nСб 10:00–14:00"
    response = content_editor_client.post("/admin/emalu/page/add/", {**PAGE, "body_kk": body})
    assert response.status_code == 302
    html = visitor.get("/kk/about/").content.decode()
    assert f"{PDF}\nСб" in html.split('class="prose"')[1].split("</p>")[0] and not re.search(
        "<r[pbt]", html
    )
