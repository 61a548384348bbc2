"""The names of the access export's sections and fields, in the person's language: the headings
and labels of the PDF, and the JSON's "labels" (compliance L10)."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy

from consent.core.models import AuditEvent, Guardian, LedgerEntry, Subject, Submission
from consent.marketing.models import Campaign, CampaignRecipient

from .models import Correction, KeptRequest, QuarantinedMessage, Ticket


def field_name(model, field):
    return model._meta.get_field(field).verbose_name


def _plural(model):
    return capfirst(model._meta.verbose_name_plural)


# section -> (heading, {key: label}); also the order of the PDF.
SECTIONS = {
    "data": (
        gettext_lazy("Your data"),
        {
            f: field_name(Subject, f)
            for f in [
                "full_name",
                "email",
                "phone",
                "birth_date",
                "birth_place",
                "language",
                "photo",
                "created_at",
                "updated_at",
            ]
        },
    ),
    "sources_and_methods": (
        gettext_lazy("Where the data came from and how it was collected"),
        {
            "source": field_name(Submission, "source"),
            "method": gettext_lazy("method"),
            "received": field_name(Submission, "created_at"),
            "answered": field_name(Submission, "answered_at"),
            "consent": field_name(Submission, "consent_held"),
            "language": field_name(Submission, "language"),
            "data_sent": field_name(Submission, "data"),
            "photo": field_name(Submission, "photo"),
        },
    ),
    "purposes": (
        gettext_lazy("Purposes, terms and recipients"),
        {
            "purpose": field_name(LedgerEntry, "purpose"),
            "description": gettext_lazy("what it is for"),
            "consent": gettext_lazy("consent now"),
            "processed_now": gettext_lazy("processed now"),
            "data": gettext_lazy("data processed"),
            "term": gettext_lazy("the term of the consent"),
            "consent_expires": field_name(LedgerEntry, "expires_at"),
            "consent_given_at": gettext_lazy("when you gave your consent"),
            "consent_text_version_given": gettext_lazy("consent text version you agreed to"),
            "consent_text_given": gettext_lazy("the text you agreed to"),
            "consent_asked_again": gettext_lazy("consent asked again"),
            "third_party_recipients": gettext_lazy("third parties who receive the data"),
            "cross_border_recipients": gettext_lazy("recipients abroad (cross-border transfer)"),
            "published": gettext_lazy("published"),
        },
    ),
    "consent_history": (
        gettext_lazy("Consent history"),
        {
            "at": field_name(LedgerEntry, "at"),
            "event": field_name(LedgerEntry, "kind"),
            "purpose": field_name(LedgerEntry, "purpose"),
            "consent_ended": gettext_lazy("the consent it ends"),
            "consent_text_version": gettext_lazy("consent text version"),
            "privacy_policy_version": gettext_lazy("privacy policy version"),
            "text_sha256": field_name(LedgerEntry, "text_sha256"),
            "shown_name": field_name(LedgerEntry, "shown_name"),
            "shown_fields": field_name(LedgerEntry, "shown_fields"),
            "consent_text": gettext_lazy("consent text shown"),
            "text_gives_sha256": gettext_lazy("the text gives this SHA-256"),
            "text_as_published": gettext_lazy(
                "the text kept is the one published (it gives the SHA-256 published with it)"
            ),
            "language": field_name(LedgerEntry, "language"),
            "source": field_name(LedgerEntry, "source"),
            "ip": field_name(LedgerEntry, "ip"),
            "user_agent": field_name(LedgerEntry, "user_agent"),
            "expires_at": field_name(LedgerEntry, "expires_at"),
            "consent_asked_again": gettext_lazy("consent asked again"),
            "guardian": field_name(LedgerEntry, "guardian"),
            "reason": field_name(LedgerEntry, "reason"),
        },
    ),
    "guardians": (
        _plural(Guardian),
        {
            "full_name": field_name(Guardian, "full_name"),
            "contact": field_name(Guardian, "contact"),
            "recorded": field_name(Subject, "created_at"),
            "declined": field_name(Guardian, "declined"),
        },
    ),
    # What the person gave as a parent or guardian with their consent for a child: held on the
    # child's record, theirs to know (core.guardians.given_as_guardian); of the child, the name.
    "as_guardian": (
        gettext_lazy("Given by you as a parent or guardian"),
        {
            "child": gettext_lazy("child"),
            "full_name": field_name(Guardian, "full_name"),
            "contact": field_name(Guardian, "contact"),
            "recorded": field_name(Subject, "created_at"),
            "consents": gettext_lazy("consent given for the child"),
        },
    ),
    "requests": (
        _plural(Ticket),
        {
            "reference": Ticket._meta.verbose_name,
            **{
                f: field_name(Ticket, f)
                for f in [
                    "type",
                    "status",
                    "channel",
                    "email",
                    "language",
                    "purpose",
                    "message",
                    "message_id",
                    "reply_to",
                    "received_at",
                    "due_date",
                ]
            },
            "due_passed": gettext_lazy("about the due date"),
            **{
                f: field_name(Ticket, f)
                for f in [
                    "verified_at",
                    "closed_at",
                    "outcome",
                    "reopen_reasons",
                    "regarding",
                    "guardian",
                ]
            },
            "child": gettext_lazy("child"),
        },
    ),
    "kept_requests": (
        _plural(KeptRequest),
        {f: field_name(KeptRequest, f) for f in ["type", "message", "kept_until"]},
    ),
    "corrections": (
        _plural(Correction),
        {
            "request": Ticket._meta.verbose_name,
            **{
                f: field_name(Correction, f)
                for f in ["field", "old_value", "new_value", "document", "at"]
            },
        },
    ),
    "campaigns": (
        _plural(Campaign),
        {
            "email_subject": gettext_lazy("email subject"),
            "language": field_name(CampaignRecipient, "language"),
            "queued_at": field_name(CampaignRecipient, "queued_at"),
            "withheld_at": field_name(CampaignRecipient, "withheld_at"),
            "returned_at": field_name(CampaignRecipient, "returned_at"),
            "returned_as": field_name(CampaignRecipient, "returned_as"),
        },
    ),
    "emails": (
        capfirst(gettext_lazy("emails sent")),
        {
            "created": field_name(LedgerEntry, "at"),
            "to": field_name(Subject, "email"),
            "email_subject": gettext_lazy("email subject"),
            "status": field_name(Ticket, "status"),
        },
    ),
    # Her letters the intake set aside, kept for the officers until destroyed
    # (export_audit.set_aside_letters).
    "set_aside": (
        gettext_lazy("Your letters for which no request was opened"),
        {
            "received": field_name(QuarantinedMessage, "received_at"),
            "reason": field_name(QuarantinedMessage, "reason"),
            "request": field_name(QuarantinedMessage, "ticket"),
            "destroyed_on": gettext_lazy("destroyed on"),
        },
    ),
    # The staff sign-in's records naming the person (sign_ins.sign_ins_of).
    "sign_ins": (
        gettext_lazy("Typed into our staff sign-in under your address or phone number"),
        {
            "at": field_name(AuditEvent, "at"),
            "what": field_name(AuditEvent, "action"),
            "typed": gettext_lazy("typed as the user name"),
            "ip": field_name(LedgerEntry, "ip"),
            "user_agent": field_name(LedgerEntry, "user_agent"),
            "kept_until": gettext_lazy("kept until"),
        },
    ),
    # The audit log's rows about the person (export_audit.audit_trail): who saw their data.
    "audit_trail": (
        gettext_lazy("What was done with your data"),
        {
            "at": field_name(AuditEvent, "at"),
            "action": field_name(AuditEvent, "action"),
            "by": gettext_lazy("done by"),
            "request": Ticket._meta.verbose_name,
        },
    ),
}
