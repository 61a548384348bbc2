"""Dan writes a campaign in both languages: what he wrote for Russian readers reaches them whole."""

import pytest
from post_office.models import Email

from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_marketer_desk import CHANGELIST, WRITTEN, act

HALF = {
    "subject_line_ru": ({"body_ru": ""}, "body_ru"),
    "body_ru": ({"subject_line_ru": ""}, "subject_line_ru"),
}
TOLD = {"kk": "орыс", "ru": "русск"}


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("written", sorted(HALF))
def test_a_half_written_russian_version_is_refused(texts, marketer_client, written, language):
    """A Russian subject without a Russian text (or the other way round) was saved and sent:
    Russian readers silently got the Kazakh mail, the Russian words written for them lost. The
    admin now says which half is missing, in the marketer's language, and saves nothing."""
    marketer_client.cookies["django_language"] = language
    blank, missing = HALF[written]
    response = marketer_client.post(f"{CHANGELIST}add/", {**WRITTEN, **blank})
    page = response.content.decode()
    assert response.status_code == 200 and "errornote" in page
    assert f'id="id_{missing}_error"' in page or f"field-{missing} errors" in page
    error = page.split("errorlist", 2)[1].split("</ul>")[0]
    assert TOLD[language] in error.lower()
    assert not Campaign.objects.exists()


def test_a_half_written_draft_stored_before_the_rule_is_not_sent(texts, marketer_client):
    confirmed("ru@example.kz", "ru")
    draft = Campaign.objects.create(**{**WRITTEN, "body_ru": " "})
    [(level, text)] = act(marketer_client, "send", draft)
    assert level == "error" and "Мәтін (орыс тілінде)" in text
    draft.refresh_from_db()
    assert draft.status == "draft" and not Email.objects.exists()
