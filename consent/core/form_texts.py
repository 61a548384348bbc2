"""Whether each public form's consent texts name the data that form collects (Art. 8(4)(2),
compliance L3). A text published before the forms named their own lists holds its purpose's
whole list in its bodies, and a text frozen before its purpose's list changed names the old
list: the form shows it as it is until a new version is published, and nothing told the
officers or the content editors. The forms register themselves here (forms_app sits above the
core): what they collect and which consents they ask for, both as shown now."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import DatabaseError

from .models import ConsentText
from .purposes import PURPOSES
from .texts import current_texts, data_named

Texts = dict[str, ConsentText]


@dataclass(frozen=True)
class RegisteredForm:
    name: object  # a lazy string: the form's name in the reader's language
    collects: Callable[[Texts], list[str]]  # the data codes it asks for, given the texts
    purposes: Callable[[Texts], list[str]]  # the consents it asks for, given the texts


@dataclass(frozen=True)
class Unnamed:
    """A form whose consent text of `purpose` names `named` where the form collects `wanted`."""

    form: RegisteredForm
    purpose: str
    text: ConsentText
    named: list[str]
    wanted: list[str]


_FORMS: dict[str, RegisteredForm] = {}


def form_register(key: str, form: RegisteredForm) -> None:
    """For forms_app's AppConfig.ready: one entry per public form, by its key."""
    _FORMS[key] = form


def texts_unnamed(texts: Texts | None = None) -> list[Unnamed]:
    """Each form and consent whose current text names other data than that form collects of
    its purpose (`texts.data_named`: what the form shows), in registration order."""
    texts = current_texts() if texts is None else texts
    found = []
    for form in _FORMS.values():
        collected = form.collects(texts)
        for purpose in form.purposes(texts):
            text = texts.get(purpose)
            if text is None:
                continue
            own = list(PURPOSES[purpose].fields)
            wanted = [code for code in own if code in collected] or own
            named = data_named(text, collected)
            if set(named) != set(wanted):
                found.append(Unnamed(form, purpose, text, named, wanted))
    return found


def texts_unnamed_or_none() -> list[Unnamed] | None:
    """texts_unnamed(), or None when the database cannot answer (a system check runs before
    `migrate` has made the tables the code reads)."""
    try:
        return texts_unnamed()
    except DatabaseError:
        return None
