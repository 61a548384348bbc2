"""Who a sentence speaks of, read as its reader meets it. The desk's box «I saw a document…» said
«Я видел документ», a man's words, under any officer's hand; and the parent's mail about a link
ended «If you did not ask for it», where «it» had come to stand for the child's page once a
paragraph about that page was put before it."""

import re

import polib
import pytest

from consent.core.mail import render_mail

# Russian's past tense and short adjectives name a gender: «я видел», «я согласен».
GENDERED = re.compile(
    r"(?<!\w)я(?:\s+(?:не|уже|также|тоже))*\s+"
    r"(?:\w+л(?:ся)?|согласен|уверен|готов|должен|обязан|ознакомлен)(?!\w)",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "text", ["Я видел документ", "я уже прочитал", "Я согласен", "я ознакомился"]
)
def test_a_gendered_first_person_is_found(text):
    assert GENDERED.search(text)


@pytest.mark.parametrize(
    "text", ["Мне предъявлен документ", "Я родитель или опекун", "я даю согласие"]
)
def test_a_neutral_first_person_passes(text):
    assert not GENDERED.search(text)


def test_no_russian_sentence_in_the_first_person_names_a_gender():
    """A box an officer or a visitor ticks, and anything else the site has them say, reads
    right for a woman and a man alike."""
    bad = [(e.msgid, text)
           for e in polib.pofile("locale/ru/LC_MESSAGES/django.po")
           for text in [e.msgstr, *e.msgstr_plural.values()] if GENDERED.search(text)]  # fmt: skip
    assert not bad, bad


WHAT_WAS_ASKED = {"kk": "сілтеме сұрамаған", "ru": "не запрашивали ссылку"}


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("waits", [True, False])
def test_the_parent_s_link_mail_ends_by_naming_what_was_asked_for(language, waits):
    """The last line follows the paragraph about the child's page when a parent waits to be
    confirmed: it names the link, not «it», which would read as that page."""
    context = {"guardian": True, "waits": waits, "request_url": "https://x.kz/requests/new/"}
    _, text, html = render_mail("self_service_unknown", context, language=language,
                                subject_line="")  # fmt: skip
    for body in (text, html):
        flat = " ".join(body.replace("\N{NO-BREAK SPACE}", " ").split())
        assert WHAT_WAS_ASKED[language] in flat, body
