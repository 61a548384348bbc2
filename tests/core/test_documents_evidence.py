"""The ledger keeps, with each consent given or withdrawn on a form, the IP address and the
browser it was sent from (Art. 8(1), 25(2)(5): the proof of consent). That is personal data the
operator processes, and the list of data it approves and its register of processing (Art.
25(2)(1)) named it nowhere: each purpose's list names what its form collects, and neither
document had anything else (compliance L4, L17)."""

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from consent.core.documents import document_content
from consent.core.models import LedgerEntry, OperatorDocument
from tests.core.test_documents import download, published

# What the ledger keeps from the visitor's request beside the consent (ledger._request_meta).
FROM_THE_REQUEST = ("ip", "user_agent")


def said(block) -> str:
    heading, rows = block
    return " ".join([heading, *(f"{name}: {value}" for name, value in rows)])


@pytest.mark.parametrize("kind", OperatorDocument.Kind.values)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_document_names_the_data_kept_as_proof_of_consent(db, kind, lang):
    blocks = document_content(kind)[lang]["blocks"]
    with translation.override(lang):
        kept = [str(LedgerEntry._meta.get_field(name).verbose_name) for name in FROM_THE_REQUEST]
        labels = {str(_("Purpose")), str(_("Legal basis")), str(_("Term"))}
    named = [block for block in blocks if all(word in said(block) for word in kept)]
    assert named, f"no block of the {kind} names {kept}"
    # It says what they are kept for, on what basis and for how long.
    _heading, rows = named[0]
    assert labels <= {name for name, value in rows if value}


@pytest.mark.requires_tool("pdftotext", apt="poppler-utils")
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_printed_register_names_the_ip_address_and_the_browser(privacy_officer_client, lang):
    text = download(privacy_officer_client, published(privacy_officer_client, "register"), lang)
    words = {"kk": ["IP-мекенжай", "браузер"], "ru": ["IP-адрес", "браузер"]}
    for word in words[lang]:
        assert word in text, word
