from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    """The Kazakhstan working-day calendar; depends on nothing else of the project."""

    name = "consent.workdays"
    label = "workdays"
    verbose_name = _("Working-day calendar")
