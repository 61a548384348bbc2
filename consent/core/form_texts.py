"""Whether each public form's consent texts name the data that form collects (Art. 8(4)(7),
compliance L3). A text published before the forms named their own lists holds its purpose's
whole list in its bodies, and a text frozen before its purpose's list changed names the old
list: the form shows it as it is until a new version is published, and nothing told the
officers or the content editors. The forms register themselves here (forms_app sits above the
core): what they collect and which consents they ask for, both as shown now, the consent each
requires and the source its submissions are stored with (what it sent goes with that consent:
`sources_requiring_none_of`, core.submissions.sent_for_others)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .models import ConsentText
from .purposes import PURPOSES
from .texts import current_texts, data_named, render_consent

Texts = dict[str, ConsentText]


@dataclass(frozen=True)
class RegisteredForm:
    name: object  # a lazy string: the form's name in the reader's language
    collects: Callable[[Texts], list[str]]  # the data codes it asks for, given the texts
    purposes: Callable[[Texts], list[str]]  # the consents it asks for, given the texts
    required: str = ""  # the purpose without whose text in force the form takes nothing
    source: str = ""  # the Source its submissions are stored with


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


def sources_requiring_none_of(purposes: Iterable[str]) -> list[str]:
    """The sources of the forms whose required consent is none of `purposes`: what they sent
    has no consent to keep it once those are all that stand."""
    standing = set(purposes)
    return [form.source for form in _FORMS.values() if form.required not in standing]


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


# What the operator must do when a form waits for its consent text: said alike by `check
# --deploy` (consent.I001) and by the form's own log line (forms_app.views), in English as every
# check and log line is. A fresh install has no text in force until an officer publishes one.
PUBLISH_HINT = (
    "In the admin, publish a privacy policy version in force today (Privacy policy versions), "
    "then add the purpose's consent text on it and run «Publish the selected drafts» "
    "(Consent texts: {url})."
)


def waiting_for(purpose: str, forms: list) -> str:
    """The line that says which forms wait for `purpose`'s text and what to do about it."""
    from django.urls import reverse

    url = reverse("admin:consent_consenttext_changelist")
    named = [f"the {form}" for form in forms]
    listed = " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)
    return (
        f"No consent text of '{purpose}' is published and in force: visitors to {listed} read "
        f"«not available yet» (503), and nothing is taken. " + PUBLISH_HINT.format(url=url)
    )


def forms_waiting(texts: Texts | None = None) -> dict[str, list]:
    """{purpose: [form name, ...]} for each registered form whose required purpose has no text
    in force, in registration order (the names lazy: read in the language of their use)."""
    texts = current_texts() if texts is None else texts
    waiting: dict[str, list[str]] = {}
    for form in _FORMS.values():
        if form.required and form.required not in texts:
            waiting.setdefault(form.required, []).append(form.name)
    return waiting


def wording_changed(text: ConsentText) -> bool:
    """Whether the next version of a published text would read otherwise than it does, on the
    same policy version: the site's wording of it changed since (the person's voice, say).
    Only a new version carries the change; a published one is never rewritten."""
    draft = ConsentText(purpose=text.purpose, policy=text.policy,
                        other_kk=text.other_kk, other_ru=text.other_ru)  # fmt: skip
    return any(render_consent(draft, lang) != render_consent(text, lang) for lang in ("kk", "ru"))
