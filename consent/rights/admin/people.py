"""The people's pages: what is held about each person, read-only, every opening audited."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from post_office.models import STATUS, Email, Log

from consent.common.dates import document_time, reader_time
from consent.common.text import EMPTY, clean_form_text, cleaning_bound
from consent.core.admin import (
    AuditedAdmin,
    LatestRowsFormSet,
    ReadOnlyInline,
    guardian_named,
    may_see_people,
)
from consent.core.admin.names import person_shown
from consent.core.guardians import guarded_by, guardian_holders, guardians_named
from consent.core.models import LedgerEntry, Subject, Submission
from consent.core.people_search import (
    TERM_MAX,
    address_part_holders,
    address_typed,
    name_holders,
    number_written,
    part_too_short,
    phone_part_holders,
)
from consent.core.phones import normalise_phone, phone_holders, phone_shown
from consent.core.subjects import address_holders, is_address, normalise_email
from consent.core.withheld import NEVER_SENT, never_sent

from .. import disclosure
from ..mailed import mail_of
from ..models import Ticket
from ..statistics import timed
from .as_parent import DeskAsParent
from .corrections import CorrectionInline
from .downloads import links_or_reason, released
from .due import due_shown, status_shown
from .gone import person_gone, person_gone_or_404
from .kept import DeskKept
from .opening import DeskOpening
from .parents import DeskParents


class LedgerInline(ReadOnlyInline):
    model = LedgerEntry
    formset = LatestRowsFormSet
    fields = ["at", "purpose", "kind", "text", "language", "source", "expires_at", guardian_named]
    readonly_fields = fields
    ordering = ["-id"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("text", "guardian")


@admin.display(description=Submission._meta.get_field("consent_held").verbose_name)
def form_consent(obj):
    """What became of the consents ticked on the form when the ledger did not take them as sent
    (consent.core.held); EMPTY when it did."""
    return obj.consent_note() or EMPTY


class SubmissionInline(ReadOnlyInline):
    model = Submission
    fields = ["created_at", "source", "language", "answered_at", form_consent]
    readonly_fields = fields


class TicketInline(ReadOnlyInline):
    model = Ticket
    fields = ["received_at", "type", "status_shown", "due"]
    readonly_fields = fields

    def get_queryset(self, request):
        # The due column's badges, one query (answered late, waiting), and the request a filed
        # one joined (due.due_shown).
        requests = timed(super().get_queryset(request))
        return requests.with_waiting().select_related("regarding")

    @admin.display(description=_("status"))
    def status_shown(self, obj):
        return status_shown(obj)

    @admin.display(description=_("due"))
    def due(self, obj):
        """As the request's page shows it (due.py): overdue, waiting, closable, due today; its
        date long, as the admin writes the time received beside it."""
        return due_shown(obj, written=document_time)


PERSONAL_COLUMNS = {"name", "address"}
SHORT_PART = _("A word of a name shorter than three letters finds only a name that has it as a "
               "whole word, and part of an address needs three characters beside «@»: type more "
               "to find people by part of their name or address.")  # fmt: skip

NUMBER_PART = _("This is not a whole phone number: listed are the people whose number holds "
                "these digits. Check the whole number with the person before you answer them "
                "about their data.")  # fmt: skip


@admin.register(Subject)
class SubjectAdmin(DeskKept, DeskParents, DeskAsParent, DeskOpening, AuditedAdmin):
    # Name and address as columns of their own, for staff allowed to see them (never in
    # __str__, which the admin log keeps): get_list_display.
    list_display = ["__str__", "name", "address", "language", "created_at"]
    list_display_links = ["__str__", "name"]
    list_filter = ["language"]
    search_fields = ["=email", "=phone", "full_name"]  # get_search_results reads the term
    search_help_text = _("By name (the words in any order), by phone as people say it "
                         "(8 701 123 45 67) or by email address, whole or in part (aig@example, "
                         "@example.kz); each also finds the children "
                         "whose parent or guardian has that name or gave that number or "
                         "address.")  # fmt: skip
    fields = ["full_name", "email", "phone_number", "birth_date", "birth_place", "language",
              "evidence", "emails_sent", "requests_for_children"]  # fmt: skip
    readonly_fields = ["phone_number", "evidence", "emails_sent", "requests_for_children"]
    inlines = [LedgerInline, SubmissionInline, TicketInline, CorrectionInline]
    show_full_result_count = False
    personal_search = True  # a search by address or phone tells whose they are
    audit_history = "person"  # changed by the desk's operations only, each audited

    def subject_numbers(self, objs):
        return {obj.pk: [obj.pk] for obj in objs}

    def get_search_results(self, request, queryset, search_term):
        """A person by their address, by their phone number as people dictate it («8 701 123
        45 67», «+7 (701) 123-45-67»: stored in E.164, which alone was found), or by the words
        of their name in any letter case and order («қасымова әсел»). Every such search is
        audited (`personal_search`). A name is found however its letters were typed, in
        Cyrillic or in Latin («Qasymova», «Kassymova» for «Қасымова»). A phone number or an
        address also finds the minors whose parent or guardian gave it with their consent."""
        # As a form stores text (NFC, no invisible character): a name pasted from a letter in
        # decomposed letters («е» and a combining diaeresis) or with a zero-width space in it
        # found no one, and the officer could conclude that nothing was held about them.
        term = clean_form_text(search_term[: cleaning_bound(TERM_MAX)], multiline=False)
        if not term:
            return queryset, False
        if len(term) > TERM_MAX:  # longer than any name or address: not compared with each row
            messages.error(request, _("The search is longer than any name or address: shorten "
                                      "it."))  # fmt: skip
            return queryset.none(), False
        if "@" in term:
            # The mailbox, with or without a tag: a person signed up as «asel+news@…» and
            # calling about «asel@…» was not found, as if nothing were held about them.
            address = address_typed(term)
            exact = normalise_email(address)
            people = Q(pk__in=[])
            if exact and "@" in exact:
                people = address_holders(exact) | guarded_by(guardian_holders(exact))
            # Part of an address, as a caller spells it out («aig@example», «aigerim@»,
            # «@example.kz»): before, only the whole address found anyone.
            # A whole address (one a form takes) finds its mailbox alone, not every longer one
            # («asel@» is not «aselk@»).
            whole = is_address(address)
            part = None if whole else address_part_holders(address)
            if part is not None:
                people |= part | guarded_by(address_part_holders(address, "contact"))
            elif not whole:
                messages.info(request, SHORT_PART)
            return queryset.filter(people), False
        number = number_written(term)  # «8 7О1 123 45 67»: a letter O typed for a zero
        try:
            phone = normalise_phone(number)
        except ValidationError:
            pass
        else:  # the office's number finds each extension held after it, and itself
            return queryset.filter(
                phone_holders(phone) | guarded_by(guardian_holders(phone))
            ), False
        # A number given in part or with a slip: whose number holds its digits, said to be a
        # part, to be checked whole with the person (core/people_search.py).
        if (part := phone_part_holders(number)) is not None:
            messages.info(request, NUMBER_PART)
            return queryset.filter(part | guarded_by(phone_part_holders(number, "contact"))), False
        # A name in any of its spellings: Kazakh letters typed as Russian ones («Касымова»), the
        # Kazakh Latin alphabet or a passport's («Qasymova», «Kassymova»), Russian
        # transliterated («Fyodor»), either way round (consent.core.names); and the children
        # whose parent or guardian has that name: a mother calling about her own data or her
        # child's gives her own name, which the child's record holds with her consent. A word
        # of one or two letters in its key («аааа» is «а») is a whole word of the name
        # (core/people_search.py): before, it listed everyone whose name held the letter.
        # Initials beside a surname («Оспанова Ж.Б.») are the starts of its other words.
        found = name_holders(term)
        if found is None:  # only signs and apostrophes («ь», «'»): no letter to find anyone by
            return queryset.none(), False
        if part_too_short(found[1]):
            messages.info(request, SHORT_PART)
        return queryset.filter(found[0] | guarded_by(guardians_named(term))), False

    def get_list_display(self, request):
        shown = super().get_list_display(request)
        return shown if may_see_people(request) else [f for f in shown if f not in PERSONAL_COLUMNS]

    def get_list_display_links(self, request, list_display):
        return [
            f for f in super().get_list_display_links(request, list_display) if f in list_display
        ]

    def lists_personal(self, request):
        return may_see_people(request)

    @admin.display(description=_("full name"), ordering="full_name")
    def name(self, obj):
        """As every other page names a person (`person_shown`): one known only by an address (a
        newsletter signed up without a name) by it, not «-», which was also the link to their
        page."""
        return person_shown(obj.pk, obj.full_name, obj.email or "")

    @admin.display(description=_("email"), ordering="email")
    def address(self, obj):
        return obj.email or EMPTY

    def has_delete_permission(self, request, obj=None):
        return False  # destruction is an audited operation on a request, never a delete button

    def has_add_permission(self, request):
        return False  # people are recorded by the forms they send, with their consent

    def has_change_permission(self, request, obj=None):
        # Art. 14, 25(2)(8) (compliance L11): a change answers a correction request and cites a
        # document; the desk's correction panel keeps old and new values (Correction). No free
        # edit here, so a blocked person (L12) is not edited either.
        return False

    @admin.display(description=_("phone"))
    def phone_number(self, obj):
        """As the officer dials it («+7 7232 12 34 56, доб. 12»), not as held («;ext=12»)."""
        return phone_shown(obj.phone) or EMPTY

    @admin.display(description=_("emails sent"))
    def emails_sent(self, obj):
        """The mail sent to the person, by the rule the access export and destruction read
        (mailed.mail_of): also to each address a correction replaced, while it was theirs, and
        to their parent or guardian about them."""
        held = mail_of(obj) if obj.pk else Q(pk__in=[])
        rows = Email.objects.filter(held).order_by("-id")
        rows = rows.only("created", "subject", "status", "expires_at")[:50]  # not the bodies
        receipts = Log.objects.filter(status=STATUS.sent).exclude(message="").order_by("-id")
        rows = rows.prefetch_related(Prefetch("logs", receipts, to_attr="receipts"))
        # In TIME_ZONE and the staff member's format, as every other time on the page.
        now = timezone.now()
        lines = [(reader_time(e.created), e.subject, _mail_state(e, now)) for e in rows]
        return format_html_join("\n", "{} · {} · {}<br>", lines) if lines else EMPTY

    @admin.display(description=_("consent evidence"))
    def evidence(self, obj):
        if obj.pk is None:
            return EMPTY
        files = format_html(
            '<a href="{}">CSV</a> · <a href="{}">PDF</a>',
            reverse("admin:consent_subject_evidence", args=[obj.pk, "csv"]),
            reverse("admin:consent_subject_evidence", args=[obj.pk, "pdf"]),
        )  # while blocked, what a press would be refused with instead
        return format_html(
            '{} · <a href="{}?subject__id__exact={}">{}</a>',
            links_or_reason(obj, files),
            reverse("admin:consent_ledgerentry_changelist"),
            obj.pk,
            LedgerEntry._meta.verbose_name_plural,  # the whole history; the page shows the latest
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/evidence.<str:fmt>",
                self.admin_site.admin_view(self.evidence_view),
                name="consent_subject_evidence",
            ),
            path(
                "<int:pk>/export.<str:fmt>",
                self.admin_site.admin_view(self.export_view),
                name="consent_subject_export",
            ),
            *super().get_urls(),
        ]

    def _subject_for(self, request, pk, fmt, formats):
        """The person `pk`, None for a number no one holds now (gone.person_gone_or_404)."""
        subject = Subject.objects.filter(pk=pk).first()
        if subject is not None and (
            not self.has_view_permission(request, subject) or fmt not in formats
        ):
            raise PermissionDenied
        return subject

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        """The person's page (or its history) after their data was destroyed: said so, with
        when and under which request (gone.py), not «Perhaps it was deleted?»."""
        return person_gone(request, object_id) or super()._get_obj_does_not_exist_redirect(
            request, opts, object_id
        )

    def export_view(self, request, pk, fmt):
        """Everything held about the person (compliance L10), for staff answering a request."""
        kind = "application/json" if fmt == "json" else "application/pdf"
        return self._file(request, pk, fmt, disclosure.EXPORT_FORMATS, disclosure.subject_export,
                          f"subject-{pk}.{fmt}", kind)  # fmt: skip

    def evidence_view(self, request, pk, fmt):
        kind = "text/csv; charset=utf-8" if fmt == "csv" else "application/pdf"
        name = f"consent-evidence-{pk}.{fmt}"
        return self._file(request, pk, fmt, disclosure.EVIDENCE_FORMATS,
                          disclosure.subject_evidence, name, kind)  # fmt: skip

    def _file(self, request, pk, fmt, formats, make, filename, content_type):
        """The person's file `make` writes in `fmt` (one of `formats`), released to staff."""
        subject = self._subject_for(request, pk, fmt, formats)
        if subject is None:
            return person_gone_or_404(request, pk)
        return released(request, subject, lambda: make(subject, fmt=fmt, actor=request.user),
                        filename=filename, content_type=content_type)  # fmt: skip


def _mail_state(mail: Email, now) -> str:
    """What became of a mail, as an officer reads it: one withdrawn or past its time (an answer
    replaced by a fresh one, a link mailed too late) stays "queued" in the outbox, but never
    goes out."""
    if never_sent(mail, now):
        return str(NEVER_SENT)
    if receipt := next(iter(getattr(mail, "receipts", [])), None):
        # The relay's receipt (core.delivery._record): when it took the mail, and its queue id,
        # which the officer quotes to the person and by which the relay's own log traces it.
        return str(_("handed to the mail server on %(when)s: %(reply)s")) % {
            "when": reader_time(receipt.date),
            "reply": receipt.message,
        }
    return mail.get_status_display()
