import unicodedata
from html import unescape

import markdown
import nh3
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from consent.common.i18n import localised


def render_markdown(text):
    """Markdown written by staff, sanitised so that no script or foreign resource gets through."""
    html = markdown.markdown(text, extensions=["extra", "sane_lists"])
    clean = nh3.clean(html, url_schemes={"https", "mailto", "tel"})
    # Sanitised by nh3 just above.
    return mark_safe(clean)  # noqa: S308  # nosec B308 B703


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
    body_kk = models.TextField(_("text (Kazakh, Markdown)"), blank=True)
    body_ru = models.TextField(_("text (Russian, Markdown)"), blank=True)
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
        missing = {
            "title_kk": _("Write the Kazakh title too: the page is shown in both languages."),
            "title_ru": _("Write the Russian title too: the page is shown in both languages."),
            "body_kk": _("Write the Kazakh text too: the page is shown in both languages."),
            "body_ru": _("Write the Russian text too: the page is shown in both languages."),
        }
        errors = {}
        for name, message in missing.items():
            shows = _shows_something if name.startswith("body") else _has_words
            if not shows(getattr(self, name)):
                errors[name] = message
        if errors:
            raise ValidationError(errors)

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
    html = render_markdown(markdown_text or "")
    return _has_words(unescape(strip_tags(html))) or "<img" in html
