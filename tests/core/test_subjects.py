"""People are found by their normalised email address; phones are normalised to E.164 as data."""

import pytest
from django.core.exceptions import ValidationError

from consent.core.phones import normalise_phone
from consent.core.subjects import normalise_email, subject_find


@pytest.mark.parametrize(
    "raw", ["8 701 123 45 67", "+7 (701) 123-45-67", "7011234567", "87011234567", "+77011234567"]
)
def test_kazakhstan_numbers_in_any_usual_form(raw):
    assert normalise_phone(raw) == "+77011234567"


SPACES = ["\N{THIN SPACE}", "\N{NARROW NO-BREAK SPACE}", "\N{FIGURE SPACE}", "\N{NO-BREAK SPACE}",
          "\N{EN SPACE}", "\N{IDEOGRAPHIC SPACE}"]  # fmt: skip


@pytest.mark.parametrize("space", SPACES)
def test_a_number_copied_with_any_kind_of_space_between_its_groups(space):
    """A number copied from a document, a page or a phone's contacts keeps the typesetter's
    spaces; the visitor's form cleaned them first, but the desk's search and staff's entries
    read the number as pasted, and refused it."""
    assert normalise_phone(space.join(["8", "701", "123", "45", "67"])) == "+77011234567"
    assert normalise_phone(f"+7{space}(7232){space}12-34-56 доб. 12") == "+77232123456;ext=12"


@pytest.mark.parametrize(
    "raw", ["+7 916 123 45 67", "8 495 123 45 67", "garbage", "123", "+1 202 555 0143"]
)
def test_russian_and_foreign_numbers_and_garbage_are_refused(raw):
    with pytest.raises(ValidationError):
        normalise_phone(raw)


def test_email_domain_is_case_insensitive():
    assert normalise_email("  Asel@Example.KZ ") == "Asel@example.kz"
    assert normalise_email("") is None


def test_found_by_email_only(make_subject):
    s = make_subject(email="asel@example.kz", phone="+77011234567")
    assert subject_find(email="asel@EXAMPLE.kz") == s
    assert subject_find(email="nobody@example.kz") is None
    assert subject_find() is None
