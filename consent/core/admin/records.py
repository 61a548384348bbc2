"""The ledger, the audit log and destruction records: read-only for everyone."""

from django.apps import apps
from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from consent.common.text import EMPTY, numbered, written_number

from ..ledger import data_shown
from ..models import (
    AuditEvent,
    LedgerEntry,
    Subject,
    Tombstone,
)  # fmt: skip
from ..purposes import DATA_FIELDS
from .base import (
    AuditedAdmin,
    EstimatedCountPaginator,
    ReadOnlyAdmin,
    guardian_named,
    may_see_people,
)
from .details import audit_details
from .names import person_named, staff_named, with_names


class NamedAdmin(AuditedAdmin, ReadOnlyAdmin):
    """A record of a person and a staff member, both shown by name (names.py); a list that
    names people is audited as any list of them (AuditedAdmin)."""

    subject_field = "subject_id"

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        return with_names(rows, request, subject=self.subject_field, actor="actor_id")

    def lists_personal(self, request):
        return may_see_people(request)

    def subject_numbers(self, objs):
        numbers = {obj.pk: getattr(obj, self.subject_field) for obj in objs}
        return {pk: [number] if number else [] for pk, number in numbers.items()}

    @admin.display(description=Subject._meta.verbose_name)
    def person(self, obj):
        return person_named(obj, getattr(obj, self.subject_field))

    @admin.display(description=_("staff member"))
    def staff(self, obj):
        return staff_named(obj, obj.actor_id, getattr(obj, "actor_label", ""))


@admin.register(LedgerEntry)
class LedgerEntryAdmin(NamedAdmin):
    """A ledger row holds the person's IP and browser: opening one is audited."""

    # Five columns, to fit 1366 px beside the menu and the filters: the purpose with the text's
    # version in one.
    list_display = ["at", "person", "purpose_text", "kind", "source"]
    list_filter = ["kind", "purpose", "source"]
    # By name (and a guardian with their contact: guardian_named), not as «#4», «#5», «1»; the
    # data the text named by their names as it named them, not their codes.
    exclude = ["subject", "guardian", "actor", "shown_fields"]
    readonly_fields = ["person", "staff", guardian_named, "data_named"]
    list_select_related = ["text"]
    list_lookups = ("subject__id__exact",)  # one person's history, linked from their page
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    @admin.display(description=LedgerEntry._meta.get_field("purpose").verbose_name,
                   ordering="purpose")  # fmt: skip
    def purpose_text(self, obj):
        """The consent text by purpose and version; a row without one (a withdrawal, a
        block) by its purpose."""
        return str(obj.text) if obj.text_id else (obj.get_purpose_display() or EMPTY)

    @admin.display(description=LedgerEntry._meta.get_field("shown_fields").verbose_name)
    def data_named(self, entry):
        return data_shown(entry) or EMPTY


@admin.register(AuditEvent)
class AuditEventAdmin(NamedAdmin):
    """Who did what to whose data, the people and staff by name; five columns, to fit a laptop
    screen (the kind and number of the object in one)."""

    subject_field = "subject_ref"
    list_display = ["at", "action", "staff", "person", "object_kind"]
    fields = ["at", "action", "staff", "person", "object_kind", "details"]
    list_filter = ["action"]
    search_fields = ["=subject_ref", "=actor_label"]
    search_help_text = _("A request by its number, as letters write it: R-12. A person by their "
                         "number, as records of destruction write it: 12. A staff member by "
                         "login.")  # fmt: skip
    # The rows about one request or person: where a page's History button leads (history_view).
    list_lookups = ("object_type", "object_id", "subject_ref")
    # Sorted by what the column reads, the model's name, not its stored label (label_order.py).
    labelled_by = {"object_type": lambda: model_kinds()}
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    def changelist_view(self, request, extra_context=None):
        """Opened at the rows about one request or person (a page's History button): the title
        names them, as Django's history page named its object."""
        about = AuditEvent(object_type=request.GET.get("object_type", ""),
                           object_id=request.GET.get("object_id", ""))  # fmt: skip
        person = request.GET.get("subject_ref", "")
        if about.object_type and about.object_id:
            named = " ".join(map(str, object_named(about)))
        elif person.isascii() and person.isdigit():
            named = f"{capfirst(Subject._meta.verbose_name)} {numbered(person)}"
        else:
            return super().changelist_view(request, extra_context)
        title = _("Audit log: %(object)s") % {"object": named}
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def get_search_results(self, request, queryset, search_term):
        """A request as letters, the desk and this list name it («R-12», «№ R-12», a Cyrillic
        «Р»), a person by number with or without «№»: «R-15» searched only the people's numbers
        and staff logins, and found nothing with no word why; «№ 12» too."""
        written = written_number(search_term)  # common/text.py: as letters and pages write it
        if written and written[0] and (found := referenced(*written)):
            return queryset.filter(object_type=found[0], object_id=found[1]), False
        term = str(written[1]) if written and not written[0] else search_term
        return super().get_search_results(request, queryset, term)

    @admin.display(description=AuditEvent._meta.get_field("detail").verbose_name)
    def details(self, obj):
        """The details as a readable list in the staff member's language, not raw JSON."""
        return audit_details(obj.detail)

    @admin.display(description=AuditEvent._meta.get_field("object_type").verbose_name,
                   ordering="object_type")  # fmt: skip
    def object_kind(self, obj):
        """What the row is about, its number kept on one line: in a narrow column «R-3» broke
        at its hyphen, «№ R-» over «3»."""
        kind, *number = object_named(obj)
        return format_html('{} <span class="number">{}</span>', kind, *number) if number else kind


