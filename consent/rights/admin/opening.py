"""A request opened at the desk from a person's page: they asked by telephone or in person
(`desk_open.ticket_open_at_desk`)."""

from datetime import time, timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.dates import reader_time
from consent.core.gate import needs_guardian
from consent.core.models import Language, Subject
from consent.core.purposes import purpose_choices
from consent.core.subjects import address_lookup_key
from consent.workdays.calendar import check_countable

from ..deadlines import due_for
from ..desk_open import (
    FOR_A_PARENT,
    NO_ADDRESS,
    NOT_ACTING,
    PARENT_TYPES,
    parents_acting,
    ticket_open_at_desk,
)
from ..models import Ticket
from ..tickets import purpose_for
from .due import due_told
from .gone import person_gone_or_404

OPEN_PERMISSION = "rights.change_ticket"


class ReceivedField(forms.SplitDateTimeField):
    """A day, and its time if known: a letter by post has a day, not an hour, and the deadline
    counts from the day alone. A day without a time is received at its start."""

    def compress(self, data_list):
        if (
            data_list
            and data_list[0] not in self.empty_values
            and data_list[1] in self.empty_values
        ):
            data_list = [data_list[0], time(0)]
        return super().compress(data_list)


def chosen(label, choices, required, **kwargs) -> forms.ChoiceField:
    """A select the officer chooses in, none chosen for her (the empty choice as every other
    select says it): left as it came, the first choice was taken, and a letter asking anything
    opened a request for access, a Russian one answered in Kazakh. `required`: what she is told
    when she chooses none."""
    return forms.ChoiceField(label=label, choices=[("", BLANK_CHOICE_LABEL), *choices],
                             error_messages={"required": required}, **kwargs)  # fmt: skip


TYPE_REQUIRED = _("Choose the type of request: what the person asks for.")
LANGUAGE_REQUIRED = _("Choose the language the person wrote in: the letters about the request "
                      "are written in it.")  # fmt: skip


