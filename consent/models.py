"""The privacy core's data. Business rules live in ledger.py, gate.py, subjects.py and texts.py."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .purposes import purpose_choices


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} rows cannot be changed")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} rows cannot be deleted")


class AppendOnly(models.Model):
    """Rows are inserted, never changed or deleted (the database enforces it too: sql.py)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} rows cannot be deleted")


class Language(models.TextChoices):
    KK = "kk", "Қазақша"
    RU = "ru", "Русский"


class Published(models.Model):
    """A document that is a draft until published and frozen after (checked again in sql.py)."""

    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if (
            not self._state.adding
            and type(self).objects.filter(pk=self.pk, published_at__isnull=False).exists()
        ):
            raise AppendOnlyError(f"a published {type(self).__name__} cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_published:
            raise AppendOnlyError(f"a published {type(self).__name__} cannot be deleted")
        return super().delete(*args, **kwargs)

    @property
    def is_published(self):
        return self.published_at is not None


class PolicyVersion(Published):
    number = models.PositiveIntegerField(_("version"), unique=True)
    effective_date = models.DateField(_("effective date"))
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    text_kk = models.TextField(_("text (Kazakh)"))
    text_ru = models.TextField(_("text (Russian)"))

    class Meta:
        ordering = ["-number"]
        verbose_name = _("privacy policy version")
        verbose_name_plural = _("privacy policy versions")

    def __str__(self):
        return str(self.number)

    @property
    def title(self):
        return self.title_ru if get_language() == "ru" else self.title_kk

    @property
    def text(self):
        return self.text_ru if get_language() == "ru" else self.text_kk


class ConsentText(Published):
    """One version of the consent wording for one purpose, kk and ru together (Art. 8(4)).

    At publication the wording is rendered from the purpose and the operator's settings and
    frozen in body_kk/body_ru, with {full_name} standing for the person's name; the hashes are
    of those frozen bodies. What each person saw is hashed again, with their name, on the ledger.
    """

    purpose = models.CharField(_("purpose"), max_length=30, choices=purpose_choices)
    version = models.PositiveIntegerField(_("version"))
    policy = models.ForeignKey(
        PolicyVersion, models.PROTECT, verbose_name=_("privacy policy version")
    )
    other_kk = models.TextField(_("other information (Kazakh)"), blank=True)
    other_ru = models.TextField(_("other information (Russian)"), blank=True)
    body_kk = models.TextField(_("consent text (Kazakh)"), blank=True, editable=False)
    body_ru = models.TextField(_("consent text (Russian)"), blank=True, editable=False)
    sha256_kk = models.CharField("SHA-256 (kk)", max_length=64, blank=True, editable=False)
    sha256_ru = models.CharField("SHA-256 (ru)", max_length=64, blank=True, editable=False)
    requires_reconsent = models.BooleanField(
        _("requires consent again"),
        default=False,
        help_text=_("Consents given to earlier versions stop counting once this is published."),
    )

    class Meta:
        ordering = ["purpose", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["purpose", "version"], name="consenttext_unique")
        ]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")

    def __str__(self):
        return f"{self.get_purpose_display()} v{self.version}"

    def body(self, language):
        return self.body_ru if language == "ru" else self.body_kk


def photo_path(instance, filename):
    return f"private/photos/{uuid.uuid4().hex}.jpg"


