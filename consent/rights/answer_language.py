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
# Fewer Cyrillic words than this make an answer too short to show CLEAR_EVIDENCE.
SHORT_ANSWER = 3
# What an officer quotes is the person's or the record's words, not the answer's language:
# «өтініш мәтіні», «Персональные данные». Read without them.
QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"]*\"")
# A name's initial, a capital alone with its dot («Иванов А.», «Петров В. С.»), is the name's,
# in either language; read, it was the Russian «а», «в», «с», «и», and a Kazakh answer naming
# the person so was refused as Russian. Read without them, as quoted words are.
INITIAL = re.compile(r"(?<![^\W_])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.")
# A sentence or a line of its own: an answer half in each language («Деректеріңіз өзгертілді.
# Ваши данные изменены.») shows its letter's language too, and was sent so.
SENTENCE = re.compile(r"[^.!?…\n]+(?:[.!?…]+|$)", re.MULTILINE)
# A word in Cyrillic letters: the evidence of one Russian word stands for a sentence only among
# words written so (a Latin «s» reads as the Russian «с»: «the parent's request» was Russian).
CYRILLIC_WORD = re.compile(r"\b[^\W\d_]*[а-яёәғқңөұүһі][^\W\d_]*\b", re.IGNORECASE)


# What the officer is told, by the request's language: two whole sentences, not one with the
# languages filled in, which Kazakh would have to decline («орыс тілінде»).
REFUSED = {
    "kk": _("This answer is written in Russian, but the person's request is in Kazakh, as is the "
            "letter that carries it: write it in Kazakh. Nothing was done."),
    "ru": _("This answer is written in Kazakh, but the person's request is in Russian, as is the "
            "letter that carries it: write it in Russian. Nothing was done."),
}  # fmt: skip
PART_REFUSED = {
    "kk": _("Part of this answer is written in Russian, but the person's request is in Kazakh, "
            "as is the letter that carries it: “%(sentence)s”. Write the whole answer in "
            "Kazakh. Nothing was done."),
    "ru": _("Part of this answer is written in Kazakh, but the person's request is in Russian, "
            "as is the letter that carries it: “%(sentence)s”. Write the whole answer in "
            "Russian. Nothing was done."),
}  # fmt: skip


def other_language_refusal(words: str, language: str) -> Promise | str | None:
    """Why `words` cannot go into a letter in `language` ("kk" or "ru"), or None: they, or a
    sentence or line of them, are clearly in the other language and show nothing of
    `language`."""
    if language not in REFUSED:
        return None
    unquoted = INITIAL.sub(" ", QUOTED.sub(" ", words))
    if _in_the_other_language(unquoted, language):
        return REFUSED[language]
    for sentence in SENTENCE.findall(unquoted):
        if _in_the_other_language(sentence, language, part=True):
            return PART_REFUSED[language] % {"sentence": sentence.strip().rstrip(".…")}
    return None


def _in_the_other_language(text: str, language: str, part: bool = False) -> bool:
    """Whether `text` is clearly in the language other than `language`. A sentence of a
    Kazakh answer is Russian with one Russian word among three or more and no trace of Kazakh
    («Ваши данные удалены»: a Kazakh sentence that long has a Kazakh letter or word)."""
    kazakh, russian = language_evidence(text)
    own, other = (kazakh, russian) if language == "kk" else (russian, kazakh)
    cyrillic = len(CYRILLIC_WORD.findall(text))
    if not part and 0 < cyrillic < SHORT_ANSWER:
        # An answer of a word or two can never show CLEAR_EVIDENCE: «Данные удалены» went into
        # a Kazakh letter, «Деректеріңіз жойылды» into a Russian one. Any trace of the other
        # language decides it, a Russian letter's only by Kazakh grammar, not a name or place.
        needed = 0.5
    elif part and language == "kk" and cyrillic >= 3:
        needed = 1
    else:
        needed = CLEAR_EVIDENCE
    if own or other < needed:
        return False
    # Kazakh letters alone are a place or a name: «Адрес исправлен: Алматы қ., Сәтпаев
    # көшесі, 30» is a Russian answer, and was refused as Kazakh.
    return language == "kk" or _kazakh_grammar(text)


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
