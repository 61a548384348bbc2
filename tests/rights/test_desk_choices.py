"""A choice the desk did not offer is refused in the officer's language, naming no code.
Django's «Select a valid choice. access is not one of the available choices.» showed the raw
code of a request type (which every page names by its kk or ru label) when a hand-crafted post
retyped a request to its own type, and echoed whatever a post put in any choice field."""

import re

import pytest
from django import forms
from django.apps import apps
from django.urls import get_resolver
from django.utils import translation

from consent.core.models import AuditEvent
from consent.rights.models import Ticket
from consent.rights.selfservice import ticket_open_verified

from .conftest import act

OWN_TYPE = "Choose a type other than the request's own."  # retyping.ticket_reclassify
BOGUS = "nonesuch-code"


def errors_shown(html):
    """The text of the page's error lists and error messages."""
    found = re.findall(r'<ul class="(?:errorlist|messagelist)[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    return " ".join(" ".join(re.sub(r"<[^>]+>", " ", block).split()) for block in found)


@pytest.fixture
def access(person):
    return ticket_open_verified(person, "access", "", "kk")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_retype_to_the_requests_own_type_is_refused_in_words(desk, access, lang):
    desk.cookies["django_language"] = lang
    page = act(desk, access, "retype", new_type="access").content.decode()
    shown = errors_shown(page)
    with translation.override(lang):
        said = translation.gettext(OWN_TYPE)
    assert said != OWN_TYPE and said in shown, shown  # in the officer's language
    assert "access" not in shown
    assert Ticket.objects.get(pk=access.pk).type == "access"
    assert not AuditEvent.objects.filter(action="request_retype").exists()


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("field", ["new_type", "new_purpose"])
def test_a_choice_not_offered_is_refused_without_echoing_it(desk, access, lang, field):
    desk.cookies["django_language"] = lang
    data = {"new_type": "withdraw", field: BOGUS}
    shown = errors_shown(act(desk, access, "retype", **data).content.decode())
    assert shown and BOGUS not in shown
    assert Ticket.objects.get(pk=access.pk).type == "access"


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


PROJECT = ("consent", "emalu", "forms_app")


def test_no_choice_field_of_the_project_or_its_models_echoes_a_value():
    """The class: every form the project declares (imported with its URLs and admin), the
    admin's forms made from the models' choices, and the models' own validation."""
    assert get_resolver().url_patterns  # every view module, and with it every form, is imported
    fields = [
        (f"{form.__module__}.{form.__name__}.{name}", field)
        for form in set(_subclasses(forms.BaseForm))
        if form.__module__.startswith(PROJECT)
        for name, field in getattr(form, "base_fields", {}).items()
        if isinstance(field, forms.ChoiceField | forms.MultipleChoiceField)
    ]
    assert any(name.endswith("ActionForm.new_type") for name, _field in fields)
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if getattr(field, "choices", None):
                fields.append((f"{model._meta.label}.{field.name}", field))
                fields.append((f"{model._meta.label}.{field.name} (form)", field.formfield()))
    leaking = [
        name for name, field in fields
        if any("%(value)" in str(field.error_messages.get(key, "")) or "%(pk)" in str(
            field.error_messages.get(key, "")) for key in ("invalid_choice", "invalid_pk_value"))
    ]  # fmt: skip
    assert not leaking