class Subject(models.Model):
    """One person, found by email or phone, with the data the site currently holds on them."""

    full_name = models.CharField(_("full name"), max_length=300, blank=True)
    email = models.EmailField(_("email"), max_length=254, null=True, blank=True, unique=True)
    phone = models.CharField(_("phone"), max_length=20, null=True, blank=True, unique=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_place = models.CharField(_("place of birth"), max_length=300, blank=True)
    photo = models.FileField(_("photo"), upload_to=photo_path, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language, default=Language.KK)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("data subject")
        verbose_name_plural = _("data subjects")
        ordering = ["-id"]

    def __str__(self):
        # No personal data: this string lands in django_admin_log.
        return f"#{self.pk}"


class Guardian(models.Model):
    """The parent or guardian who consented for a minor (legal item 6)."""

    subject = models.ForeignKey(Subject, models.CASCADE, related_name="guardians")
    full_name = models.CharField(_("guardian's full name"), max_length=300)
    contact = models.CharField(_("guardian's contact"), max_length=254)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("guardian")
        verbose_name_plural = _("guardians")

    def __str__(self):
        return f"#{self.pk}"


class Source(models.TextChoices):
    CONTACT_FORM = "contact_form", _("contact form")
    APPLICATION_FORM = "application_form", _("application form")
    NEWSLETTER_FORM = "newsletter_form", _("newsletter form")
    REQUEST_FORM = "request_form", _("request form")
    EMAIL_REQUEST = "email_request", _("email request")
    ADMIN = "admin", _("staff, in the admin")
    UNSUBSCRIBE = "unsubscribe", _("unsubscribe link")
    BANNER = "banner", _("cookie banner")
    SELF_SERVICE = "self_service", _("self-service page")
    RETENTION = "retention", _("retention job")


class Submission(models.Model):
    """What one form sent, as sent (files excepted), linked to the person."""

    subject = models.ForeignKey(Subject, models.CASCADE, related_name="submissions")
    source = models.CharField(_("form"), max_length=30, choices=Source)
    data = models.JSONField(_("data sent"), default=dict)
    photo = models.FileField(_("photo"), upload_to=photo_path, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language)
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-id"]

    def __str__(self):
        return f"#{self.pk}"


class LedgerEntry(AppendOnly):
    """One consent event. The current state of a consent is the latest event (gate.py)."""

    class Kind(models.TextChoices):
        GRANT = "grant", _("consent given")
        WITHDRAW = "withdraw", _("consent withdrawn")
        EXPIRE = "expire", _("consent expired")
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
        indexes = [models.Index(fields=["subject", "purpose", "-id"], name="ledger_state")]

    def __str__(self):
        return f"#{self.pk}"


class AuditEvent(AppendOnly):
    """Who did what to whose data, and when; no personal data beyond the subject's number."""

    class Action(models.TextChoices):
        CONSENT_GRANT = "consent_grant", _("consent given")
        CONSENT_WITHDRAW = "consent_withdraw", _("consent withdrawn")
        CONSENT_EXPIRE = "consent_expire", _("consent expired")
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
        TRANSFER_THIRD_PARTY = "transfer_third_party", _("transferred to a third party")
        TRANSFER_CROSS_BORDER = "transfer_cross_border", _("transferred abroad")
        PUBLICATION = "publication", _("published")
        TEXT_PUBLISH = "text_publish", _("consent text published")
        POLICY_PUBLISH = "policy_publish", _("privacy policy published")
        REQUEST_OPEN = "request_open", _("request received")
        REQUEST_VERIFY = "request_verify", _("requester's identity confirmed")
        REQUEST_CLOSE = "request_close", _("request answered")
        CAMPAIGN_SEND = "campaign_send", _("campaign email queued")
        SELF_SERVICE_OPEN = "self_service_open", _("self-service page opened")
        STATISTICS_EXPORT = "statistics_export", _("depersonalised statistics exported")
        LOGIN_FAILED = "login_failed", _("failed staff sign-in")

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

    def __str__(self):
        return f"#{self.pk}"


class Tombstone(AppendOnly):
    """What remains of a destroyed subject: which request, when, and who; nothing personal."""

    subject_ref = models.BigIntegerField(_("data subject"))
    request_ref = models.CharField(_("request"), max_length=60)
    at = models.DateTimeField(_("destroyed"), default=timezone.now)
    actor_id = models.BigIntegerField(_("staff member"), null=True, blank=True)
    actor_label = models.CharField(_("staff login"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("destruction record")
        verbose_name_plural = _("destruction records")
        ordering = ["-id"]

    def __str__(self):
        return f"#{self.pk}"


class CalendarOverride(models.Model):
    """A date the government decree treats differently from the holidays package (legal item 8)."""

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(
        _("working day"), help_text=_("Ticked: a working day (e.g. a Saturday moved by decree).")
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("calendar exception")
        verbose_name_plural = _("working-day calendar")

    def __str__(self):
        return str(self.date)


class Request(models.Model):
    """A data subject's request, with its legal due date in Kazakhstan working days."""

    class Type(models.TextChoices):
        ACCESS = "access", _("access to my data")
        CORRECT = "correct", _("correct or update my data")
        BLOCK = "block", _("block processing")
        UNBLOCK = "unblock", _("unblock processing")
        DESTROY = "destroy", _("destroy my data")
        WITHDRAW = "withdraw", _("withdraw consent")
        UNSUBSCRIBE = "unsubscribe", _("stop news and offers")
        PUBLICATION_REMOVAL = "publication_removal", _("remove my data from public sources")
        TRANSFER_NOTICE = "transfer_notice", _("tell me about transfers to third parties")
        AUTOMATED_OBJECTION = "automated_objection", _("object to automated decisions about me")
        OTHER = "other", _("other question")

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", _("waiting for the person to confirm")
        OPEN = "open", _("confirmed, to be done")
        DONE = "done", _("done")
        REFUSED = "refused", _("refused with reasons")
        CLOSED = "closed", _("closed without action")

    class Channel(models.TextChoices):
        WEB = "web", _("web form")
        EMAIL = "email", _("email")
        SELF_SERVICE = "self_service", _("self-service page")

    type = models.CharField(_("type"), max_length=20, choices=Type)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.UNVERIFIED, db_index=True
    )
    channel = models.CharField(_("received by"), max_length=20, choices=Channel)
    subject = models.ForeignKey(
        Subject, models.SET_NULL, null=True, blank=True, related_name="requests",
        verbose_name=_("data subject"),
    )  # fmt: skip
    email = models.EmailField(_("requester's email"), max_length=254)
    language = models.CharField(_("language"), max_length=2, choices=Language, default="kk")
    purpose = models.CharField(
        _("purpose"), max_length=30, choices=purpose_choices, blank=True,
        help_text=_("For a withdrawal: empty means every purpose."),
    )  # fmt: skip
    message = models.TextField(_("message"), blank=True)
    message_id = models.CharField(
        _("email Message-ID"), max_length=300, null=True, blank=True, unique=True
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    due_date = models.DateField(_("due"), db_index=True)
    verified_at = models.DateTimeField(_("identity confirmed"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.TextField(_("answer to the person"), blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["status", "due_date"], name="request_desk")]
        verbose_name = _("request")
        verbose_name_plural = _("requests")

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"R-{self.pk}"

    @property
    def is_open(self):
        return self.status in (self.Status.UNVERIFIED, self.Status.OPEN)


class Correction(models.Model):
    """Old and new values of a correction: personal data, so it lives and dies with the subject."""

    subject = models.ForeignKey(Subject, models.CASCADE, related_name="corrections")
    request = models.ForeignKey(Request, models.SET_NULL, null=True, blank=True)
    field = models.CharField(_("field"), max_length=40)
    old_value = models.TextField(_("old value"), blank=True)
    new_value = models.TextField(_("new value"), blank=True)
    document = models.CharField(_("supporting document"), max_length=300)
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return f"#{self.pk}"


class Campaign(models.Model):
    """News and offers by email, in Kazakh first and Russian for those who chose it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENT = "sent", _("queued for sending")

    title = models.CharField(_("internal title"), max_length=200)
    subject_kk = models.CharField(_("email subject (Kazakh)"), max_length=200)
    body_kk = models.TextField(_("text (Kazakh)"))
    subject_ru = models.CharField(_("email subject (Russian)"), max_length=200, blank=True)
    body_ru = models.TextField(
        _("text (Russian)"), blank=True, help_text=_("Empty: Russian readers get the Kazakh text.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.title

    def content(self, language):
        """(subject, text) in the recipient's language, Kazakh when no Russian was written."""
        if language == "ru" and self.subject_ru and self.body_ru:
            return self.subject_ru, self.body_ru
        return self.subject_kk, self.body_kk


class CampaignRecipient(models.Model):
    """Who a campaign was queued to, and when: proof that only consenting people got it."""

    campaign = models.ForeignKey(Campaign, models.PROTECT, related_name="recipients")
    subject = models.ForeignKey(Subject, models.CASCADE, related_name="campaigns_received")
    language = models.CharField(_("language"), max_length=2, choices=Language)
    queued_at = models.DateTimeField(_("queued"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "subject"], name="one_send_per_person")
        ]
        verbose_name = _("campaign recipient")
        verbose_name_plural = _("campaign recipients")

    def __str__(self):
        return f"#{self.pk}"


class CookieChoice(AppendOnly):
    """A visitor's answer on the cookie banner: anonymous (a random id), no IP, no user agent."""

    class Choice(models.TextChoices):
        ACCEPT = "accept", _("accepted")
        REJECT = "reject", _("rejected")

    visitor = models.UUIDField(_("random visitor id"), db_index=True)
    choice = models.CharField(_("choice"), max_length=10, choices=Choice)
    policy_version = models.PositiveIntegerField(_("privacy policy version"))
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("cookie choice")
        verbose_name_plural = _("cookie choices")

    def __str__(self):
        return f"#{self.pk}"


class UsedLink(models.Model):
    """A single-use link already opened (self-service); holds no personal data."""

    nonce = models.UUIDField(unique=True)
    used_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return str(self.nonce)


class Breach(models.Model):
    """A personal-data security incident (legal item 21): the regulator is told within one
    working day of detection, and the people affected as the rules require."""

    detected_at = models.DateTimeField(_("detected"))
    description = models.TextField(_("what happened"), help_text=_("No personal data here."))
    data_affected = models.TextField(_("data affected"), blank=True)
    people_affected = models.PositiveIntegerField(_("people affected (estimate)"), default=0)
    measures = models.TextField(_("measures taken"), blank=True)
    regulator_due = models.DateField(_("regulator to be notified by"), editable=False)
    regulator_notified_at = models.DateTimeField(_("regulator notified"), null=True, blank=True)
    subjects_notified = models.BooleanField(_("people affected were told"), default=False)
    subjects_notified_at = models.DateTimeField(_("people told on"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-detected_at"]
        verbose_name = _("breach incident")
        verbose_name_plural = _("breach register")

    def __str__(self):
        return f"#{self.pk}"

    def save(self, *args, **kwargs):
        from .calendar import due_date

        self.regulator_due = due_date(self.detected_at, 1)
        super().save(*args, **kwargs)
