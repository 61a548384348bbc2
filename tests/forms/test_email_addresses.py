"""Email addresses a visitor types: what a person really writes is accepted and normalised in one
place; quoted local parts, comments, control characters, separators, IP literals, dotless
domains and domains no mail reaches are refused with a clear message in the visitor's language,
before any mail is queued.
Every spelling of one address shares the per-address limit."""

import base64
import re

import pytest
from django.test import Client
from post_office.models import Email

from consent.core.models import Subject, Submission
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.texts import SHOWN


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


REFUSED = [
    '"a,b"@x.kz',
    '"a\x07"@x.kz',
    '"asel"@example.kz',
    '"asel example"@example.kz',
    "asel @example.kz",
    "asel@ example.kz",
    "as el@example.kz",
    "asel@exam ple.kz",
    "a,b@x.kz",
    "a;b@x.kz",
    "asel@example.kz,other@example.kz",
    "asel@example.kz;other@example.kz",
    "asel@example.kz (Әсел)",
    "(comment)asel@example.kz",
    "Әсел <asel@example.kz>",
    "asel@[127.0.0.1]",
    "asel@[IPv6:::1]",
    "asel@127.0.0.1",
    "asel@localhost",
    "asel@example",
    "asel@example.kz..",
    "asel@.example.kz",
    "asel@-example.kz",
    "asel@exa_mple.kz",
    ".asel@example.kz",
    "asel.@example.kz",
    "as..el@example.kz",
    "asel\x00@example.kz",
    "asel\x1b@example.kz",
    "asel\r\nBcc: x@example.kz",
    "asel@example.kz\r\nBcc: x@example.kz",
    "asel\u202e@example.kz",
    # Invisible in the domain, where Python's IDNA codec keeps what is newer than its tables
    "asel@exam\u2066ple.kz",
    "asel@example\u2069.kz",
    "asel@exam\u061cple.kz",
    "asel@" + "exam\u2066ple.kz".encode("idna").decode(),
    # Punycode that reads as what the codec cannot write back (an emoji): the outbox refused
    # the address and every form answered 500
    "asel@xn--ls8h.la",
    "asel@xn--ls8h.xn--ls8h.kz",
    "asel@@example.kz",
    "a" * 65 + "@example.kz",
    "asel@" + "a" * 64 + ".kz",
    "asel@" + ("a" * 60 + ".") * 5 + "kz",
]
NO_QUOTES = {"kk": "тырнақша", "ru": "кавычек"}  # the message names what to leave out

FORMS = {
    "contact": {"full_name": "Әсел", "phone": "8 701 123 45 67", "message": "Сәлем",
                "consent_service": "on", **SHOWN},
    "apply": {"full_name": "Әсел", "phone": "8 701 123 45 67", "birth_date": "1990-05-17",
              "birth_place": "Өскемен", "service": "Кеңес", "consent_service": "on", **SHOWN},
    "newsletter": {"consent_marketing": "on", **SHOWN},
    "requests/new": {"type": "access"},
    "my-data": {},
}  # fmt: skip


def post(client, lang, kind, email, **more):
    data = {"token": aged_token(), "email": email, **FORMS[kind], **more}
    return client.post(f"/{lang}/{kind}/", data)


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
@pytest.mark.parametrize("email", REFUSED)
def test_addresses_no_person_types_are_refused(client, texts, fast, lang, kind, email):
    response = post(client, lang, kind, email)
    assert response.status_code == 200
    assert 'id="id_email_error"' in response.content.decode()
    # the message that says to leave out spaces, quotes, commas and brackets only where one of
    # them was typed (what else is wrong is said: tests/forms/test_address_slips.py)
    error = response.context["form"].errors["email"][0]
    assert NO_QUOTES[lang] not in error or re.search(r"[\s,;\"'()\[\]\x00-\x1f]", email), error
    assert Email.objects.count() == 0
    assert Submission.objects.count() == Subject.objects.count() == Ticket.objects.count() == 0


