"""What the tests of a form's held consent share (consent/core/held.py)."""

import re
from urllib.parse import urlsplit

from consent.core.ledger import consent_grant, consent_withdraw
from consent.core.models import Source
from consent.core.purposes import SERVICE


def withdrew_service(texts, make_subject, language="kk"):
    """Әсел gave the service consent on a form, then withdrew it on her own page."""
    asel = make_subject(email="asel@example.kz", language=language)
    consent_grant(asel, texts[SERVICE], language=language, source=Source.CONTACT_FORM)
    consent_withdraw(asel, SERVICE, source=Source.SELF_SERVICE)
    return asel


def link_in(mail):
    """The path of the confirmation link a mail holds."""
    (url,) = re.findall(r"https?://\S+/consent/confirm/\S+/", mail.message)
    return urlsplit(url).path
