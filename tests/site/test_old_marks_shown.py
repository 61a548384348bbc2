"""A staff text saved before the direction rule keeps its marks (tests/site/test_old_marks_kept.py)
and is shown with each closed on its own line: an override left open in a page's paragraph or
in the company's opening hours turned around every line after it on the page (no paragraph ends
at a line of a paragraph, nor at the <br> of the footer's hours), as on the desk a letter's line
is isolated (tests/rights/test_letter_direction_on_the_desk.py)."""

import pytest

from consent.common.directions import validate_lines_direction_closed
from emalu.models import Company, Page
from emalu.rendered import text_of
from tests.site.test_company import COMPANY
from tests.site.test_staff_text_direction import OPEN, PAGE

RLO, PDF = "\u202e", "\u202c"


def shown(html, start, end):
    """The text a reader sees between the markers `start` and `end` of a page's HTML."""
    return text_of(html[html.index(start) : html.index(end, html.index(start))])


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_an_old_pages_open_mark_turns_no_line_after_its_own(visitor, db, language):
    Page.objects.create(**{**PAGE, f"body_{language}": f"Жұмыс уақыты: {OPEN}\n\nСоңғы жол."})
    html = visitor.get(f"/{language}/about/").content.decode()
    text = shown(html, '<div class="prose"', "</div>")
    assert RLO in text and "Сб 10:00–14:00" in text  # the row's text, its mark kept
    validate_lines_direction_closed(text)  # each line's mark closed on it


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_old_opening_hours_with_an_open_mark_turn_no_line_after_their_own(visitor, db, language):
    Company.objects.create(**{**COMPANY, f"hours_{language}": OPEN})
    html = visitor.get(f"/{language}/contacts/").content.decode()
    hours = html[html.index("<dd>Дс–Жм") : html.index("</dd>", html.index("<dd>Дс–Жм"))]
    lines = hours.split("<br>")
    assert len(lines) == 2 and RLO in lines[0] and lines[0].endswith(PDF)