ACCEPTED = [
    ("asel@example.kz", "asel@example.kz"),
    ("  asel@example.kz\u00a0", "asel@example.kz"),
    ("\ufeffasel@example.kz\u200b", "asel@example.kz"),
    ("ASEL@EXAMPLE.KZ", "ASEL@example.kz"),
    ("asel.kassymova+news@mail.example.kz", "asel.kassymova+news@mail.example.kz"),
    ("o'brien@example.kz", "o'brien@example.kz"),
    ("asel@мысал.қаз", "asel@мысал.қаз"),
    ("asel@МЫСАЛ.ҚАЗ", "asel@мысал.қаз"),
    ("asel@" + "мысал.қаз".encode("idna").decode(), "asel@мысал.қаз"),
    ("asel@" + "МЫСАЛ.ҚАЗ".encode("idna").decode().upper(), "asel@мысал.қаз"),
    # the address at the end of a sentence, copied with its full stop; a full-width keyboard
    ("asel@example.kz.", "asel@example.kz"),
    ("asel@мысал.қаз.", "asel@мысал.қаз"),
    ("ａｓｅｌ＠ｅｘａｍｐｌｅ．ｋｚ", "asel@example.kz"),
    ("asel@müller.de", "asel@müller.de"),
    # a top-level domain newer than .com's, and one letter from «mail.ru» but somebody's
    ("asel@firma.moscow", "asel@firma.moscow"),
    ("asel@mail.kg", "asel@mail.kg"),
    # what a word processor or a web page leaves inside an address, unseen: IDNA drops it from
    # a domain, and the local part was refused with a message about spaces and quotes
    ("as\u00adel@example.kz", "asel@example.kz"),
    ("asel\u200b@example.kz", "asel@example.kz"),
    ("a\u2060sel@exam\u200bple.kz", "asel@example.kz"),
]


@pytest.mark.parametrize("email,stored", ACCEPTED)
def test_addresses_people_type_are_accepted_and_normalised(
    client, texts, fast, settings, email, stored
):
    assert post(client, "kk", "contact", email).status_code == 302
    assert Subject.objects.get().email == stored
    assert Submission.objects.get().data["email"] == stored
    ack = Email.objects.exclude(to=[settings.STAFF_NOTIFY_EMAIL]).get()
    assert ack.to == [stored]


def test_every_spelling_of_one_address_finds_one_person(texts, fast):
    for email in ["asel@мысал.қаз", "asel@МЫСАЛ.ҚАЗ", "asel@" + "мысал.қаз".encode("idna").decode(),
                  " ASEL@мысал.қаз ", "asel@мысал.қаз."]:  # fmt: skip
        # each from a browser of its own: one browser sending the same form again is told it
        # was received (forms_app/resent.py), whatever spelling the address had
        assert post(Client(), "kk", "contact", email).status_code == 302
    assert Subject.objects.count() == 1 and Submission.objects.count() == 5


