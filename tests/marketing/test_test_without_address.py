"""Dan presses «Send a test to my own address» on an account made without an address. The
admin said only «Your account has no email address.», and a marketer cannot add one (the
staff accounts are an administrator's): he was told what was wrong and not what to do. It
now says who adds it and where, in his language, and nothing is queued."""

import pytest
from post_office.models import Email

from consent.marketing.models import Campaign
from tests.marketing.test_marketer_desk import WRITTEN, act

TOLD = {
    "kk": "Әкімшіден тіркелгіңізге (Пайдаланушылар бөлімінде) мекенжай қосуын",
    "ru": "Попросите администратора добавить адрес в\xa0вашу учётную запись (раздел",
}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_test_without_an_address_says_who_adds_one(marketer, marketer_client, texts, language):
    marketer.email = ""
    marketer.save(update_fields=["email"])
    campaign = Campaign.objects.create(**WRITTEN)
    marketer_client.cookies["django_language"] = language
    ((level, message),) = act(marketer_client, "send_test", campaign)
    assert level == "error" and TOLD[language] in message
    assert marketer_client.get("/admin/auth/user/").status_code == 403  # not his to add
    assert not Email.objects.exists()
