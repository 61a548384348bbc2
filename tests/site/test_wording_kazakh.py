"""Kazakh grammar and terms the compiled-in catalogue must keep whatever is filled in: a person's
name never owns a noun without its genitive, «және» takes no comma before it, and a consent is
withdrawn «кері қайтарып алу» in every entry, not «қайтарып алу» in some (docs/glossary.md).
Each rule reads every kk entry, so the next string with the same fault fails here."""

import re

from tests.site.test_glossary import django_msgids
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


# Its passive is «кері қайтарып алынған»: «кері қайтарылған» is that of «кері қайтару», to send
# back or undo («Мұны кері қайтару мүмкін емес», this cannot be undone), and the consent text,
# the register and the desk said «берілген немесе кері қайтарылған келісім» (a consent returned)
# beside the mails' «келісіміңіз кері қайтарып алынды»; one entry said «кері қайтарылып алынған».
RETURNED = re.compile(r"\bкері\s+қайтарыл", re.IGNORECASE)


def without_back(text):
    alone = [m.group(2) for m in TAKEN_BACK.finditer(text)
             if (m.group(1) or "").strip().casefold() != "кері"]  # fmt: skip
    return alone + RETURNED.findall(text)


def test_a_withdrawal_is_always_keri_qaytaryp_alu():
    bad = [text for entry in entries("kk") if WITHDRAW.search(f"{entry.msgid} {entry.msgid_plural}")
           for text in texts(entry) if without_back(text)]  # fmt: skip
    assert not bad, bad
    assert without_back("Сіз қайтарып алатын келісімдердің")
    assert without_back("ештеңе қайтарылмады")
    assert without_back("берілген немесе кері қайтарылған әрбір келісім")
    assert without_back("келісім кері қайтарылып алынған жоқ")
    assert not without_back("келісімді кері қайтарып алу, кері қайтарып алынған да")
    assert not without_back("Мұны кері қайтару мүмкін емес.")


# A form is where something is written, not who writes it: Kazakh says what is stated in it
# («формада ата-ана көрсетілген»), as Russian does («в форме указан родитель»). Entries said the
# form did it: «форма ата-ананы ... көрсетті», «Форма (%(date)s) көрсеткен адам», «Мекенжаймен
# жіберілген форма мұндай келісімді қайта бермейді» (the form "gives" no consent again). A web
# form that shows a text on screen («форма осы мәтінді көрсете береді»), and one someone sends
# («форма жіберген адамдар»), are left alone. Your form did not say either: «Сіздің формаңыз
# қай келісім мәтінін оқығаныңызды көрсетпеді» is what is not stated in it, «көрсетілмеген»;
# nor did the person's own page («Сіздің бетіңіз … көрсетпеді»).
CLAUSE = r"(?:[^.;:!?]*?\s)?"
FORM_AS_AGENT = re.compile(
    rf"\bформа(?:\s*\((?:%\(\w+\)\w|[^()])*\))?\s+(?!жібер|толтыр)(?:көрсеткен\b|{CLAUSE}"
    rf"(?:(?:ата-ана|қорғаншы|адам|мынаны)\w*\s+{CLAUSE}көрсет(?:ті|кен|еді)"
    rf"|келісім\w*\s+(?:қайта\s+)?бер(?:еді|мейді|ді|меді))\b)"
    rf"|\b(?:формаңыз|бетіңіз)\s+{CLAUSE}(?:көрсет|хабарла|айт)(?:па|пе)?(?:ды|ді|ты|ті|ған|ген|қан|кен)\b",
    re.IGNORECASE,
)


