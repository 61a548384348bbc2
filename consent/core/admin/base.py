"""What the project's admins share: read-only pages, audited pages of personal data, counts
that do not scan a million rows, inlines of the latest rows."""

import json
from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Model
from django.db.models.constants import LOOKUP_SEP
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from consent.common.text import EMPTY

from ..audit import audit, audit_row, audit_rows
from ..guardians import guardian_name
from ..models import (
    AuditEvent,
    LedgerEntry,
    Subject,
)  # fmt: skip
from ..phones import phone_shown


class ReadOnlyAdmin(admin.ModelAdmin):
    """The ledger, the audit log, tombstones, submissions: nobody edits them here, superusers
    included."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.display(description=Subject._meta.verbose_name, ordering="subject_id")
def subject_number(obj: Model) -> int | None:
    """A list's column of the person's number, under the model's translated name (the bare
    `subject_id` field showed "Subject id" in every language), without a join."""
    return obj.subject_id


@admin.display(description=LedgerEntry._meta.get_field("guardian").verbose_name)
def guardian_named(entry: LedgerEntry) -> str:
    """Who gave a minor's consent, by name and contact (a number as it is dialled), for the
    officer a parent calls or writes to: the bare field showed the row's `__str__`, «#5»,
    which names no one (kept so for the admin log). «-» once destruction emptied them."""
    guardian = entry.guardian
    if guardian is None:
        return EMPTY
    if not guardian.contact:  # erased: the row proves a guardian consented, not who
        return guardian_name(guardian)
    contact = guardian.contact if "@" in guardian.contact else phone_shown(guardian.contact)
    named = ", ".join(part for part in (guardian.full_name, contact) if part)
    if guardian.declined:  # found not to be the child's parent: the consent stopped with it
        return f"{named} ({NOT_PARENT}: {guardian.get_declined_display()})"
    if not guardian.acts:  # a caller giving this name is not thereby the child's parent
        return f"{named} ({NOT_ACTING})"
    if guardian.pending:  # nor yet one the child or an officer has not confirmed
        return f"{named} ({NOT_CONFIRMED})"
    return named


NOT_ACTING = _(
    "named on a later form under the person's address; not shown to be their parent or guardian"
)
NOT_CONFIRMED = _(
    "not yet confirmed as their parent or guardian: the person or an officer confirms it"
)
NOT_PARENT = _("not their parent or guardian")


def saved(obj: Model) -> Model | None:
    """The row as stored, for a page's draft or preview: on a form shown again with an error,
    `obj` holds what was typed, refused values too, which a preview must never show as if they
    stood (a breach's notice with a detection time the form refused). None before it is
    saved."""
    if obj.pk is None:
        return None
    return type(obj)._default_manager.filter(pk=obj.pk).first()


def may_see_people(request: HttpRequest) -> bool:
    """Whether the staff member may see who people are (names, addresses) in lists: the roles
    that may open a person's page (emalu/roles.py)."""
    return request.user.has_perm("consent.view_subject")


class AuditedAdmin(admin.ModelAdmin):
    """An admin whose pages show a person's data (compliance L16, Art. 22(1)(5)): each look is
    an audit row, `subject_view`, with the staff member, the person's number where the data is
    a known person's, and what was shown.

    - an object's page (GET, shown): one row with the object and each person it is about;
    - a list that shows personal fields (`personal_list`), or any list searched by a personal
      field (`personal_search`, e.g. a person found by address): one row per person listed,
      with the ids shown, and one for the rows that belong to no one on record.

    `subject_numbers(objs)` says whose each object is; the default reads `subject_id`.
    `tests/site/test_admin_audit.py` holds every registered admin to its classification."""

    personal_list = False
    personal_search = False
    # What the page's History button lists: Django's log of the admin's own add and change
    # forms (None), or, for rows changed only by audited operations, the audit rows about the
    # row ("object") or about the person ("person"): see history_view.
    audit_history: str | None = None
    # Query-string lookups the list takes besides its filters' own (links to it use them).
    list_lookups: tuple[str, ...] = ()

    def lookup_allowed(self, lookup, value, request):
        """Only the list's own filters (and `list_lookups`) narrow it. Django lets the query
        string filter by any of the model's own fields (`?data__email=…`, `?ip=…`,
        `?user_agent__contains=…`), which finds a person by their data past `search_fields` and
        past the audit of a personal search: such a list answers 400 here instead."""
        if not super().lookup_allowed(lookup, value, request):
            return False
        try:
            self.model._meta.get_field(lookup.split(LOOKUP_SEP, 1)[0])
        except FieldDoesNotExist:
            return True  # a SimpleListFilter's parameter, or "pk" (the row's own number)
        declared = [*self.list_lookups]
        for item in self.get_list_filter(request):
            if isinstance(item, (list, tuple)):
                item = item[0]
            declared.append(item if isinstance(item, str) else item.parameter_name)
        return any(lookup == name or lookup.startswith(name + LOOKUP_SEP) for name in declared)

    def lists_personal(self, request: HttpRequest) -> bool:
        """Whether this staff member's list shows personal fields (the columns some admins add
        only for staff allowed to see people's data)."""
        return self.personal_list

    def subject_numbers(self, objs: list[Model]) -> dict[Any, list[int]]:
        """{object pk: numbers of the subjects its page shows}."""
        return {obj.pk: [obj.subject_id] if obj.subject_id else [] for obj in objs}

    def audit_shown(self, request: HttpRequest, objs: list[Model], *, listed: bool = False):
        owners = self.subject_numbers(objs)
        if not listed:
            for obj in objs:
                for number in owners[obj.pk] or [None]:
                    subject = Subject(pk=number) if number else None
                    audit(AuditEvent.Action.SUBJECT_VIEW, actor=request.user, subject=subject,
                          obj=obj)  # fmt: skip
            return
        by_subject: dict[int | None, list[str]] = {}
        for obj in objs:
            for number in owners[obj.pk] or [None]:
                by_subject.setdefault(number, []).append(str(obj.pk))
        audit_rows(
            [
                audit_row(
                    AuditEvent.Action.SUBJECT_VIEW,
                    actor=request.user,
                    subject=Subject(pk=number) if number else None,
                    list=self.opts.label_lower,
                    ids=ids,
                )
                for number, ids in by_subject.items()
            ]
        )  # fmt: skip  (one INSERT, however many people the page lists)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        context = getattr(response, "context_data", None) or {}
        if request.method == "GET" and response.status_code == 200 and context.get("original"):
            self.audit_shown(request, [context["original"]])
        return response

    def history_view(self, request, object_id, extra_context=None):
        """A request or a person changes only through the desk's operations, each an audit row,
        never through the admin's own forms: Django's history said «This object doesn't have a
        change history» of a request refused, reopened and answered, and an officer read that
        nobody had acted on it. For staff who may read the audit log, the History button opens
        it at the rows about this request (or this person); for others, Django's page."""
        if self.audit_history is None or not request.user.has_perm("consent.view_auditevent"):
            return super().history_view(request, object_id, extra_context)
        if not self.has_view_or_change_permission(request):  # before any row is looked up
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            return super().history_view(request, object_id, extra_context)  # its 404 or 403
        rows = ({"subject_ref": obj.pk} if self.audit_history == "person"
                else {"object_type": obj._meta.label_lower, "object_id": obj.pk})  # fmt: skip
        log = reverse("admin:consent_auditevent_changelist", current_app=self.admin_site.name)
        return redirect(f"{log}?{urlencode(rows)}")

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None) or {}
        searched = self.personal_search and request.GET.get(SEARCH_VAR)
        listed = self.lists_personal(request) or searched
        if response.status_code == 200 and "cl" in context and listed:
            shown = list(context["cl"].result_list)
            if shown:
                self.audit_shown(request, shown, listed=True)
        return response


