"""An audit row's details as staff read them: each key the code writes under its label in the
staff member's language, each value in words (a request type by its name, a date as the admin
writes dates, true as «yes»), and a key written before its label was added shown as it is,
never hidden. The row itself is never changed (append-only)."""

from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from consent.common.dates import reader_time
from consent.common.text import EMPTY

from ..models import Declined
from ..phones import phone_shown
from ..purposes import DATA_FIELDS, PURPOSES, SENT_NOTES, sent_name

# Every key an audit() call writes (tests/core/test_audit_details.py reads the code for them).
LABELS = {
    "type": _("request type"),
    "old_type": _("previous request type"),
    "new_type": _("new request type"),
    "status": _("status"),
    "old_status": _("previous status"),
    "channel": _("received by"),
    "source": _("source"),
    "purpose": _("purpose"),
    "fields": _("data changed"),
    "cleared": _("data removed"),
    "erased": _("data erased"),
    "kept": _("purposes the data is kept for"),
    "reason": _("reason"),
    "reason_written": _("reason written on the request"),
    "ended": _("sessions ended"),
    "cause": _("cause"),
    "due": _("due date"),
    "old_due": _("previous due date"),
    "new_due": _("new due date"),
    "received": _("received"),
    "calendar_date": _("calendar day"),
    "calendar_change": _("calendar change"),
    "working_day": _("working day"),
    "format": _("format"),
    "what": _("what"),
    "resent": _("answer sent again"),
    "link_sent": _("a confirmation link was sent"),
    "held_back": _("the answer was held back by the address's hourly mail limit, not sent"),
    "officer_words": _("the officer's own words added to the answer"),
    "already_blocked": _("already blocked"),
    "blocked": _("processing was blocked"),
    "unlawful": _("processing found unlawful"),
    "instead_of": _("instead of"),
    "destroyed_by": _("destroyed by request"),
    "filed_with": _("filed with request"),
    "replaced_by": _("replaced by request"),
    "asked_nothing": _("the letter asks nothing"),
    "recall": _("recalled by the sender's mail program"),
    "request": _("request"),
    "guardian_of": _("records of the children"),
    "for_children": _("done for the children by their parent or guardian"),
    "come_of_age": _("asked by a parent for a child who has come of age since"),
    "mail": _("number of the mail in the sending queue"),
    "filters": _("list filters applied"),
    "quarantined": _("email set aside"),
    "files": _("files the email carried, not kept"),
    "opened_at_desk": _("opened at the desk"),
    "guardian": _("the parent or guardian who asked (their row's number)"),
    "verified": _("confirmed"),
    "list": _("list"),
    "ids": _("rows shown"),
    "audience": _("audience"),
    "recipients": _("recipients"),
    "recipient": _("recipient"),
    "processor": _("processor abroad"),
    "where": _("where"),
    "number": _("version number"),
    "version": _("version"),
    "kind": _("kind"),
    "reconsent": _("consent asked again for"),
    "more_not_recorded": _("further failures not recorded one by one"),
    "window_seconds": _("window, seconds"),
    "consents": _("consent boxes on the form"),
    # A staff edit of the calendar or the phrase table (audit.edit_detail): the row as it is
    # now, and under «old_» what the edit replaced or removed.
    "change": _("change"),
    "note": _("note"),
    "old_note": _("previous note"),
    "old_calendar_date": _("previous calendar day"),
    "old_working_day": _("previously a working day"),
    "phrase": _("phrase"),
    "old_phrase": _("previous phrase"),
    "language": _("language"),
    "old_language": _("previous language"),
    "old_purpose": _("previous purpose"),
    "active": _("in use"),
    "old_active": _("previously in use"),
    "old_assignee": _("previous officer"),
    "assignee": _("officer"),
    "table": _("table"),
}
# Keys whose value is a code of a model field's choices: shown by the choice's name.
CHOICES = {
    "type": ("rights.Ticket", "type"),
    "old_type": ("rights.Ticket", "type"),
    "new_type": ("rights.Ticket", "type"),
    "instead_of": ("rights.Ticket", "type"),
    "status": ("rights.Ticket", "status"),
    "old_status": ("rights.Ticket", "status"),
    "channel": ("rights.Ticket", "channel"),
    "source": ("consent.LedgerEntry", "source"),
    "kind": ("consent.OperatorDocument", "kind"),
    "language": ("rights.IntakePhrase", "language"),
    "old_language": ("rights.IntakePhrase", "language"),
}
# Codes the code writes as values (a reason, a cause, how the calendar changed).
CODES = {
    "corrected": _("the data was corrected"),
    "minimised": _("part of the data was erased"),
    "added": _("added"),
    "changed": _("changed"),
    "removed": _("removed"),
    "minor_by_form": _("a form showed the person is under 18"),
    "guardian_by_child": _("the person confirmed their parent or guardian on their page"),
    "guardian_by_document": _("the parent or guardian showed a document to the officer"),
    **{code.value: code.label for code in Declined},  # guardians.guardian_decline
    "purpose_achieved": _("purpose achieved"),
    "consent_not_confirmed": _("consent not confirmed"),
    "consent_ended": _("the consent given on the form no longer stands"),
    "reapplied": _("destroyed again in a database restored from a backup"),
    "quarantined_email": _("email set aside"),
    # statistics.STATISTICS_TABLES, the tables of the statistics downloads
    "consents": _("consents given by month"),
    "requests": _("requests by month"),
    # emalu/staff_sessions.py, why a staff member's sessions were ended
    "own": _("by the staff member, from their account page"),
    "deactivated": _("the account was closed"),
    "second_factor_removed": _("a second factor of the account was removed"),
}
# Keys whose value names data: a person's field, or a kind of record, by its label.
DATA_KEYS = {"fields", "cleared", "erased", "what"}
DATE_KEYS = {"due", "old_due", "new_due", "received", "calendar_date", "old_calendar_date",
             "birth_date"}  # fmt: skip


