from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = _("Personal data and consent")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks, sql  # noqa: F401  (system checks, post_migrate grants)
        from .roles import sync_roles

        post_migrate.connect(sync_roles, sender=self, dispatch_uid="consent.sync_roles")

        from django.contrib.auth.signals import user_login_failed

        from .alerts import record_failed_login

        user_login_failed.connect(record_failed_login, dispatch_uid="consent.login_failed")
