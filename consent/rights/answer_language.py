"""Whether what an officer typed into an answer is in the language of the letter it goes into
(the request's): every mail is wholly in its recipient's language (compliance L24), and the
officer's words go into a letter whose every other line is in the person's
(closing.with_officer_words). An officer working the desk in Russian answered a Kazakh letter
with a Russian paragraph under a Kazakh heading, or the reverse; the panel's help text asked
for the person's language and nothing held the officer to it."""

import re

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .language import KAZAKH_STEMS, KAZAKH_WORDS, language_evidence
from .spelling import FOLD, WORD, words

# Words of the other language that tell a sentence is written in it, with none of the letter's
# own: a name or a quoted word of the other language (half evidence, language.py) is no answer
# written in it.
CLEAR_EVIDENCE = 2
# What an officer quotes is the person's or the record's words, not the answer's language:
# «өтініш мәтіні», «Персональные данные». Read without them.
QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"]*\"")


# What the officer is told, by the request's language: two whole sentences, not one with the
# languages filled in, which Kazakh would have to decline («орыс тілінде»).
REFUSED = {
    "kk": _("This answer is written in Russian, but the person's request is in Kazakh, as is the "
            "letter that carries it: write it in Kazakh. Nothing was done."),
    "ru": _("This answer is written in Kazakh, but the person's request is in Russian, as is the "
            "letter that carries it: write it in Russian. Nothing was done."),
}  # fmt: skip


def other_language_refusal(words: str, language: str) -> Promise | None:
    """Why `words` cannot go into a letter in `language` ("kk" or "ru"), or None: they are
    clearly in the other language and show nothing of `language`."""
    unquoted = QUOTED.sub(" ", words)
    kazakh, russian = language_evidence(unquoted)
    own, other = (kazakh, russian) if language == "kk" else (russian, kazakh)
    if language not in REFUSED or own or other < CLEAR_EVIDENCE:
        return None
    if language == "ru" and not _kazakh_grammar(unquoted):
        # Kazakh letters alone are a place or a name: «Адрес исправлен: Алматы қ., Сәтпаев
        # көшесі, 30» is a Russian answer, and was refused as Kazakh.
        return None
    return REFUSED[language]


def _kazakh_grammar(text: str) -> bool:
    """Whether `text` holds a word only a Kazakh sentence is made of (language.KAZAKH_WORDS, a
    stem of KAZAKH_STEMS: «сіздің», «деректеріңіз», «өзгертілді»), not only Kazakh letters, which
    a street, a district or a name written in Kazakh has too («көшесі», «ауданы», «Нұрланқызы»)."""
    for raw in WORD.findall(text):
        for word in words(raw)[:1]:
            folded = word.translate(FOLD)
            if folded in KAZAKH_WORDS or folded.startswith(KAZAKH_STEMS):
                return True
    return False
