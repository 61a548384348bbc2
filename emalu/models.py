import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from consent.common.directions import closed_by_line, validate_lines_direction_closed
from consent.common.i18n import localised
from consent.common.text import DOCUMENT_MAX_CHARS, NOTE_MAX_CHARS
from consent.core.phones import normalise_phone, phone_shown
from emalu.rendered import foreign_images, render_markdown, rendered


class Page(models.Model):
    class Slug(models.TextChoices):
        HOME = "home", _("Home")
        ABOUT = "about", _("About")
        SERVICES = "services", _("Services")
        CONTACTS = "contacts", _("Contacts")

    slug = models.CharField(_("page"), max_length=20, choices=Slug, unique=True)
    # Required in both languages by clean(), the one home of that rule (an empty field, only
    # spaces or a text that renders to nothing are refused alike), hence blank=True here.
    title_kk = models.CharField(_("title (Kazakh)"), max_length=200, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=200, blank=True)
    body_kk = models.TextField(
        _("text (Kazakh, Markdown)"), blank=True, max_length=DOCUMENT_MAX_CHARS
    )
    body_ru = models.TextField(
        _("text (Russian, Markdown)"), blank=True, max_length=DOCUMENT_MAX_CHARS
    )
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Shown with a notice that it is not real.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.get_slug_display()

    def clean(self):
        """Compliance L24: a page is shown in Kazakh and in Russian, so it is saved with a title
        and a text in both. A text that renders to nothing (only spaces, a comment, a script
        the sanitiser removes) counts as empty."""
        _require_both_languages(self, ["title"], ["body"], messages={
            "title_kk": _("Write the Kazakh title too: the page is shown in both languages."),
            "title_ru": _("Write the Russian title too: the page is shown in both languages."),
            "body_kk": _("Write the Kazakh text too: the page is shown in both languages."),
            "body_ru": _("Write the Russian text too: the page is shown in both languages."),
        })  # fmt: skip

    def has_language(self, language):
        return _has_words(localised(self, "title", language)) and _shows_something(
            localised(self, "body", language)
        )

    @property
    def language_shown(self):
        """The visitor's language; for a page saved with one language empty (before both were
        required), the other one, said so on the page, rather than an empty page."""
        wanted = "ru" if get_language() == "ru" else "kk"
        other = "kk" if wanted == "ru" else "ru"
        return other if not self.has_language(wanted) and self.has_language(other) else wanted

    @property
    def is_fallback(self):
        return self.language_shown != ("ru" if get_language() == "ru" else "kk")

    @property
    def title(self):
        return localised(self, "title", self.language_shown)

    @property
    def body_html(self):
        return render_markdown(localised(self, "body", self.language_shown))


def _has_words(text):
    """Whether `text` holds anything visible: not only spaces and invisible format characters."""
    return any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text or "")


def _shows_something(markdown_text):
    """Whether staff Markdown shows anything once rendered and sanitised: words or an image."""
    shown = rendered(markdown_text)
    return _has_words(shown.text) or "<img" in shown.html


# What a kk or ru field left empty is told, unless its model says it more precisely (L24).
BOTH_LANGUAGES = {
    "kk": _("Write this in Kazakh too: the site is shown in both languages."),
    "ru": _("Write this in Russian too: the site is shown in both languages."),
}


FOREIGN_IMAGE = _(
    "The site shows no pictures from other sites: a page loads nothing from elsewhere. Remove "
    "the picture, or give the address of a file on this site, starting with «/»."
)


def _require_both_languages(obj, text_fields, markdown_fields=(), optional=False, messages=None):
    """Compliance L24, the one home of the rule for pages, services and the company: each named
    field in kk and in ru (`optional`: or in neither); a Markdown field that renders to nothing
    counts as empty. `messages`: a message per field (`title_kk`) instead of the general one.
    And no line holds a direction mark it leaves open (the campaign's rule, on every line).
    Every refusal of a field is told at once: told one, the editor met the next on saving."""
    errors = {}
    for name in [*text_fields, *markdown_fields]:
        for language in ("kk", "ru"):
            typed = localised(obj, name, language)
            # Markdown is judged as the page shows it: a mark written as a character reference
            # passed the check of the typed text and was left open on the page.
            shown = rendered(typed).text if name in markdown_fields else typed
            try:
                validate_lines_direction_closed(shown)
            except ValidationError as error:
                errors.setdefault(f"{name}_{language}", []).append(error)  # its code kept
        shows = _shows_something if name in markdown_fields else _has_words
        written = {language: shows(localised(obj, name, language)) for language in ("kk", "ru")}
        if optional and not any(written.values()):
            continue
        for language, is_written in written.items():
            if not is_written:
                field = f"{name}_{language}"
                told = (messages or {}).get(field, BOTH_LANGUAGES[language])
                errors.setdefault(field, []).append(told)
    for name in markdown_fields:
        for language in ("kk", "ru"):
            if foreign_images(localised(obj, name, language)):
                errors.setdefault(f"{name}_{language}", []).append(FOREIGN_IMAGE)
    if errors:
        raise ValidationError(errors)


class ServiceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Service(models.Model):
    """One of the operator's services: listed on the services page, with a page of its own,
    and offered on the application form while published."""

    slug = models.SlugField(
        _("address on the site"), unique=True, help_text=_("Latin letters, digits and hyphens.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=200, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=200, blank=True)
    summary_kk = models.CharField(_("summary (Kazakh)"), max_length=300, blank=True)
    summary_ru = models.CharField(_("summary (Russian)"), max_length=300, blank=True)
    body_kk = models.TextField(
        _("text (Kazakh, Markdown)"), blank=True, max_length=DOCUMENT_MAX_CHARS
    )
    body_ru = models.TextField(
        _("text (Russian, Markdown)"), blank=True, max_length=DOCUMENT_MAX_CHARS
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the site and offered on the form.")
    )
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Shown with a notice that it is not real.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["order", "id"]

    def __str__(self):
        return self.slug

    def get_absolute_url(self):
        return reverse("service", args=[self.slug])

    def clean(self):
        _require_both_languages(self, ["title", "summary"], ["body"])

    @property
    def title(self):
        return localised(self, "title")

    @property
    def summary(self):
        return localised(self, "summary")

    @property
    def body_html(self):
        return render_markdown(localised(self, "body"))


class Company(models.Model):
    """What the site tells visitors about the operator besides its legal identity: one row,
    edited in the admin in kk and ru. The legal identity (name, BIN, legal address, email, the
    responsible person) is settings.OPERATOR, its one home: consent texts freeze it and the
    deploy check asks for it. Pages read both through `emalu.company`."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    summary_kk = models.CharField(
        _("what the company does (Kazakh)"),
        max_length=300,
        blank=True,
        help_text=_("A sentence or two: the home page, search engines and link previews."),
    )
    summary_ru = models.CharField(_("what the company does (Russian)"), max_length=300, blank=True)
    address_kk = models.CharField(
        _("office address (Kazakh)"),
        max_length=300,
        blank=True,
        help_text=_("Where visitors come. The legal address is in the operator settings."),
    )
    address_ru = models.CharField(_("office address (Russian)"), max_length=300, blank=True)
    phones = models.TextField(
        _("phones"), blank=True, max_length=NOTE_MAX_CHARS,
        help_text=_("Kazakhstan numbers, one per line."),
    )  # fmt: skip
    hours_kk = models.TextField(_("opening hours (Kazakh)"), blank=True, max_length=NOTE_MAX_CHARS)
    hours_ru = models.TextField(_("opening hours (Russian)"), blank=True, max_length=NOTE_MAX_CHARS)
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Shown with a notice that it is not real.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("company details")
        verbose_name_plural = _("company details")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="company_one_row")]

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def load(cls):
        """The one row, or an empty one before staff have saved it."""
        return cls.objects.filter(pk=1).first() or cls()

    def clean(self):
        errors = {}
        lines = [line for line in self.phones.splitlines() if line.strip()]
        try:
            self.phones = "\n".join(normalise_phone(line) for line in lines)
        except ValidationError as e:
            errors["phones"] = e.messages
        for names, optional in [(["summary"], False), (["address", "hours"], True)]:
            try:
                _require_both_languages(self, names, optional=optional)
            except ValidationError as e:
                errors.update(e.error_dict)  # their codes kept (directions.OldMarksKept)
        if errors:
            raise ValidationError(errors)

    @property
    def phone_numbers(self):
        """[(E.164 for a tel: link, the number as people write it)]."""
        return [(line, phone_shown(line)) for line in self.phones.split()]

    @property
    def summary(self):
        return localised(self, "summary")

    @property
    def address(self):
        return localised(self, "address")

    @property
    def hours(self):
        """As the footer shows it, line by line (`linebreaksbr`: no paragraph ends at a <br>):
        a mark a row saved before the rule left open is closed at its line's end."""
        return closed_by_line(localised(self, "hours"))


class CacheSeen(models.Model):
    """A cache an app host used, named by the id kept in the cache itself (emalu/health.py): hosts
    that share Redis, as they must, name the same one; a host with a cache of its own names
    another, which /healthz reports on every host. The database is the one thing every host of
    the site shares for certain, so the record is kept there."""

    cache_id = models.CharField(max_length=32, unique=True)
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("cache seen by a host")
        verbose_name_plural = _("caches seen by the hosts")

    def __str__(self):
        return self.cache_id