def test_a_form_names_and_gives_nothing():
    bad = [text for entry in entries("kk") for text in texts(entry)
           if FORM_AS_AGENT.search(text)]  # fmt: skip
    assert not bad, bad
    for wrong in [
        "Форма (%(date)s) көрсеткен адам: %(name)s",
        "Сіздің мекенжайыңызбен жіберілген форма ата-ананы немесе қорғаншыны оның өз "
        "мекенжайымен көрсетті.",
        "Оның мекенжайымен жіберілген форма ата-анасы ретінде мынаны көрсеткен: %(name)s",
        "Мекенжаймен жіберілген форма мұндай келісімдерді қайта бермейді",
        "форма адамның 18 жасқа толмағанын көрсетті",
        "Сіздің формаңыз қай келісім мәтінін оқығаныңызды көрсетпеді",
        "Сіздің бетіңіз қай келісім мәтінін оқығаныңызды көрсетпеді",
    ]:
        assert FORM_AS_AGENT.search(wrong), wrong
    for right in [
        "Формада (%(date)s) көрсетілген адам: %(name)s",
        "формада ата-анаңыз немесе қорғаншыңыз ретінде өз мекенжайы бар адам көрсетілген",
        "форма арқылы кері қайтарып алынған келісімдер қайта берілмейді",
        "Мәтіннің жаңа нұсқасы жарияланғанша форма осы мәтінді көрсете береді.",
        "Бұл бет бізге өзі туралы форма жіберген адамдардың деректерін көрсетеді",
        "Жіберген формаңызда қай келісім мәтінін оқығаныңыз көрсетілмеген",
        "Жіберген формаңызда көрсетілгендей оны қайта беру үшін",
        "Бетіңізден қай келісім мәтінін оқығаныңыз туралы мәлімет келмеді",
    ]:
        assert not FORM_AS_AGENT.search(right), right


# What may or may not have happened is said with the perfect conditional: «If you sent the
# form» is «форманы сіз жіберген болсаңыз»; «жіберсеңіз», the plain conditional, is «if you send
# it» (from now on), and a mail told the reader what to do if they sent the form they had sent.
PAST_IF = re.compile(
    r"\bif (?:you|they|someone) (?:did not|didn't|never|sent|gave|wrote|made|took|lost"
    r"|\w+(?<!e)ed)\b",
    re.IGNORECASE,
)
PERFECT_IF = re.compile(r"\w+(?:ған|ген|қан|кен)\s+болса", re.IGNORECASE)


def test_a_past_if_takes_the_perfect_conditional():
    bad = []
    for domain in ("django", "djangojs"):
        for entry in entries("kk", domain):
            told = max(len(PAST_IF.findall(en)) for en in (entry.msgid, entry.msgid_plural))
            bad += [text for text in texts(entry)
                    if told and text and len(PERFECT_IF.findall(text)) < told]  # fmt: skip
    assert not bad, bad
    assert PAST_IF.search("If you sent the form and want to give this consent again")
    assert PAST_IF.search("If you did not ask for a link") and PAST_IF.search("if you gave us")
    assert not PAST_IF.search("If you need help") and not PAST_IF.search("If you withdraw")
    assert len(PERFECT_IF.findall("Егер форманы сіз жіберген болсаңыз және ...")) == 1
    assert not PERFECT_IF.search("Егер форманы сіз жіберсеңіз және ...")
    assert not PERFECT_IF.search("Егер форманы сіз жібермесеңіз, ештеңе істемеңіз")


# «Unless A or B» is «if not A and not B»: Kazakh joins the two negative conditionals with «және»
# («басқа келісім күшінде болмаса және ата-анасы келісімді қайта бермесе, … жояды»). Joined by
# «немесе» they read «if not A, or if not B», and two desk notices said the nightly retention
# destroys a person's data when either is missing.
NEGATIVE_IF = r"\w+(?:ма|ме|ба|бе|па|пе)(?:са|се)(?:ңыз|ңіз)?\b"
EITHER_NOT = re.compile(rf"{NEGATIVE_IF}\s+(?:немесе|не)\s+[^,.;:]*?{NEGATIVE_IF}", re.IGNORECASE)


