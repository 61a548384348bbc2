"""What the page says of each field holds for what the form does with it, on every form: a field
marked «optional» is taken empty whatever else is chosen; one required in some cases only says
when (its `required_when`, in the mark's place) and is refused empty in those, not in the rest;
one without a mark is refused empty. «Details» said «(optional)» on the request forms, which
refuse a question or a correction without it."""

import re
from datetime import date

import pytest

from consent.common.dates import local_today
from forms_app.forms import ApplicationForm, ContactForm, NewsletterForm, RequestForm
from forms_app.guarded import marked_optional
from forms_app.my_data_forms import SelfServiceForm, SelfServiceRequestForm, WardRequestForm
from tests.conftest import aged_token


class Row:
    pk = 7


FILLED = {
    "full_name": "Әсел Қасымова",
    "email": "asel@example.kz",
    "phone": "+7 701 123 45 67",
    "message": "Тегім қате: Қасымова",
    "birth_date": "1990-05-17",
    "birth_place": "Өскемен",
    "guardian_name": "Гүлнар Қасымова",
    "guardian_contact": "+7 705 765 43 21",
    "child": "7",
    "token": aged_token(),
}
FORMS = {
    "contact": (ContactForm, {}),
    "application": (ApplicationForm, {}),
    "newsletter": (NewsletterForm, {}),
    "request": (RequestForm, {}),
    "my data link": (SelfServiceForm, {}),
    "my data request": (SelfServiceRequestForm, {}),
    "my data request, blocked": (SelfServiceRequestForm, {"blocked": True}),
    "a child's request": (WardRequestForm, {"rows": [Row]}),
}


def filled(form):
    """Every field of the form with a value it takes, and the consent texts as its page shows
    them (PublicForm.texts_shown: a box is ticked beside the words the page showed)."""
    data = {"texts_shown": form.texts_shown()} if hasattr(form, "texts_shown") else {}
    for name, field in form.fields.items():
        if name.startswith("consent_"):
            data[name] = "on"
        elif name in FILLED:
            data[name] = FILLED[name]
        elif name in ("type", "service"):
            data[name] = next(value for value, _label in field.choices if value)
    return data


def variants(form):
    """What else on the form makes a field needed or not: each request type, each age."""
    if "type" in form.fields:
        return [{"type": value} for value, _label in form.fields["type"].choices]
    if "birth_date" in form.fields:
        young = date(local_today().year - 10, 1, 1).isoformat()
        return [{"birth_date": "1990-05-17"}, {"birth_date": young}]
    return [{}]


@pytest.mark.parametrize("which", FORMS)
def test_every_mark_says_what_the_form_does(texts, which):
    form_class, kwargs = FORMS[which]
    shown = form_class(**kwargs)
    for variant in variants(shown):
        data = {**filled(shown), **variant}
        assert form_class(data, **kwargs).is_valid(), (variant, form_class(data, **kwargs).errors)
    for name, field in shown.fields.items():
        if name in ("token", "website") or field.widget.is_hidden:
            continue
        refused = []
        for variant in variants(shown):
            data = {**filled(shown), **variant}
            data.pop(name, None)  # left empty: a box unticked, a list or a text not filled in
            refused.append(name in form_class(data, **kwargs).errors)
        if marked_optional(field):
            assert not any(refused), (name, "marked optional, refused empty")
        elif field.required:
            assert all(refused), (name, "marked required, taken empty")
        else:  # required_when: refused in some cases, and only in some
            assert any(refused) and not all(refused), (name, field.required_when)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_an_optional_set_of_buttons_says_so_in_its_legend(client, texts, lang):
    """The consent a request withdraws was a list box, marked «(optional)» in its label; as
    buttons (a list box cut its choice at its edge with large text) its legend says it, and
    «All of them» starts with a capital as the purposes beside it do."""
    html = client.get(f"/{lang}/requests/new/").content.decode()
    legend = re.search(r'<fieldset[^>]*id="id_purpose"[^>]*>\s*<legend>(.*?)</legend>', html)
    assert {"kk": "(міндетті емес)", "ru": "(необязательно)"}[lang] in legend[1]
    labels = re.findall(r'<label for="id_purpose_\d+">(.*?)</label>', html)
    assert len(labels) > 1 and all(label[0].isupper() for label in labels), labels


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_consent_to_withdraw_says_it_concerns_a_withdrawal_only(client, texts, lang):
    """The choice of a consent showed under every request type as «Which consent do you
    withdraw?»: a person correcting their data read that they were withdrawing one. Without
    JavaScript it shows whatever type is chosen, so its legend says it asks only then."""
    html = client.get(f"/{lang}/requests/new/").content.decode()
    legend = re.search(r'<fieldset[^>]*id="id_purpose"[^>]*>\s*<legend>(.*?)</legend>', html)[1]
    said = {"kk": "Егер келісімді кері қайтарып алсаңыз, қайсысын?",
            "ru": "Если вы отзываете согласие, то какое?"}  # fmt: skip
    assert legend.startswith(said[lang])
