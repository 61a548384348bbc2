"""Every purpose for which the site processes personal data, declared once (compliance L5, L17).

A purpose names the approved list of data (a form may collect nothing else), its term (no purpose
runs without one), who receives the data, whether it leaves Kazakhstan or is published, and
whether a form requires it. Consent texts (models.ConsentText) are rendered from this.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from consent.common.dates import years_later

# Every item of personal data the site may hold, with the name shown in consent texts.
DATA_FIELDS = {
    "full_name": _("surname, first name and patronymic"),
    "email": _("email address"),
    "phone": _("telephone number"),
    "birth_date": _("date of birth"),
    "birth_place": _("place of birth"),
    "photo": _("photograph"),
    "message": _("the text of the message"),
    "service": _("the service requested"),
    "guardian": _("name and contact of the parent or guardian"),
    "analytics_cookie": _("an anonymous statistics cookie identifier"),
}

# What a form's data (Submission.data) holds beside the items above and its boxes: that the
# newsletter's address was confirmed by the link mailed to it (consent.marketing.optin). The
# person's export showed it by its key, «double_opt_in», in a Kazakh or Russian document.
CONFIRMED_BY_LINK = "double_opt_in"
SENT_NOTES = {CONFIRMED_BY_LINK: _("address confirmed by the link emailed to it")}


def sent_name(key: str) -> str:
    """A key of a form's data in the reader's language: an item's name as the consent texts
    give it, a note's, or a key named nowhere as it is (nothing sent is hidden)."""
    return str(DATA_FIELDS.get(key) or SENT_NOTES.get(key, key))


# The legal basis of every purpose: the person's consent (Art. 7(1), 8 of Law 94-V); the
# cross-border purpose's is its own separate consent (Art. 7(6), 16).
CONSENT = _("the consent of the data subject (Art. 7 and 8 of the Law)")

# Who receives what the analytics services collect, and in which country (Art. 8(4)(5), 16):
# named in the analytics consent's text and, for each service loaded, on the cookie banner.
GOOGLE = _("Google LLC (USA)")
YANDEX = _("Yandex LLC (Russia)")


@dataclass(frozen=True)
class Purpose:
    code: str
    name: str
    description: str
    fields: tuple[str, ...]
    term_years: int | None  # the longest a consent lasts; the system check refuses None
    term_text: str
    third_parties: tuple[str, ...] = ()
    cross_border: tuple[str, ...] = ()  # "processor (country)", fixed in the code
    # The setting that lists the operator's own processors abroad, "processor (country)" each.
    # Read whenever a text is rendered or a transfer asked for, never frozen at import, so that
    # the text published is the one the settings in force describe (compliance L2, L18).
    processors_setting: str = ""
    published: bool = False
    required: bool = False
    banner_only: bool = False  # given and withdrawn only through the cookie banner
    basis: str = CONSENT
    other_information: str = field(default="")
    # The term as the Kazakh body of a text published before said it, when its wording has
    # changed since (texts.py reads an old text without frozen facts by its body).
    term_said_before: tuple[str, ...] = ()

    def processors(self) -> tuple[str, ...]:
        """The operator's processors abroad for this purpose, as configured now."""
        if not self.processors_setting:
            return ()
        return tuple(getattr(settings, self.processors_setting))

    def term_end(self, given: datetime) -> datetime:
        """When a consent given at `given` ends: the same local date and time, the term's
        number of years on (common.dates.years_later). The one rule for the ledger's
        `expires_at`, which the gate, retention and every page and file read."""
        return years_later(given, self.term_years)

    def recipients_abroad(self) -> tuple[str, ...]:
        """Everyone abroad who receives the data of this purpose: what the text must name."""
        return (*self.cross_border, *self.processors())


SERVICE = "service"
MARKETING = "marketing"
CROSS_BORDER = "cross_border"
ANALYTICS = "analytics"

PURPOSES = {
    p.code: p
    for p in [
        Purpose(
            code=SERVICE,
            name=_("Answering inquiries and applications"),
            description=_(
                "To answer the inquiry or application, give access to the services and materials "
                "of the site, and send notices by email."
            ),
            fields=(
                "full_name",
                "email",
                "phone",
                "birth_date",
                "birth_place",
                "photo",
                "message",
                "service",
                "guardian",
            ),
            term_years=3,
            term_text=_(
                "until the inquiry or application is dealt with, and no longer than three years "
                "from the day of consent"
            ),
            third_parties=(_("the hosting provider of the site, in Kazakhstan"),),
            required=True,
        ),
        Purpose(
            code=MARKETING,
            name=_("News and special offers"),
            description=_(
                "To send news about products and services, special offers and events by email. "
                "The mailing may be refused at any time, and the service stays the same."
            ),
            fields=("full_name", "email"),
            term_years=3,
            term_text=_("until it is withdrawn, and no longer than three years"),
            term_said_before=(
                "келісімді кері қайтарып алғаныңызға дейін, бірақ үш жылдан аспайды",
            ),
        ),
        Purpose(
            code=CROSS_BORDER,
            name=_("Processing by services abroad"),
            description=_(
                "To let the foreign services listed below process the data on the operator's "
                "behalf."
            ),
            fields=("full_name", "email"),
            term_years=1,
            term_text=_("until it is withdrawn, and no longer than one year"),
            term_said_before=(
                "келісімді кері қайтарып алғаныңызға дейін, бірақ бір жылдан аспайды",
            ),
            processors_setting="CROSS_BORDER_PROCESSORS",
            basis=_(
                "the separate consent of the data subject to cross-border transfer "
                "(Art. 7(6) and 16 of the Law)"
            ),
        ),
        Purpose(
            code=ANALYTICS,
            name=_("Anonymous visit statistics"),
            description=_(
                "To count visits with Google Analytics and Yandex Metrica and improve the site."
            ),
            fields=("analytics_cookie",),
            term_years=1,
            term_text=_(
                "until it is withdrawn in the cookie settings, and no longer than one year"
            ),
            term_said_before=(
                "cookie баптауларында келісімді кері қайтарып алғаныңызға дейін, бірақ бір жылдан "
                "аспайды",
            ),
            cross_border=(GOOGLE, YANDEX),
            banner_only=True,
        ),
    ]
}


def purpose_choices() -> list[tuple[str, str]]:
    return [(code, p.name) for code, p in PURPOSES.items()]


def purposes_named(codes) -> Promise | str:
    """The names of the purposes `codes` for running text, each in «» and parted by «; », as one
    lazy string read in the language it is shown in («…для целей: «Ответы на обращения и
    заявки»; «Новости и предложения»»). A name is a label with a capital letter: written bare
    mid-sentence it reads as part of the sentence, and no case ending may be glued to it; in
    quotes it stands apart, whatever purpose fills it (docs/glossary.md). The one home for
    naming purposes in a sentence; a list with one name a line shows them bare. "" for none."""
    names = [PURPOSES[code].name for code in codes if code in PURPOSES]
    return format_lazy("; ".join(["«{}»"] * len(names)), *names) if names else ""


class PurposeNames(list):
    """The names of the purposes `codes` in the language active: a list where data is listed
    (the JSON export), and, as text (str), the same names as purposes_named writes them: the
    person's PDF joined them with commas, «Ответы на обращения и заявки, Новости и специальные
    предложения», two labels read as one sentence with a capital in its middle."""

    def __init__(self, codes):
        self.codes = [code for code in codes if code in PURPOSES]
        super().__init__(str(PURPOSES[code].name) for code in self.codes)

    def __str__(self):
        return str(purposes_named(self.codes))
