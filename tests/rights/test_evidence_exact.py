"""Compliance L4 (Art. 25(2)(5)): the consent evidence proves a consent to a stranger, who reads
the words shown and computes their SHA-256 again. The CSV gave the words with the apostrophes
that keep a spreadsheet from running a formula (consent/common/spreadsheet.py): before a «-» that
starts a line (other information written as a list) and before a «+» after a «;» (the
responsible person's contact, «dpo@…; +7 …»). Those words do not give the hash, while the column
beside them said «yes»: the reader could not prove the consent. The CSV now gives the words as
the bytes hashed too, in Base64, which no spreadsheet reads as a formula; the readable column
keeps its apostrophes."""

import base64
import csv
import hashlib
import io

import pytest
from django.utils import translation
from django.utils.translation import gettext

from consent.common.text import plain_text
from consent.core.ledger import consent_grant
from consent.core.models import ConsentText, Source
from consent.core.purposes import SERVICE
from consent.core.texts import text_publish

OTHER = {"kk": "- Деректер жарияланбайды.\n- Деректер Қазақстанда сақталады.",
         "ru": "- Данные не публикуются.\n- Данные хранятся в Казахстане."}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_stranger_computes_each_grants_hash_from_the_csv(
    policy, make_subject, privacy_officer_client, settings, lang
):
    settings.OPERATOR = {
        **settings.OPERATOR,
        "responsible_contact": "dpo@example.kz; +7 7232 00 00 00",
    }
    draft = ConsentText.objects.create(purpose=SERVICE, version=1, policy=policy,
                                       other_kk=OTHER["kk"], other_ru=OTHER["ru"])  # fmt: skip
    text = text_publish(draft)
    person = make_subject(full_name="Әсел Қасымова", email="asel@example.kz")
    for language in ("kk", "ru"):
        consent_grant(person, text, language=language, source=Source.CONTACT_FORM)
    privacy_officer_client.cookies["django_language"] = lang
    url = f"/admin/consent/subject/{person.pk}/evidence.csv"
    body = privacy_officer_client.get(url).content.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(body)))
    with translation.override(lang):
        # Headers are written plain (no no-break spaces), as every CSV cell.
        digest, readable, exact, gives = (plain_text(gettext(name)) for name in (
            "SHA-256 of the text shown", "consent text shown",
            "consent text shown, as the UTF-8 bytes hashed, in Base64",
            "the text gives this SHA-256",
        ))  # fmt: skip
        yes = gettext("yes")
    assert len(rows) == 2
    for row in (dict(zip(header, row, strict=True)) for row in rows):
        words = base64.b64decode(row[exact], validate=True)
        assert hashlib.sha256(words).hexdigest() == row[digest] and row[gives] == yes
        assert "+7 7232 00 00 00" in words.decode() and "\n- " in words.decode()
        # The words a person reads keep the spreadsheet's safety (OWASP CSV injection).
        assert "\n'- " in row[readable] and ";' +7" in row[readable]
