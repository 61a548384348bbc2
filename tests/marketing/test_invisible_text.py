"""Dan pasted a subject line from a chat: what came was a zero-width space, which the admin's
«required» took for text (it trims spaces, not invisible characters). The campaign was saved,
its preview showed nothing, and «send» mailed every subscriber a mail with no subject. So with
a text of invisible characters, a title no one can find in the list, and a Russian version of
them, which sent Russian readers an empty mail instead of the Kazakh one."""

import pytest
from post_office.models import Email

from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_marketer_desk import CHANGELIST, WRITTEN, act, send

# Nothing a reader sees: zero-width space, word joiner and BOM, a Hangul filler, a direction
# mark among spaces, a soft hyphen.
INVISIBLE = ["\u200b", "\u2060\ufeff", "\u3164", " \u200e \u200f ", "\u00ad"]
SAID = {"kk": "көрінетін ештеңе", "ru": "ничего видимого"}


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("field", ["title", "subject_line_kk", "body_kk", "subject_line_ru",
                                   "body_ru"])  # fmt: skip
def test_a_field_of_invisible_characters_is_refused(texts, marketer_client, field, language):
    marketer_client.cookies["django_language"] = language
    for value in INVISIBLE:
        response = marketer_client.post(f"{CHANGELIST}add/", {**WRITTEN, field: value})
        page = response.content.decode()
        assert response.status_code == 200 and "errornote" in page, repr(value)
        error = page.split(f"field-{field}", 1)[1].split("</ul>", 1)[0]
        assert SAID[language] in error, repr(value)
    assert not Campaign.objects.exists()


def test_the_russian_half_of_invisible_characters_is_named(texts, marketer_client):
    """A Russian subject of a zero-width space, no Russian text: the subject is what is wrong,
    not the text «missing» beside it."""
    response = marketer_client.post(
        f"{CHANGELIST}add/", {**WRITTEN, "subject_line_ru": "\u200b", "body_ru": ""}
    )
    page = response.content.decode()
    assert SAID["kk"] in page.split("field-subject_line_ru", 1)[1].split("</ul>", 1)[0]
    assert "field-body_ru errors" not in page and not Campaign.objects.exists()


def test_invisible_characters_inside_words_are_kept(texts, marketer_client):
    written = {**WRITTEN, "subject_line_kk": "Жаңа\u00adлықтар 👩\u200d💻"}
    marketer_client.post(f"{CHANGELIST}add/", written)
    assert Campaign.objects.filter(subject_line_kk=written["subject_line_kk"]).exists()


def test_a_draft_stored_before_the_rule_is_neither_tested_nor_sent(texts, marketer_client):
    confirmed("kk@example.kz")
    draft = Campaign.objects.create(**{**WRITTEN, "subject_line_kk": "\u200b"})
    [(level, text)] = act(marketer_client, "send_test", draft)
    assert level == "error" and "Хат тақырыбы (қазақ тілінде)" in text
    [(level, text)] = send(marketer_client, draft)
    assert level == "error" and SAID["kk"] in text
    draft.refresh_from_db()
    assert draft.status == "draft" and not Email.objects.exists()
