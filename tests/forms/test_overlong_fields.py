"""A field of a public form sent far longer than it could be is refused before it is read
(consent.common.text.cleaning_bound), whatever it is made of: the email address and the date of
birth were read whole first. NFKC writes «\ufdfa» as eighteen letters, so 7 MB of it in the
address or the date took seconds of a worker and hundreds of megabytes, past the worker's memory
ceiling (a 500); format marks (U+200E) round an address were cut off one at a time, the value
copied at every step, minutes of a worker for one post."""

import tracemalloc

import pytest
from django import forms
from post_office.models import Email

from consent.core.models import Subject, Submission
from consent.rights.models import Ticket
from forms_app import forms as public_forms
from forms_app import my_data_forms
from tests.conftest import aged_token

# What a form post may carry (DATA_UPLOAD_MAX_MEMORY_SIZE, 7 MB) of a character of three bytes.
LENGTH = 2_200_000
HOSTILE = {
    "a ligature NFKC writes as eighteen letters": "\ufdfa",
    "a format mark, taken off an address's ends": "\u200e",
}
NOT_AN_ADDRESS = {
    "kk": "Электрондық пошта мекенжайын name@example.kz түрінде",
    "ru": "Введите адрес электронной почты в\xa0виде name@example.kz",
}
NOT_A_DATE = {
    "kk": "Күнді күн.ай.жыл түрінде енгізіңіз",
    "ru": "Введите дату в\xa0виде день.месяц.год",
}
PAGES = [  # (page, field, what the page says, the rest of the form as a visitor fills it)
    ("contact", "email", NOT_AN_ADDRESS, {"full_name": "Әсел", "phone": "87011234567",
                                          "message": "Сәлем", "consent_service": "on"}),
    ("apply", "birth_date", NOT_A_DATE, {"full_name": "Әсел", "email": "asel@example.kz",
                                         "phone": "87011234567", "birth_place": "Өскемен",
                                         "consent_service": "on"}),
    ("newsletter", "email", NOT_AN_ADDRESS, {"consent_marketing": "on"}),
    ("requests/new", "email", NOT_AN_ADDRESS, {"type": "access"}),
    ("my-data", "email", NOT_AN_ADDRESS, {}),
]  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("page,field,said,rest", PAGES, ids=[p[0] for p in PAGES])
@pytest.mark.parametrize("char", HOSTILE.values(), ids=HOSTILE.keys())
def test_an_overlong_field_is_refused_with_its_message(
    client, texts, settings, lang, page, field, said, rest, char
):
    settings.FORM_RATE_LIMIT = "1000/60"
    response = client.post(
        f"/{lang}/{page}/", {**rest, "token": aged_token(), field: char * LENGTH}
    )
    assert response.status_code == 200
    assert said[lang] in response.content.decode()
    assert not Subject.objects.exists() and not Submission.objects.exists()
    assert not Ticket.objects.exists() and not Email.objects.exists()


def public_form_classes():
    modules = (public_forms, my_data_forms)
    return sorted(
        {obj for module in modules for obj in vars(module).values()
         if isinstance(obj, type) and issubclass(obj, forms.BaseForm)
         and obj.__module__ == module.__name__ and obj.base_fields},
        key=lambda cls: cls.__name__,
    )  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("char", HOSTILE.values(), ids=HOSTILE.keys())
def test_no_field_of_a_public_form_reads_an_overlong_value(texts, char):
    """Every field of every public form, the next one too: validating a value far longer than
    the field could keep allocates less than the value itself (nothing copied, nothing
    expanded), so what one post costs stays bounded however it is made. (Longer than every
    field's bound, shorter than a post may be: read a step at a time, a post's length took
    minutes.)"""
    classes = public_form_classes()
    assert public_forms.ApplicationForm in classes and my_data_forms.SelfServiceForm in classes
    value = char * 100_000
    costly = {}
    for form_class in classes:
        for name in form_class().fields:
            form = form_class({name: value})
            tracemalloc.start()
            try:
                form.is_valid()
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
            if peak > len(value):  # a copy of it alone is twice that (two bytes a character)
                costly[f"{form_class.__name__}.{name}"] = peak
    assert costly == {}
