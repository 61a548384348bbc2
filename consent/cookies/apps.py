from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CookiesConfig(AppConfig):
    """The cookie banner and the analytics it allows."""

    name = "consent.cookies"
    label = "cookies"
    verbose_name = _("Cookies and analytics")

    def ready(self):
        from . import checks  # noqa: F401  (system checks)
