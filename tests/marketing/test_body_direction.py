"""Dan pasted an Arabic offer into the campaign's text with an invisible right-to-left override
it never closed. The subject line and the title refuse such a mark, the text did not: the mail
joins a paragraph's lines with <br>, which ends no direction, so every line after it in the
paragraph (the price, the link, the dates) read backwards in each reader's mail, as did the
rest of its line in the plain text. A mark is closed on the line it opens on, in either text;
closed, it is kept as written."""

import pytest
from post_office.models import Email

from consent.marketing.campaigns import campaign_preview
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_marketer_desk import CHANGELIST, WRITTEN, send

RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"
OPEN = f"Жеңілдік {RLO}عرض خاص 50%\nБағасы: 5000 теңге\nhttps://emaluplus-vko.kz/kk/"
# Closed on its line only: the plain text ends the override at the line's end, the HTML not.
CLOSED_LATER = f"Жеңілдік {RLO}عرض خاص 50%\nБағасы: 5000 теңге{PDF}"
CLOSED = f"Жеңілдік {RLI}عرض خاص{PDI} 50%\n{RLO}abc{PDF} Бағасы: 5000 теңге"
SAID = {"kk": "бағыт белгісі", "ru": "знак направления"}


def test_the_html_mail_turns_the_lines_after_an_open_mark(texts):
    """Why: the lines after the mark share its paragraph in the HTML mail."""
    _line, _text, html = campaign_preview(Campaign(**{**WRITTEN, "body_kk": OPEN}), "kk")
    assert f"{RLO}عرض خاص 50%<br>Бағасы" in html


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("field", ["body_kk", "body_ru"])
@pytest.mark.parametrize("body", [OPEN, CLOSED_LATER], ids=["open", "closed_on_a_later_line"])
def test_a_direction_mark_left_open_in_the_text_is_refused(
    texts, marketer_client, field, language, body
):
    marketer_client.cookies["django_language"] = language
    response = marketer_client.post(f"{CHANGELIST}add/", {**WRITTEN, field: body})
    page = response.content.decode()
    assert response.status_code == 200 and "errornote" in page and SAID[language] in page
    assert not Campaign.objects.exists()


@pytest.mark.parametrize("field", ["body_kk", "body_ru"])
def test_marks_closed_on_their_line_are_kept(texts, marketer_client, field):
    marketer_client.post(f"{CHANGELIST}add/", {**WRITTEN, field: CLOSED})
    assert Campaign.objects.filter(**{field: CLOSED}).exists()


def test_a_draft_stored_with_an_open_mark_in_its_text_is_not_sent(texts, marketer_client):
    confirmed("kk@example.kz")
    draft = Campaign.objects.create(**{**WRITTEN, "body_ru": OPEN})
    [(level, text)] = send(marketer_client, draft)
    assert level == "error" and SAID["kk"] in text
    draft.refresh_from_db()
    assert draft.status == "draft" and not Email.objects.exists()


def test_a_campaign_sent_before_the_rule_still_gives_its_test_copy(texts, marketer_client):
    """A campaign sent before its text's marks were checked (migration 0013) cannot be edited
    (a sent campaign is the record of what went out), yet its test copy, the mail as its
    readers got it, was refused for the rule: «type the line again», in a form that no longer
    takes it. A sent campaign's copy is of what was sent; a draft's is checked, as a send is."""
    from django.utils import timezone

    campaign = Campaign.objects.create(**{**WRITTEN, "body_kk": OPEN})
    Campaign.objects.filter(pk=campaign.pk).update(status="sent", sent_at=timezone.now())
    marketer_client.post(CHANGELIST, {"action": "send_test", "_selected_action": [campaign.pk]})
    copies = Email.objects.filter(to=["dan@example.kz"]).values_list("message", flat=True)
    assert len(copies) == 2 and any("5000 теңге" in text for text in copies)
