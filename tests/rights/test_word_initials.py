"""The intake rules a phrase out of a sentence by first letters alone (phrases._initials): a
phrase's word can be a word of the sentence only where both begin with the same letter. These
tests hold the matching to that, so that the shortcut never loses a request a letter names."""

import email
from email import policy
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from consent.rights import phrases
from consent.rights.intake import active_phrases

LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
word = st.text(LETTERS, min_size=1, max_size=14)


@st.composite
def word_and_variant(draw):
    """A word and another written from it: a letter changed, dropped, doubled or swapped with
    the next, a negation syllable put in, an ending added: what same_word reads as one word."""
    first = draw(word)
    at = draw(st.integers(0, len(first)))
    letter = draw(st.sampled_from(LETTERS))
    negation = draw(st.sampled_from(["ма", "ме", "па", "пе", "ба", "бе"]))
    changed = draw(
        st.sampled_from(
            [
                first[:at] + letter + first[at + 1 :],
                first[:at] + first[at + 1 :],
                first[:at] + first[at : at + 1] * 2 + first[at + 1 :],
                first[:at] + first[at + 1 : at + 2] + first[at : at + 1] + first[at + 2 :],
                first[:at] + negation + first[at:],
                first + draw(word),
            ]
        )
    )
    return first, changed


@given(word_and_variant())
def test_a_word_is_another_only_where_both_begin_alike(pair):
    phrase_word, written = pair
    for same in (phrases.same_word, phrases._same_or_negated):
        if written and same(phrase_word, written):
            assert phrase_word[0] == written[0], (same.__name__, phrase_word, written)


def test_the_shortcut_finds_what_the_full_search_finds(db, monkeypatch):
    """The subject line and the first line of every other message of the recognition set
    (test_recognition.py), with and without the shortcut: the same matches, the same denied
    kinds. (The full search takes a second or more for each hundred lines.)"""
    table, lines = active_phrases(), set()
    for path in sorted((Path(__file__).parent / "intake_mail").glob("*.eml"))[::2]:
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
        written = [line for line in (body.get_content() if body else "").splitlines() if line]
        lines |= {str(message["subject"] or ""), *written[:1]}
    assert len(lines) > 100

    def read_all():
        return [(phrases.find_each(table, line), phrases.denied(table, line)) for line in lines]

    fast = read_all()
    # Every phrase tried in every sentence: no phrase ruled out by its first letters (each
    # phrase keeps its own, Phrase.initials, so that _initials alone no longer switches it off).
    monkeypatch.setattr(phrases, "_possible", lambda table, sentence: list(table))
    assert read_all() == fast
