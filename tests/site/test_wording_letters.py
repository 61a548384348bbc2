"""What the kk and ru catalogues may not hold whatever the sentence: a word typed with a Latin
look-alike letter, a value the English fills in and the translation drops, a Kazakh conjunction
or particle whose form follows a value no placeholder can know, a request's number without
its «№» (docs/glossary.md), and a one-letter Russian word a phone may leave at a line's end.
Each rule reads every entry, so the next string with the same fault fails here, not on a
reader's phone."""

import re

import polib
import pytest

from tests.site.language import joined, one_letter_words

LANGUAGES = ["kk", "ru"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sd]|\{\w*\}")
CYRILLIC = re.compile("[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]")
LATIN = re.compile("[A-Za-z]")
KAZAKH_ONLY = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


def entries(language, domain="django"):
    for entry in polib.pofile(f"locale/{language}/LC_MESSAGES/{domain}.po"):
        if not entry.obsolete:
            yield entry


def texts(entry):
    return [entry.msgstr, *entry.msgstr_plural.values()]


def words(text):
    """The words a reader reads: placeholders, tags, addresses and links aside."""
    text = re.sub(r"<[^>]+>|https?://\S+|[\w.+-]+@[\w.-]+|" + PLACEHOLDER.pattern, " ", text)
    return re.findall(r"[^\W\d_]+", text)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_no_word_mixes_latin_and_cyrillic_letters(language, domain):
    """A Latin «a», «o», «c», «e», «i», «p», «x» looks like its Cyrillic twin and is not: the word
    is not found by a search, a screen reader spells it, and Kazakh «і» typed as Latin «i» is
    another letter. A Russian text has none of Kazakh's own letters either."""
    bad = []
    for entry in entries(language, domain):
        for text in texts(entry):
            for word in words(text):
                mixed = LATIN.search(word) and CYRILLIC.search(word)
                if mixed or (language == "ru" and KAZAKH_ONLY.search(word)):
                    bad.append((word, text))
    assert not bad, bad


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_keeps_every_value_its_english_fills_in(language):
    """A msgstr that drops a placeholder drops what the reader needed (a date, a number, a
    name); one that adds a name the code does not pass fails as the page renders. A plural's
    every form keeps the values of the English plural (Russian's first form serves 21 too)."""
    bad = []
    for entry in entries(language):
        if not entry.msgstr and not any(entry.msgstr_plural.values()):
            continue
        if entry.msgid_plural:
            english = set(PLACEHOLDER.findall(entry.msgid_plural))
            forms = entry.msgstr_plural.values()
        else:
            english = set(PLACEHOLDER.findall(entry.msgid))
            forms = [entry.msgstr]
        for form in forms:
            if set(PLACEHOLDER.findall(form)) != english:
                bad.append((entry.msgid, form))
    assert not bad, bad


# Kazakh's «and» is «мен» after a vowel or a sonorant, «бен» after з, ж, «пен» after another
# consonant; its question and «too» particles change the same way (ма/ба/па, да/та). After a
# filled-in value the right form is unknowable: «сегіз бен», «үш пен», «бес пен», «{min_days}
# мен» wrong for most numbers. The value stands after a colon, or the sentence uses «және».
CONJUNCTION_AFTER_A_VALUE = re.compile(
    rf"({PLACEHOLDER.pattern})»?\)?\s+(мен|бен|пен|ма|ме|ба|бе|па|пе|да|де|та|те)\b"
)


def test_no_kazakh_conjunction_or_particle_follows_a_filled_in_value():
    bad = [
        text
        for entry in entries("kk")
        for text in texts(entry)
        if CONJUNCTION_AFTER_A_VALUE.search(text)
    ]
    assert not bad, bad
    assert CONJUNCTION_AFTER_A_VALUE.search("Күндер саны {min_days} мен {max_days} аралығында")
    assert CONJUNCTION_AFTER_A_VALUE.search("тіркелгісінің %(username)s мен құпиясөзін")