NO_AT = {"kk": "Мекенжайда @ белгісі жоқ", "ru": "В\xa0адресе нет знака @"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
@pytest.mark.parametrize("email", ['asel"example.kz', 'Asel.K"мысал.қаз'])
def test_an_at_sign_typed_as_a_quote_is_named(client, texts, fast, lang, kind, email):
    """Shift+2 on a Russian keyboard types «"», not «@»: the visitor was told to leave out
    quotes, and looked for quotes round the address."""
    response = post(client, lang, kind, email)
    assert response.status_code == 200
    assert NO_AT[lang] in response.context["form"].errors["email"][0]
    assert Email.objects.count() == 0
    assert Submission.objects.count() == Subject.objects.count() == Ticket.objects.count() == 0


# A letter that only looks Latin (a Russian or Kazakh keyboard), or a Latin letter with a mark
NOT_LATIN = {
    "аsel@example.kz": "«а»",  # Cyrillic а
    "аsеl@example.kz": "«а», «е»",
    "äsel@example.kz": "«ä»",
    "әсел@мысал.қаз": "«ә», «с», «е», «л»",
    "asel@mаil.kz": "«а»",  # a Cyrillic а in a Latin host: another, unregistrable IDN
}
SAY_LATIN = {"kk": "латын", "ru": "латинскими"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
@pytest.mark.parametrize("email", NOT_LATIN)
def test_a_letter_of_another_alphabet_is_named(client, texts, fast, lang, kind, email):
    """The usual message («without spaces, quotes, commas or brackets») named nothing the
    visitor had typed: a Cyrillic «а» reads as a Latin one. And «asel@mаil.kz» was taken as an
    IDN: the acknowledgement bounced and the person was never found again by their address."""
    response = post(client, lang, kind, email)
    assert response.status_code == 200
    error = response.context["form"].errors["email"][0]
    assert SAY_LATIN[lang] in error and NOT_LATIN[email] in error
    assert Email.objects.count() == 0
    assert Submission.objects.count() == Subject.objects.count() == Ticket.objects.count() == 0


# Domains no mail reaches, told by the address alone (consent/core/domains.py): what the
# message says in each language (the ending, or the common address meant), and what was typed.
NO_MAIL_REACHES = {
    "asel@gmail.con": ("asel@gmail.com деп жазғыңыз келді ме?", "имели в\xa0виду asel@gmail.com?"),
    "Asel.K@mail.r": ("Asel.K@mail.ru деп", "в\xa0виду Asel.K@mail.ru?"),
    "asel@firma.zzz": ("«.zzz» деп аяқталатын мекенжай болмайды: соңғы нүктеден",
                       "оканчиваться на\xa0«.zzz»: проверьте часть после последней точки"),
    "asel@example.test": ("«example.test»\xa0— мысалдар мен", "«example.test»\xa0— домен"),
    "asel@mail.invalid": ("«mail.invalid»\xa0— мысалдар", "«mail.invalid»\xa0— домен"),
    "asel@my.localhost": ("«my.localhost»\xa0— мысалдар", "«my.localhost»\xa0— домен"),
    "asel@shop.example": ("«shop.example»\xa0— мысалдар", "«shop.example»\xa0— домен"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", FORMS)
@pytest.mark.parametrize("email", NO_MAIL_REACHES)
def test_an_address_no_mail_reaches_is_refused_saying_why(client, texts, fast, lang, kind, email):
    """«asel@gmail.con» and «asel@example.test» passed: the acknowledgement and the link to
    confirm went to a mailbox that cannot be, and the visitor waited for them in vain. Told
    offline (no DNS lookup in a request), in the visitor's language, with the address kept in
    the field to mend."""
    response = post(client, lang, kind, email)
    assert response.status_code == 200
    said = NO_MAIL_REACHES[email][lang == "ru"]
    assert said in response.context["form"].errors["email"][0]
    assert f'value="{email}"' in response.content.decode()
    assert Email.objects.count() == 0
    assert Submission.objects.count() == Subject.objects.count() == Ticket.objects.count() == 0


def test_a_request_finds_the_person_whatever_the_spelling(client, texts, fast, make_subject):
    person = make_subject(email="asel@мысал.қаз")
    email = "ASEL@" + "мысал.қаз".encode("idna").decode().upper()
    assert post(client, "ru", "requests/new", email).status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.subject == person and ticket.email == "ASEL@мысал.қаз"
    assert "/requests/confirm/" in Email.objects.get(to=["asel@мысал.қаз"]).message


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_spellings_of_one_address_share_the_per_address_limit(client, texts, make_subject, lang):
    make_subject(email="asel@мысал.қаз")
    spellings = ["asel@мысал.қаз", "ASEL@МЫСАЛ.ҚАЗ",
                 "Asel@" + "мысал.қаз".encode("idna").decode(), '"asel"@мысал.қаз',
                 "asel@мысал.қаз"]  # fmt: skip
    for email in spellings:
        client.post(f"/{lang}/my-data/", {"token": aged_token(), "email": email})
    assert Email.objects.count() == 3  # three links an hour for one address, however written


# Addresses that reach one inbox: a subaddress (RFC 5233: "+" and a tag, which Gmail, Outlook,
# Yandex and most providers deliver to the address without it), and Gmail's, which ignores dots.
ONE_INBOX = [
    "asel+{}@gmail.com",
    "a.sel+{}@gmail.com",
    "as.el+{}@googlemail.com",
    "ASEL+{}@GMAIL.COM",
]


@pytest.mark.parametrize("kind", ["contact", "newsletter", "requests/new"])
def test_addresses_of_one_inbox_share_the_per_address_limit(client, texts, fast, settings, kind):
    """Counted as an address each, `asel+1@gmail.com`, `asel+2@gmail.com`… had the site mail
    one stranger's inbox without bound in the operator's name, from a single connection (the
    per-connection limit allows 300 forms an hour)."""
    for i in range(15):
        email = ONE_INBOX[i % 4].format(i)
        data = {"token": aged_token(), "email": email, **FORMS[kind]}
        assert client.post(f"/kk/{kind}/", data).status_code == 302
    assert Email.objects.exclude(to=[settings.STAFF_NOTIFY_EMAIL]).count() == 10
    assert post(client, "kk", kind, "asel.other@gmail.com").status_code == 302
    assert Email.objects.filter(to=["asel.other@gmail.com"]).count() == 1  # another inbox


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_one_inbox_gets_three_self_service_mails_an_hour(client, texts, fast, lang):
    for i in range(6):
        email = ONE_INBOX[i % 4].format(i)
        client.post(f"/{lang}/my-data/", {"token": aged_token(), "email": email})
    assert Email.objects.count() == 3


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_quoted_address_gets_no_mail_around_the_limit(client, texts, lang):
    for email in ["asel@example.kz"] * 3 + ['"asel"@example.kz', '"a\\sel"@example.kz']:
        client.post(f"/{lang}/my-data/", {"token": aged_token(), "email": email})
    assert Email.objects.count() == 3


QUESTIONS = ["баға", "мерзім", "мекенжай", "кесте", "төлем", "құжат", "курс", "сабақ", "емтихан",
             "сертификат", "жеңілдік", "кезек", "байланыс", "тіл", "топ"]  # fmt: skip


@pytest.mark.parametrize("kind", ["contact", "apply", "newsletter", "requests/new"])
def test_every_form_mails_one_typed_address_a_bounded_number_of_times(
    client, texts, fast, make_subject, settings, kind
):
    """Each public form mails the address typed into it (an acknowledgement, a link to confirm),
    which nobody has shown to be the typer's: whatever its spelling and from however many
    connections, one address gets at most ten such mails an hour, and the forms still answer
    as usual; another address is not held back."""
    fields = FORMS[kind]
    if kind == "requests/new":
        make_subject(email="asel@мысал.қаз")  # a known address gets the link to confirm
        # Questions: the same request or the same words sent again join the open one and are
        # answered once a day (test_repeated_web_requests.py); each question is its own.
        fields = {"type": "other"}
    spellings = ["asel@мысал.қаз", "ASEL@МЫСАЛ.ҚАЗ", "Asel@" + "мысал.қаз".encode("idna").decode()]
    for i in range(15):
        data = {"token": aged_token(), "email": spellings[i % 3], **fields}
        data.setdefault("message", f"{QUESTIONS[i]} туралы сұрақ")
        response = Client().post(f"/kk/{kind}/", data, REMOTE_ADDR=f"203.0.113.{i}")
        assert response.status_code == 302
    to_person = Email.objects.exclude(to=[settings.STAFF_NOTIFY_EMAIL])
    assert to_person.count() == 10
    assert post(client, "kk", kind, "other@example.kz").status_code == 302
    assert to_person.filter(to=["other@example.kz"]).count() == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_tagged_and_dotted_spellings_share_the_per_address_limit(client, texts, lang):
    """«asel+1@gmail.com», «asel+2@gmail.com», «a.sel@gmail.com» reach one inbox: rotating
    them asked the self-service page for a link to the same person again and again."""
    for i, email in enumerate(["asel+1@gmail.com", "asel+2@gmail.com", "a.sel@gmail.com",
                               "A.Sel+x@googlemail.com", "as.el+3@gmail.com"]):  # fmt: skip
        client.post(f"/{lang}/my-data/", {"token": aged_token(), "email": email},
                    REMOTE_ADDR=f"203.0.113.{i}")  # fmt: skip
    assert Email.objects.count() == 3


def test_an_address_other_only_in_a_letter_of_another_alphabet_is_another_person(
    client, texts, fast, make_subject
):
    """«asel@maıl.kz», with the dotless «ı» of Kazakh's Latin alphabet, is a domain anyone may
    register, and another mailbox than «asel@mail.kz». The database's case-blind comparison
    read them as one: the newsletter confirmation mailed to the first granted a marketing
    consent on the second person's record, and a withdrawal mailed from it stopped the second
    person's processing."""
    from consent.core import gate
    from consent.core.ledger import consent_grant
    from consent.core.models import LedgerEntry, Source
    from consent.core.purposes import MARKETING, SERVICE
    from consent.rights.intake import ingest

    person = make_subject(email="asel@mail.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    post(client, "kk", "newsletter", "asel@maıl.kz", email_suggested="asel@maıl.kz")  # not mail.kz
    (mail,) = Email.objects.filter(to=["asel@maıl.kz"])
    client.post(re.search(r"//[^/\s]+(/\S+/newsletter/confirm/[^/\s]+/)", mail.message)[1], SHOWN)
    assert not LedgerEntry.objects.filter(subject=person, purpose=MARKETING).exists()
    assert Subject.objects.get(email="asel@maıl.kz") != person
    withdrawal = ("From: asel@maıl.kz\r\nSubject: =?utf-8?b?"
                  + base64.b64encode("Отзыв согласия".encode()).decode()
                  + "?=\r\nMessage-ID: <i@x>\r\n\r\nОтзываю.\r\n").encode()  # fmt: skip
    ticket = ingest(withdrawal)
    assert ticket.subject != person and gate.may_process(person, SERVICE)
