"""For the people's admin (people.SubjectAdmin): the requests the person made as a parent or
guardian for a child, on their own page. They are filed on the child's record (naming the
parent) or, asked before the parent had a record, on none, and answered at the parent's address:
the page's list of requests (the record's own) left them out, though the person's access answer
gives them as theirs, by the rule it reads (mailed.requests_held)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from consent.common.dates import reader_time
from consent.common.text import EMPTY, numbered
from consent.core.guardians import child_named

from ..mailed import requests_held
from ..models import Ticket
from .due import status_shown


class DeskAsParent:
    @admin.display(description=_("requests made for a child"))
    def requests_for_children(self, obj):
        """Each request the person asked for a child: when, its number linked, its type, its
        status and the child, newest first."""
        if obj.pk is None:
            return EMPTY
        asked = (
            requests_held(obj)
            .exclude(pk__in=Ticket.objects.of(obj).values("pk"))
            .requests()
            .with_waiting()
            .select_related("guardian__subject")
            .order_by("-received_at", "-id")
        )
        rows = [
            (
                reader_time(t.received_at),
                reverse("admin:rights_ticket_change", args=[t.pk]),
                numbered(t.reference),
                t.get_type_display(),
                status_shown(t),
                child_named(t.guardian) if t.guardian_id else EMPTY,
            )
            for t in asked
        ]
        if not rows:
            return EMPTY
        return format_html_join("\n", '{} · <a href="{}">{}</a> ({}) · {} · {}<br>', rows)
