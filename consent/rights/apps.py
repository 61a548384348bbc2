from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    """People's requests about their data, from arrival to answer, and what the desk needs."""

    name = "consent.rights"
    label = "rights"
    verbose_name = _("Requests about personal data")
