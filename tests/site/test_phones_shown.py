"""A phone number shown to a reader (the person's own page, the desk, the PDF export, the
company's contacts) is written as the forms' example writes it, «+7 701 123 45 67», and never
breaks over two lines of a phone's narrow screen."""

import re

import pytest
from django.utils import translation

from consent.core.phones import phone_shown

NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize(
    "held,written",
    [
        ("+77011234567", "+7 701 123 45 67"),  # a mobile: phonenumbers wrote «123 4567»
        ("+77771234567", "+7 777 123 45 67"),
        ("+77232123456", "+7 7232 12 34 56"),  # Öskemen's landline
        ("+77172123456", "+7 7172 12 34 56"),
        ("+77232123456;ext=12", "+7 7232 12 34 56, {ext} 12"),
    ],
)
def test_a_number_is_shown_in_the_forms_groups_that_never_break(language, held, written):
    """The page showed «+7 701 123 4567» a line below the form's «+7 701 123 45 67», in plain
    spaces that a 360 px screen broke after «+7 701»."""
    ext = {"kk": "ішкі", "ru": "доб."}[language]
    with translation.override(language):
        shown = phone_shown(held)
    assert shown.replace(NBSP, " ") == written.format(ext=ext)
    number = shown.partition(",")[0]
    assert " " not in number and not re.search(rf"{re.escape(ext)} ", shown), repr(shown)