# Nor are they only parted by a comma: «басқа келісім күшінде болмаса, ата-анаңыз … бермесе,
# деректеріңізді жоямыз» read «if no other consent stands, if your parent does not give it, we
# destroy», two conditions left for the reader to join (the person's page on a parent declined).
COMMA_NOT = re.compile(
    rf"\b(?!немесе\b){NEGATIVE_IF},\s+(?:[^,.;:]*?\s)?(?!немесе\b){NEGATIVE_IF},", re.IGNORECASE
)


def test_unless_a_or_b_is_not_a_and_not_b():
    bad = [text for entry in entries("kk") for text in texts(entry)
           if EITHER_NOT.search(text) or COMMA_NOT.search(text)]  # fmt: skip
    assert not bad, bad
    assert COMMA_NOT.search("келісім күшінде болмаса, ата-анаңыз оны өтінім формасында бермесе, ")
    assert not COMMA_NOT.search("Егер 18 жас толмаса, ата-анаңыз немесе қорғаншыңыз толтырып,")
    assert EITHER_NOT.search("келісім күшінде болмаса немесе ата-анасы оны қайта бермесе")
    assert EITHER_NOT.search("сіз жібермесеңіз не растамасаңыз")
    assert not EITHER_NOT.search("күшінде болмаса және ата-анасы не қорғаншысы қайта бермесе")
    assert not EITHER_NOT.search("Егер келісімді кері қайтарып алсаңыз немесе бас тартсаңыз")


# «Бұғаттау» is the law's blocking of the processing of a person's data (docs/glossary.md). The
# sign-in records called a staff account locked out after failed sign-ins «Бұғатталған», beside
# the desk's blocked people: an account shut to sign-in is «кіру жабық», as its page says
# (and Russian's «Заблокирован» is «Вход закрыт»).
BLOCKED = re.compile(r"бұғат", re.IGNORECASE)


def test_bugattau_is_only_the_blocking_of_processing():
    bad = [text for entry in entries("kk") for text in texts(entry) if BLOCKED.search(text)
           and "block" not in f"{entry.msgid} {entry.msgid_plural}".lower()]  # fmt: skip
    assert not bad, bad


# A block is lifted «бұғаттан шығару» (docs/glossary.md), never taken off: «бұғаттауды алу» is
# Russian's «снять блокировку» word for word, and the page of a blocked person said «Бұғат
# алынғанша» («until the block is taken off») where the glossary's table caught only two forms.
TAKEN_OFF = re.compile(r"бұғат\w*\s+ал(?:у|ын|ып|ды|са|ған)\w*", re.IGNORECASE)


def test_a_block_is_lifted_never_taken_off():
    bad = [text for entry in entries("kk") for text in texts(entry) if TAKEN_OFF.search(text)]
    assert not bad, bad
    for wrong in ["Бұғат алынғанша", "бұғаттауды алу", "бұғаттау алынған"]:
        assert TAKEN_OFF.search(wrong), wrong
    assert not TAKEN_OFF.search("Бұғаттау күшінде тұрғанда; бұғаттан шығарылғанша")


# A box left unticked is entered «белгісін қоймай», as a ticked one is «белгісін қойып» (the
# catalogue's «"%(box)s" белгісін қойып, қайта сақтаңыз»): «белгісіз» reads «unknown». The
# calendar's page told an officer to enter a weekday made a day off «белгісіз» («unknown»)
# where the English says unticked. «Белгісіз» stays where the English says unknown or
# undetermined (an encoding, a placeholder, a bounce) or Django's «unaccented» letters
# («диакритикалық белгісіз»).
UNKNOWN = re.compile(r"белгісіз", re.IGNORECASE)
SAYS_UNKNOWN = re.compile(r"\b(unknown|undetermined|unaccented)\b", re.IGNORECASE)


