"""«Zalgo» text: a letter followed by dozens of combining marks was stored as a name and drawn
over the lines round it wherever it was shown (the desk, letters, the access export). A field
whose letter carries more marks than people write (consent.common.text.MARKS_PER_LETTER) is
refused with a message in the visitor's language, and nothing is stored; Kazakh and Russian
letters with their marks, as composed letters or decomposed, pass."""

import unicodedata

import pytest

from consent.common.text import MARKS_PER_LETTER, marks_stacked
from consent.core.models import Subject, Submission
from consent.rights.models import Ticket

from .test_visitor_text import APPLY, CONTACT, post

ZALGO = "З" + "\u0336\u0301\u0489" * 12 + "алго"
SAID = {"kk": "тым көп диакритикалық белгі", "ru": "больше диакритических знаков"}
# Every letter of the two languages that carries a mark, composed and decomposed (NFD), and
# with a stress mark over it as a dictionary writes it.
MARKED = "йЙёЁәӘғҒқҚңҢөӨұҰүҮһҺіІ"
DECOMPOSED = "и\u0306 е\u0308 І\u0308 у\u0306 о\u0308"  # й ё Ї ў ö written with a combining mark
STRESSED = "Ива\u0301н Пётро\u0301в Ёлки\u0306\u0301н"
NEWSLETTER = {"email": "asel@example.kz", "consent_marketing": "on"}
FIELDS = [("contact", "full_name", CONTACT), ("apply", "full_name", APPLY),
          ("apply", "guardian_name", {**APPLY, "birth_date": "2012-05-17"}),
          ("apply", "birth_place", APPLY), ("contact", "message", CONTACT),
          ("newsletter", "full_name", NEWSLETTER)]  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("page,field,base", FIELDS, ids=[f"{p}-{f}" for p, f, _ in FIELDS])
def test_a_letter_under_a_stack_of_marks_is_refused(client, texts, settings, lang, page, field,
                                                    base):  # fmt: skip
    settings.FORM_RATE_LIMIT = "1000/60"
    response = post(client, lang, f"{page}/", {**base, field: f"Әсел {ZALGO}"})
    assert response.status_code == 200
    assert SAID[lang] in response.content.decode()
    assert not Subject.objects.exists() and not Submission.objects.exists()


def test_the_request_form_refuses_it_too(client, texts, settings, make_subject):
    settings.FORM_RATE_LIMIT = "1000/60"
    make_subject(email="asel@example.kz")
    data = {"type": "other", "email": "asel@example.kz", "message": ZALGO}
    response = post(client, "ru", "requests/new/", data)
    assert response.status_code == 200 and SAID["ru"] in response.content.decode()
    assert not Ticket.objects.exists()


@pytest.mark.parametrize("name", [MARKED, DECOMPOSED, STRESSED], ids=["composed", "nfd", "stress"])
def test_kazakh_and_russian_letters_with_their_marks_pass(client, texts, settings, name):
    settings.FORM_RATE_LIMIT = "1000/60"
    assert post(client, "kk", "contact/", {**CONTACT, "full_name": name}).status_code == 302
    assert Subject.objects.get().full_name == unicodedata.normalize("NFC", name)


def test_the_bound_is_marks_on_one_letter_not_in_the_whole_text():
    assert not marks_stacked("а" + "\u0301" * MARKS_PER_LETTER)
    assert marks_stacked("а" + "\u0301" * (MARKS_PER_LETTER + 1))
    assert not marks_stacked(("а" + "\u0301" * MARKS_PER_LETTER) * 50)