# A reference filled in as `ref` is a request's number, but in the entries about an email set
# aside (its own Q-number) or opened from one.
EMAIL_REF = re.compile(r"\b(Email|email|from|as) %\(ref\)s")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_request_number_has_its_sign_wherever_it_is_filled_in(language):
    """The parent's list of requests for a child read «R-2026-0021: доступ — открыт.» where
    every mail and page writes «№ R-2026-0021»: a request's number is written with its sign in
    every entry, whatever the English around it says."""
    bad = []
    for entry in entries(language):
        if "%(ref)s" not in entry.msgid or EMAIL_REF.search(entry.msgid):
            continue
        for text in texts(entry):
            if text.count("%(ref)s") != text.count("№\N{NO-BREAK SPACE}%(ref)s"):
                bad.append(text)
    assert not bad, bad


# A one-letter Russian preposition or conjunction before a filled-in value: «…текст изменился,
# и с» ended a line on a phone, «4 декабря 2026 г.» began the next.
LETTER_BEFORE_A_VALUE = re.compile(rf"(^|[\s(«])[вскоуиаВСКОУИА] ({PLACEHOLDER.pattern})")


def test_a_one_letter_russian_word_stays_with_the_value_after_it():
    bad = [
        text
        for entry in entries("ru")
        for text in texts(entry)
        if LETTER_BEFORE_A_VALUE.search(text)
    ]
    assert not bad, bad
    assert LETTER_BEFORE_A_VALUE.search("текст изменился, и с %(date)s согласие")
    assert LETTER_BEFORE_A_VALUE.search("уже отправляется (с %(when)s)")


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_a_one_letter_russian_word_never_ends_a_line(domain):
    """«…как в» ended a line on a phone and «предпросмотре» began the next: a one-letter
    preposition, conjunction or «я» is joined to the word after it by a no-break space, in
    every entry and every plural form (placeholders, tags and links aside)."""
    bad = [text for entry in entries("ru", domain) for text in texts(entry)
           if one_letter_words(text)]  # fmt: skip
    assert not bad, bad


ONE_LETTER_THEN_A_PLAIN_SPACE = [
    "как в предпросмотре", "В адресе нет", "Да, я уверен", "(с указанием времени)",
    "Закона «О персональных", "статьи 7\N{NO-BREAK SPACE}и 8", "<br>и ещё", "%(n)s и ещё",
]  # fmt: skip
NOT_A_WORD_READ = [
    '<a title="о сайте" href="/">', "как в\N{NO-BREAK SPACE}окне", "https://emalu.kz/?q=в сайте",
    "а@emalu.kz или", "{я} ",
]  # fmt: skip


@pytest.mark.parametrize("text", ONE_LETTER_THEN_A_PLAIN_SPACE)
def test_the_judge_sees_a_one_letter_word_before_a_plain_space(text):
    assert one_letter_words(text)
    assert not one_letter_words(joined(text))


@pytest.mark.parametrize("text", NOT_A_WORD_READ)
def test_the_judge_leaves_tags_links_and_placeholders_alone(text):
    assert not one_letter_words(text)
    assert joined(text) == text


# A dash after a plain space may begin the next line on a phone («…открыт» / «— подтверждён»),
# where it reads as a list's bullet or a reply: the space before it is a no-break one.
DASH_THAT_MAY_START_A_LINE = re.compile(r"(?<=\S) —")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_a_dash_never_starts_a_line(language, domain):
    bad = [
        text
        for entry in entries(language, domain)
        for text in texts(entry)
        if DASH_THAT_MAY_START_A_LINE.search(text)
    ]
    assert not bad, bad
    assert DASH_THAT_MAY_START_A_LINE.search("срок ответа — 10 рабочих дней")
    assert not DASH_THAT_MAY_START_A_LINE.search("срок ответа\N{NO-BREAK SPACE}— 10")


