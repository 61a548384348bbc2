"""The append-only records: the consent ledger, the audit log, the tombstones."""

from django.conf import settings
from django.db import models
from django.db.models import JSONField, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.text import numbered

from ..purposes import purpose_choices
from .base import AppendOnly, Language
from .people import Guardian, Source, Subject
from .published import ConsentText


class LedgerEntry(AppendOnly):
    """One consent event. The current state of a consent is the latest event (gate.py)."""

    class Kind(models.TextChoices):
        GRANT = "grant", _("consent given")
        WITHDRAW = "withdraw", _("consent withdrawn")
        EXPIRE = "expire", _("consent expired")
        # The purpose is achieved (every inquiry answered): the consent has done its work.
        ACHIEVED = "achieved", _("purpose achieved")
        RECONSENT = "reconsent", _("consent must be given again")
        BLOCK = "block", _("processing blocked")
        UNBLOCK = "unblock", _("processing unblocked")

    subject = models.ForeignKey(Subject, models.PROTECT, verbose_name=_("data subject"))
    # NULL, not "", for block and unblock: they concern every purpose at once.
    purpose = models.CharField(  # noqa: DJ001
        _("purpose"), max_length=30, choices=purpose_choices, null=True, blank=True
    )
    kind = models.CharField(_("event"), max_length=20, choices=Kind)
    text = models.ForeignKey(
        ConsentText, models.PROTECT, null=True, blank=True, verbose_name=_("consent text")
    )
    text_sha256 = models.CharField(_("SHA-256 of the text shown"), max_length=64, blank=True)
    # The name the text was shown with (the form's, not always the record's; an address for a
    # newsletter without a name): text_sha256 is of the published text with it in place of the
    # name, so the evidence's reader can recompute it (compliance L4). "" for rows from before.
    shown_name = models.CharField(
        _("name in the text shown"), max_length=300, blank=True, db_default=""
    )
    # The data the text shown named (codes of purposes.DATA_FIELDS): a form's own, of the
    # purpose's list (texts.data_named); text_sha256 is of the text with their names, frozen
    # with it, in its list of data. [] for rows from before, whose text named its whole list.
    shown_fields = models.JSONField(
        _("data named in the text shown"),
        default=list,
        blank=True,
        db_default=Value([], JSONField()),
    )
    language = models.CharField(_("language"), max_length=2, choices=Language, blank=True)
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=30, choices=Source)
    guardian = models.ForeignKey(
        Guardian, models.PROTECT, null=True, blank=True, verbose_name=_("guardian")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("staff member"),
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("consent ledger entry")
        verbose_name_plural = _("consent ledger")
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["subject", "purpose", "-id"], name="ledger_state"),
            # The ledger list filtered by kind, newest first, and its count (issue 21).
            models.Index(fields=["kind", "-id"], name="ledger_kind"),
        ]

    def __str__(self):
        return numbered(self.pk)