class DeskRequestForm(forms.Form):
    """What the person asked, as the officer heard it; for a minor, who asks: the person, or a
    parent or guardian who acts for them (desk_open.parents_acting)."""

    # Checked against the parents listed for this child (`clean_asker`), not by the widget's
    # choices: a number posted for anyone else is refused above the form, not beside a box an
    # adult's page does not show.
    asker = forms.CharField(
        label=_("who is asking"), required=False, widget=forms.Select,
        help_text=_("A parent or guardian asking for the child: the link goes to their address, "
                    "and the answer about the child to them. Only a data access, correction, "
                    "blocking or withdrawal request. Listed: the parents or guardians confirmed "
                    "to act for the child."),
    )  # fmt: skip
    kind = chosen(_("type"), Ticket.Type.choices, TYPE_REQUIRED)
    purpose = forms.ChoiceField(
        label=_("purpose"), required=False, choices=[("", _("every purpose")), *purpose_choices()],
        help_text=_("Only for a withdrawal of consent."),
    )  # fmt: skip
    language = forms.ChoiceField(
        label=_("language"), choices=Language.choices,
        help_text=_("The language of the letters about this request."),
    )  # fmt: skip
    message = forms.CharField(
        label=Ticket.MESSAGE_LABEL, max_length=Ticket.MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        help_text=_("What the person asked, in their words or briefly, and how (by telephone, "
                    "in person or by post)."),
    )  # fmt: skip
    received_at = ReceivedField(
        label=_("received"), required=False,
        widget=forms.SplitDateTimeWidget(
            date_attrs={"type": "date", "aria-label": _("day received")},
            time_attrs={"type": "time", "aria-label": _("time received")},
            date_format="%Y-%m-%d", time_format="%H:%M",
        ),
        help_text=_("Only when it came before now: a letter that came by post (its day is "
                    "enough) or a call written down later. Its deadline counts from that day "
                    "(Almaty time)."),
    )  # fmt: skip

    overdue_seen = forms.BooleanField(
        label=_("Open it although it is already overdue"), required=False,
        help_text=_("Only when the day received leaves its deadline behind: it is answered at "
                    "once."),
    )  # fmt: skip

    def __init__(self, *args, parents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.parents = {str(row.pk): row for row in parents}
        self.fields["asker"].widget.choices = [("", _("the person themself")), *(
            (pk, _("parent or guardian: %(name)s (%(address)s)")
             % {"name": row.full_name, "address": row.contact})
            for pk, row in self.parents.items()
        )]  # fmt: skip

    def clean_asker(self):
        """The parent's row, or None for the person: only one listed for this child. A number
        posted for another child's parent, one not confirmed, or one for a child who is 18 now
        opens nothing, and the officer is told why."""
        posted = self.cleaned_data["asker"]
        if posted and posted not in self.parents:
            self.add_error(None, NOT_ACTING)
        return self.parents.get(posted)

    def shown_fields(self):
        """The box to open a request overdue already, only once the form has said it is; «who
        is asking» only on a minor's page with a parent who acts for them."""
        warned = self.is_bound and (self.data.get("overdue_seen") or self.non_field_errors())
        hidden = {"asker"} if not self.parents else set()  # an adult's, or no parent acts
        if not warned:
            hidden.add("overdue_seen")
        return [f for f in self.visible_fields() if f.name not in hidden]

    def clean_received_at(self):
        """A time still to come is no receipt (minutes of slack for a computer's clock), nor one
        no deadline can be counted from."""
        received = self.cleaned_data["received_at"]
        if received is not None and received > timezone.now() + timedelta(minutes=5):
            raise ValidationError(_("This time is in the future."))
        if received is not None:
            check_countable(received)
        return received

    def clean(self):
        """A day of receipt that leaves the request overdue already is said before it is saved
        (the law counts from receipt, L8): the officer checks the day, or ticks the box and
        opens it knowing it is to be answered at once."""
        data = super().clean()
        if data.get("asker") is not None and data.get("kind") not in (None, *FOR_A_PARENT):
            self.add_error("kind", PARENT_TYPES)
        if data.get("kind"):
            try:
                purpose_for(data["kind"], data.get("purpose") or "")
            except ValidationError as refused:
                self.add_error("purpose", refused)
        received, kind = data.get("received_at"), data.get("kind")
        if received is None or kind is None or data.get("overdue_seen"):
            return data
        due = due_for(kind, received)
        if Ticket(due_date=due).is_overdue:  # as it would stand, waiting: the desk's one rule
            self.add_error(None, _(
                "Received then, this request is already overdue: it was due on %(due)s. Check "
                "the day it was received; to open it all the same, tick “%(box)s” and save again."
            ) % {"due": reader_time(due),
                 "box": self.fields["overdue_seen"].label})  # fmt: skip
        return data


def parent_addresses(subject: Subject) -> list[str]:
    """The addresses of their own that parents or guardians gave for `subject`, while the record
    shows them under 18 (compliance L6): a request opened here goes to the child's address, and
    its answer to the child, so a parent asking for the child is sent to their own route."""
    if not needs_guardian(subject):
        return []
    own = address_lookup_key(subject.email)
    contacts = subject.guardians.filter(contact__contains="@").values_list("contact", flat=True)
    others = {address_lookup_key(c): c for c in contacts if address_lookup_key(c) != own}
    return sorted(others.values(), key=address_lookup_key)


# What the officer is told on a minor's page before opening a request a parent may be asking:
# with a parent who acts for the child listed under «who is asking», or with none yet.
PARENT_ASKING = _(
    "This person is under 18. If a parent or guardian is asking for the child, choose them under "
    "“who is asking”: the link then goes to the parent's address, and the answer to the parent. "
    "A parent or guardian not listed there is not confirmed to act for the child: one who shows "
    "you a birth certificate or a guardianship decision is confirmed on this person's page."
)
NO_PARENT_ACTING = _(
    "This person is under 18. If a parent or guardian is asking for the child, do not open the "
    "request here: its link would go to the child's address, and the answer to the child. No "
    "parent or guardian is confirmed to act for this child yet (%(addresses)s): one who shows "
    "you a birth certificate or a guardianship decision is confirmed on this person's page, "
    "and can then be chosen here."
)


def parent_note(subject: Subject, parents: list) -> str:
    """What the officer is told of a parent asking for `subject` (compliance L6): nothing for
    an adult, nor for a minor whose parents gave only the child's own address and none acts."""
    if parents:
        return str(PARENT_ASKING)
    if addresses := parent_addresses(subject):
        return NO_PARENT_ACTING % {"addresses": ", ".join(addresses)}
    return ""


OPENED = _(
    "Request %(ref)s opened. It waits for the person to confirm it by the link mailed to the "
    "address on record."
)
OPENED_FOR_PARENT = _(
    "Request %(ref)s opened for the child's parent or guardian. It waits for them to confirm it "
    "by the link mailed to their address."
)


class DeskOpening:
    """For the people's admin (people.SubjectAdmin): the page that opens a request for the
    person, linked from their page for those who may open one."""

    change_form_template = "admin/consent/subject/change_form.html"
    open_request_template = "admin/consent/subject/open_request.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.open_request_view)
        return [
            path("<int:pk>/open-request/", view, name="consent_subject_open_request"),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, *args, **kwargs):
        context["can_open_request"] = request.user.has_perm(OPEN_PERMISSION)
        return super().render_change_form(request, context, *args, **kwargs)

    def open_request_view(self, request, pk):
        """GET: the form; POST: open the request and go to it, or show what is wrong."""
        subject = Subject.objects.filter(pk=pk).first()
        if subject is None:  # destroyed since the person's page was opened: said so
            return person_gone_or_404(request, pk)
        if not self.has_view_permission(request, subject) or not request.user.has_perm(
            OPEN_PERMISSION
        ):
            raise PermissionDenied
        parents = parents_acting(subject)
        form = DeskRequestForm(request.POST or None, initial={"language": subject.language},
                               parents=parents)  # fmt: skip
        if request.method == "POST" and form.is_valid():
            try:
                data = {k: v for k, v in form.cleaned_data.items() if k != "overdue_seen"}
                guardian = data.pop("asker", None)
                ticket, new = ticket_open_at_desk(subject, actor=request.user, guardian=guardian,
                                                  **data)  # fmt: skip
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if new:
                    due, level = due_told(ticket)  # a day received before today counts
                    opened = (OPENED_FOR_PARENT if guardian else OPENED) % {
                        "ref": ticket.reference}  # fmt: skip
                    self.message_user(request, f"{opened} {due}", level)
                else:
                    self.message_user(request, _(
                        "Request %(ref)s was already opened with these words. Nothing new was "
                        "opened or mailed."
                    ) % {"ref": ticket.reference}, messages.WARNING)  # fmt: skip
                return redirect("admin:rights_ticket_change", ticket.pk)
        if request.method == "GET":
            self.audit_shown(request, [subject])  # the page shows the address the link goes to
        context = {
            **self.admin_site.each_context(request),
            "title": _("Open a request for this person"),
            "opts": self.opts,
            "original": subject,
            "subject": subject,
            # No address, no link to confirm by: said at once, not after the form is filled in.
            # A parent who acts for a child with none asks here all the same: theirs is the link.
            "open_form": form if subject.email or parents else None,
            "no_address": NO_ADDRESS,
            "parent_asking": parent_note(subject, parents),
        }
        return TemplateResponse(request, self.open_request_template, context)
