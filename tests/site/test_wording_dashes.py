"""A dash and a hyphen where each belongs (docs/glossary.md, "Dash and hyphen"): Kazakh and
Russian join a word's parts with a hyphen («веб-сайт», «SHA-256») and set a dash with spaces
between the parts of a sentence («срок ответа — 10 рабочих дней»). A spaced hyphen reads as a
minus or a broken line; a dash inside a word breaks it."""

import re
from pathlib import Path

import polib
import pytest

from tests.conftest import aged_token

ROOT = Path(__file__).resolve().parents[2]
SPACED_HYPHEN = re.compile(r"(?<=\S) [-‐] (?=\S)|(?<=\S)\s[-‐]$|^[-‐]\s(?=\S)", re.M)
DASH_IN_A_WORD = re.compile(r"[^\W\d_][—–][^\W\d_]")
TEMPLATE_TAGS = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)


def translations():
    for path in sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po")):  # the admin's scripts' too
        for entry in polib.pofile(str(path)):
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                yield path.parts[-3], entry.msgid, text


def faults(text):
    return [m.group(0) for m in (*SPACED_HYPHEN.finditer(text), *DASH_IN_A_WORD.finditer(text))]


@pytest.mark.parametrize("text", ["Сәтсіз кіру - asel", "срок - 10 дней", "- бос", "веб—сайт"])
def test_the_judge_sees_a_hyphen_or_a_dash_out_of_place(text):
    assert faults(text)


@pytest.mark.parametrize("text", ["SHA-256 хеші — нұсқа", "веб-сайт", "— Выберите —", "R-12"])
def test_the_judge_leaves_a_hyphen_and_a_dash_in_place(text):
    assert not faults(text)


def test_no_translation_has_a_hyphen_for_a_dash_or_the_reverse():
    assert {lang for lang, _msgid, _text in translations()} == {"kk", "ru"}
    found = [(lang, msgid, fault) for lang, msgid, text in translations() for fault in faults(text)]
    assert found == [], "\n".join(map(repr, found))


def test_no_template_has_a_hyphen_for_a_dash():
    """The text the templates hold outside translation: a mail's lines, a page's separators. A
    list's item at the start of a plain-text mail's line («- R-12: …») is a bullet, not a dash."""
    found = []
    for path in sorted(ROOT.glob("**/templates/**/*.*")):
        if ".venv" in path.parts or path.suffix not in (".html", ".txt"):
            continue
        text = TEMPLATE_TAGS.sub("0", path.read_text())
        found += [(str(path), m.group(0)) for m in re.finditer(r"\S [-‐] \S", text)]
        found += [(str(path), m.group(0)) for m in DASH_IN_A_WORD.finditer(text)]
    assert found == []


# The admin's mark for an empty value, a dash and not a hyphen, is judged on the admin walk's pages
# with the walk's other judges (tests/site/test_admin_kazakh.py): one walk, not one more here.


# A number and the ending its hyphen joins to it («1-нұсқа», «8-бабы», «10-го») on one line,
# whoever wrote the text (emalu/templatetags/spacing.py::endings_kept).
NUMBER_AND_ENDING = re.compile(r"\d-[а-яёәғқңөұүһі]", re.IGNORECASE)
# (with the space before it too when it ends the phrase of the noun before it, «Заңының 8-бабы)»)
ON_ONE_LINE = re.compile(r'<span class="one-line">\s?\d+-[а-яёәғқңөұүһі]+</span>', re.IGNORECASE)


def shown(html):
    """The text a page shows (no tag, attribute or text area), less what is kept on one line."""
    return re.sub(r"<textarea\b.*?</textarea>|<[^>]*>", " ", ON_ONE_LINE.sub(" ", html), flags=re.S)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_number_stays_on_one_line_with_its_ending(client, texts, lang):
    """On a 320 px phone the contact form's consent text ended a line with «1-» and began the
    next with «нұсқасы», and «8-» with «бабы»: a browser may break after a hyphen. Held in a
    span, the characters are the ones the consent's grant hashed."""
    page = client.get(f"/{lang}/contact/").content.decode()
    assert not NUMBER_AND_ENDING.search(shown(page)), NUMBER_AND_ENDING.findall(shown(page))
    if lang == "kk":
        for kept in ["1-нұсқасы", "8-бабы", "1-нұсқа"]:
            assert re.search(f'<span class="one-line">\\s?{kept}</span>', page), kept


