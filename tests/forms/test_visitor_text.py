"""What a visitor can type: every text field of every public form and self-service action goes
through one cleaning (compliance T18, T20). NUL, escape sequences, right-to-left overrides and
zero-width characters are removed before anything is stored; a value too long after cleaning is
a field error in the visitor's language. Never a 500."""

import time
import unicodedata
from urllib.parse import urlencode, urlsplit

import pytest
from django.test import Client
from post_office.models import Email

from consent.common.text import EMOJI_SEQUENCE
from consent.core.ledger import consent_grant
from consent.core.models import LedgerEntry, Source, Subject, Submission
from consent.core.purposes import MARKETING, SERVICE
from consent.core.subjects import address_tag
from consent.rights import selfservice
from consent.rights.models import Ticket
from tests.conftest import aged_token
from tests.texts import AS_SHOWN, SHOWN


@pytest.fixture
def texts(texts_read_only):  # published once for the module (tests/forms/conftest.py)
    return texts_read_only


# (what the visitor sends, what is stored) for a single-line field
NAMES = {
    "nul": ("Әсел\x00 Қасымова", "Әсел Қасымова"),
    # (a sequence without digits: a person's name holds none, common.text.validate_name)
    "esc": ("\x1b[mӘсел\x1b[K Қасымова", "[mӘсел[K Қасымова"),
    "rlo": ("Әсел \u202eавомысаҚ\u202c", "Әсел авомысаҚ"),
    "isolate": ("\u2067Әсел\u2069 Қасымова", "Әсел Қасымова"),
    "zero-width": ("Ә\u200bсел\u200d \ufeffҚасымова\u2060", "Әсел Қасымова"),
    "spaces": ("  Әсел\t\u00a0 \n Қасымова  ", "Әсел Қасымова"),
    "nfd": ("Иван Пе\u0308тров", "Иван Пётров"),
    # Word's manual line break (a vertical tab) and its page break (a form feed), pasted: line
    # breaks, which a single line reads as a space; removed, they joined the words on each side.
    "word-breaks": ("Әсел\x0bҚасымова\x0c", "Әсел Қасымова"),
}
# and for a multi-line field: newlines and tabs stay, the rest as above
MESSAGES = {
    "nul": ("Сәлем\x00!\r\nҚалайсыз?", "Сәлем!\nҚалайсыз?"),
    "esc": ("Сәлем\x1b]8;;http://x\x07!\n\tҚалайсыз?", "Сәлем]8;;http://x!\n\tҚалайсыз?"),
    "rlo": ("Сәлем \u202e!ызсйалаҚ", "Сәлем !ызсйалаҚ"),
    "zero-width": ("\u200bСәлем\u200c\u200e\u200f\u2028Қалайсыз?", "Сәлем\nҚалайсыз?"),
    "word-breaks": ("Сәлем!\x0bҚалайсыз?\x0cРахмет", "Сәлем!\nҚалайсыз?\nРахмет"),
    # pasted emoji: the joiners and tags inside them are what was written (👨‍👩‍👧, 🏴󠁧󠁢󠁳󠁣󠁴󠁿)
    "emoji": (
        "Рахмет 👨\u200d👩\u200d👧 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074"
        "\U000e007f\u200d",
        "Рахмет 👨\u200d👩\u200d👧 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    ),
}
ERRORS = {"kk": "таңбадан аспауы керек", "ru": "не более"}  # "at most N characters", each language
CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean(value, *, multiline=False):
    """A stored value holds no control or invisible format character (newline and tab aside in
    multi-line text) and is in NFC."""
    allowed = "\n\t" if multiline else ""
    bad = [ch for ch in EMOJI_SEQUENCE.sub("", value)  # a joiner or tags within emoji aside
           if unicodedata.category(ch) in CONTROL and ch not in allowed]  # fmt: skip
    return not bad and unicodedata.is_normalized("NFC", value)


def post(client, lang, path, data):
    return client.post(f"/{lang}/{path}", {"token": aged_token(), **SHOWN, **data})


CONTACT = {"full_name": "Әсел Қасымова", "email": "asel@example.kz",
           "phone": "8 701 123 45 67", "message": "Сәлем", "consent_service": "on"}  # fmt: skip
APPLY = {**CONTACT, "birth_date": "1990-05-17", "birth_place": "Өскемен", "service": "Кеңес"}
# The service is chosen from a list (tests/site/test_company.py), not typed.
SINGLE_LINE = [("contact", "full_name", CONTACT), ("apply", "full_name", APPLY),
               ("apply", "birth_place", APPLY)]  # fmt: skip
MULTI_LINE = [("contact", "message", CONTACT), ("apply", "message", APPLY)]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", NAMES)
@pytest.mark.parametrize("kind,field,base", SINGLE_LINE)
def test_single_line_fields_are_cleaned_before_storing(
    client, texts, fast, lang, case, kind, field, base
):
    sent, stored = NAMES[case]
    response = post(client, lang, f"{kind}/", {**base, field: sent})
    assert response.status_code == 302, response.content.decode()[:2000]
    submission = Submission.objects.get()
    assert submission.data[field] == stored
    if field == "full_name":
        assert Subject.objects.get().full_name == stored
    assert all(clean(v) for v in submission.data.values() if isinstance(v, str))


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", MESSAGES)
@pytest.mark.parametrize("kind,field,base", MULTI_LINE)
def test_multi_line_fields_keep_lines_and_lose_the_rest(
    client, texts, fast, lang, case, kind, field, base
):
    sent, stored = MESSAGES[case]
    assert post(client, lang, f"{kind}/", {**base, field: sent}).status_code == 302
    assert Submission.objects.get().data[field] == stored


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(
    "kind,field,base",
    [*SINGLE_LINE, *MULTI_LINE, ("contact", "phone", CONTACT), ("apply", "guardian_name", APPLY)],
)
def test_ten_thousand_characters_are_a_field_error(client, texts, fast, lang, kind, field, base):
    response = post(client, lang, f"{kind}/", {**base, field: "ә" * 10_000})
    html = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary"' in html
    assert f'id="id_{field}_error"' in html
    assert Submission.objects.count() == 0 and Email.objects.count() == 0


def test_zero_width_padding_does_not_count_towards_the_length(client, texts, fast):
    """What counts is what is left after cleaning: invisible padding is neither stored nor a
    reason to refuse."""
    name = "Ә\u200b" * 250  # 500 characters sent, 250 seen (the field takes 300)
    assert post(client, "kk", "contact/", {**CONTACT, "full_name": name}).status_code == 302
    assert Subject.objects.get().full_name == "Ә" * 250


INVISIBLE_NAMES = {
    "format and control": "\u200b\u202e\x00 \u2066",
    "Hangul fillers": "\u3164 \uffa0",
    # What renders as a blank and is sold as an «invisible name»: it was stored as the name.
    "blank braille cells": "\u2800\u2800\u2800",
    "musical null noteheads": "\U0001d159\U0001d159",
    "accents over no letter": "\u0301\u0308 \u0301",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", INVISIBLE_NAMES.values(), ids=INVISIBLE_NAMES)
def test_a_name_of_invisible_characters_only_is_missing(client, texts, fast, lang, name):
    response = post(client, lang, "contact/", {**CONTACT, "full_name": name})
    assert response.status_code == 200 and 'id="id_full_name_error"' in response.content.decode()
    assert Submission.objects.count() == 0


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", NAMES)
def test_newsletter_name_is_cleaned(client, texts, fast, lang, case):
    sent, stored = NAMES[case]
    data = {"email": "news@example.kz", "full_name": sent, "consent_marketing": "on"}
    assert post(client, lang, "newsletter/", data).status_code == 302
    confirm = Email.objects.get()
    link = next(w for w in confirm.message.split() if "/newsletter/confirm/" in w)
    assert client.post(urlsplit(link).path, SHOWN).status_code == 200
    assert Subject.objects.get().full_name == stored


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", MESSAGES)
def test_request_form_message_is_cleaned(client, texts, fast, make_subject, lang, case):
    make_subject(email="asel@example.kz")
    sent, stored = MESSAGES[case]
    data = {"type": "correct", "email": "asel@example.kz", "message": sent}
    assert post(client, lang, "requests/new/", data).status_code == 302
    assert Ticket.objects.get().message == stored


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_request_form_refuses_ten_thousand_characters(client, texts, fast, lang):
    data = {"type": "correct", "email": "asel@example.kz", "message": "ә" * 10_000}
    response = post(client, lang, "requests/new/", data)
    assert response.status_code == 200 and ERRORS[lang] in response.content.decode()
    assert Ticket.objects.count() == 0


UNREADABLE = {"kk": "оқу мүмкін болмады", "ru": "не удалось прочитать"}
# The page of a form the site could not read (consent/common/errors.py::FORM_NOT_READ).
NOT_READ = {"kk": "Сайт браузеріңіз жіберген форманы оқи алмады",
            "ru": "Сайт не смог прочитать форму"}  # fmt: skip


def _encoded(data):
    return urlencode({"token": aged_token(), **SHOWN, **data}).encode()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind,field,base", [*SINGLE_LINE, *MULTI_LINE])
def test_bytes_that_are_not_utf8_are_a_field_error_not_garbled_text(
    client, texts, fast, lang, kind, field, base
):
    """A percent-escape or a multipart field that is not UTF-8 (no browser sends one; Django
    reads it as U+FFFD) is refused at the field, with what to do, instead of being stored as a
    name or message of replacement characters."""
    escaped = _encoded({**base, field: "x"}).replace(
        f"{field}=x".encode(), f"{field}=%D3%98%FF%C0%AF".encode()
    )
    response = client.post(f"/{lang}/{kind}/", escaped,
                           content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html and UNREADABLE[lang] in html
    boundary = "b0undary"
    fields = {**base, "token": aged_token(), **SHOWN}
    parts = [(name, str(value).encode()) for name, value in fields.items() if name != field]
    parts.append((field, "Иван".encode("cp1251")))  # Windows-1251, not UTF-8
    body = (
        b"".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value
            + b"\r\n"
            for name, value in parts
        )
        + f"--{boundary}--\r\n".encode()
    )
    response = client.post(f"/{lang}/{kind}/", body,
                           content_type=f"multipart/form-data; boundary={boundary}")  # fmt: skip
    assert response.status_code == 200 and UNREADABLE[lang] in response.content.decode()
    assert Submission.objects.count() == 0 and Email.objects.count() == 0


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_form_body_that_is_not_utf8_is_refused_not_read_as_latin1(client, texts, fast, lang):
    """Django reads such a body as Latin-1: every field of it, the well-formed ones too, would be
    stored as mojibake (two Latin-1 letters for each Kazakh one). The page says the form could
    not be read, not the bare «Bad request»."""
    body = _encoded(CONTACT).replace(b"full_name=", "full_name=Әсел".encode() + b"\xff")
    response = client.post(f"/{lang}/contact/", body,
                           content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert response.status_code == 400
    assert NOT_READ[lang] in response.content.decode()
    assert Submission.objects.count() == 0 and Subject.objects.count() == 0


# --- self-service: behind the emailed link ----------------------------------------------------


@pytest.fixture
def person(texts, make_subject):
    s = make_subject(full_name="Әсел Қасымова", email="asel@example.kz", phone="+77011234567")
    consent_grant(s, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    return s


@pytest.fixture
def signed_in(person):
    """A browser that has spent the person's emailed link (the link itself is tested in
    tests/rights/test_selfservice.py)."""
    browser = Client(raise_request_exception=False)
    session = browser.session
    session[selfservice.SESSION_KEY] = {"s": person.pk, "until": time.time() + 3600,
                                         "a": address_tag(person.email)}  # fmt: skip
    session.save()
    return browser


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("case", MESSAGES)
def test_self_service_request_message_is_cleaned(signed_in, person, lang, case):
    sent, stored = MESSAGES[case]
    response = signed_in.post(
        f"/{lang}/my-data/request/",
        {"type": "correct", "message": sent, "token": aged_token()},
    )
    assert response.status_code == 302
    assert Ticket.objects.get(subject=person, type="correct").message == stored


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_self_service_request_of_ten_thousand_characters_is_a_field_error(signed_in, lang):
    response = signed_in.post(
        f"/{lang}/my-data/request/", {"type": "block", "message": "ә" * 10_000}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert ERRORS[lang] in html and 'aria-invalid="true"' in html
    assert "ә" * 100 in html  # what the person wrote is given back to them, not lost
    assert not Ticket.objects.exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_value_no_list_offers_is_refused_without_repeating_it(client, texts, fast, lang):
    """Only a tampered post sends one: the error names no value, however long or odd."""
    marker = "zq<b>" + "ә" * 3000
    posts = [
        ("requests/new/", {"type": marker, "email": "asel@example.kz"}),
        ("requests/new/", {"type": "withdraw", "email": "asel@example.kz", "purpose": marker}),
    ]
    for path, data in posts:
        response = post(client, lang, path, data)
        html = response.content.decode()
        assert response.status_code == 200 and 'aria-invalid="true"' in html, path
        assert "zq&lt;b&gt;" not in html and "zq<b>" not in html, path
    assert not Ticket.objects.exists()


HOSTILE = ["\x00", "1\x00", "\x1b[2J", "\u202e1", "1\u200b", "ә" * 10_000, "", "yes"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("value", HOSTILE)
def test_self_service_actions_refuse_anything_but_their_own_values(signed_in, person, lang, value):
    before = (LedgerEntry.objects.count(), Ticket.objects.count())
    actions = [
        ("consent/", {"give": value}),
        ("consent/", {"withdraw": value}),
        ("consent/", {"give": MARKETING, "withdraw": value or MARKETING}),
        ("request/", {"type": value, "message": "Сәлем"}),
        ("export/", {"format": value or "csv"}),
        ("language/", {"language": value}),
    ]
    for path, data in actions:
        response = signed_in.post(f"/{lang}/my-data/{path}", data, follow=True)
        assert response.status_code == 200, (path, data)
        html = response.content.decode()
        assert 'class="notice error"' in html or 'aria-invalid="true"' in html, (path, data)
    assert (LedgerEntry.objects.count(), Ticket.objects.count()) == before


def test_self_service_actions_still_do_their_job(signed_in, person):
    signed_in.post("/kk/my-data/consent/", {"give": MARKETING, f"shown_{MARKETING}": AS_SHOWN})
    assert LedgerEntry.objects.filter(purpose=MARKETING, kind="grant").count() == 1
    signed_in.post("/kk/my-data/consent/", {"withdraw": MARKETING})
    assert LedgerEntry.objects.filter(purpose=MARKETING, kind="withdraw").count() == 1
    assert signed_in.post("/kk/my-data/export/", {"format": "pdf"}).content.startswith(b"%PDF")
    assert signed_in.post("/kk/my-data/export/").content.startswith(b"{")
    signed_in.post("/kk/my-data/request/", {"type": "destroy", "token": aged_token(), **SHOWN})
    assert Ticket.objects.filter(type="destroy", message="").count() == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind,field,base", [*SINGLE_LINE, *MULTI_LINE])
def test_a_field_sent_far_beyond_its_length_is_refused_unread(
    client, texts, fast, lang, kind, field, base
):
    """Half a million invisible characters and a short value: cleaning them cost a worker a
    second (a 7 MB post several) before the cleaned value passed; a field sent far longer
    than it can ever be kept is refused as too long before it is read."""
    padded = "\u200b" * 500_000 + "Әсел"
    response = post(client, lang, f"{kind}/", {**base, field: padded})
    html = response.content.decode()
    assert response.status_code == 200 and f'id="id_{field}_error"' in html
    assert ERRORS[lang] in html
    assert Submission.objects.count() == 0 and Email.objects.count() == 0
