from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmaluConfig(AppConfig):
    name = "emalu"
    verbose_name = _("Site pages")
