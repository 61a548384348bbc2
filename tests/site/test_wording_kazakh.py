"""Kazakh grammar and terms the compiled-in catalogue must keep whatever is filled in: a person's
name never owns a noun without its genitive, «және» takes no comma before it, and a consent is
withdrawn «кері қайтарып алу» in every entry, not «қайтарып алу» in some (docs/glossary.md).
Each rule reads every kk entry, so the next string with the same fault fails here."""

import re

from tests.site.test_wording_letters import entries, texts

# A placeholder a person's name fills in. Kazakh marks the owner of a noun with the genitive:
# «Айгерімнің мекенжайы», never «Айгерім мекенжайы»; the ending's vowel follows the name, which
# no one knows yet (test_wording_letters), so the name stands apart: «Жазба: %(child)s. Оның
# мекенжайымен…». The nouns a person owns on this site, in the third person's possessive.
PERSON = r"%\((child|name|who|full_name|username|person|responsible_person)\)s"
OWNED = r"(мекенжай|дерек|өтініш|бет|жазба|келісім|ата-ана|қорғаншы|хат|телефон|пошта|ат)"
OWNED_BY_A_NAME = re.compile(rf"{PERSON}\s+{OWNED}(ы|і|сы|сі|тері|лері|дары|дері|лары|тары)")


def test_a_name_filled_in_never_owns_the_noun_after_it():
    """The desk's page that declines a parent read «%(child)s мекенжайымен жіберілген форма»:
    «Айгерим мекенжайымен», the child's name with no genitive before «its address»."""
    bad = [text for entry in entries("kk") for text in texts(entry)
           if OWNED_BY_A_NAME.search(text)]  # fmt: skip
    assert not bad, bad
    for wrong in ["%(child)s мекенжайымен жіберілген", "%(name)s деректері", "%(who)s өтінішін"]:
        assert OWNED_BY_A_NAME.search(wrong), wrong
    for right in [
        "Жазба: %(child)s. Оның мекенжайымен",
        "Сіз %(username)s ретінде кірдіңіз",
        "%(who)s енді өтініштермен",
        "«%(name)s» мақсаты",
        "%(name)s (%(contact)s)",
    ]:
        assert not OWNED_BY_A_NAME.search(right), right


# Kazakh puts no comma before «және» («and»), between words or clauses alike; a comma there is
# Russian's «, и» or English's «, and». A second clause that contrasts takes «, ал».
COMMA_AND = re.compile(r",\s+және\b")


def test_no_comma_before_and():
    bad = [text for entry in entries("kk") for text in texts(entry) if COMMA_AND.search(text)]
    assert not bad, bad
    assert COMMA_AND.search("статистика жоқ, және хат оны")
    assert not COMMA_AND.search("статистика жоқ, ал хат оны; аты және мекенжайы")


# The glossary's withdrawal of consent is «келісімді кері қайтарып алу»: «қайтарып алу» alone
# is to take something back (a parcel, a loan), and the mails said both, a sentence apart
# («…кері қайтарып алу туралы өтінішіңіз келіп түсті. Сіз қайтарып алатын келісімдердің…»).
WITHDRAW = re.compile(r"\bwithdr[ae]w", re.IGNORECASE)
TAKEN_BACK = re.compile(r"(\S+\s+)?\b(қайтар\w*)", re.IGNORECASE)


def without_back(text):
    return [m.group(2) for m in TAKEN_BACK.finditer(text)
            if (m.group(1) or "").strip().casefold() != "кері"]  # fmt: skip


def test_a_withdrawal_is_always_keri_qaytaryp_alu():
    bad = [text for entry in entries("kk") if WITHDRAW.search(f"{entry.msgid} {entry.msgid_plural}")
           for text in texts(entry) if without_back(text)]  # fmt: skip
    assert not bad, bad
    assert without_back("Сіз қайтарып алатын келісімдердің")
    assert without_back("ештеңе қайтарылмады")
    assert not without_back("келісімді кері қайтарып алу, кері қайтарылған да")