def object_named(obj) -> list[str]:
    """What an audit row is about: the model's name in the staff member's language (the stored
    model label, the app's label, a dot, the model's name, read as code in kk and ru) and, if it
    names one, its number."""
    if not obj.object_type:
        return [EMPTY]
    try:
        model = apps.get_model(obj.object_type)
        kind = capfirst(model._meta.verbose_name)
    except (LookupError, ValueError):  # a model since removed: its label is all there is
        model, kind = None, obj.object_type
    return [kind, numbered(reference_of(model, obj.object_id))] if obj.object_id else [kind]


def model_kinds() -> list[tuple[str, str]]:
    """Each model's stored label and its name in the active language, as object_kind writes
    it."""
    return [(m._meta.label_lower, capfirst(m._meta.verbose_name)) for m in apps.get_models()]


def reference_of(model, object_id: str) -> str:
    """A row's number as letters and the desk write it: a request's «R-12» (its `reference`),
    not its bare 12, which read as a person's number beside it."""
    if has_reference(model) and object_id.isascii() and object_id.isdigit():
        return model(pk=int(object_id)).reference
    return object_id


def has_reference(model) -> bool:
    return isinstance(getattr(model, "reference", None), property)


def referenced(letters: str, number: int) -> tuple[str, str] | None:
    """The (object_type, object_id) of the audited row whose reference is `letters`-`number`
    («R-12»)."""
    reference = f"{letters}-{number}"
    for model in apps.get_models():
        if has_reference(model) and model(pk=number).reference == reference:
            return model._meta.label_lower, str(number)
    return None


@admin.register(Tombstone)
class TombstoneAdmin(ReadOnlyAdmin):
    """The records of destruction: the person by their number («№ 12»: nothing else of them is
    left) and the staff member by login; the bare «1» and «2» of the person's and the staff
    account's numbers read as counts."""

    list_display = ["id", "at", "kind", "person", "items", "request_ref", "staff"]
    fields = ["at", "kind", "person", "items", "request_ref", "staff"]
    readonly_fields = fields

    @admin.display(description=Tombstone._meta.get_field("subject_ref").verbose_name,
                   ordering="subject_ref")  # fmt: skip
    def person(self, obj):
        return numbered(obj.subject_ref) if obj.subject_ref is not None else EMPTY

    @admin.display(description=_("staff member"), ordering="actor_label")
    def staff(self, obj):
        return staff_named(obj, obj.actor_id, obj.actor_label)

    @admin.display(description=Tombstone._meta.get_field("erased").verbose_name)
    def items(self, obj):
        """What went, in words: the items of a minimisation by their names, the guardian rows a
        parent's erasure emptied by their numbers."""
        if obj.kind == Tombstone.Kind.MINIMISED:
            return ", ".join(str(DATA_FIELDS.get(code, code)) for code in obj.erased) or EMPTY
        return ", ".join(numbered(pk) for pk in obj.erased) or EMPTY
