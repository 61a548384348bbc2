from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    """People's requests about their data, from arrival to answer, and what the desk needs."""

    name = "consent.rights"
    label = "rights"
    verbose_name = _("Requests about personal data")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from consent.core.declarations import register_deadlines
        from consent.core.outbox_signals import files_mail_held_back
        from consent.core.withheld import address_corrected
        from consent.workdays.models import CalendarOverride

        from .deadlines import deadline_days
        from .outbox import answers_held_back
        from .readdressed import corrected_since

        # The policy states every right's deadline from the same table the due dates use.
        register_deadlines(deadline_days)
        # A calendar exception added, changed or removed (by staff in the admin) moves the
        # deadlines still running; the calendar app knows nothing of requests.
        pre_save.connect(_calendar_saving, sender=CalendarOverride, dispatch_uid="rights.cal")
        post_save.connect(_calendar_saved, sender=CalendarOverride, dispatch_uid="rights.cal")
        post_delete.connect(_calendar_removed, sender=CalendarOverride, dispatch_uid="rights.cal")
        # An access answer the sender held back for a blocked person: its request learns it.
        files_mail_held_back.connect(answers_held_back, dispatch_uid="rights.held-back")
        # Mail to an address the desk corrected since: to the person's address now, or held.
        address_corrected.connect(corrected_since, dispatch_uid="rights.readdressed")


def _calendar_saving(instance, **_signal) -> None:
    """The day as stored before this save, for the audit row of what the save changed."""
    from .recount import calendar_fields

    stored = type(instance).objects.filter(pk=instance.pk).first() if instance.pk else None
    instance.stored = calendar_fields(stored) if stored is not None else None


def _calendar_saved(instance, created, **_signal) -> None:
    _calendar_changed(instance, "added" if created else "changed")


def _calendar_removed(instance, **_signal) -> None:
    _calendar_changed(instance, "removed")


def _calendar_changed(day, how: str) -> None:
    from .recount import calendar_audit, deadlines_recount, recount_told

    calendar_audit(day, how)
    change = {"calendar_date": str(day.date), "calendar_change": how}
    if how != "removed":
        change["working_day"] = day.is_working_day
    # What moved, for the calendar's admin to tell the staff member (CalendarOverride.told).
    day.told = recount_told(*deadlines_recount(change=change, actor=day.changed_by))