class AuditEvent(AppendOnly):
    """Who did what to whose data, and when; no personal data beyond the subject's number."""

    class Action(models.TextChoices):
        CONSENT_GRANT = "consent_grant", _("consent given")
        CONSENT_WITHDRAW = "consent_withdraw", _("consent withdrawn")
        CONSENT_EXPIRE = "consent_expire", _("consent expired")
        CONSENT_ACHIEVED = "consent_achieved", _("purpose achieved")
        CONSENT_RECONSENT = "consent_reconsent", _("consent must be given again")
        SUBJECT_CREATE = "subject_create", _("data subject recorded")
        SUBJECT_VIEW = "subject_view", _("personal data viewed")
        SUBJECT_EDIT = "subject_edit", _("personal data changed")
        SUBJECT_EXPORT = "subject_export", _("personal data exported")
        SUBJECT_BLOCK = "subject_block", _("processing blocked")
        SUBJECT_UNBLOCK = "subject_unblock", _("processing unblocked")
        SUBJECT_DESTROY = "subject_destroy", _("personal data destroyed")
        EVIDENCE_EXPORT = "evidence_export", _("consent evidence exported")
        SUBMISSION = "submission", _("form received")
        SUBMISSION_ANSWER = "submission_answer", _("inquiry or application answered")
        TRANSFER_THIRD_PARTY = "transfer_third_party", _("transferred to a third party")
        TRANSFER_CROSS_BORDER = "transfer_cross_border", _("transferred abroad")
        PUBLICATION = "publication", _("published")
        TEXT_PUBLISH = "text_publish", _("consent text published")
        POLICY_PUBLISH = "policy_publish", _("privacy policy published")
        DOCUMENT_PUBLISH = "document_publish", _("operator's document published")
        REQUEST_OPEN = "request_open", _("request received")
        REQUEST_VERIFY = "request_verify", _("requester's identity confirmed")
        REQUEST_RETYPE = "request_retype", _("request type changed")
        DUE_RECOUNT = "due_recount", _("due date moved by a calendar change")
        REQUEST_CLOSE = "request_close", _("request answered")
        REQUEST_REOPEN = "request_reopen", _("request reopened")
        # Closed by the nightly job once it could no longer be confirmed (rights.expiring).
        REQUEST_EXPIRE = "request_expire", _("request closed by itself: not confirmed in time")
        # The link the per-address limit held back, sent by an officer (links.link_send_by_officer).
        LINK_SEND = "link_send", _("confirmation link sent by an officer")
        ANSWER_HELD_BACK = "answer_held_back", _("answer not sent: processing blocked")
        CAMPAIGN_START = "campaign_start", _("campaign sending started")
        CAMPAIGN_SEND = "campaign_send", _("campaign email queued")
        SELF_SERVICE_OPEN = "self_service_open", _("self-service page opened")
        STATISTICS_EXPORT = "statistics_export", _("depersonalised statistics exported")
        BREACH_RECORD = "breach_record", _("breach recorded in the register")
        BREACH_CHANGE = "breach_change", _("breach register entry changed")
        REGISTER_EXPORT = "register_export", _("register of requests exported")
        REQUEST_ASSIGN = "request_assign", _("request assigned to an officer")
        CALENDAR_CHANGE = "calendar_change", _("working-day calendar changed")
        PHRASE_CHANGE = "phrase_change", _("email request phrase changed")
        LOGIN_FAILED = "login_failed", _("failed staff sign-in")
        SESSIONS_END = "sessions_end", _("staff member's sessions ended")
        MAIL_HELD_OF_AGE = "mail_held_of_age", _("mail to a parent not sent: the child is 18 now")
        # The letter confirming a destruction, which no outbox keeps (rights.destroyed_told).
        DESTRUCTION_UNTOLD = "destruction_untold", _("destruction confirmation not delivered")

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=40, choices=Action)
    # Plain numbers, not foreign keys: the row outlives the user and the subject.
    actor_id = models.BigIntegerField(_("staff member"), null=True, blank=True)
    actor_label = models.CharField(_("staff login"), max_length=150, blank=True)
    subject_ref = models.BigIntegerField(_("data subject"), null=True, blank=True, db_index=True)
    object_type = models.CharField(_("object"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=60, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-id"]
        # The rows about one request or breach (audit.audited): every request's page reads its
        # reopenings, an access request's its answers, from a log of millions of rows; without
        # it each read scanned the whole table (170 ms at 1,000,000 rows, both cores).
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self):
        return numbered(self.pk)


class Tombstone(AppendOnly):
    """What remains of a destruction: which request, when, who, and what went; nothing
    personal. Each destruction the desk or retention performs leaves one, so that `tombstones
    reapply` can do it again in a database restored from an older backup (compliance L13)."""

    class Kind(models.TextChoices):
        # The whole person (`subject_ref`): erasure.subject_destroy.
        SUBJECT = "subject", _("the whole record")
        # Items of a person who stays (`erased`: codes of purposes.DATA_FIELDS):
        # erasure.subject_minimise.
        MINIMISED = "minimised", _("part of the record")
        # What a parent or guardian gave on children's records (`erased`: the guardian rows
        # emptied; no `subject_ref`, the parent has no record): erasure.guardian_erase.
        GUARDIAN = "guardian", _("a parent's or guardian's data")
        # Form submissions of a person who stays (`erased`: their numbers), once nothing needs
        # them (retention: an inquiry answered and past its grace period): erasure.submission_erase.
        SUBMISSION = "submission", _("form submissions")

    subject_ref = models.BigIntegerField(_("data subject"), null=True, blank=True)
    kind = models.CharField(
        _("what was destroyed"), max_length=20, choices=Kind, default=Kind.SUBJECT,
        db_default=Kind.SUBJECT,
    )  # fmt: skip
    erased = models.JSONField(
        _("items destroyed"), default=list, blank=True, db_default=Value([], JSONField())
    )
    request_ref = models.CharField(_("request"), max_length=60)
    at = models.DateTimeField(_("destroyed"), default=timezone.now)
    actor_id = models.BigIntegerField(_("staff member"), null=True, blank=True)
    actor_label = models.CharField(_("staff login"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("destruction record")
        verbose_name_plural = _("destruction records")
        ordering = ["-id"]

    def __str__(self):
        return numbered(self.pk)


class ConsentCounted(AppendOnly):
    """One consent given or withdrawn, as the statistics count it (compliance L23): its local
    month, purpose, language and the person's age band that day, and nothing else (no person,
    no time). Written with its ledger row, in its transaction (ledger.py); it stays when the
    person's ledger rows go with their data, so a month's counts never shrink afterwards."""

    month = models.DateField(_("month"))
    kind = models.CharField(_("event"), max_length=20, choices=LedgerEntry.Kind)
    purpose = models.CharField(_("purpose"), max_length=30, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language, blank=True)
    age_band = models.CharField(_("age band"), max_length=10)

    class Meta:
        verbose_name = _("consent counted for the statistics")
        verbose_name_plural = _("consents counted for the statistics")
        # The chart reads the last 12 months of two kinds; the table grows with the ledger.
        indexes = [models.Index(fields=["month", "kind"], name="counted_month_kind")]
