import markdown
import nh3
from django.db import models
from django.utils.safestring import mark_safe
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
    title_kk = models.CharField(_("title (Kazakh)"), max_length=200)
    title_ru = models.CharField(_("title (Russian)"), max_length=200)
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

    @property
    def title(self):
        return localised(self, "title")

    @property
    def body_html(self):
        return render_markdown(localised(self, "body"))
