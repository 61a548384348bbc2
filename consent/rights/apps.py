from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    """People's requests about their data, from arrival to answer, and what the desk needs."""

    name = "consent.rights"
    label = "rights"
    verbose_name = _("Requests about personal data")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from consent.core.declarations import register_deadlines
        from consent.workdays.models import CalendarOverride

        from .tickets import deadline_days

        # The policy states every right's deadline from the same table the due dates use.
        register_deadlines(deadline_days)
        # A calendar exception added, changed or removed (by staff in the admin) moves the
        # deadlines still running; the calendar app knows nothing of requests.
        post_save.connect(_calendar_changed, sender=CalendarOverride, dispatch_uid="rights.cal")
        post_delete.connect(_calendar_changed, sender=CalendarOverride, dispatch_uid="rights.cal")


def _calendar_changed(**_signal) -> None:
    from .breaches import regulator_dues_recount
    from .tickets import due_dates_recount

    due_dates_recount()
    regulator_dues_recount()
