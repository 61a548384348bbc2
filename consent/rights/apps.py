from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    """People's requests about their data, from arrival to answer, and what the desk needs."""

    name = "consent.rights"
    label = "rights"
    verbose_name = _("Requests about personal data")

    def ready(self):
        from consent.core.declarations import register_deadlines

        from .tickets import deadline_days

        # The policy states every right's deadline from the same table the due dates use.
        register_deadlines(deadline_days)
