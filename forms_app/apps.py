from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsAppConfig(AppConfig):
    name = "forms_app"
    verbose_name = _("Public forms")

    def ready(self):
        from consent.rights.retention import retention_ran

        from . import abuse  # noqa: F401  (registers the form token's page-cache slot)
        from .models import prune_used_tokens

        retention_ran.connect(prune_used_tokens, dispatch_uid="forms_app.prune_used_tokens")
