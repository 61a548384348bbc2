"""The privacy core's data. Business rules live in ledger.py, gate.py, subjects.py and texts.py."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent.common.i18n import localised

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
    # A version written from the declarations keeps its template (prose with {{ placeholders }},
    # policydoc.py); publication fills it in, and the filled text is frozen in text_kk/text_ru
    # with its hashes. A version without a template (version 1) is the text as typed.
    template_kk = models.TextField(
        _("template (Kazakh)"), blank=True,
        help_text=_("The text with {{ placeholders }} filled in from the declarations when the "
                    "version is published."),
    )  # fmt: skip
    template_ru = models.TextField(_("template (Russian)"), blank=True)
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    changes_kk = models.TextField(_("changes since the previous version (Kazakh)"), blank=True)
    changes_ru = models.TextField(_("changes since the previous version (Russian)"), blank=True)
    sha256_kk = models.CharField("SHA-256 (kk)", max_length=64, blank=True, editable=False)
    sha256_ru = models.CharField("SHA-256 (ru)", max_length=64, blank=True, editable=False)
    # What it says of each purpose (declarations.agreement_key), frozen at publication: a
    # consent text on it must say the same (texts.disagreements).
    facts = models.JSONField(_("facts stated"), default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("privacy policy version")
        verbose_name_plural = _("privacy policy versions")

    def __str__(self):
        return str(self.number)

    @property
    def title(self):
        return localised(self, "title")

    @property
    def text(self):
        return localised(self, "text")

    @property
    def changes(self):
        return localised(self, "changes")


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
    # The operator's processors abroad (CROSS_BORDER_PROCESSORS) this version names, frozen with
    # the bodies: a consent covers a transfer only to a processor its text named (compliance L2).
    processors = models.JSONField(
        _("processors abroad named"), default=list, blank=True, editable=False
    )
    # The purpose's facts it states (declarations.agreement_key), frozen with the bodies.
    facts = models.JSONField(_("facts stated"), default=dict, blank=True, editable=False)
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
        return localised(self, "body", language)


class OperatorDocument(Published):
    """One version of a document the law asks the operator to approve, generated from the
    declarations (issue 20): the list of personal data per purpose (Art. 25(2)(1)) or the
    register of processing. Frozen at publication, kk and ru together, with the SHA-256 of
    what it says; the PDFs are made from the frozen content."""

    class Kind(models.TextChoices):
        DATA_LIST = "data_list", _("list of personal data (Art. 25(2)(1))")
        REGISTER = "register", _("register of processing")

    kind = models.CharField(_("document"), max_length=20, choices=Kind)
    version = models.PositiveIntegerField(_("version"), editable=False)
    content = models.JSONField(_("content"), default=dict, blank=True, editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="operatordocument_unique")
        ]
        verbose_name = _("operator's document")
        verbose_name_plural = _("operator's documents")

    def __str__(self):
        return f"{self.get_kind_display()} v{self.version}"


def photo_path(instance, filename):
    return f"private/photos/{uuid.uuid4().hex}.jpg"


class Subject(models.Model):
    """One person, found by email or phone, with the data the site currently holds on them."""

    full_name = models.CharField(_("full name"), max_length=300, blank=True)
    email = models.EmailField(_("email"), max_length=254, null=True, blank=True, unique=True)
    # Data, not identity: people share numbers, and a typed number proves nothing. NULL, as
    # before, is "no number" (erasure writes it).
    phone = models.CharField(  # noqa: DJ001
        _("phone"), max_length=20, null=True, blank=True, db_index=True
    )
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
    """The parent or guardian who consented for a minor (compliance L6)."""

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
    # When staff marked the inquiry or application dealt with: the service purpose is achieved
    # for it, and retention erases it after SERVICE_ACHIEVED_GRACE_DAYS (compliance L5).
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-id"]
        permissions = [("answer_submission", _("Can mark an inquiry or application answered"))]

    def __str__(self):
        return f"#{self.pk}"


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


class StaffProfile(models.Model):
    """What the site remembers of a staff member beyond Django's user: the language they last
    used the admin in, which their notices and digest are written in (compliance L24)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, primary_key=True, related_name="staff_profile"
    )
    language = models.CharField(
        _("language of notices"), max_length=2, choices=Language, default=Language.KK
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return f"#{self.pk}"


class StoredFile(models.Model):
    """A file of the "private" and "default" storages (consent/core/files.py): kept in the
    database, so that every app host reads, serves and destroys the same one. Its content is
    already Fernet ciphertext (photos, the access answers); it is deleted with its owner."""

    name = models.CharField(max_length=255, unique=True)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.name


class JobRun(models.Model):
    """A periodic job (digest, retention, intake) that ran to the end for one period: the record
    that keeps a second host from running it again for that period (consent/core/jobs.py), and
    the time an operator's health check reads."""

    job = models.CharField(max_length=40)
    period = models.CharField(max_length=40)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="job_run_once")]
        indexes = [models.Index(fields=["job", "-finished_at"], name="job_run_latest")]

    def __str__(self):
        return f"{self.job} {self.period}"
