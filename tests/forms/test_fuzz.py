"""Compliance T20: any input gives errors or exactly one submission, never a 500.

Hypothesis's `from_form()` draws every field of each public form: what the field itself accepts
(`from_field`), a known good value, or hostile text (Kazakh letters, right-to-left and zero-width
marks, NUL, 10 000 characters). Half the examples take no hostile text and keep the checked fields
(email, phone, date of birth, the required consents, the photo) good, so that accepted input is
fuzzed too and must store exactly one row.

Each run draws Hypothesis' default hundred examples a form, new ones every run (no example
database is kept between CI's clean clones): what one run does not try, the next may.
"""

import time

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from hypothesis.extra.django import from_field, from_form, register_field_strategy

from consent.core.models import Submission
from forms_app.fields import BirthDate, ConsentBox, EmailAddress, PhoneOrEmail, VisitorText
from forms_app.forms import ApplicationForm, ContactForm, NewsletterForm
from tests.conftest import aged_token
from tests.forms.photos import jpeg, png
from tests.texts import SHOWN

KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
WEIRD = "\u200b\u200d\u200e\u200f\u202e\u061c\ufeff\x00\n\r\t<>\"'&%;"
alphabet = st.characters(codec="utf-8") | st.sampled_from(KAZAKH + WEIRD + "абвгд АБВ .-")
long_text = st.builds(
    lambda c, n: c * n, st.sampled_from("ә\u200bA\x00\u202e"), st.integers(9_000, 10_500)
)
weird_text = st.text(alphabet, max_size=60) | long_text
# The project's own field classes, drawn as Django's CharField, EmailField and BooleanField are.
register_field_strategy(VisitorText, st.text(alphabet, max_size=300))
register_field_strategy(
    EmailAddress,
    st.sampled_from(["a@example.kz", "B.C@Mail.KZ", "asel@мысал.қаз", '"a,b"@x.kz', "x@localhost"])
    | st.emails(),
)
register_field_strategy(
    PhoneOrEmail,
    st.sampled_from(["8 701 123 45 67", "a@example.kz", "мама", "+7 912 345 67 89"])
    | st.text(alphabet, max_size=60),
)
register_field_strategy(ConsentBox, st.booleans())
# A date of birth from a date picker, or typed by hand in any order with any separator.
register_field_strategy(
    BirthDate,
    st.dates().map(str)
    | st.builds(
        "{0:02d}{3}{1:02d}{3}{2}".format,
        st.integers(0, 40),
        st.integers(0, 14),
        st.integers(0, 3000),
        st.sampled_from("./- "),
    )
    | st.text(alphabet, max_size=20),
)
VALID = {
    "full_name": st.sampled_from(["Әсел Қасымова", "Иван Петров", "Ұлан"]),
    "email": st.sampled_from(["a@example.kz", "b.c@mail.kz"]),
    "phone": st.sampled_from(["8 701 123 45 67", "+7 (705) 765-43-21"]),
    "message": st.sampled_from(["Сәлем!", "Вопрос"]),
    "birth_date": st.sampled_from(["1990-01-01", "01.02.1985"]),
    "birth_place": st.sampled_from(["Өскемен", "Семей"]),
    "service": st.sampled_from(["Кеңес"]),
    "guardian_name": st.sampled_from(["", "Айгүл Серікова"]),
    "guardian_contact": st.sampled_from(["", "8 701 765 43 21", "ana@example.kz"]),
}
CHECKED = {"email", "phone", "birth_date"}  # what free text from from_field() rarely passes
FORMS = {"contact": ContactForm, "apply": ApplicationForm, "newsletter": NewsletterForm}
PHOTO = st.none() | st.builds(
    ContentFile, st.binary(min_size=1, max_size=2048), name=st.sampled_from(["me.jpg", "ф.png"])
)
# A photo the form takes: none, or a real small JPEG or PNG.
GOOD_PHOTO = st.none() | st.sampled_from([("me.jpg", jpeg), ("ф.png", png)]).map(
    lambda named: ContentFile(named[1](), name=named[0])
)


def field_strategies(form_class, keep_checked_good):
    strategies = {"token": st.just(""), "website": st.just("")}
    for name, field in form_class().fields.items():
        if name in strategies:
            continue
        if name == "photo":
            strategies[name] = GOOD_PHOTO if keep_checked_good else PHOTO
        elif keep_checked_good and name.startswith("consent_") and field.required:
            strategies[name] = st.just(True)
        elif keep_checked_good and (name in CHECKED or name.startswith("consent_")):
            strategies[name] = VALID.get(name, from_field(field))
        elif name.startswith("consent_"):
            strategies[name] = st.one_of(from_field(field), st.booleans(), weird_text)
        else:
            options = [VALID[name]] if name in VALID else []
            hostile = [] if keep_checked_good else [weird_text]
            strategies[name] = st.one_of([*options, from_field(field), *hostile])
    return strategies


