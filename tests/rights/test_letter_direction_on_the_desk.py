"""A letter by email holding a right-to-left override it never closes (in its subject line, or a
line of its body: «Отзыв» and an invisible U+202E pasted after it) is kept as it came, marks and
all. The request's page showed it with its lines joined by <br>, which for the bidirectional
algorithm is a line separator, not the end of a paragraph: the override turned around every
line after it, and the officer read the person's request backwards. Each line that leaves a
mark open is isolated on the page, so that the mark turns around no more than its own line, as
the campaign rule keeps a marketer's (consent.common.directions.validate_direction_closed)."""

import pytest

from consent.rights.intake import ingest

from .conftest import raw
from .test_html_letter_on_the_desk import letter_field

RLO, PDF = "\u202e", "\u202c"
BODY = "Прошу удалить мои данные."
SUBJECT = "=?utf-8?q?=D0=9E=D1=82=D0=B7=D1=8B=D0=B2_=E2=80=AE?="  # «Отзыв » and U+202E


def _page(desk, ticket):
    return letter_field(desk.get(f"/admin/rights/ticket/{ticket.pk}/change/").content.decode())


@pytest.mark.parametrize("html", [False, True], ids=["plain", "html_only"])
def test_a_mark_left_open_in_a_subject_line_turns_no_line_after_it(desk, person, html):
    body, kind = (f"<div>{BODY}</div>", b"text/html") if html else (BODY, b"text/plain")
    ticket = ingest(raw(b"From: asel@example.kz", b"Subject: " + SUBJECT.encode(),
                        b"Message-ID: <d1@x>", b"Content-Type: " + kind + b"; charset=utf-8",
                        b"Content-Transfer-Encoding: 8bit", body=body.encode()))  # fmt: skip
    assert RLO in ticket.message  # kept as it came
    field = _page(desk, ticket).partition("<details>")[0]
    between = field[field.index(RLO) : field.index(BODY)]
    assert "</bdi>" in between  # the mark's reach ends with its line


def test_a_mark_left_open_in_the_body_turns_no_later_line(desk, person):
    body = f"Отзыв {RLO}согласия\n{BODY}"
    ticket = ingest(raw(b"From: asel@example.kz", b"Subject: hi", b"Message-ID: <d2@x>",
                        b"Content-Type: text/plain; charset=utf-8",
                        b"Content-Transfer-Encoding: 8bit", body=body.encode()))  # fmt: skip
    field = _page(desk, ticket)
    assert f"<bdi>Отзыв {RLO}согласия</bdi><br>{BODY}" in field


def test_lines_whose_marks_are_closed_read_as_they_are_stored(desk, person):
    body = f"Отзыв {RLO}согласия{PDF}\n{BODY}"
    ticket = ingest(raw(b"From: asel@example.kz", b"Subject: hi", b"Message-ID: <d3@x>",
                        b"Content-Type: text/plain; charset=utf-8",
                        b"Content-Transfer-Encoding: 8bit", body=body.encode()))  # fmt: skip
    field = _page(desk, ticket)
    assert f"Отзыв {RLO}согласия{PDF}<br>{BODY}" in field and "<bdi>" not in field
