"""A form's request reads the consent texts in force once, and the policy version's number from
the cached schedule the cookie banner reads (consent/core/policy_schedule.py): a refused post
and the language switch built the form again, which read the texts a second time (a text
published in between then differed from the one shown beside its box), and every page read
the whole policy version, both bodies, for its number. What the page shows is unchanged."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consent.core.models import ConsentText
from consent.core.purposes import SERVICE
from consent.core.texts import text_publish
from tests.forms.test_text_replaced_while_filling import shown

pytestmark = pytest.mark.django_db


def reads(done, table):
    return sum(f'FROM "{table}"' in q["sql"] for q in done.captured_queries)


REFUSALS = {
    "expired": {"token": "not-a-token"},
    "switched": {"switch_language": "ru"},
}


@pytest.mark.parametrize("refusal", REFUSALS)
def test_a_form_shown_again_reads_the_texts_once_and_no_policy_version(
    client, texts, contact_data, refusal
):
    client.get("/kk/contact/")  # the banner's schedule of versions, cached as on any host
    data = {**contact_data(texts_shown=None), **REFUSALS[refusal]}
    with CaptureQueriesContext(connection) as done:
        page = client.post("/kk/contact/", data).content.decode()
    assert reads(done, "consent_consenttext") == 1
    assert reads(done, "consent_policyversion") == 0
    assert 'href="/kk/privacy/1/"' in page or 'href="/ru/privacy/1/"' in page
    assert f"{SERVICE}:{texts[SERVICE].pk}:" in shown(page)  # the texts it shows, named


OTHER = {"kk": "Мәліметтер сенбі күні де оқылады.", "ru": "Сведения читают и по субботам."}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_text_published_is_shown_on_the_next_request(client, texts, policy, lang):
    before = client.get(f"/{lang}/contact/").content.decode()
    newer = text_publish(ConsentText.objects.create(
        purpose=SERVICE, version=2, policy=policy, other_kk=OTHER["kk"], other_ru=OTHER["ru"],
    ))  # fmt: skip
    page = client.get(f"/{lang}/contact/").content.decode()
    assert f"{SERVICE}:{newer.pk}:" in shown(page) and f"{SERVICE}:{newer.pk}:" not in before
    assert OTHER[lang] in unescape(page) and OTHER[lang] not in unescape(before)
