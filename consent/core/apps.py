from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The privacy core: purposes, texts, people, the ledger, the gate and the audit log.

    Its label stays "consent": the tables, migrations and permissions were made under it.
    """

    name = "consent.core"
    label = "consent"
    verbose_name = _("Personal data and consent")

    def ready(self):
        from . import addresses, checks, delivery, sql  # noqa: F401  (checks, grants, signals)

        addresses.register()
