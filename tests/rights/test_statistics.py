"""Depersonalised statistics (compliance L23): counts only, no one recognisable."""

import csv
import io
import re
from datetime import date
from zoneinfo import ZoneInfo

from consent.core.ledger import consent_grant
from consent.core.models import Source
from consent.core.purposes import SERVICE

ALMATY = ZoneInfo("Asia/Almaty")


def test_statistics_have_no_direct_identifiers(officer_client, texts, make_subject):
    s = make_subject(full_name="Zq Person", email="zq@example.kz", phone="+77011112233",
                     birth_date=date(1990, 5, 17))  # fmt: skip
    consent_grant(s, texts[SERVICE], language="ru", source=Source.APPLICATION_FORM)
    response = officer_client.get("/admin/rights/ticket/statistics.csv")
    body = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows and rows[0]["purpose"] == SERVICE and rows[0]["age_band"] == "30-44"
    assert rows[0]["consents_given"] == "1"
    for trace in ["Zq", "zq@", "7011112233", "1990", "05-17"]:
        assert trace not in body
    assert not re.search(r"\d{4}-\d{2}-\d{2}", body)  # months only, never a day
