"""The corrections on a person's page (people.SubjectAdmin): each item's old and new value as
the page shows that item, its document and its request."""

from datetime import date

from django.contrib import admin
from django.contrib.admin.utils import display_for_field
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from consent.common.text import EMPTY
from consent.core.admin import ReadOnlyInline
from consent.core.models import Subject
from consent.core.phones import phone_shown

from ..models import Correction
from .ticket_shown import ticket_link


def item_shown(field: str, held: str) -> str:
    """A value a correction keeps as text, as the person's page shows the item: a date of birth
    as the page writes a date («5 мая 2010 г.»), a phone number in groups. The table showed
    them as stored, «2010-05-05» and «+77017654321», beside the «05.05.2010» the officer typed
    and the number the page above dials, so the change read as another value."""
    if not held:
        return held
    if field == "phone":
        return phone_shown(held) or held
    try:
        model_field = Subject._meta.get_field(field)
    except FieldDoesNotExist:
        return held
    if model_field.get_internal_type() == "DateField":
        try:
            return display_for_field(date.fromisoformat(held), model_field, EMPTY)
        except ValueError:
            return held  # kept as it was stored
    return held


class CorrectionInline(ReadOnlyInline):
    """Each correction's old and new value and its document (compliance L11): an item removed
    at the person's request reads as «removed», what it was erased with it (L13)."""

    model = Correction
    fields = ["at", "item", "old", "new", "document", "request_link"]
    readonly_fields = fields
    ordering = ["-id"]
    show_change_link = False  # the rows are read here; they have no page of their own

    @admin.display(description=Correction._meta.get_field("field").verbose_name)
    def item(self, obj):
        try:
            return Subject._meta.get_field(obj.field).verbose_name
        except FieldDoesNotExist:
            return obj.field

    @admin.display(description=Correction._meta.get_field("old_value").verbose_name)
    def old(self, obj):
        return item_shown(obj.field, obj.old_value) or EMPTY

    @admin.display(description=Correction._meta.get_field("new_value").verbose_name)
    def new(self, obj):
        return item_shown(obj.field, obj.new_value) or _("removed")

    @admin.display(description=_("request"))
    def request_link(self, obj):
        return ticket_link(obj)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("ticket")