def test_belgisiz_is_unknown_never_unticked():
    bad = [text for entry in entries("kk") for text in texts(entry) if UNKNOWN.search(text)
           and not SAYS_UNKNOWN.search(f"{entry.msgid} {entry.msgid_plural}")]  # fmt: skip
    assert not bad, bad
    assert UNKNOWN.search("демалыс күні болған жұмыс күнін белгісіз")
    assert SAYS_UNKNOWN.search("its text is in an unknown or broken encoding")
    assert not SAYS_UNKNOWN.search("a weekday made a day off unticked")


# A noun that is yours owns the next one in the genitive, as a name does (above): «деректеріңіздің
# беті», the page of your data. Without it «деректеріңіз бетін» reads as two nouns side by side,
# and the cookie page named its own cookie «деректеріңіз бетін … ашық ұстайтын cookie».
# The owned noun's ending is the third person's, not yours again («қорғаншыңыз деректеріңізді»).
YOURS_OWNING = re.compile(
    rf"\b\w+(?:ыңыз|іңіз)\s+{OWNED}(?:ы|і|сы|сі|тері|лері|дары|дері|лары|тары)(?!ң[ыі]з|м)"
)
# A page of data owned in turn takes the genitive too: «балаларыңыздың деректерінің бетінде», the
# page of your children's data; the mail of a consent given again said «…деректері бетінде».
DATA_PAGE_PILED = re.compile(r"\bдеректері\s+бет(і|ін)")


def test_a_noun_of_yours_owns_the_next_in_the_genitive():
    bad = [text for entry in entries("kk") for text in texts(entry)
           if YOURS_OWNING.search(text) or DATA_PAGE_PILED.search(text)]  # fmt: skip
    assert not bad, bad
    assert DATA_PAGE_PILED.search("балаларыңыздың деректері бетінде")
    assert not DATA_PAGE_PILED.search("балаларыңыздың деректерінің бетінде")
    assert YOURS_OWNING.search("деректеріңіз бетін бір сағат бойы ашық ұстайтын cookie")
    for right in [
        "деректеріңіздің бетін бір сағат бойы",
        "Өтініміңіз қабылданды",
        "мекенжайыңыз бойынша",
        "қорғаншыңыз келісімді қайта берсе",
        "ата-анаңыз немесе қорғаншыңыз деректеріңізді көріп",
    ]:
        assert not YOURS_OWNING.search(right), right


# A campaign's title is whatever the marketer typed: bare in a sentence it reads as part of it,
# and Kazakh's sentence names what it is, ««Наурыз жеңілдіктері» таратуы…», as Russian's does
# (test_wording_russian). The test send said «Наурыз жеңілдіктері: сынақ хаттар … кезегіне
# қойылды» beside every other message of the page's ««…» таратуы». An object's own name
# («%(title)s, 2-нұсқа», no sentence) is left alone.
def test_a_title_filled_into_a_sentence_stands_in_quotes():
    bad = [text for entry in entries("kk") if "%(title)s" in entry.msgid
           for text in texts(entry) if text.rstrip().endswith(".")
           and text.count("%(title)s") != text.count("«%(title)s»")]  # fmt: skip
    assert not bad, bad


# «Бас тарту» gives up what its ablative names: «кері қайтарып алудан бас тарту» is to give up
# withdrawing, the person's own change of mind. The desk's note on a withdrawal an officer may
# not refuse said «Бұл келісімді кері қайтарып алудан бас тартуға болмайды», «one may not give
# up withdrawing this consent». What the desk refuses is the request: «кері қайтарып алу туралы
# өтінішті қанағаттандырудан бас тарту».
REFUSED = re.compile(r"\brefus", re.IGNORECASE)
GIVEN_UP = re.compile(r"қайтарып\s+алудан\s+бас\s+тарт", re.IGNORECASE)


def test_a_withdrawal_refused_is_its_request_refused():
    bad = [text for entry in entries("kk") if REFUSED.search(entry.msgid)
           for text in texts(entry) if GIVEN_UP.search(text)]  # fmt: skip
    assert not bad, bad
    assert GIVEN_UP.search("Бұл келісімді кері қайтарып алудан бас тартуға болмайды")
    assert not GIVEN_UP.search("Келісімді кері қайтарып алу туралы бұл өтінішті "
                               "қанағаттандырудан бас тартуға болмайды")  # fmt: skip


