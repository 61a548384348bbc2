"""What the operator publishes: policy versions, consent texts, its documents."""

from django.db import models
from django.db.models import JSONField, Q, Value
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from consent.common.clock import about_now
from consent.common.dates import local_date, local_midnight
from consent.common.directions import validate_direction_closed, validate_lines_direction_closed
from consent.common.i18n import localised
from consent.common.text import DOCUMENT_MAX_CHARS, NOTE_MAX_CHARS

from ..purposes import purpose_choices
from .base import Published


def versioned(name: str, number: int) -> str:
    """A text's name with its version in the reader's language, as the admin lists it (it read
    "… v1" in every language)."""
    return gettext("%(title)s, version %(number)s") % {"title": capfirst(name), "number": number}


LINES = [validate_lines_direction_closed]


class PolicyVersion(Published):
    # Given by the system (policy_checks): the next number when the draft is made, and at
    # publication the one after the last published version's, so published numbers run 1, 2, 3…
    number = models.PositiveIntegerField(
        _("version"), unique=True,
        help_text=_("Given by the system. A draft's number is provisional: when it is published "
                    "it takes the number after the last published version, so published "
                    "versions are numbered in order, with no gap and no number used twice."),
    )  # fmt: skip
    effective_date = models.DateField(_("effective date"))
    # What staff write here closes each direction mark on the line it opens on, as a campaign
    # does (consent.common.text): one left open turned around the rest of the text.
    title_kk = models.CharField(
        _("title (Kazakh)"), max_length=300, validators=[validate_direction_closed]
    )
    title_ru = models.CharField(
        _("title (Russian)"), max_length=300, validators=[validate_direction_closed]
    )
    # A version written from the declarations keeps its template (prose with {{ placeholders }},
    # policydoc.py); publication fills it in, and the filled text is frozen in text_kk/text_ru
    # with its hashes. A version without a template (version 1) is the text as typed.
    template_kk = models.TextField(
        _("template (Kazakh)"), blank=True, max_length=DOCUMENT_MAX_CHARS,
        help_text=_("The text with {{ placeholders }} filled in from the declarations when the "
                    "version is published."), validators=LINES,
    )  # fmt: skip
    template_ru = models.TextField(
        _("template (Russian)"), blank=True, max_length=DOCUMENT_MAX_CHARS, validators=LINES
    )
    text_kk = models.TextField(
        _("text (Kazakh)"), blank=True, max_length=DOCUMENT_MAX_CHARS, validators=LINES
    )
    text_ru = models.TextField(
        _("text (Russian)"), blank=True, max_length=DOCUMENT_MAX_CHARS, validators=LINES
    )
    changes_kk = models.TextField(
        _("changes since the previous version (Kazakh)"), blank=True, max_length=NOTE_MAX_CHARS,
        validators=LINES,
    )  # fmt: skip
    changes_ru = models.TextField(
        _("changes since the previous version (Russian)"), blank=True, max_length=NOTE_MAX_CHARS,
        validators=LINES,
    )  # fmt: skip
    sha256_kk = models.CharField("SHA-256 (kk)", max_length=64, blank=True, editable=False)
    sha256_ru = models.CharField("SHA-256 (ru)", max_length=64, blank=True, editable=False)
    # What it says of each purpose (declarations.agreement_key), frozen at publication: a
    # consent text on it must say the same (texts._differences, which text_publish and
    # policy_publish ask).
    facts = models.JSONField(_("facts stated"), default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("privacy policy version")
        verbose_name_plural = _("privacy policy versions")

    def __str__(self):
        return str(self.number)

    @property
    def title(self):
        return localised(self, "title")

    @property
    def text(self):
        return localised(self, "text")

    @property
    def changes(self):
        return localised(self, "changes")


class ConsentTextQuerySet(models.QuerySet):
    def in_force(self, at):
        """The texts in force at `at`: published by then, on a policy version whose effective
        date has come in Almaty. A text published with a version dated later waits for it, as
        the version does (compliance L25): until then forms, ledger and gate keep the one before.
        Asked about now (`about_now`), every text published, whatever time it carries: one
        published through a host whose clock runs ahead was dated in the others' future, and
        their forms showed the text before it (and the shared page cache kept that page)."""
        published = Q(published_at__isnull=False) if about_now(at) else Q(published_at__lte=at)
        return self.filter(published, policy__effective_date__lte=local_date(at))


class ConsentText(Published):
    """One version of the consent wording for one purpose, kk and ru together (Art. 8(4)).

    At publication the wording is rendered from the purpose and the operator's settings and
    frozen in body_kk/body_ru, with {full_name} standing for the person's name; the hashes are
    of those frozen bodies. What each person saw is hashed again, with their name, on the ledger.
    """

    purpose = models.CharField(_("purpose"), max_length=30, choices=purpose_choices)
    version = models.PositiveIntegerField(
        _("version"),
        help_text=_("Given by the system. A draft's number is provisional: when it is published "
                    "it takes the number after the purpose's last published text, so published "
                    "texts are numbered in order, with no gap and no number used twice."),
    )  # fmt: skip
    policy = models.ForeignKey(
        PolicyVersion, models.PROTECT, verbose_name=_("privacy policy version")
    )
    other_kk = models.TextField(
        _("other information (Kazakh)"), blank=True, max_length=NOTE_MAX_CHARS, validators=LINES
    )
    other_ru = models.TextField(
        _("other information (Russian)"), blank=True, max_length=NOTE_MAX_CHARS, validators=LINES
    )
    body_kk = models.TextField(_("consent text (Kazakh)"), blank=True, editable=False)
    body_ru = models.TextField(_("consent text (Russian)"), blank=True, editable=False)
    sha256_kk = models.CharField("SHA-256 (kk)", max_length=64, blank=True, editable=False)
    sha256_ru = models.CharField("SHA-256 (ru)", max_length=64, blank=True, editable=False)
    # The operator's processors abroad (CROSS_BORDER_PROCESSORS) this version names, frozen with
    # the bodies: a consent covers a transfer only to a processor its text named (compliance L2).
    processors = models.JSONField(
        _("processors abroad named"), default=list, blank=True, editable=False
    )
    # The purpose's facts it states (declarations.agreement_key), frozen with the bodies.
    facts = models.JSONField(_("facts stated"), default=dict, blank=True, editable=False)
    # {language: [[data code, its name], …]}, frozen with the bodies, whose list of data is a
    # placeholder: each form shows the items it collects (texts.render_consent). Empty for a
    # text published before, whose bodies name the purpose's whole list.
    data_names = models.JSONField(
        _("data named"), default=dict, blank=True, editable=False, db_default=Value({}, JSONField())
    )
    # {language: the words of item 2 for a person with no name}, frozen with the bodies
    # (core.nameless). Empty for a text published before: the catalogue's words stand in.
    nameless = models.JSONField(
        _("data subject with no name"), default=dict, blank=True, editable=False,
        db_default=Value({}, JSONField()),
    )  # fmt: skip
    requires_reconsent = models.BooleanField(
        _("requires consent again"),
        default=False,
        help_text=_(
            "Consents given to earlier versions stop counting once this takes effect: when it "
            "is published and its policy version's effective date has come."
        ),
    )

    objects = ConsentTextQuerySet.as_manager()

    class Meta:
        ordering = ["purpose", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["purpose", "version"], name="consenttext_unique")
        ]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")

    def __str__(self):
        return versioned(self.get_purpose_display(), self.version)

    def body(self, language):
        return localised(self, "body", language)

    @property
    def in_force_from(self):
        """The moment it takes effect (ConsentTextQuerySet.in_force); None while a draft."""
        if not self.is_published:
            return None
        return max(self.published_at, local_midnight(self.policy.effective_date))


class OperatorDocument(Published):
    """One version of a document the law asks the operator to approve, generated from the
    declarations (issue 20): the list of personal data per purpose (Art. 25(2)(1)) or the
    register of processing. Frozen at publication, kk and ru together, with the SHA-256 of
    what it says; the PDFs are made from the frozen content."""

    class Kind(models.TextChoices):
        DATA_LIST = "data_list", _("list of personal data (Art. 25(2)(1))")
        REGISTER = "register", _("register of processing")

    kind = models.CharField(_("document"), max_length=20, choices=Kind)
    version = models.PositiveIntegerField(_("version"), editable=False)
    content = models.JSONField(_("content"), default=dict, blank=True, editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="operatordocument_unique")
        ]
        verbose_name = _("operator's document")
        verbose_name_plural = _("operator's documents")

    def __str__(self):
        return versioned(self.get_kind_display(), self.version)
