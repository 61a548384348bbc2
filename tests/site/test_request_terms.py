"""Kazakh keeps three things apart that English and Russian name loosely: a data subject's
request about their data is «өтініш», an application (for a job or a service) «өтінім», and a
message sent with the contact form «хабарлама» (docs/glossary.md). A person who reads «өтінім»
in a mail about their right of access, or «өтініш» on the application form, cannot tell which
of the two they are dealing with.

The rule reads the compiled Kazakh catalogue, which is what visitors, mails and the admin get:
the English words of an entry say which Kazakh words it may use. An entry about a request may
not say «өтінім»; one about an application may not say «өтініш»; one about a message or an
inquiry neither. An entry whose English names none of them (a requester is «өтініш беруші» in
«waiting for the person») is not judged by this rule."""

import gettext
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "kk" / "LC_MESSAGES" / "django.mo"

# English words in a msgid -> the Kazakh word (a stem taking any ending) they stand for.
TERMS = {
    "өтініш": re.compile(r"\brequest(s|'s|er|ers|er's)?\b", re.IGNORECASE),
    "өтінім": re.compile(r"\b(applications?|application's|apply)\b", re.IGNORECASE),
    "хабарлама": re.compile(r"\b(inquir(y|ies)|messages?)\b", re.IGNORECASE),
}
# The two words that are confused; хабарлама also names notices and email messages elsewhere.
CONFUSED = ("өтініш", "өтінім")


def wrong_terms(msgid: str, msgstr: str) -> list[str]:
    """The Kazakh words of `msgstr` that the English `msgid` does not call for."""
    allowed = {word for word, english in TERMS.items() if english.search(msgid)}
    if not allowed:
        return []
    return [word for word in CONFUSED if word not in allowed and word in msgstr.casefold()]


def entries():
    """(msgid, msgstr) of every entry of the compiled catalogue, each plural form apart. An
    entry's context is read as part of its English: «message» in the context «the words of a
    request» is a request's text, «өтініш мәтіні»."""
    with CATALOGUE.open("rb") as file:
        catalog = gettext.GNUTranslations(file)._catalog  # no public iterator
    for key, msgstr in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid:  # not the header
            yield msgid.replace("\x04", ": "), msgstr


def test_the_catalogue_is_compiled():
    assert CATALOGUE.exists(), "run compilemessages first"
    assert CATALOGUE.stat().st_mtime >= CATALOGUE.with_suffix(".po").stat().st_mtime, (
        "the compiled catalogue is older than django.po: run compilemessages"
    )


def test_every_kazakh_entry_names_a_request_an_application_and_a_message_apart():
    bad = [(msgid, msgstr, wrong) for msgid, msgstr in entries()
           if (wrong := wrong_terms(msgid, msgstr))]  # fmt: skip
    assert not bad, "\n".join(f"{m!r} -> {s!r}: {w}" for m, s, w in bad)


def test_the_rule_reads_enough_entries():
    judged = [msgid for msgid, msgstr in entries()
              if any(english.search(msgid) for english in TERMS.values())]  # fmt: skip
    assert len(judged) > 100, len(judged)


@pytest.mark.parametrize(
    "msgid,msgstr,wrong",
    [
        ("Your request %(ref)s", "№ %(ref)s өтініміңіз", ["өтінім"]),
        ("Send an application", "Өтініш жіберу", ["өтініш"]),
        ("A new message has arrived on the site.", "Сайтқа жаңа өтініш келіп түсті.", ["өтініш"]),
        ("Answering inquiries and applications", "Өтініштер мен өтінімдерге жауап беру",
         ["өтініш"]),
        ("Your request %(ref)s", "№ %(ref)s өтінішіңіз", []),
        ("Apply for this service", "Осы қызметке өтінім беру", []),
        ("waiting for the person", "өтініш берушіні күтуде", []),
    ],
)  # fmt: skip
def test_the_rule_sees_a_wrong_word(msgid, msgstr, wrong):
    assert wrong_terms(msgid, msgstr) == wrong


# The web's own requests (an HTTP error page, the proxy's limits, Django's CSRF page) are
# «сұрау»: the word for a person's request about their data is «өтініш» (docs/glossary.md).
WEB_REQUESTS = re.compile(
    r"^(Bad request|Too many requests|The request could not be understood|"
    r"The site cannot take requests|CSRF verification failed|If you have configured your browser|"
    r"Request not accepted|The request could not be read|This address does not accept)"
)


def said_as_a_query(msgid: str, msgstr: str) -> bool:
    return bool(
        TERMS["өтініш"].search(msgid)
        and not WEB_REQUESTS.match(msgid)
        and re.search(r"\bсұрау", msgstr, re.IGNORECASE)
        and "өтініш" not in msgstr.casefold()
    )