# A limit the English sets keeps its word in the translation: «Please submit at least 2 forms»
# read «Пожалуйста, отправьте 2 формы», an exact number where the rule is a minimum. The words
# each language says a minimum or a maximum with.
LIMITS = {
    "at least": (r"\bat least\b", {"ru": r"не менее|как минимум|хотя бы|не меньше|по крайней мере",
                                   "kk": r"кемінде|кем дегенде|ең кемі"}),
    "at most": (r"\bat most\b|\bno more than\b|\bnot more than\b",
                {"ru": r"не более|не больше|не чаще|не позднее",
                 "kk": r"көп дегенде|аспа|артық емес|жиі емес"}),
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_minimum_or_a_maximum_stays_one_in_every_form(language):
    bad = []
    for entry in entries(language):
        english = f"{entry.msgid} {entry.msgid_plural}"
        for limit, (said, translated) in LIMITS.items():
            if re.search(said, english, re.I):
                forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
                bad += [(limit, text) for text in forms
                        if not re.search(translated[language], text, re.I)]  # fmt: skip
    assert not bad, bad


def test_what_the_english_plural_adds_is_said_for_21_too():
    """The admin's «All 21 selected» (every row of a long list chosen) read «Выбран 21»: the
    Russian form for 1 also serves 21, 31, 101…, so a word only the English plural has («All»)
    is in every form."""
    bad = [entry.msgstr_plural for entry in entries("ru") if entry.msgid_plural
           and re.match(r"All\b", entry.msgid_plural) and not re.match(r"All\b", entry.msgid)
           and not all(re.search(r"\bвсе\b", text, re.I)
                       for text in entry.msgstr_plural.values())]  # fmt: skip
    assert not bad, bad


# «жауапты» is the desk's word for the officer in charge (docs/glossary.md), and also the
# accusative of «жауап», an answer: the button «Жауапты қайта жіберу» beside the column «Жауапты»
# read «send the officer again», and «жаңа жауапты … жіберіңіз» «send the new officer». An answer
# as an object is «жауап хатын», «жауабын», «жауабыңызды», or no case at all.
IN_CHARGE = re.compile(r"\b(officers?|in charge|responsible)\b", re.IGNORECASE)
SAYS_IN_CHARGE = re.compile(r"\bжауапты\b", re.IGNORECASE)


def test_kazakh_says_in_charge_only_of_an_officer():
    bad = [
        text
        for entry in entries("kk")
        if not IN_CHARGE.search(f"{entry.msgid} {entry.msgid_plural}")
        for text in texts(entry)
        if SAYS_IN_CHARGE.search(text)
    ]
    assert not bad, bad
    assert SAYS_IN_CHARGE.search("Жауапты қайта жіберу")
    assert not SAYS_IN_CHARGE.search("Жауап хатын қайта жіберу, жауаптың мерзімі")


# A possessive ending agrees with its possessor. «Ата-анасы немесе қорғаншысы ретінде сіз…»
# («as its parent, you…») opened a sentence with no «its» before it; «сұраған адамның сіз
# екеніңіз» («of the person who asked, that you are», the genitive's «екені» in the second
# person). A parent is addressed «Ата-ана немесе қорғаншы ретінде», as every other letter does.
POSSESSIVE_WITHOUT_ITS_OWNER = [
    re.compile(r"(^|[.:!?]\s+)Ата-анасы немесе қорғаншысы ретінде"),
    re.compile(r"\w+(ның|нің|дың|дің|тың|тің)\s+(сіз|сен)\s+екені(ңіз|ң)\b"),
]


def test_a_kazakh_possessive_agrees_with_its_owner():
    bad = [
        text
        for entry in entries("kk")
        for text in texts(entry)
        if any(rule.search(text) for rule in POSSESSIVE_WITHOUT_ITS_OWNER)
    ]
    assert not bad, bad
    wrong = ["Ата-анасы немесе қорғаншысы ретінде сіз балаға", "сұраған адамның сіз екеніңіз"]
    assert all(any(rule.search(text) for rule in POSSESSIVE_WITHOUT_ITS_OWNER) for text in wrong)
    right = ["Баланың ата-анасы ретінде", "сұраған адамның сіз екені", "сіз екеніңізді"]
    assert not any(rule.search(text) for rule in POSSESSIVE_WITHOUT_ITS_OWNER for text in right)


# «ретінде» («as») follows a noun: the digest's «…жауап болмайтын ретінде бөлек сақталған хаттар»
# («set aside as answering no»: a participle with no noun) read as a sentence cut short.
PARTICIPLE_AS = re.compile(r"\w+(тын|тін|атын|етін|йтын|йтін|ған|ген|қан|кен)\s+ретінде\b")


def test_kazakh_as_follows_a_noun_not_a_participle():
    bad = [text for entry in entries("kk") for text in texts(entry) if PARTICIPLE_AS.search(text)]
    assert not bad, bad
    assert PARTICIPLE_AS.search("жауап болмайтын ретінде бөлек сақталған")
    assert not PARTICIPLE_AS.search("ата-ана немесе қорғаншы ретінде, № R-5 өтініш ретінде")


# A case or possessive ending glued to a filled-in value takes the vowel of a word no one knows
# yet: «%(name)s-ға» is right after «Асқар», wrong after «Әлия» («-ға» / «-ге») and after «Нұрлан»
# («-ға» but «-ның» / «-дың»). The value stands apart (after a colon, in brackets) and the word
# after it takes the ending. «%(number)s-нұсқа» is the ordinal (a hyphen and a whole word).
SUFFIX = (
    r"ға|ге|қа|ке|на|не|а|е|ны|ні|ды|ді|ты|ті|ын|ін|да|де|та|те|нда|нде|дан|ден|тан|"
    r"тен|нан|нен|ның|нің|дың|дің|тың|тің|ы|і|сы|сі|мен|бен|пен|дағы|дегі|тағы|тегі"
)
ENDING_ON_A_VALUE = re.compile(rf"({PLACEHOLDER.pattern})»?[-'’]?({SUFFIX})(?![^\W\d_])")


def test_no_kazakh_ending_is_glued_to_a_filled_in_value():
    bad = [text for entry in entries("kk") for text in texts(entry)
           if ENDING_ON_A_VALUE.search(text)]  # fmt: skip
    assert not bad, bad
    for glued in ["%(name)s-ға", "«%(title)s»-ның", "{name}дің", "%(ref)sқа", "%(n)d-ден"]:
        assert ENDING_ON_A_VALUE.search(glued), glued
    for apart in ["%(number)s-нұсқа", "%(email)s мекенжайына", "(%(name)s)", "%(n)s: а"]:
        assert not ENDING_ON_A_VALUE.search(apart), apart


# A sentence the English ends with a full stop ends with one in its translation: Django's
# «Значение … не является допустимым для поля … объекта типа %(model)s» and «…запрещённый
# символ: ноль-байт» stopped short, as if cut off. A Russian date filled in last closes the
# sentence with its own «г.» («не позднее 3 декабря 2026 г.»), which takes no second stop.
DATE_LAST = re.compile(r"%\((due|date)\)s$")


def unfinished(english, text, language):
    if not english.rstrip().endswith(".") or text.rstrip().endswith((".", "…", "!", "?")):
        return False
    return not (language == "ru" and DATE_LAST.search(text.rstrip()))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sentence_the_english_ends_ends_in_the_translation_too(language):
    bad = [text for entry in entries(language) for english, text in
           ([(entry.msgid, entry.msgstr)] if not entry.msgid_plural else
            [(entry.msgid if n == 0 else entry.msgid_plural, t)
             for n, t in entry.msgstr_plural.items()])
           if text and unfinished(english, text, language)]  # fmt: skip
    assert not bad, bad
    assert unfinished("Null characters are not allowed.", "…символ: ноль-байт", "ru")
    assert not unfinished("We answer by %(due)s.", "Мы ответим не позднее %(due)s", "ru")
    assert unfinished("We answer by %(due)s.", "Жауап беру мерзімі: %(due)s", "kk")
