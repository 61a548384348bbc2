"""Dan sends himself the test copies of November's news and follows the unsubscribe link in
each, to see that it works before the campaign goes to everyone: the page said «The link does
not work: the link is damaged», as if every reader's link were. It now says that this link is a
sample's, unsubscribing no one, and what it does in each reader's mail, in the copy's language."""

import re

from django.test import Client
from post_office.models import Email

from consent.core import gate
from consent.core.purposes import MARKETING
from consent.marketing.models import Campaign
from tests.marketing.test_campaigns import confirmed
from tests.marketing.test_marketer_desk import WRITTEN, act

SAYS = {"kk": "ешкімді жазылымнан шығармайды", "ru": "никого не отписывает"}
DAMAGED = {"kk": "Сілтеме жарамсыз", "ru": "Ссылка не работает"}


def test_the_test_copys_unsubscribe_link_says_what_it_does(texts, marketer_client):
    reader = confirmed("reader@example.kz")
    campaign = Campaign.objects.create(**WRITTEN)
    act(marketer_client, "send_test", campaign)
    copies = Email.objects.filter(to=["dan@example.kz"])
    assert copies.count() == 2
    for copy in copies:
        (link,) = set(re.findall(r"https://[^\s\"<]+/unsubscribe/[^\s\"<]+", copy.message))
        assert link in copy.html_message
        found = re.search(r"https://[^/]+(/(kk|ru)/unsubscribe/.+)", link)
        path, language = found[1], found[2]
        for method in ("get", "post"):
            response = getattr(Client(), method)(path)
            page = response.content.decode()
            assert response.status_code == 200 and SAYS[language] in page
            assert DAMAGED[language] not in page
    assert gate.may_process(reader, MARKETING)
    damaged = Client().get("/kk/unsubscribe/previe/")
    assert damaged.status_code == 400 and DAMAGED["kk"] in damaged.content.decode()