def test_a_persons_request_is_never_called_a_query():
    """The retention list told an officer a consent was withdrawn «…ешкім растамаған сұрау
    бойынша»: «сұрау», a query, where every page, letter and the desk say «өтініш»."""
    bad = [(msgid, msgstr) for msgid, msgstr in entries() if said_as_a_query(msgid, msgstr)]
    assert not bad, bad
    assert said_as_a_query("a request never confirmed", "растамаған сұрау")


# «хабарлама» named two things: a message sent with the contact form and a notice (the staff's
# mailed notices, the notice to the authorised body). A notice is «хабарландыру», a message
# «хабарлама» (docs/glossary.md); the Russian keeps «уведомление» and «сообщение» apart too.
# «хабарлама» is said only where the English says message or inquiry: a form that may be an
# application, an unsubscribe, a bug report took it too.
NOTICE = re.compile(r"\b(notices?|notif(y|ied|ies|ication|ications))\b", re.IGNORECASE)
MESSAGE = TERMS["хабарлама"]
# An entry that speaks of a message and of a notice both («answer the inquiry … and send notices
# by email», the service purpose every consent text names) says «хабарландыру» for the notice:
# with «хабарлама» twice it read «answer the message … and send messages by email».
NOTICE_NOUN = re.compile(r"\bnotices?\b", re.IGNORECASE)


def notice_or_message_confused(msgid: str, msgstr: str) -> list[str]:
    said = msgstr.casefold()
    wrong = []
    if not MESSAGE.search(msgid) and "хабарлама" in said:
        wrong.append("хабарлама")
    if MESSAGE.search(msgid) and not NOTICE.search(msgid) and "хабарландыру" in said:
        wrong.append("хабарландыру")
    if NOTICE_NOUN.search(msgid) and "хабарлама" in said and "хабарландыру" not in said:
        wrong = [*dict.fromkeys([*wrong, "хабарлама"])]
    return wrong


@pytest.mark.parametrize(
    "msgid,msgstr,wrong",
    [("Language of my notices", "Хабарламаларымның тілі", ["хабарлама"]),
     ("notice to the authorised body", "уәкілетті органға хабарлама", ["хабарлама"]),
     ("We have received your message", "Хабарландыруыңыз қабылданды", ["хабарландыру"]),
     ("the form cannot be answered", "хабарламаға жауап беруге болмайды", ["хабарлама"]),
     ("an unsubscribe is carried out", "хабарламалардан бас тарту орындалады", ["хабарлама"]),
     ("answer the inquiry and send notices by email",
      "хабарламаға жауап беру және хабарлама жіберу үшін", ["хабарлама"]),
     ("stop notices of orders (messages of a service)",
      "тапсырыстар туралы хабарламаларды тоқтатуды", ["хабарлама"]),
     ("answer the inquiry and send notices by email",
      "хабарламаға жауап беру және хабарландырулар жіберу үшін", []),
     ("Language of my notices", "Хабарландыруларымның тілі", []),
     ("We have received your message", "Хабарламаңыз қабылданды", [])],
)  # fmt: skip
def test_the_notice_rule_tells_a_notice_from_a_message(msgid, msgstr, wrong):
    assert notice_or_message_confused(msgid, msgstr) == wrong


def test_every_kazakh_entry_names_a_notice_and_a_message_apart():
    bad = [(msgid, msgstr, wrong) for msgid, msgstr in entries()
           if (wrong := notice_or_message_confused(msgid, msgstr))]  # fmt: skip
    assert not bad, "\n".join(f"{m!r} -> {s!r}: {w}" for m, s, w in bad)
    assert sum(bool(NOTICE.search(msgid)) for msgid, _ in entries()) > 10


# Russian has the same three: a request about one's data is «запрос», an application «заявка», a
# message or inquiry «сообщение» or «обращение» (docs/glossary.md). The letter answering a
# forwarded letter registered it «как обращение № R-5» while the desk, the subject line and every
# other mail call R-5 a «запрос»: the person could not tell whether it was one.
RU_CATALOGUE = ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.mo"


def russian_inquiry_for_a_request(msgid: str, msgstr: str) -> bool:
    return bool(
        TERMS["өтініш"].search(msgid)
        and not TERMS["хабарлама"].search(msgid)
        and not WEB_REQUESTS.match(msgid)
        and re.search(r"\bобращени", msgstr, re.IGNORECASE)
    )


def test_a_russian_entry_about_a_request_never_calls_it_an_inquiry():
    with RU_CATALOGUE.open("rb") as file:
        catalog = gettext.GNUTranslations(file)._catalog
    bad = [(key, msgstr) for key, msgstr in catalog.items()
           if russian_inquiry_for_a_request(str(key[0] if isinstance(key, tuple) else key),
                                            msgstr)]  # fmt: skip
    assert not bad, bad
    assert russian_inquiry_for_a_request(
        "registered it as request %(ref)s", "зарегистрировали его как обращение № %(ref)s"
    )
    assert not russian_inquiry_for_a_request("Answering inquiries", "Ответы на обращения")
