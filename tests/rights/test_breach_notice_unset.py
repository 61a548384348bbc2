"""The draft notice of a breach to the authorised body (compliance L21), with an operator fact
not set: with no responsible person configured it read «…processing of personal data: , .», an
empty filling the officer could send on unnoticed. Each fact not set says so in its place, in
the draft's language, and which setting sets it; set, it is filled in as before."""

import html as entities
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from consent.rights.breaches import breach_record
from consent.rights.models import Breach

NOT_SET = {"kk": "[көрсетілмеген: ", "ru": "[не\xa0задано: "}
# Each fact the notice fills in, by the setting that sets it and its (kk, ru) variables.
FACTS = {"bin": ("OPERATOR_BIN",) * 2, "address_kk": ("OPERATOR_ADDRESS_KK", None),
         "address_ru": (None, "OPERATOR_ADDRESS_RU"), "email": ("OPERATOR_EMAIL",) * 2,
         "responsible_person": ("RESPONSIBLE_PERSON",) * 2,
         "responsible_contact": ("RESPONSIBLE_CONTACT",) * 2}  # fmt: skip


def notice_shown(client, settings, unset):
    addresses = {"address_kk": "Өскемен қ., Тәуелсіздік к-сі, 1",
                 "address_ru": "г. Усть-Каменогорск, ул. Независимости, 1"}  # fmt: skip
    settings.OPERATOR = {**settings.OPERATOR, **addresses, **dict.fromkeys(unset, "")}
    breach = breach_record(Breach(detected_at=datetime(2026, 12, 15, 18,
                                                       tzinfo=ZoneInfo("Asia/Almaty")),
                                  description="Lost laptop", people_affected=12))  # fmt: skip
    page = client.get(f"/admin/rights/breach/{breach.pk}/change/").content.decode()
    notice = entities.unescape(page[page.index("<pre") : page.index("</pre>")])
    kk, ru = notice.split("———")
    return kk, ru


def no_empty_filling(text):
    """Nothing filled in with nothing: no «: ,», «, .», «BIN ,», «БСН ,»."""
    return not re.search(r"[:,]\s*[,.]|(?:BIN|БСН)\s*[,.]", text)


@pytest.mark.parametrize("unset", [("responsible_person", "responsible_contact"),
                                   ("responsible_person",), ("responsible_contact",),
                                   ("bin", "address_kk", "address_ru"), tuple(FACTS)])  # fmt: skip
def test_a_fact_not_set_says_so_in_each_languages_draft(officer_client, settings, unset):
    kk, ru = notice_shown(officer_client, settings, unset)
    for text, lang, side in ((kk, "kk", 0), (ru, "ru", 1)):
        assert no_empty_filling(text), text
        named = {FACTS[name][side] for name in unset} - {None}
        for variable in named:
            assert f"({variable})]" in text and NOT_SET[lang] in text, (variable, text)
        others = {v[side] for name, v in FACTS.items() if name not in unset} - {None}
        assert not any(f"({variable})]" in text for variable in others)


def test_a_draft_with_every_fact_set_says_none_is_missing(officer_client, settings):
    kk, ru = notice_shown(officer_client, settings, ())
    assert NOT_SET["kk"] not in kk and NOT_SET["ru"] not in ru
    assert "Test Responsible" in kk and "Test Responsible" in ru
    assert no_empty_filling(kk) and no_empty_filling(ru)