def examples(form_class):
    return st.one_of(
        from_form(form_class, **field_strategies(form_class, keep_checked_good=True)),
        from_form(form_class, **field_strategies(form_class, keep_checked_good=False)),
    )


def post_data(form):
    """The drawn form's data as a browser sends it: a ticked box is "on", an unticked one absent."""
    data = {}
    for name, value in form.data.items():
        if value is True:
            data[name] = "on"
        elif value is not False and value is not None:
            data[name] = value
    for name, upload in form.files.items():
        if upload is not None:
            upload.seek(0)
            data[name] = upload
    return data


@pytest.mark.parametrize("kind", FORMS)
def test_fuzzed_forms_never_fail(texts, kind, settings):
    settings.FORM_RATE_LIMIT = "1000000/60"
    stored = []

    @hsettings(deadline=None, suppress_health_check=list(HealthCheck))
    @given(form=examples(FORMS[kind]), lang=st.sampled_from(["kk", "ru"]))
    def post(form, lang):
        # A visitor an example: one browser sending the same form again is answered «received
        # already» with no new row (forms_app/resent.py), and Hypothesis replays examples.
        client = Client(raise_request_exception=False)
        before = Submission.objects.count()
        response = client.post(
            f"/{lang}/{kind}/", {**post_data(form), "token": aged_token(), **SHOWN}
        )
        assert response.status_code in (200, 302), response.status_code
        after = Submission.objects.count()
        if response.status_code == 302:
            stored.append(1)
        if kind == "newsletter":
            assert after == before  # nothing is stored before the double opt-in
        elif response.status_code == 302:
            assert after == before + 1
        else:
            assert after == before
            assert 'class="error-summary"' in response.content.decode()

    post()  # T20's time (< 60 s a form) is make bench's (bench/fuzz.py), not an assertion here
    print(f"T20 {kind}: 200 examples, {len(stored)} accepted")
    assert stored, "no accepted example: the valid path went unfuzzed"


TYPED = {"type": ["correct", "block"], "message": ["Сәлем", ""]}
SELF_SERVICE = {
    # Every button but the request's posts the request form too (what is being written).
    "consent/": {"give": ["marketing", "cross_border"], "withdraw": ["service"], **TYPED},
    "export/": {"format": ["json", "pdf"], **TYPED},
    "language/": {"language": ["kk", "ru"], **TYPED},
    "request/": {
        "type": ["correct", "block", "destroy", "access"],
        "message": ["Сәлем", ""],
        "token": ["<a fresh token>"],
    },
}


def self_service_posts():
    """An action of the self-service page with each field good, absent or hostile."""
    return st.sampled_from(sorted(SELF_SERVICE)).flatmap(
        lambda path: st.tuples(
            st.just(path),
            st.fixed_dictionaries(
                {},
                optional={
                    name: st.sampled_from(good) | weird_text
                    for name, good in SELF_SERVICE[path].items()
                },
            ),
        )
    )


def test_fuzzed_self_service_actions_never_fail(texts, make_subject):
    """T20 for the page behind the emailed link: every action, every field, hostile text too."""
    from consent.core.ledger import consent_grant
    from consent.core.models import LedgerEntry, Source
    from consent.core.purposes import SERVICE
    from consent.core.subjects import address_tag
    from consent.rights import selfservice
    from consent.rights.models import Ticket

    person = make_subject(email="asel@example.kz")
    consent_grant(person, texts[SERVICE], language="kk", source=Source.CONTACT_FORM)
    client = Client(raise_request_exception=False)
    session = client.session
    session[selfservice.SESSION_KEY] = {"s": person.pk, "until": time.time() + 10**6,
                                         "a": address_tag(person.email)}  # fmt: skip
    session.save()

    @hsettings(deadline=None, suppress_health_check=list(HealthCheck))
    @given(action=self_service_posts(), lang=st.sampled_from(["kk", "ru"]))
    def post(action, lang):
        path, data = action
        if data.get("token") == "<a fresh token>":  # the page's own, made for each post
            data = {**data, "token": aged_token()}
        before = LedgerEntry.objects.count(), Ticket.objects.count()
        response = client.post(f"/{lang}/my-data/{path}", data)
        assert response.status_code in (200, 302), response.status_code
        after = LedgerEntry.objects.count(), Ticket.objects.count()
        if path == "request/" and after != before:
            message = Ticket.objects.latest("id").message
            assert "\x00" not in message and "\u202e" not in message and len(message) <= 5000
        if path == "export/" and response.status_code == 200:
            assert response["Content-Disposition"].startswith("attachment")

    post()