def test_what_the_visitor_typed_comes_back_as_typed(client, texts):
    """What the visitor typed into the form is sent back as typed, with no markup in it."""
    typed = "Заңның 8-бабы бойынша сұрақ, 2-ші рет"
    data = {
        "token": aged_token(),
        "full_name": "Әсел",
        "email": "asel@example.kz",
        "phone": "8 701 123 45 67",
        "message": typed,
    }  # no consent ticked: refused
    response = client.post("/kk/contact/", data)
    assert response.status_code == 200 and response.context["form"].errors
    assert f"{typed}</textarea>" in response.content.decode()


# An abbreviation that begins a compound noun is joined to it by a hyphen, in Kazakh as in
# Russian: «IP-мекенжай» as «IP-адрес», «QR-код», «HTML-нұсқа» as «HTML-версия». With a space,
# the cookie banner's «IP» ended a line on a phone and «мекенжайыңызды» began the next. The judge
# reads the abbreviations each Russian entry hyphenates in the same entry's Kazakh; a URL is
# the noun itself in Kazakh («ешбір URL бапталмаған», Russian's «URL-адреса»).
JOINED = re.compile(r"\b([A-Z]{2,})-[а-яё]")


def test_kazakh_joins_an_abbreviation_to_its_noun_as_russian_does():
    russian = {(path.stem, entry.msgctxt, entry.msgid): entry.msgstr
               for path in ROOT.glob("locale/ru/LC_MESSAGES/*.po")
               for entry in polib.pofile(str(path))}  # fmt: skip
    found = []
    for path in ROOT.glob("locale/kk/LC_MESSAGES/*.po"):
        for entry in polib.pofile(str(path)):
            said = russian.get((path.stem, entry.msgctxt, entry.msgid), "")
            joined = set(JOINED.findall(said))
            found += [(abbreviation, entry.msgstr) for abbreviation in joined - {"URL"}
                      if re.search(rf"\b{abbreviation}\s+[^\W\d_]", entry.msgstr)]  # fmt: skip
    assert found == [], "\n".join(map(repr, found))


# Joined so, the compound is one noun and is written as the glossary writes it: a label, a
# participle's or a demonstrative's noun is bare («IP-мекенжай», «Таңдалған OTP-құрылғы», «бұл
# HTTPS-сайт»). It takes the possessive only when something owns it: a genitive before it
# («кілтінің QR-коды», «Хаттың HTML-нұсқасы») or the value it names («%(ip)s IP-мекенжайынан»).
# The labels said «IP-мекенжайы», «QR-коды», «JSON-объектісі», and the consent's proof «ол
# жіберілген IP-мекенжайы мен браузер», its address and a bare browser side by side.
STEMS = ("мекенжай", "код", "құрылғы", "объект", "мәтін", "мазмұн", "сайт", "қосылым", "нұсқа")
POSSESSED = re.compile(
    r"(лар|лер|дар|дер|тар|тер)?(ысы|ісі|сы|сі|ы|і)(н|ны|ні|на|не|нда|нде|нан|нен|мен)?"
)
OWNER = re.compile(r"(ның|нің|дың|дің|тың|тің|\)[sd]|\d|»)$")
COMPOUND = re.compile(r"(?:(\S+)\s+)?\b[A-Z]{2,}-([а-яәғқңөұүһі]+)")


def owned_without_owner(text):
    found = []
    for before, word in COMPOUND.findall(text):
        stem = next((s for s in STEMS if word.startswith(s)), word)
        if POSSESSED.fullmatch(word[len(stem) :]) and not OWNER.search(before or ""):
            found.append(f"{before} …-{word}".strip())
    return found


def test_a_kazakh_abbreviation_compound_is_possessed_only_by_an_owner():
    entries = [
        e for path in ROOT.glob("locale/kk/LC_MESSAGES/*.po") for e in polib.pofile(str(path))
    ]
    found = [(said, entry.msgstr) for entry in entries
             for text in [entry.msgstr, *entry.msgstr_plural.values()]
             for said in owned_without_owner(text)]  # fmt: skip
    assert found == [], "\n".join(map(repr, found))
    assert owned_without_owner("IP-мекенжайы") and owned_without_owner("бұл HTTPS-сайты")
    assert owned_without_owner("ол жіберілген IP-мекенжайы мен браузер")
    assert owned_without_owner("OTP-кодын сұрау") and owned_without_owner("HTTPS-қосылымдары үшін")
    assert owned_without_owner("JSON-объектісі")
    assert not owned_without_owner("Аутентификатор кілтінің QR-коды; Хаттың HTML-нұсқасы")
    assert not owned_without_owner("%(ip)s IP-мекенжайынан; IP-мекенжайыңызды; OTP-құрылғы")
