"""Issue 20, item 2: the email routes' phrases come from one table (consent/core/routes.py):
the policy, every marketing mail's footer and the intake read it; a change there shows in all
three, and the phrases of earlier policy versions stay recognised."""

import pytest
from post_office.models import Email

from consent.common.dates import local_today
from consent.core import routes
from consent.core.models import PolicyVersion
from consent.core.texts import policy_publish
from consent.marketing.campaigns import campaign_send
from consent.marketing.models import Campaign
from consent.rights.intake import classify
from tests.marketing.test_campaigns import confirmed, mailto_subject_line

# Phrases no other reads: «Жаңалық парақшасын тоқтату» names the news and a verb that stops
# them (news_stops.py).
NEW = {"kk": "Апталық дайджестті тоқтату", "ru": "Остановить новостную ленту"}
ADDRESS = {"address_kk": "Өскемен қ., Абай даңғылы, 1", "address_ru": "г. Усть-Каменогорск"}


@pytest.fixture
def new_phrases(monkeypatch):
    version_two = {**routes.PHRASES[2]}
    for language, phrase in NEW.items():
        version_two[(routes.UNSUBSCRIBE, language)] = phrase
    monkeypatch.setattr(routes, "PHRASES", {**routes.PHRASES, 2: version_two})


def publish_version_two(settings):
    settings.OPERATOR = {**settings.OPERATOR, **ADDRESS}
    v2 = PolicyVersion.objects.get(number=2)
    v2.effective_date = local_today()
    v2.save()
    return policy_publish(v2)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_changed_phrase_shows_in_the_policy_the_footer_and_the_intake(
    texts, settings, new_phrases, lang
):
    assert classify(NEW[lang], "")[0] == "unsubscribe"  # the intake reads the table

    v2 = publish_version_two(settings)
    assert f"«{NEW[lang]}»" in getattr(v2, f"text_{lang}")

    subject = confirmed(f"{lang}@example.kz", lang)
    campaign = Campaign.objects.create(title="N", subject_line_kk="Жаңалық", body_kk="Мәтін",
                                       subject_line_ru="Новости", body_ru="Текст")  # fmt: skip
    campaign_send(campaign)
    sent = Email.objects.get(to=[subject.email])
    assert mailto_subject_line(sent) == NEW[lang]
    other = "ru" if lang == "kk" else "kk"
    assert NEW[lang] in sent.message and NEW[other] not in sent.message  # the mail's language


def test_without_the_table_the_phrase_is_unknown(db):
    assert classify(NEW["kk"], "")[0] == "other"


@pytest.mark.parametrize(
    "route,language",
    [(route, language) for route in routes.ROUTES for language in ("kk", "ru")],
)
def test_every_versions_own_phrases_stay_recognised(db, route, language):
    for version in routes.PHRASES:
        assert classify(routes.phrase(route, language, version), "")[0] == route
