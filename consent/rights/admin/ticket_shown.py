"""What a request's page shows of it beside its own fields, read-only: the person, who asked
for them, the requests it is filed with, our mail that came back, and the letter as it reads."""

from django.contrib import admin
from django.contrib.admin.utils import display_for_field
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from consent.common.dates import reader_time
from consent.common.directions import validate_direction_closed
from consent.common.text import EMPTY, numbered
from consent.core.admin import person_link
from consent.core.guardians import guardian_name
from consent.core.models import AuditEvent

from ..links import link_unsent
from ..models import Ticket
from ..reading import as_read


def ticket_link(obj) -> str:
    """A link to the request `obj` (a correction, an email set aside) belongs to, by its number;
    the admin's mark for none."""
    if obj.ticket_id is None:
        return EMPTY
    url = reverse("admin:rights_ticket_change", args=[obj.ticket_id])
    return format_html('<a href="{}">{}</a>', url, numbered(obj.ticket.reference))


class TicketShown:
    """TicketAdmin's display fields (`fields`) that are not the request's own columns."""

    @admin.display(description=Ticket._meta.get_field("link_sent_at").verbose_name)
    def link_sent(self, obj):
        """When the confirmation link was sent, or why none was (links.link_unsent)."""
        if obj.link_sent_at is None:
            return link_unsent(obj)
        return display_for_field(obj.link_sent_at, Ticket._meta.get_field("link_sent_at"), "")

    @admin.display(description=_("data subject"))
    def person(self, obj):
        """The person by name, linked to their page: never in __str__, which the admin log
        keeps. A request from an address not on record names no one."""
        if obj.subject is None:
            return _("a parent or guardian, not on record themselves") if obj.as_guardian else EMPTY
        return person_link(obj.subject_id, obj.subject.full_name, obj.subject.email)

    @admin.display(description=Ticket._meta.get_field("purpose").verbose_name)
    def purpose_shown(self, obj):
        """The purpose a withdrawal names, or «every purpose» where it names none. The model's
        field showed a withdrawal of every consent as «—» under the form's help «empty means
        every purpose», and that help on every other request, whose purpose is none."""
        if obj.purpose:
            return obj.get_purpose_display()
        return _("every purpose") if obj.type == Ticket.Type.WITHDRAW else EMPTY

    @admin.display(description=_("asked by"))
    def asked_by(self, obj):
        """Who asked, when not the person: their parent or guardian, on the page of the children
        they act for (wards.py); the answer goes to the parent's address."""
        if obj.guardian_id is None:
            return EMPTY
        return _("the child's parent or guardian: %(name)s") % {"name": guardian_name(obj.guardian)}

    @admin.display(description=_("related requests"))
    def related(self, obj):
        """The request an emailed reply is about, the replies filed with this one
        (joining.file_reply, joining.file_repeat), and the request whose destruction closed it
        (erasure.py): the officer reads them together. A request closed so read «closed: no
        data held» alone, as if nothing had been held when it was asked."""
        links = []
        if obj.regarding_id is not None:
            links.append((_("about request"), obj.regarding_id, numbered(obj.regarding.reference)))
        links += [(_("email about this request"), reply.pk, numbered(reply.reference))
                  for reply in obj.replies.order_by("id")]  # fmt: skip
        if (destroyer := destroyed_by(obj)) is not None:
            links.append((_("closed with the data destroyed under request"), destroyer,
                          numbered(f"{Ticket.REFERENCE_PREFIX}{destroyer}")))  # fmt: skip
        if not links:
            return EMPTY
        return format_html_join(
            "\n", '{}: <a href="{}">{}</a><br>',
            ((label, reverse("admin:rights_ticket_change", args=[pk]), reference)
             for label, pk, reference in links),
        )  # fmt: skip

    @admin.display(description=_("our mail that came back"))
    def returned(self, obj):
        """The reports that our mail about the request did not reach the person (threads.py):
        the officer learns the answer or the link never arrived, and reads why."""
        entries = obj.returned_mail.order_by("received_at", "id")
        return format_html_join(
            "\n", '<a href="{}">{}</a>, {}<br>',
            ((reverse("admin:rights_quarantinedmessage_change", args=[q.pk]), q.reference,
              reader_time(q.received_at)) for q in entries),
        ) or EMPTY  # fmt: skip

    @admin.display(description=Ticket.MESSAGE_LABEL)
    def letter(self, obj):
        """The letter as it reads: an HTML-only one without its markup (the officer read the
        tags and styles of an Outlook body to find three lines), as received one click away."""
        shown = as_read(obj.message)
        if shown is None:
            return lines_shown(obj.message) if obj.message else EMPTY
        return format_html("{}<details><summary>{}</summary><pre>{}</pre></details>",
                           lines_shown(shown), _("As received, with its HTML markup"),
                           obj.message)  # fmt: skip


def lines_shown(text: str):
    """A letter's lines joined by <br>, as a text field is shown, each line that leaves a
    direction mark open (validate_direction_closed) isolated in a <bdi>: <br> is no paragraph
    break to the bidirectional algorithm, so an override left open in the subject line turned
    around every line of the letter after it, and the officer read the request backwards. The
    letter is kept as it came; a mark turns around its own line at most, as it did there."""

    def isolated(line):
        try:
            validate_direction_closed(line)
        except ValidationError:
            return format_html("<bdi>{}</bdi>", line)
        return line

    first, *rest = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return format_html(
        "{}{}",
        isolated(first),
        format_html_join("", "<br>{}", ((isolated(line),) for line in rest)),
    )


def destroyed_by(ticket: Ticket) -> int | None:
    """The number of the request whose destruction of the person's data closed `ticket`, as
    its closing's audit row keeps it (erasure.py), or None."""
    if ticket.status != Ticket.Status.NO_DATA or ticket.subject_id is not None:
        return None
    closing = AuditEvent.objects.filter(
        object_type=Ticket._meta.label_lower, object_id=str(ticket.pk),
        detail__has_key="destroyed_by",
    ).order_by("-id").first()  # fmt: skip
    ref = closing and str(closing.detail["destroyed_by"])
    number = ref and ref.removeprefix(Ticket.REFERENCE_PREFIX)
    return int(number) if number and number.isdigit() else None
