"""What an admin list's query string may narrow it by: lookups the database can run.

Django lets a list's address filter by any lookup on the model's own fields (`?created_at__year=`,
`?subject_line_kk__regex=`), and checks a value only as far as `QuerySet.filter()` does. Values
it let through failed later, while the list's query was written or run, and answered 500: a
year past 9999 or before 1 (`?created_at__year=99999`, ValueError), a range of one value
(`?id__range=1`), a regular expression PostgreSQL cannot read (`?…__regex=(`, DataError), a
drill-down year of 20 digits (OverflowError) or 9999, whose year's end Django cannot make. Such an
address is refused (400, the site's «Bad request» page in the staff member's language) before
the list is made (`StaffAdminSite.admin_view`)."""

from datetime import MAXYEAR

from django.contrib.admin import ModelAdmin
from django.contrib.admin.utils import prepare_lookup_value
from django.contrib.admin.views.main import ERROR_FLAG, IGNORED_PARAMS, PAGE_VAR
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist, FullResultSet
from django.db.models.constants import LOOKUP_SEP
from django.http import QueryDict

from consent.common.text import whole_number

# No filter of a list makes these, and PostgreSQL refuses a pattern it cannot read (DataError,
# raised only when the query runs): none of a list's business.
REFUSED_LOOKUPS = {"regex", "iregex"}
# Query-string keys of the list itself, not lookups.
LIST_PARAMS = {*IGNORED_PARAMS, PAGE_VAR, ERROR_FLAG}


def list_query_readable(model_admin: ModelAdmin, query: QueryDict) -> bool:
    """Whether every lookup in a list's query string is one the list's query can be made of."""
    return _drill_down_readable(model_admin, query) and all(
        _lookup_readable(model_admin, key, values)
        for key, values in query.lists()
        if key not in LIST_PARAMS and not key.startswith("_")
    )


def _drill_down_readable(model_admin: ModelAdmin, query: QueryDict) -> bool:
    """The date drill-down (`date_hierarchy`, the sign-in log's): whole numbers, and a year whose
    next one Django can make (it answers a year out of range itself, but not 20 digits long, an
    OverflowError, nor 9999, whose end it makes outside its check)."""
    field = getattr(model_admin, "date_hierarchy", None)
    if not field:
        return True
    parts = {part: query.getlist(f"{field}__{part}") for part in ("year", "month", "day")}
    if any(whole_number(value) is None for values in parts.values() for value in values):
        return False
    return all(int(year) < MAXYEAR for year in parts["year"])


def _lookup_readable(model_admin: ModelAdmin, key: str, values: list[str]) -> bool:
    model = model_admin.model
    parts = key.split(LOOKUP_SEP)
    try:
        if parts[0] != "pk":
            model._meta.get_field(parts[0])
    except FieldDoesNotExist:
        return True  # a list filter's own parameter, which reads its values itself
    if REFUSED_LOOKUPS & set(parts[1:]):
        return False
    for value in values:
        try:
            query = model._default_manager.filter(**{key: prepare_lookup_value(key, value)}).query
        except Exception:  # noqa: S112  # nosec B112
            continue  # what filter() refuses, Django's list refuses too (IncorrectLookupParameters)
        try:
            query.get_compiler(model._default_manager.db).as_sql()
        except (EmptyResultSet, FullResultSet):
            continue
        except (ValueError, OverflowError, TypeError, IndexError):
            return False
    return True