def audit_details(detail: Any) -> SafeString | str:
    """The details as a list of «label: value» lines; EMPTY when there are none."""
    if not isinstance(detail, dict):
        return str(detail) if detail not in (None, "") else EMPTY
    if not detail:
        return EMPTY
    rows = [(_label(key), readable(key, value)) for key, value in detail.items()]
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", rows))


def submission_data(data: Any) -> SafeString | str:
    """What a form sent (`Submission.data`), as the audit's details are shown: each field under
    the name the consent texts give its data (DATA_FIELDS), a date as the admin writes dates,
    the service by its title, each consent box by its purpose's name with yes or no."""
    if not isinstance(data, dict) or not data:
        return EMPTY
    rows = []
    for key, value in data.items():
        if key == "consents" and isinstance(value, dict):
            boxes = [(_purpose_name(code), readable(code, bool(ticked)))
                     for code, ticked in value.items()]  # fmt: skip
            rows.append((capfirst(LABELS["consents"]), _list(boxes)))
        elif key in DATA_FIELDS or key in SENT_NOTES:
            shown = _service(value) if key == "service" else readable(key, value)
            rows.append((capfirst(sent_name(key)), shown))
        else:
            rows.append((_label(key), readable(key, value)))
    return _list(rows)


def _list(rows: list) -> SafeString:
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", rows))


def _purpose_name(code: str) -> str:
    return str(PURPOSES[code].name) if code in PURPOSES else code


def _service(slug: Any) -> str:
    """A service by its title in the reader's language (the site's model, read by its label)."""
    try:
        service = apps.get_model("emalu.Service").objects.filter(slug=slug).first()
    except LookupError:
        service = None
    return str(service.title or slug) if service is not None else str(slug)


def _label(key: str) -> str:
    """A key's label; a key without one as the code wrote it, so nothing is hidden."""
    return capfirst(LABELS[key]) if key in LABELS else key


def readable(key: str, value: Any) -> str:
    """One value in words."""
    if isinstance(value, list):
        return ", ".join(readable(key, item) for item in value) or EMPTY
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if value is None or value == "":
        return EMPTY
    if key in DATE_KEYS and isinstance(value, str):
        return _date(value)
    if key == "phone" and isinstance(value, str):  # a form's, as the person's page shows it
        return phone_shown(value)
    if key in ("purpose", "old_purpose") and value in PURPOSES:
        return str(PURPOSES[value].name)
    if key in ("reason", "cause", "calendar_change", "change", "what", "table") and value in CODES:
        return str(CODES[value])
    if key in DATA_KEYS and isinstance(value, str):
        return _data_name(value)
    if key == "list" and isinstance(value, str):
        return _model_name(value)
    if key in CHOICES and isinstance(value, str):
        return _choice(*CHOICES[key], value)
    return str(value)


def _date(value: str) -> str:
    """An ISO date as the admin writes one, a time in the site's zone (timezone.localtime)."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if "T" not in value and " " not in value:
        return reader_time(date.fromisoformat(value))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return reader_time(timezone.localtime(moment))


def _choice(model: str, field: str, value: str) -> str:
    try:
        choices = dict(apps.get_model(model)._meta.get_field(field).flatchoices)
    except (LookupError, FieldDoesNotExist):
        return value
    return str(choices.get(value, value))


def _data_name(name: str) -> str:
    """A person's field by its label («photo»), or a kind of record («submission»)."""
    for label in ("consent.Subject", "consent.Guardian", "consent.Submission"):
        if name == apps.get_model(label)._meta.model_name:
            return str(apps.get_model(label)._meta.verbose_name)
    try:
        return str(apps.get_model("consent.Subject")._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _model_name(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name_plural)
    except (LookupError, ValueError):
        return label
