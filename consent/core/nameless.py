"""A consent text shown to a person with no name on record (a request opened at the desk or
from a letter, a name removed by minimisation): its sentences without the name, «Я даю
согласие…», «2. Субъект персональных данных: лицо, дающее это согласие.», never a blank where
the name goes, «Я, , даю согласие…».

A published text's bodies hold NAME_PLACEHOLDER twice: as the apposition of its first sentence
(«Я, {full_name}, даю…») and as the data subject of item 2. The words for the second are frozen
with the bodies (`ConsentText.nameless`), as its list of data is, so that what a nameless grant
showed, and hashed, reads the same whatever the catalogues say later."""

from django.utils import translation
from django.utils.translation import gettext_lazy

NAME_PLACEHOLDER = "{full_name}"
# The first sentence's apposition, left out with no name: «Я, {full_name}, даю» → «Я даю».
APPOSITION = f", {NAME_PLACEHOLDER},"
# The data subject of item 2, for a person with no name.
NO_NAME = gettext_lazy("the person giving this consent")
# The words for a text published before they were frozen with it (a published row cannot be
# changed, core.sql): fixed here, as the catalogues said NO_NAME then, so that no later
# catalogue changes what its nameless grants showed.
EARLIER = {"kk": "осы келісімді беретін адам", "ru": "лицо, дающее это согласие"}
# The name where a text is shown before anyone has typed one: under a public form's box, and in
# the admin's preview of the text, which showed the placeholder itself, «Мен, {full_name}, …».
FORM_NAME = gettext_lazy("[your name from this form]")


def form_name(language: str) -> str:
    """FORM_NAME in `language`, whatever language the page around it is in."""
    with translation.override(language):
        return str(FORM_NAME)


def nameless_words() -> dict[str, str]:
    """{language: the words of item 2 for a person with no name}, frozen with a text."""
    out = {}
    for language in ("kk", "ru"):
        with translation.override(language):
            out[language] = str(NO_NAME)
    return out


def has_name(full_name: str) -> bool:
    return bool(full_name.strip())


def name_filled(text, language: str, body: str, full_name: str) -> str:
    """`body` of `text` with `full_name` in place of NAME_PLACEHOLDER; with none (blank), the
    sentences without it, in the words frozen with the text (EARLIER for a text published before
    they were; the catalogue's for a draft)."""
    if has_name(full_name):
        return body.replace(NAME_PLACEHOLDER, full_name)
    if text.is_published:
        words = (text.nameless or {}).get(language) or EARLIER[language]
    else:
        with translation.override(language):
            words = str(NO_NAME)
    return body.replace(APPOSITION, "").replace(NAME_PLACEHOLDER, words)
