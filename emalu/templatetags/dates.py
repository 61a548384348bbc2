"""`{{ day|document_time }}`: a date or a time in a text a person reads, by the one rule of
consent.common.dates (a template builtin, stack.TEMPLATES, as `spacing` is). As Django's
`date` filter, a value that is no date or time (a variable the context lacks) writes nothing."""

from datetime import date

from django import template

from consent.common import dates

register = template.Library()


@register.filter(expects_localtime=False)
def document_time(value) -> str:
    """A date as «2026 жылғы 4 желтоқсан», «4 декабря 2026 г.», a time with its hour after it, in
    the site's time zone and the language the text is rendered in (dates.document_time)."""
    return dates.document_time(value) if isinstance(value, date) else ""


@register.filter(expects_localtime=False)
def document_date(value) -> str:
    """The local date alone of a moment (when a letter arrived, as its deadline counts it),
    written as document_time writes a date."""
    return dates.document_time(dates.local_date(value)) if isinstance(value, date) else ""


@register.filter(expects_localtime=False)
def reader_time(value) -> str:
    """A date or a time in a column of the desk, short, «04.12.2026» (dates.reader_time)."""
    return dates.reader_time(value) if isinstance(value, date) else ""


@register.simple_tag
def local_zone_name() -> str:
    """The site's time zone as a reader names it, «Алматы уақыты», «время Алматы»
    (dates.LOCAL_ZONE_NAME): what the admin's notes beside a time field name."""
    return str(dates.LOCAL_ZONE_NAME)