class EstimatedCountPaginator(Paginator):
    """For the append-only tables, which grow by millions: unfiltered, the count is PostgreSQL's
    own row estimate (kept fresh by autovacuum) instead of a COUNT(*) over every row; filtered
    (say every withdrawal), rows are counted exactly up to `exact_filtered_below`, and beyond
    that the planner's estimate of the filter stands in (issue 21: a COUNT(*) of 340,000
    withdrawals among a million rows took 70 ms of the page's 100)."""

    exact_below = 100_000
    exact_filtered_below = 10_000

    @cached_property
    def count(self):
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return super().count
        if not queryset.query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
                    [queryset.model._meta.db_table],
                )
                estimate = int(cursor.fetchone()[0])
            return estimate if estimate >= self.exact_below else super().count
        counted = queryset.order_by()[: self.exact_filtered_below + 1].count()
        if counted <= self.exact_filtered_below:
            return counted
        plan = json.loads(queryset.order_by().explain(format="json"))
        return max(counted, int(plan[0]["Plan"]["Plan Rows"]))


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class LatestRowsFormSet(BaseInlineFormSet):
    """The latest rows only, so that a long history does not slow the subject's page; the
    whole history is on the ledger's own list (linked from the page) and in the evidence.
    Ten a section: the inlines' forms were two thirds of the page's time (issue 21, a person
    with a long history at 1M ledger rows: p95 59 ms with twenty)."""

    rows = 10

    def get_queryset(self):
        if not hasattr(self, "_latest_rows"):
            self._latest_rows = super().get_queryset()[: self.rows]
        return self._latest_rows
