"""Asel unsubscribed, and once no purpose of ours needed her address any more it was erased
(minimisation, compliance L14): her record stays, without it. Months later she subscribed again
at the same address, a record of its own, and pressed «unsubscribe» in a mail she had kept from
before: the link names the record whose address is gone, so it stops nothing, as a destroyed
record's link does; its page said «You are unsubscribed. You will receive no more news», and
the news of her new subscription went on."""

import pytest
from django.test import Client

from consent.core import gate
from consent.core.models import Subject
from consent.core.purposes import MARKETING
from consent.marketing.campaigns import unsubscribe
from consent.marketing.models import Campaign
from consent.rights.erasure import subject_minimise
from tests.marketing.test_campaigns import confirmed, unsubscribe_path
from tests.marketing.test_link_of_a_destroyed_record import ADDRESS, DONE, WORDS
from tests.marketing.test_unsubscribe_lifetime import one_click


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_kept_link_of_a_record_whose_address_was_erased_says_it_stops_nothing(texts, lang):
    campaign = Campaign.objects.create(title="May", subject_line_kk="Мамыр", body_kk="Мәтін")
    first = confirmed(ADDRESS, lang)
    path = unsubscribe_path(first, campaign, lang)
    unsubscribe(first.pk)
    subject_minimise(first, keep=[], request_ref="R-1")
    again = confirmed(ADDRESS, lang)
    assert again.pk != first.pk and Subject.objects.filter(pk=first.pk).exists()
    client = Client()
    opened = client.get(path, follow=True)
    pressed = client.post(path, follow=True)
    clicked = one_click(path)
    for response in (opened, pressed, clicked):
        html = response.content.decode()
        assert response.status_code == 200
        assert DONE[lang] not in html
        for words in WORDS[lang]:
            assert words in html
    assert gate.may_process(again, MARKETING)
