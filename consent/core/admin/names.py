"""People and staff in the admin's lists and pages by name, linked to their page, never as a
bare number («1», «№ 4»): for staff whose role may see people (`may_see_people`); a person with
no name on record (a newsletter signed up with an address alone) by their address; for staff who
may not see people, the person's number. A destroyed person's row is gone: a neutral label, never
a crash. The names come with the list's one query (`with_names`)."""

from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Exists, OuterRef, QuerySet, Subquery, Value
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from consent.common.text import EMPTY, numbered

from ..models import Subject
from .base import may_see_people

DESTROYED = _("destroyed data subject")


def with_names(
    queryset: QuerySet, request: HttpRequest, *, subject: str, actor: str | None = None
) -> QuerySet:
    """`queryset` with each row's person (field `subject`, a number) and staff member (`actor`)
    named in the same query, as far as `request`'s staff member may see them."""
    names = {}
    if actor is not None:
        staff = get_user_model().objects.filter(pk=OuterRef(actor))
        names = {
            "staff_login": Subquery(staff.values("username")[:1]),
            "staff_first": Subquery(staff.values("first_name")[:1]),
            "staff_last": Subquery(staff.values("last_name")[:1]),
            "staff_linked": Value(request.user.has_perm("auth.view_user"), BooleanField()),
        }
    if may_see_people(request):
        person = Subject.objects.filter(pk=OuterRef(subject))
        names["person_name"] = Subquery(person.values("full_name")[:1])
        names["person_email"] = Subquery(person.values("email")[:1])
        names["person_kept"] = Exists(person)
    return queryset.annotate(**names)


def person_named(obj, number: int | None):
    """The person `number` of a row read through `with_names`."""
    if number is None:
        return EMPTY
    if not hasattr(obj, "person_kept"):  # this role sees numbers only
        return numbered(number)
    if not obj.person_kept:
        return DESTROYED
    return person_link(number, obj.person_name, obj.person_email)


def person_shown(number: int, full_name: str, email: str) -> str:
    """What names a person on record to staff who may see people: their name, else their
    address (known only by it: a newsletter signed up without a name), else their number."""
    return full_name or email or numbered(number)


def person_link(number: int, full_name: str, email: str):
    """The person, as `person_shown` names them, linked to their page."""
    url = reverse("admin:consent_subject_change", args=[number])
    return format_html('<a href="{}">{}</a>', url, person_shown(number, full_name, email))


def staff_named(obj, pk: int | None, login: str = ""):
    """The staff member of a row read through `with_names`: their name and login; the login
    stored with the row once the account is gone."""
    login = getattr(obj, "staff_login", None) or login
    if not login:
        return EMPTY
    parts = (getattr(obj, "staff_first", ""), getattr(obj, "staff_last", ""))
    full = " ".join(part for part in parts if part)
    shown = f"{full} ({login})" if full else login
    if getattr(obj, "staff_linked", False) and getattr(obj, "staff_login", None):
        url = reverse("admin:auth_user_change", args=[pk])
        return format_html('<a href="{}">{}</a>', url, shown)
    return shown
