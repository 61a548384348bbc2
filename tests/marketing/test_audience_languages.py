"""Dan opens his draft to see who will get it: the page said «people it would reach now: 3»
and nothing of their languages, so he could not tell how many read his Russian version, or
that, with none written, the Russian readers get the Kazakh mail. It now counts them by the
language each is written in, in the marketer's language."""

import re

import pytest

from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_marketer_desk import WRITTEN

SHOWN = {
    "kk": ("қазақ тілінде: 2", "орыс тілінде: 1", "хат қазақ тілінде жіберіледі"),
    "ru": ("на казахском: 2", "на русском: 1", "письмо уйдёт на казахском"),
}


def audience(client, campaign):
    page = client.get(f"/admin/marketing/campaign/{campaign.pk}/change/").content.decode()
    field = page.split("field-audience", 1)[1].split("field-", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", field))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_draft_counts_its_readers_by_language(texts, marketer_client, language):
    confirmed("asel@example.kz")
    confirmed("dana@example.kz", "kk")
    confirmed("oleg@example.kz", "ru")
    marketer_client.cookies["django_language"] = language
    kazakh, russian, kazakh_mail = SHOWN[language]
    both = audience(marketer_client, Campaign.objects.create(**WRITTEN))
    assert " 3 " in both and kazakh in both and russian in both and kazakh_mail not in both
    no_russian = {**WRITTEN, "subject_line_ru": "", "body_ru": ""}
    kazakh_only = audience(marketer_client, Campaign.objects.create(**no_russian))
    assert russian in kazakh_only and kazakh_mail in kazakh_only
