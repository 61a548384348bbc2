from django.apps import AppConfig
from django.conf import settings
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class EmaluConfig(AppConfig):
    name = "emalu"
    verbose_name = _("Site pages")
    default = True

    def ready(self):
        from .third_party import name_no_choice_value

        name_no_choice_value()  # first: before the forms the imports below declare
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from consent.common.pagecache import new_generation
        from forms_app import services

        from . import checks, checks_addresses, checks_names, checks_roles, static_files  # noqa: F401  (the deploy checks)
        from .roles import sync_roles
        from .staff import record_failed_login, staff_language_start, staff_session_start
        from .staff_sessions import account_closed, factor_removed
        from .third_party import (
            name_django_rows,
            name_languages,
            name_yes_no_icons,
            short_dates_in_lists,
            translate_password_warning,
        )

        # What public pages show: their text, the policy and the consent texts on forms.
        for model in ("emalu.Page", "emalu.Service", "emalu.Company", "consent.PolicyVersion",
                      "consent.ConsentText"):  # fmt: skip
            post_save.connect(new_generation, sender=model, dispatch_uid=f"pagecache-{model}")
            post_delete.connect(new_generation, sender=model, dispatch_uid=f"pagecache-d-{model}")
        services.register(published_services)
        post_migrate.connect(sync_roles, sender=self, dispatch_uid="emalu.sync_roles")
        user_login_failed.connect(record_failed_login, dispatch_uid="emalu.login_failed")
        user_logged_in.connect(staff_session_start, dispatch_uid="emalu.staff_session_start")
        user_logged_in.connect(staff_language_start, dispatch_uid="emalu.staff_language_start")
        post_save.connect(account_closed, sender=settings.AUTH_USER_MODEL,
                          dispatch_uid="emalu.account_closed")  # fmt: skip
        for device in ("otp_totp.TOTPDevice", "otp_static.StaticDevice"):
            post_delete.connect(factor_removed, sender=device, dispatch_uid=f"emalu.{device}")
        name_django_rows()
        name_yes_no_icons()
        name_languages()
        short_dates_in_lists()
        translate_password_warning()


def published_services():
    """What the application form offers: the published services, titled in the active language."""
    from .models import Service

    return [(s.slug, s.title) for s in Service.objects.published()]


class StaffAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with the two-factor staff site as the default site."""

    default = False  # listed by its path in INSTALLED_APPS; "emalu" alone means EmaluConfig
    default_site = "emalu.staff.StaffAdminSite"
