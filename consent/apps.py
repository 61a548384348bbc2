from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = _("Personal data and consent")

    def ready(self):
        from . import checks, sql  # noqa: F401  (system checks, post_migrate grants)
