"""What a text in the wrong language looks like: Kazakh letters in a Russian mail, Russian
words or catalogue phrases in a Kazakh one (tests/site/test_mail_language.py)."""

import re
from html import unescape
from pathlib import Path

import polib
from django.conf import settings

OTHER = {"kk": "ru", "ru": "kk"}
# A number and the ending its hyphen joins to it or the noun before it, a hyphen of an address
# and the character after it, held on one line of a page by a span, of a mail by a span with a
# style of its own (emalu/templatetags/spacing.py): the words are the same without it.
ONE_LINE = re.compile(r'<span (?:class="one-line"|style="white-space:nowrap")>([^<]*)</span>')


def as_written(html):
    """A page's or a mail's HTML without the spans that hold a few characters on one line."""
    return ONE_LINE.sub(r"\1", html)


# --- what a mail in the wrong language looks like -------------------------------------------

# Letters of Kazakh that Russian does not have.
KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
# Russian words that are not Kazakh words. Letters cannot tell Russian in a Kazakh mail: Kazakh
# has every Russian letter (ы in its own words, э, ъ, ё, ц, щ in loanwords such as
# «электрондық», «субъект»), so the test looks for Russian function words, forms and month names.
# Left out on purpose: words Kazakh has too (не "what", он "ten", от "fire", да/де, у "poison",
# мен "I/and", без, ал, сен, бар, май "oil", the month being мамыр).
RUSSIAN_WORDS = set(
    re.findall(
        r"\w+",
        """и в во на по для что чтобы или ваш ваша ваше ваши вашего вашей вашему ваших вашим
    вашу вы вас вам мы нас нам если при это этот эта эти этого из к ко с со о об от до за
    после через также только уже был была было были будет будут может нет не как который
    которая которые которых здравствуйте уважаемый запрос запроса запросу заявка заявку
    данные данных персональных персональные согласие согласия обработка обработки
    ссылка ссылку ссылке письмо письма адрес адреса номер срок сроком получили получен
    отказ отказа исправление обновление моих моим мои удаление уничтожение доступ
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря
    январь февраль март апрель июнь июль август сентябрь октябрь ноябрь декабрь
    г года""",
    )
) - {"не", "он", "от", "да", "у", "мен", "без", "ал", "сен", "бар"}
# Tokens in Latin letters a mail may carry in any language: references, file formats, and the
# names the cookie banner and settings page write in both languages (a product's, and «cookie»).
LATIN_ALLOWED = {"R", "Q", "JSON", "PDF", "CSV", "Google", "Analytics", "cookie"}
URLS = re.compile(r"https?://\S+|mailto:\S+|[\w.+-]+@[\w.-]+\.\w+")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{?[^}]*\}?\}|\{\w*\}")


def _phrases(text):
    """The runs of two or more words between the placeholders of a catalogue string, as tuples of
    lower-case words (punctuation aside)."""
    for part in PLACEHOLDER.split(text):
        words = tuple(re.findall(r"[^\W_]+", part.lower()))
        if len(words) >= 2:
            yield words


def _catalogue(language):
    return polib.pofile(str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" /
                            "django.po"))  # fmt: skip


def foreign_phrases():
    """{language: phrases that only another language's catalogue has}: the project's translations
    in the other language, and its English originals (an untranslated string falls back to
    them)."""
    strings = {lang: set() for lang in OTHER}
    english = set()
    for lang in OTHER:
        for entry in _catalogue(lang):
            if entry.obsolete:
                continue
            english.update(_phrases(entry.msgid))
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                strings[lang].update(_phrases(text))
    return {lang: (strings[OTHER[lang]] | english) - strings[lang] for lang in OTHER}


FOREIGN = foreign_phrases()
LONGEST = max(len(p) for phrases in FOREIGN.values() for p in phrases)


def foreign_in(text, language):
    """The other catalogues' phrases found in `text`, word for word."""
    words = [w.lower() for w in re.findall(r"[^\W_]+", text)]
    found = set()
    for start in range(len(words)):
        for end in range(start + 2, min(start + LONGEST, len(words)) + 1):
            if tuple(words[start:end]) in FOREIGN[language]:
                found.add(" ".join(words[start:end]))
    return sorted(found)


def visible(html, language):
    """The text of an HTML part as a reader sees it, all of it: nothing in a mail is let off
    for being marked as another language (a campaign's footer once repeated the policy's route
    in both, each marked lang=, and its Russian reader read a Kazakh sentence)."""
    assert re.search(rf'<html lang="{language}"', html), "the HTML must declare its language"
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", as_written(html), flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def wrong_language(text, language):
    """Everything in `text` that is not `language`: a list of what was found, empty when clean."""
    text = URLS.sub(" ", text)
    found = []
    words = re.findall(r"[^\W\d_]+", text)
    found += [w for w in words if re.fullmatch("[A-Za-z]+", w) and w not in LATIN_ALLOWED]
    if language == "ru":
        found += [w for w in words if KAZAKH_LETTERS.search(w)]
    else:
        found += [w for w in words if w.lower() in RUSSIAN_WORDS]
    return found + foreign_in(text, language)


def assert_in_language(subject, text, html, language, where):
    for part, body in [("subject", subject), ("text", text),
                       ("html", visible(html, language))]:  # fmt: skip
        found = wrong_language(body, language)
        assert not found, f"{where} ({part}) in {language} has {found}:\n{body}"


# --- the people, staff and requests the scenarios need ---------------------------------------


# A count and the word it counts, as the catalogues write them: joined by a no-break space, so
# that a phone never breaks «15 / жұмыс күні» over two lines (test_wording's typography). A
# number that is part of a name or a time is not a count: «SHA-256», «IPv4», «7:42», «ISO 8601».
COUNT_THEN_WORD = re.compile(
    r"(%\(\w+\)d|%d|%\((counter|count|num|number|max|max_length|min_length|limit_value|year|total"
    r"|size|days)\)s|(?<![\w.,:/-])(?<!ISO )\d+) (?=[^\W\d_])"
)


def counted(text: str) -> str:
    """`text` («15 жұмыс күні», written here with a plain space) as a page shows it."""
    return COUNT_THEN_WORD.sub(lambda m: m.group(0)[:-1] + "\N{NO-BREAK SPACE}", text)


# A one-letter Russian word (в, к, с, у, о, и, а, я) and the word after it, as the catalogue
# writes them: joined by a no-break space, so that a phone never leaves «…как в» at a line's
# end and «предпросмотре» on the next. Placeholders, HTML tags with their attributes, addresses
# and links are not words a reader reads, whatever letters they hold.
ONE_LETTER_WORD = re.compile(r"(?<![\w-])[вксуоияаВКСУОИЯА] ")
UNREAD = re.compile(rf"<[^>]+>|{URLS.pattern}|{PLACEHOLDER.pattern}")


def _as_read(text: str) -> str:
    """`text` with every character in its place, what a reader does not read blanked out: a tag
    as the edge of a word, a placeholder, an address or a link as a word."""
    return UNREAD.sub(lambda m: ("\0" if m.group()[0] == "<" else "x") * len(m.group()), text)


def one_letter_words(text: str) -> list[int]:
    """Where in `text` a one-letter Russian word stands before a plain space."""
    return [m.start() for m in ONE_LETTER_WORD.finditer(_as_read(text))]


def joined(text: str) -> str:
    """`text` («как в предпросмотре», written here with plain spaces) as a page shows it."""
    for at in one_letter_words(text):
        text = f"{text[: at + 1]}\N{NO-BREAK SPACE}{text[at + 2 :]}"
    return text