# A confirmation link works seven days: the mails that send one said «7 күн ішінде», the
# acknowledgements and pages «жеті күн ішінде», one span written two ways (Russian's rule in
# test_wording_russian). A number of days, hours or weeks up to nine standing alone is written in
# words; a count filled in, a date and Django's own «Соңғы 7 күн» (Past 7 days) are left alone.
FEW_IN_DIGITS = re.compile(
    r"(?<![\d,.\-])[1-9][ \N{NO-BREAK SPACE}]+(күн|тәулік|апта|сағат)", re.IGNORECASE
)


def test_a_few_days_are_written_in_words():
    django = django_msgids()
    bad = [text for domain in ("django", "djangojs") for entry in entries("kk", domain)
           if entry.msgid not in django for text in texts(entry)
           if FEW_IN_DIGITS.search(text)]  # fmt: skip
    assert not bad, bad
    for wrong in ["Осы сілтемені 7\N{NO-BREAK SPACE}күн ішінде ашып", "2 сағаттан кейін",
                  "3 тәулік ішінде", "1 апта бойы"]:  # fmt: skip
        assert FEW_IN_DIGITS.search(wrong), wrong
    for right in ["жеті күн ішінде", "%(days)d жұмыс күні", "56 күн өткенде", "15 жұмыс күні",
                  "2026 жылғы 7 желтоқсан", "1-нұсқа"]:  # fmt: skip
        assert not FEW_IN_DIGITS.search(right), right


# A version's number is an ordinal, joined to its noun by a hyphen: «2-нұсқа», the second
# version, as every policy entry writes it. With a space «мәтінінің 2 нұсқасы» reads «two
# versions of the text»: the evidence said so of the one text kept altered in the database.
# Django's own «Django %(version)s нұсқасы» is a release's name («5.2»), not a count.
ORDINAL = r"%\((version|number|policy_number|cited|latest|later|last)\)[sd]"
COUNTED_VERSION = re.compile(rf"{ORDINAL}\s+(нұсқа|бап|тармақ)", re.IGNORECASE)


def test_a_version_number_is_an_ordinal():
    django = django_msgids()
    bad = [text for entry in entries("kk") if entry.msgid not in django
           for text in texts(entry) if COUNTED_VERSION.search(text)]  # fmt: skip
    assert not bad, bad
    assert COUNTED_VERSION.search("келісім мәтінінің %(version)s нұсқасы жарияланған мәтін емес")
    assert not COUNTED_VERSION.search("саясатының %(number)s-нұсқасы; Django %(django)s нұсқасы")


# A text does not «give» its hash: «мәтін осы SHA-256 хешін береді» is English's «the text gives
# this SHA-256» word for word; a text matches it, «SHA-256 хешіне сәйкес келеді», as the
# evidence, the desk and a person's download now say.
GIVES_A_HASH = re.compile(
    r"SHA-256\s+хешін\s+(\((%\(\w+\)s|[^()])*\)\s+)?(бер(?!іл)|бермей)\w*", re.IGNORECASE
)


def test_a_text_matches_its_hash():
    bad = [text for entry in entries("kk") for text in texts(entry)
           if GIVES_A_HASH.search(text)]  # fmt: skip
    assert not bad, bad
    for wrong in ["мәтін осы SHA-256 хешін береді", "SHA-256 хешін (%(digest)s) бермейді",
                  "оның өз жолындағы SHA-256 хешін беретін-бермейтіні"]:  # fmt: skip
        assert GIVES_A_HASH.search(wrong), wrong
    assert not GIVES_A_HASH.search("мәтін осы SHA-256 хешіне сәйкес келеді; SHA-256 хеші берілген")
